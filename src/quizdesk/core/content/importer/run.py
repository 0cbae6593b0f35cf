"""The import as one operation: plan (read and parse), write (one transaction), copy images.

Used the same way by ``quizdesk import``, the GUI's File → Import (on a worker
thread) and the benchmark. Questions of each import root are synced with
``origin="import:<root>"`` through :func:`sync_questions`, which updates a
question in place when its text changed and keeps its attempts and review
state. Re-importing never duplicates: ids are stable (see :mod:`.parse`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quizdesk.core.content.importer import media
from quizdesk.core.content.importer.images import ImageLocaliser, MediaCopy, TreeImages, media_folder
from quizdesk.core.content.importer.parse import ParsedFile, origin_for, parse_file
from quizdesk.core.content.importer.render_check import check_answers
from quizdesk.core.content.importer.report import ImportedQuestion, ImportReport
from quizdesk.core.content.importer.walk import collect_sources
from quizdesk.core.content.model import ParsedQuestion, Problem
from quizdesk.core.db.backup import backup_before
from quizdesk.core.paths import DB_FILENAME

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]
ORIGIN_PREFIX = "import:"


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass
class RootPlan:
    root: Path
    origin: str
    complete: bool  # the whole root was walked: questions of files gone from it retire
    present: set[str] = field(default_factory=set)  # files found under the root
    read: set[str] = field(default_factory=set)  # files read: their missing questions retire
    questions: list[ParsedQuestion] = field(default_factory=list)
    displays: dict[str, str] = field(default_factory=dict)  # relative path → how messages name it


@dataclass
class ImportPlan:
    roots: list[RootPlan] = field(default_factory=list)
    media: list[MediaCopy] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_total: int = 0
    files_read: int = 0
    files_skipped: int = 0

    @property
    def questions(self) -> list[ParsedQuestion]:
        return [q for plan in self.roots for q in plan.questions]


def _check(cancelled: CancelledFn | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()


def plan_import(
    paths: Sequence[Path],
    *,
    topic: str | None = None,
    media_root: Path | None = None,
    known_roots: Sequence[Path] = (),
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> ImportPlan:
    """Read and parse everything under ``paths``; nothing is written.

    ``media_root``: where local images will go (``<data_dir>/media``); None
    leaves image references untouched. ``known_roots``: folders imported
    before (see :func:`walk.collect_sources`).
    """
    sources = collect_sources(list(paths), list(known_roots), topic.strip() if topic else None)
    plan = ImportPlan(problems=list(sources.problems), files_total=len(sources.files))
    by_root: dict[Path, RootPlan] = {}
    trees: dict[Path, TreeImages] = {}  # one index of image files per root, for images found by name
    total = len(sources.files) + 1  # the last step is the database write
    for done, source in enumerate(sources.files):
        _check(cancelled)
        if progress is not None:
            progress(done, total, source.display)
        root_plan = by_root.get(source.root)
        if root_plan is None:
            root_plan = RootPlan(source.root, origin_for(source), source.root in sources.complete_roots, sources.present.get(source.root, set()))
            by_root[source.root] = root_plan
            plan.roots.append(root_plan)
        # Always localise: even without a data folder, references leaving the folder are refused.
        target_dir = media_folder(media_root, source.root) if media_root is not None else None
        tree = trees.setdefault(source.root, TreeImages(source.root))
        localiser = ImageLocaliser(source.path, source.root, target_dir, source.display, tree)
        parsed: ParsedFile = parse_file(source, localiser)
        plan.problems.extend(parsed.problems)
        plan.media.extend(parsed.media)
        root_plan.displays[source.relative] = source.display
        if parsed.read:
            plan.files_read += 1
            root_plan.read.add(source.relative)
        if not parsed.questions:
            plan.files_skipped += 1
        root_plan.questions.extend(parsed.questions)
    # One image referenced from several files is copied once.
    plan.media = list({copy.target: copy for copy in plan.media}.values())
    return plan


def _retire_gone(session: Session, root_plan: RootPlan, seen: set[str]) -> int:
    """Retire questions that left a file read now, or whose file left a fully walked folder."""
    from sqlalchemy import select

    from quizdesk.core.db.models import Question, utcnow

    now = utcnow()
    retired = 0
    rows = session.scalars(select(Question).where(Question.origin == root_plan.origin, Question.retired_at.is_(None)))
    for row in rows:
        if row.external_id in seen:
            continue
        gone_file = root_plan.complete and row.source_path not in root_plan.present
        if row.source_path in root_plan.read or gone_file:
            row.retired_at = now
            retired += 1
    return retired


def _source(root_plan: RootPlan, question: ParsedQuestion) -> str:
    return f"{root_plan.displays.get(question.source_path, question.source_path)}:{question.source_line}"


def write_plan(session: Session, plan: ImportPlan, *, cancelled: CancelledFn | None = None) -> ImportReport:
    """Store the planned questions; the caller owns (commits or rolls back) the transaction."""
    from sqlalchemy import select

    from quizdesk.core.content.sync import sync_questions
    from quizdesk.core.db.models import Question

    report = ImportReport(files=plan.files_read, skipped_files=plan.files_skipped, problems=list(plan.problems))
    for root_plan in plan.roots:
        _check(cancelled)
        synced = sync_questions(session, root_plan.questions, origin=root_plan.origin, retire_missing=False)
        report.imported += synced.inserted
        report.updated += synced.updated
        report.unchanged += synced.unchanged
        report.skipped_questions += synced.skipped
        report.problems.extend(Problem(p.path, p.line, p.message, "warning") for p in synced.problems)
        seen = {q.external_id for q in root_plan.questions}
        report.retired += _retire_gone(session, root_plan, seen)
        rows = session.execute(select(Question.external_id, Question.id).where(Question.origin == root_plan.origin))
        ids = {external: db_id for external, db_id in rows}
        for q in root_plan.questions:
            if q.external_id not in ids:
                continue  # refused by the sync (its id belongs to another origin): warned above
            report.questions.append(
                ImportedQuestion(q.external_id, q.title, q.topic.module_name, q.topic.topic_name, _source(root_plan, q), ids.get(q.external_id))
            )
    session.flush()
    return report


def _report_without_db(plan: ImportPlan) -> ImportReport:
    report = ImportReport(files=plan.files_read, skipped_files=plan.files_skipped, problems=list(plan.problems), dry_run=True)
    for root_plan in plan.roots:
        for q in root_plan.questions:
            report.questions.append(ImportedQuestion(q.external_id, q.title, q.topic.module_name, q.topic.topic_name, _source(root_plan, q)))
    report.imported = len(report.questions)
    return report


def known_import_roots(session: Session) -> list[Path]:
    """Folders imported before, from the origins of their questions."""
    from sqlalchemy import select

    from quizdesk.core.db.models import Question

    origins = session.scalars(select(Question.origin).where(Question.origin.startswith(ORIGIN_PREFIX)).distinct())
    return [Path(o[len(ORIGIN_PREFIX):]) for o in origins if os.path.isabs(o[len(ORIGIN_PREFIX):])]


def _render_bases(plan: ImportPlan, data_dir: Path | None, copied: bool) -> dict[str, Path]:
    """Per root origin: the folder the check resolves images against, as the app will.

    Once the images are copied that is the root's media folder; before (a dry
    run) the root itself, which the media folder mirrors.
    """
    from quizdesk.core.content.importer.images import media_base

    bases: dict[str, Path] = {}
    for root_plan in plan.roots:
        base = media_base(data_dir, root_plan.origin) if data_dir is not None and copied else None
        bases[root_plan.origin] = base if base is not None else root_plan.root
    return bases


def check_rendering(
    report: ImportReport, plan: ImportPlan, data_dir: Path | None, *, copied: bool, cancelled: CancelledFn | None = None
) -> None:
    """Fill ``report.render_problems``: each imported answer rendered as the app will (same base, same renderer)."""
    bases = _render_bases(plan, data_dir, copied)
    listed = {q.external_id: q.source for q in report.questions}
    answers = []
    for root_plan in plan.roots:
        for q in root_plan.questions:
            if q.external_id not in listed:
                continue
            if data_dir is None:
                # No data folder: references were left as written, relative to the file's folder.
                base = (root_plan.root / q.source_path).parent
            else:
                base = bases[root_plan.origin]
            answers.append((q.external_id, listed[q.external_id], q.answer_md, base))
    report.render_problems = check_answers(answers, cancelled=cancelled)


def run_import(
    paths: Sequence[Path],
    *,
    session_factory: Callable[[], Session] | None,
    data_dir: Path | None,
    topic: str | None = None,
    dry_run: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> ImportReport:
    """Import ``paths`` (files and folders) into the database, all in one transaction.

    ``session_factory`` None (a dry run without a database): parse only and
    report every question as new. ``dry_run``: do everything, then roll back
    and copy no image. Raises :class:`ImportCancelled` when ``cancelled()``
    turns true before the commit; the database is then as it was.
    """
    known: list[Path] = []
    if session_factory is not None:
        with session_factory() as session:
            known = known_import_roots(session)
    plan = plan_import(
        paths,
        topic=topic,
        media_root=(data_dir / "media") if data_dir is not None else None,
        known_roots=known,
        progress=progress,
        cancelled=cancelled,
    )
    if progress is not None:
        progress(plan.files_total, plan.files_total + 1, "")
    if session_factory is None:
        report = _report_without_db(plan)
        check_rendering(report, plan, data_dir, copied=False, cancelled=cancelled)
        return report
    if not dry_run and plan.questions and data_dir is not None:
        # Before anything is written: an import that went wrong can be undone
        # by restoring this copy (Settings → Restore from backup).
        backup_before(data_dir / DB_FILENAME, "before-import")
    staged: list[media.Staged] = []
    with session_factory() as session:
        try:
            report = write_plan(session, plan, cancelled=cancelled)
            if dry_run:
                session.rollback()
                report.dry_run = True
                check_rendering(report, plan, data_dir, copied=False, cancelled=cancelled)
                return report
            staged, problems = media.stage(plan.media)
            report.problems.extend(problems)
            _check(cancelled)
            session.commit()
        except BaseException:
            session.rollback()
            media.discard(staged)
            raise
    report.problems.extend(media.commit(staged))
    report.images = len(staged)
    # After the commit: cancelling now only cuts the check short, the import stands.
    check_rendering(report, plan, data_dir, copied=True, cancelled=cancelled)
    return report

"""``.apkg`` / ``.colpkg`` → questions, attempts and FSRS states, in one transaction.

The package is read and checked completely before anything is written
(:mod:`package`, :mod:`collection`, :mod:`notes`): a damaged, encrypted,
unknown or non-Anki file raises :class:`AnkiPackageError` and changes nothing.
Then, in one database transaction: the questions (``origin="import:anki"``,
synced like the Markdown import — updated in place on re-import, never
duplicated), one attempt per answer in the review log (mode ``anki``; its
revlog id kept in ``given`` so a second import adds no answer twice), and
each question's FSRS state. Media are copied under temporary names and put in
place only after the commit.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from quizdesk.core.anki.collection import Collection, Review, read_collection
from quizdesk.core.anki.errors import AnkiCancelled, AnkiPackageError
from quizdesk.core.anki.fields import has_image
from quizdesk.core.anki.notes import PlannedQuestion, plan_notes
from quizdesk.core.anki.package import OpenedPackage, open_package
from quizdesk.core.anki.rows import ATTEMPT_COLUMNS, STATE_COLUMNS, answer_row, insert_rows, json_encoder, state_row
from quizdesk.core.anki.schedule import Memory, from_ms, is_answer, memory_from_card, replay
from quizdesk.core.content.importer import media as staging
from quizdesk.core.content.importer.images import IMAGE_SUFFIXES, MediaCopy, media_base
from quizdesk.core.content.importer.render_check import AnswerCheck, RenderIssue, needs_files
from quizdesk.core.content.importer.report import ImportedQuestion, ImportReport
from quizdesk.core.content.model import Problem

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ORIGIN = "import:anki"
MODE = "anki"
ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]
_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_UNSAFE = re.compile(r"[^\w .()\-+,=@\[\]~]", re.UNICODE)


@dataclass
class AnkiImportReport(ImportReport):
    package: str = ""
    notes: int = 0  # notes in the package
    skipped_notes: int = 0
    reviews: int = 0  # answers added as attempts
    reviews_known: int = 0  # answers imported before (same revlog id): not added again
    review_states: int = 0  # questions whose FSRS state was set from Anki
    linked: int = 0  # notes exported by QuizDesk whose reviews went to the question they came from

    @property
    def skipped(self) -> int:
        return self.skipped_notes + self.skipped_questions

    def to_json(self) -> dict[str, Any]:
        out = super().to_json()
        out["anki"] = {
            "package": self.package, "notes": self.notes, "skipped_notes": self.skipped_notes,
            "reviews": self.reviews, "reviews_already_imported": self.reviews_known,
            "review_states": self.review_states, "linked": self.linked, "media": self.images,
        }
        return out


@dataclass
class _Media:
    copies: list[MediaCopy] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # Anki name → stored name
    missing: set[str] = field(default_factory=set)


def safe_media_name(name: str) -> str:
    """A media name that is one plain file name: no folders, no URL syntax, never hidden."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" .") or "media"
    if len(base) > 150:
        stem, dot, suffix = base.rpartition(".")
        base = (stem[:140] + dot + suffix[:9]) if dot else base[:150]
    return base


def _plan_media(package: OpenedPackage, col: Collection, target_dir: Path, scratch: Path, problems: list[Problem]) -> _Media:
    wanted: set[str] = set()
    for note in col.notes:
        for value in note.fields:
            if has_image(value):
                for match in _IMG_SRC.finditer(value):
                    src = html.unescape(next(g for g in match.groups() if g is not None))
                    wanted.add(src)
                    wanted.add(unquote(src))
    out = _Media()
    taken: dict[str, str] = {}  # stored name → digest, within this import
    by_name = {entry.name: entry for entry in package.media}
    for index, name in enumerate(sorted(n for n in wanted if n in by_name)):
        entry = by_name[name]
        stored = safe_media_name(name)
        if Path(stored).suffix.lower() not in IMAGE_SUFFIXES:
            continue
        temp = scratch / f"m{index}"
        if not package.read_media(entry, temp):
            problems.append(Problem(package.path.name, 0, f"media file {name!r} is missing or damaged in the package; not copied", "warning"))
            continue
        digest = hashlib.sha1(temp.read_bytes()).hexdigest()
        existing = target_dir / stored
        clash = (stored in taken and taken[stored] != digest) or (
            stored not in taken and existing.is_file() and hashlib.sha1(existing.read_bytes()).hexdigest() != digest
        )
        if clash:  # another file of this name: keep both, as Anki does
            stem, dot, suffix = stored.rpartition(".")
            stored = f"{stem}-{digest[:8]}{dot}{suffix}" if dot else f"{stored}-{digest[:8]}"
        taken[stored] = digest
        out.names[name] = stored
        out.copies.append(MediaCopy(temp, target_dir / stored))
    out.missing = {n for n in wanted if n not in by_name and unquote(n) not in by_name}
    return out


@dataclass
class AnkiImportPlan:
    package: str
    collection: Collection
    questions: list[PlannedQuestion]
    media: _Media
    problems: list[Problem]
    skipped_notes: int


def plan_anki_import(path: Path, data_dir: Path, scratch: Path, *, cancelled: CancelledFn | None = None) -> AnkiImportPlan:
    """Read and check the whole package; nothing is written outside ``scratch``."""
    (scratch / "pkg").mkdir()
    package = open_package(path, scratch / "pkg")
    try:
        try:
            connection = package.connect()
        except Exception as exc:
            raise AnkiPackageError(f"{path.name}: damaged collection ({exc})") from None
        try:
            col = read_collection(connection)
        except AnkiPackageError as exc:
            raise AnkiPackageError(f"{path.name}: {exc}") from None
        finally:
            connection.close()
        if cancelled is not None and cancelled():
            raise AnkiCancelled()
        problems: list[Problem] = []
        (scratch / "media").mkdir()
        target = media_base(data_dir, ORIGIN)
        assert target is not None
        media = _plan_media(package, col, target, scratch / "media", problems)

        def stored_name(src: str) -> str | None:
            return media.names.get(src) or media.names.get(unquote(src))

        notes = plan_notes(col, path.name, stored_name)
    finally:
        package.close()
    return AnkiImportPlan(path.name, col, notes.questions, media, problems + notes.problems, notes.skipped_notes)


class _RenderCheck:
    """The import's render check (``render_problems``), as :func:`check_answers` words it.

    The answers without images need nothing from the database or the media folder: they
    are checked beside the search index's fill (:func:`sync_questions`' ``beside_index``),
    which keeps SQLite busy for about a second without Python's lock; the answers with
    images are checked once their media are in place, after the commit.
    """

    def __init__(self, plan: AnkiImportPlan, cancelled: CancelledFn | None) -> None:
        self._check = AnswerCheck()
        self._texts = {p.question.external_id: f"{p.question.body_md}\n\n{p.question.answer_md}" for p in plan.questions}
        self._early: dict[str, list[tuple[str, str]]] = {}
        self._cancelled = cancelled

    def _stop(self) -> bool:
        return self._cancelled is not None and self._cancelled()

    def early(self, external_ids: list[str]) -> Callable[[], None]:
        """The check of those of ``external_ids``' answers that have no image (touches no database)."""

        def run() -> None:
            for external_id in dict.fromkeys(external_ids):
                if self._stop():
                    return  # the import stops at its next step
                text = self._texts[external_id]
                if not needs_files(text):
                    self._early[external_id] = self._check.problems(text, None)

        return run

    def issues(self, questions: list[ImportedQuestion], base: Path | None) -> list[RenderIssue]:
        """What will not display in the imported ``questions``, in their order."""
        out: list[RenderIssue] = []
        for q in questions:
            if q.external_id not in self._texts:
                continue
            if self._stop():
                break
            found = self._early.get(q.external_id)
            if found is None:
                found = self._check.problems(self._texts[q.external_id], base)
            out.extend(RenderIssue(q.external_id, kind, message, q.source) for kind, message in found)
        return out


class _AnswerLog:
    """Each planned question's answers in the review log (oldest first) and each answer's attempt
    row but its question's id. Needs no database: computed beside the search index's fill."""

    def __init__(self, plan: AnkiImportPlan) -> None:
        self._plan = plan
        self.by_card: dict[int, list[Review]] = {}
        self.answers: list[list[Review]] = []  # in the order of plan.questions
        self.tails: list[list[tuple[Any, ...]]] = []  # each answer's row after (question_id, session_id)

    def compute(self) -> None:
        from quizdesk.core.study.reviews import PASS_SCORE
        from quizdesk.core.study.scheduler import RATING_SCORE

        for review in self._plan.collection.reviews:
            self.by_card.setdefault(review.card_id, []).append(review)
        for planned in self._plan.questions:
            answers = sorted((r for card in planned.cards for r in self.by_card.get(card.id, ()) if is_answer(r)), key=lambda r: r.id)
            self.answers.append(answers)
            tails = []
            for r in answers:
                score = RATING_SCORE[r.ease]
                tails.append(answer_row(0, MODE, r.id, r.ease, score, score >= PASS_SCORE, max(0.0, r.time_ms / 1000.0), from_ms(r.id))[2:])
            self.tails.append(tails)


def _known_reviews(session: Session) -> set[tuple[int, int]]:
    from sqlalchemy import select

    from quizdesk.core.db.models import Attempt

    known: set[tuple[int, int]] = set()
    for question_id, given in session.execute(select(Attempt.question_id, Attempt.given).where(Attempt.mode == MODE)):
        if isinstance(given, dict) and isinstance(given.get("anki_revlog"), int):
            known.add((question_id, given["anki_revlog"]))
    return known


def _write(session: Session, plan: AnkiImportPlan, report: AnkiImportReport, cancelled: CancelledFn | None, check: _RenderCheck) -> None:
    from sqlalchemy import select

    from quizdesk.core.content.sync import sync_questions
    from quizdesk.core.db.models import Attempt, Question, ReviewState
    from quizdesk.core.study.scheduler import desired_retention

    linked_ids = {p.linked_id for p in plan.questions if p.linked_id}
    linked_rows: dict[str, int] = {}
    if linked_ids:
        found = session.execute(select(Question.external_id, Question.id).where(Question.external_id.in_(linked_ids), Question.origin != ORIGIN))
        linked_rows = {external: qid for external, qid in found}
    own = [p for p in plan.questions if p.linked_id not in linked_rows]
    log = _AnswerLog(plan)
    early_check = check.early([p.question.external_id for p in own])

    def beside_index() -> None:  # pure work, done while SQLite fills the search index
        early_check()
        log.compute()

    synced = sync_questions(session, [p.question for p in own], origin=ORIGIN, retire_missing=False, beside_index=beside_index)
    report.imported, report.updated, report.unchanged = synced.inserted, synced.updated, synced.unchanged
    report.skipped_questions = synced.skipped
    report.problems.extend(Problem(plan.package, 0, p.message, "warning") for p in synced.problems)
    ids = {external: qid for external, qid in session.execute(select(Question.external_id, Question.id).where(Question.origin == ORIGIN))}
    if cancelled is not None and cancelled():
        raise AnkiCancelled()

    known = _known_reviews(session)
    retention = desired_retention(session)
    targets: list[tuple[int, PlannedQuestion, int]] = []
    for index, planned in enumerate(plan.questions):
        qid = linked_rows.get(planned.linked_id) if planned.linked_id in linked_rows else ids.get(planned.question.external_id)
        if qid is None:
            continue  # refused by the sync (warned)
        targets.append((index, planned, qid))
        if planned.linked_id in linked_rows:
            report.linked += 1
        else:
            q = planned.question
            report.questions.append(ImportedQuestion(q.external_id, q.title, q.topic.module_name, q.topic.topic_name, f"{plan.package}: {q.source_path}", qid))
    states = {s.question_id: s for s in session.scalars(select(ReviewState).where(ReviewState.question_id.in_([qid for _i, _p, qid in targets])))}
    # A note exported by QuizDesk carries that question's own answers as its review log
    # (exporter.py: revlog id = the answer's time in ms): those are not new answers.
    own_times: dict[int, set[int]] = {}
    linked_qids = [linked_rows[p.linked_id] for p in plan.questions if p.linked_id in linked_rows]
    if linked_qids:
        for qid, answered_at in session.execute(select(Attempt.question_id, Attempt.answered_at).where(Attempt.question_id.in_(linked_qids))):
            own_times.setdefault(qid, set()).add(int(answered_at.timestamp() * 1000))
    rows: list[tuple[Any, ...]] = []
    new_states: list[tuple[Any, ...]] = []
    connection = session.connection()
    encode_json = json_encoder(connection)
    for index, planned, qid in targets:
        answers = log.answers[index]
        mine = own_times.get(qid, set())
        kept = [(r, tail) for r, tail in zip(answers, log.tails[index]) if (qid, r.id) not in known and not any(r.id - k in mine for k in range(4))]
        new = [r for r, _tail in kept]
        report.reviews_known += len(answers) - len(new)
        for r, tail in kept:
            known.add((qid, r.id))
            rows.append((qid, None, *tail))
        report.reviews += len(new)
        memory = _memory(planned, qid, plan.collection.created, log.by_card, states.get(qid), new, retention)
        if memory is not None:
            values = {
                "card": memory.card, "due_at": memory.due_at, "stability": memory.stability, "difficulty": memory.difficulty,
                "last_review_at": memory.last_review_at, "reps": memory.reps, "lapses": memory.lapses,
            }
            state = states.get(qid)
            if state is None:
                new_states.append(state_row(qid, values, encode_json))
            else:
                for key, value in values.items():
                    setattr(state, key, value)
            report.review_states += 1
    session.flush()
    # Plain executemany of ready rows (rows.py): the ORM's per-object bookkeeping tripled the
    # time of 20,000 answers, and Core's value-by-value conversion still doubled it.
    insert_rows(connection, Attempt.__tablename__, ATTEMPT_COLUMNS, rows)
    insert_rows(connection, ReviewState.__tablename__, STATE_COLUMNS, new_states)


def _memory(planned: PlannedQuestion, qid: int, created: int, reviews_by_card: dict[int, list[Review]], state: Any, new: list[Review], retention: float) -> Memory | None:
    """The FSRS state to keep: Anki's when it is newer than ours, else ours continued by the new answers."""
    ours_last = state.last_review_at if state is not None else None
    if planned.primary is not None:
        anki = memory_from_card(planned.primary, created, reviews_by_card.get(planned.primary.id, ()), qid)
        if anki is not None:
            if ours_last is None or (anki.last_review_at is not None and anki.last_review_at > ours_last):
                return anki
            return None  # reviewed in QuizDesk since: our state is the newer one
    if not new:
        return None
    start = state.card if state is not None and state.card else None
    return replay(new, qid, start, retention)


def run_anki_import(
    path: Path,
    *,
    session_factory: Callable[[], Session],
    data_dir: Path,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> AnkiImportReport:
    """Import the Anki package at ``path``; see the module doc. The UI runs this on a worker thread.

    Raises :class:`AnkiPackageError` (nothing changed) or :class:`AnkiCancelled`
    (``cancelled()`` turned true before the commit; nothing changed).
    """
    from quizdesk.core.db.backup import backup_before
    from quizdesk.core.paths import DB_FILENAME

    def step(done: int, label: str) -> None:
        if cancelled is not None and cancelled():
            raise AnkiCancelled()
        if progress is not None:
            progress(done, 4, label)

    scratch = Path(tempfile.mkdtemp(prefix="quizdesk-anki-"))
    staged: list[staging.Staged] = []
    try:
        step(0, f"reading {path.name}")
        plan = plan_anki_import(path, data_dir, scratch, cancelled=cancelled)
        report = AnkiImportReport(package=plan.package, notes=len(plan.collection.notes), skipped_notes=plan.skipped_notes, problems=list(plan.problems), files=1)
        for name in sorted(plan.media.missing):
            report.problems.append(Problem(plan.package, 0, f"image {name!r} is not in the package", "warning"))
        step(1, "writing to the database")
        if plan.questions:
            backup_before(data_dir / DB_FILENAME, "before-import")
        check = _RenderCheck(plan, cancelled)
        with session_factory() as session:
            try:
                _write(session, plan, report, cancelled, check)
                step(2, "copying media")
                staged, problems = staging.stage(plan.media.copies)
                report.problems.extend(problems)
                step(3, "saving")
                session.commit()
            except BaseException:
                session.rollback()
                staging.discard(staged)
                raise
        report.problems.extend(staging.commit(staged))
        report.images = len(staged)
        report.render_problems = check.issues(report.questions, media_base(data_dir, ORIGIN))
        if progress is not None:
            progress(4, 4, "")
        return report
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

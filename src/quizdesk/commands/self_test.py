"""``quizdesk self-test``: check an installation end to end, in a throwaway folder.

Each check goes through the code the app itself uses: it opens a new database
(running the migrations), syncs the bundled bank, searches it, renders an
answer with a formula and a code block in the answer view, takes a two-question
exam to its results, exports progress as CSV, loads the UI's
translations (Qt's own Chinese catalogue among them) and sends three questions
through an Anki package and back. One line per check, ``ok`` or
``FAIL`` with the reason; the exit status is 0 only if every check passed.

It is what a packager runs on a fresh bundle (``dist/quizdesk/quizdesk
self-test``): a missing data file, Qt plugin or hidden import shows up here as
a failed check rather than in front of a user. The user's own data folder is
never opened.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Markdown the render check shows: display math, a highlighted code block, CJK text.
SAMPLE_ANSWER = """\
## 自检 self-test

Softmax 把分数变成概率：

$$\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_{j=1}^{n} e^{z_j}}$$

```python
def softmax(z):
    e = [math.exp(v - max(z)) for v in z]
    return [v / sum(e) for v in e]
```
"""
#: Share of the view's pixels that must differ from its background.
MIN_INK = 0.01


class NotRun(Exception):
    """A check that could not start because an earlier one failed."""


@dataclass
class Context:
    """What the checks hand on to each other."""

    folder: Path
    store: Any = None
    exam_id: int | None = None
    notes: list[str] = field(default_factory=list)


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "self-test",
        parents=[common],
        help="check this installation end to end (database, bank, rendering, exams, export)",
        description=(
            "Run the app's main code paths in a temporary folder, offscreen: one line per check, "
            "exit 0 only if all pass. Your own data folder is not touched (--data-dir is ignored)."
        ),
    )
    parser.set_defaults(func=run)


# -- the checks -------------------------------------------------------------------------


def check_database(ctx: Context) -> str:
    from quizdesk.core.db.migrate import current_revision_raw
    from quizdesk.core.db.store import open_store

    ctx.store = open_store(ctx.folder / "data")
    with ctx.store.read() as connection:
        revision = current_revision_raw(connection)
        fts = connection.execute("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%fts5%'").fetchone()[0]
    if not fts:
        raise AssertionError("the full-text index (FTS5) was not created")
    return f"database opened (schema {revision}, SQLite {_sqlite_version()})"


def check_bank(ctx: Context) -> str:
    from sqlalchemy import func, select

    from quizdesk.core.content.bundled import sync_bundled_bank
    from quizdesk.core.db.models import Question
    from quizdesk.core.paths import bundled_content_dir

    store = _need_store(ctx)
    root = bundled_content_dir()
    if not root.is_dir():
        raise AssertionError(f"no bundled bank at {root}")
    with store.session() as session:
        report = sync_bundled_bank(session, root, force=True)
        count = session.scalar(select(func.count()).select_from(Question).where(Question.retired_at.is_(None))) or 0
        topics = session.scalar(select(func.count(func.distinct(Question.topic_id)))) or 0
    if count == 0:
        raise AssertionError(f"the bank at {root} gave no questions")
    problems = len(report.problems) if report is not None else 0
    suffix = f", {problems} lint problem(s)" if problems else ""
    return f"bundled bank synced ({count} questions in {topics} topics{suffix})"


def check_search(ctx: Context) -> str:
    from sqlalchemy import select

    from quizdesk.core.db.models import Question
    from quizdesk.core.search import search

    store = _need_store(ctx)
    with store.session() as session:
        first = session.scalars(select(Question).where(Question.retired_at.is_(None)).order_by(Question.id)).first()
        if first is None:
            raise NotRun("no question to search for")
        # Three characters or more go through the FTS5 trigram index, not LIKE.
        term = "".join(first.title.split())[:4]
        from quizdesk.core.queries import raw_connection

        hits = search(raw_connection(session), term)
    if first.id not in {h.question_id for h in hits}:
        raise AssertionError(f"searching {term!r} did not find question {first.external_id}")
    return f"full-text search ({term!r} → {len(hits)} hit(s))"


def check_render(ctx: Context) -> str:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QColor, QImage, QTextDocument

    from quizdesk.ui.widgets.answer_view import AnswerView

    _application()
    view = AnswerView()
    try:
        view.resize(640, 480)
        view.set_markdown(SAMPLE_ANSWER)
        if view.problems():
            raise AssertionError("; ".join(f"{p.kind}: {p.message}" for p in view.problems()))
        formulas = [QImage(view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name)))
                    for name in _image_names(view.toHtml())]
        if not formulas or any(f.isNull() or _ink(f, QColor(0, 0, 0, 0)) == 0 for f in formulas):
            raise AssertionError("the formula image is missing or blank")
        image = view.grab().toImage()
        ink = _ink(image, view.palette().base().color())
        if ink < MIN_INK:
            raise AssertionError(f"the answer view is blank ({ink:.1%} of its pixels drawn)")
        if not _has_colour(image):
            raise AssertionError("the code block has no syntax colours")
        formula = formulas[0]
        return f"answer rendered (formula {formula.width()}×{formula.height()} px, code highlighted, {ink:.0%} ink)"
    finally:
        view.deleteLater()


def check_exam(ctx: Context) -> str:
    from sqlalchemy import select

    from quizdesk.core.db.models import Topic, utcnow
    from quizdesk.core.study.exam_results import exam_result
    from quizdesk.core.study.exam_state import ExamState
    from quizdesk.core.study.exams import ExamSpec, create_exam, load_exam, save_answer, self_grade, submit_exam

    store = _need_store(ctx)
    with store.session() as session:
        topic_ids = tuple(session.scalars(select(Topic.id)))
        ctx.exam_id = exam_id = create_exam(session, ExamSpec(topic_ids=topic_ids, count=2, time_limit_s=600, seed=8), utcnow())
    with store.session() as session:
        questions = load_exam(session, exam_id).questions
    for index, q in enumerate(questions):
        given: Any = "self-test" if q.qtype == "open" else list(q.correct)
        with store.session() as session:
            save_answer(session, exam_id, q.id, given, remaining_s=600 - 10 * (index + 1), elapsed_s=10 * (index + 1),
                        current_index=index, seconds_spent=10)
    with store.session() as session:
        submit_exam(session, exam_id, utcnow())
    for q in questions:
        if q.qtype == "open":
            with store.session() as session:
                self_grade(session, exam_id, q.id, now=utcnow(), recalled=list(range(len(q.key_points))) if q.key_points else None,
                           rating=None if q.key_points else 4)
    with store.session() as session:
        result = exam_result(session, exam_id)
    if result.state != ExamState.FINISHED or result.total != 2 or result.graded != 2:
        raise AssertionError(f"exam ended {result.state} with {result.graded} of {result.total} graded")
    if result.score < 0.99:
        raise AssertionError(f"right answers scored {result.score:.0%}")
    kinds = ", ".join(q.qtype for q in questions)
    return f"exam taken to the end (2 questions: {kinds}; score {result.score:.0%})"


def check_results_page(ctx: Context) -> str:
    from PySide6.QtWidgets import QWidget

    from quizdesk.ui.exam.results import ExamResultsView

    store = _need_store(ctx)
    if ctx.exam_id is None:
        raise NotRun("no exam was taken")
    _application()
    page = ExamResultsView(store, ctx.exam_id)
    try:
        page.resize(900, 600)
        chart = page.findChild(QWidget, "topicChart")
        if chart is None:
            raise AssertionError("the results page has no topic chart")
        chart.resize(480, 240)
        image = chart.grab().toImage()
        if not _has_colour(image):
            raise AssertionError("the topic chart (QtCharts) drew no bars")
        return "results page with its topic chart (QtCharts)"
    finally:
        page.deleteLater()


def check_export(ctx: Context) -> str:
    import csv

    from quizdesk.core.stats.export import export_csv

    store = _need_store(ctx)
    if ctx.exam_id is None:
        raise NotRun("no exam to export")
    out = ctx.folder / "export"
    out.mkdir()
    with store.read() as connection:
        export_csv(connection, out)
    files = sorted(out.glob("*.csv"))
    if not files:
        raise AssertionError(f"no CSV file written to {out}")
    rows: dict[str, list[dict[str, str]]] = {}
    for path in files:
        # utf-8-sig: the files start with a byte-order mark for Excel.
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows[path.name] = list(csv.DictReader(fh))
    from_exam = [r for r in rows.get("attempts.csv", []) if r.get("session") == str(ctx.exam_id)]
    if len(from_exam) != 2:
        raise AssertionError(f"attempts.csv holds {len(from_exam)} of the exam's 2 answers")
    total = sum(len(r) for r in rows.values())
    return f"progress exported ({len(files)} CSV files, {total} rows, the exam's 2 attempts among them)"


def check_anki(ctx: Context) -> str:
    """Three questions out to an .apkg (genanki) and back in as Anki's current, zstd-compressed format."""
    import zipfile

    import zstandard

    from quizdesk.core.anki import AnkiExportOptions, run_anki_export, run_anki_import
    from quizdesk.core.content.model import ParsedQuestion, TopicRef
    from quizdesk.core.content.sync import sync_questions
    from quizdesk.core.db.store import open_store

    store = _need_store(ctx)
    topic = TopicRef("self-test", "自检", "Self-test", "self-test/anki", "Anki", "Anki")
    questions = [
        ParsedQuestion(f"self-test-anki-{i}", "open", f"自检 Anki {i}", topic, answer_md=SAMPLE_ANSWER if i == 1 else f"答案 {i}", order=i)
        for i in (1, 2, 3)
    ]
    with store.session() as session:
        sync_questions(session, questions, origin="self-test", retire_missing=False)
    exported = ctx.folder / "anki" / "self-test.apkg"
    with store.session() as session:
        report = run_anki_export(session, AnkiExportOptions(exported, topic="self-test/anki"), data_dir=ctx.folder / "data")
    if report.notes != 3:
        raise AssertionError(f"the Anki export wrote {report.notes} notes, expected 3")
    # Repacked as Anki 2.1.50+ writes it, so the import goes through zstandard too.
    current = exported.with_name("self-test-current.apkg")
    with zipfile.ZipFile(exported) as source, zipfile.ZipFile(current, "w") as target:
        target.writestr("collection.anki21b", zstandard.ZstdCompressor().compress(source.read("collection.anki2")))
        target.writestr("media", source.read("media"))
    data = ctx.folder / "anki-import"
    other = open_store(data)
    try:
        imported = run_anki_import(current, session_factory=other.session_factory, data_dir=data)
    finally:
        other.close()
    titles = sorted(q.title for q in imported.questions)
    if titles != sorted(q.title for q in questions):
        raise AssertionError(f"the .apkg came back as {titles}")
    return f"Anki deck written and read back (3 notes, {exported.stat().st_size:,} bytes; zstd collection)"


def check_translations(ctx: Context) -> str:
    from PySide6.QtCore import QTranslator

    from quizdesk.ui.i18n import catalogue_files

    _application()
    # One string each catalogue must translate, in the order catalogue_files lists them:
    # Chinese is Qt's own catalogue, our fixes to it (the file dialog's Qt 6 labels) and
    # ours; the English catalogue's job is plural forms ("%n question(s)" → "1 question").
    probes = {
        "zh_CN": [("QFileDialog", "Detail View"), ("QFileDialog", "&Look in:"), ("WeakAreasDialog", "Weak areas")],
        "en": [("MainWindow", "%n question(s) in the bank")],
    }
    loaded = []
    for language, strings in probes.items():
        paths = catalogue_files(language)
        if len(paths) != len(strings):
            raise AssertionError(f"{language}: {len(paths)} catalogues, expected {len(strings)}")
        for path, (context, source) in zip(paths, strings):
            translator = QTranslator()
            if not translator.load(str(path)):
                raise AssertionError(f"cannot load the {language} catalogue {path}")
            text = translator.translate(context, source, None, 1)
            if not text or text == source:
                raise AssertionError(f"{path.name} does not translate '{source}'")
            loaded.append(f"{path.stem} ('{source}' → '{text}')")
    return "UI catalogues load: " + ", ".join(loaded)


CHECKS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("database", check_database),
    ("bank", check_bank),
    ("search", check_search),
    ("render", check_render),
    ("exam", check_exam),
    ("results", check_results_page),
    ("export", check_export),
    ("translations", check_translations),
    ("anki", check_anki),
)


# -- running them ------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    # Offscreen unless the caller chose a platform: a self-test opens no window.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(_banner(), flush=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="quizdesk-self-test-") as folder:
        ctx = Context(Path(folder))
        try:
            for name, check in CHECKS:
                failed += not _run_one(name, check, ctx)
        finally:
            if ctx.store is not None:
                ctx.store.close()
    total = len(CHECKS)
    print(f"all {total} checks passed" if not failed else f"{failed} of {total} checks failed", flush=True)
    return 1 if failed else 0


def _run_one(name: str, check: Callable[[Context], str], ctx: Context) -> bool:
    try:
        detail = check(ctx)
    except NotRun as exc:
        print(f"FAIL {name}: not run ({exc})", flush=True)
        return False
    except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next check runs
        message = str(exc) or type(exc).__name__
        print(f"FAIL {name}: {message}", flush=True)
        return False
    print(f"ok   {detail}", flush=True)
    return True


def _banner() -> str:
    from quizdesk import __version__

    where = "bundle" if getattr(sys, "frozen", False) else "Python package"
    try:
        from PySide6 import QtCore

        qt = f"Qt {QtCore.qVersion()}"
    except ImportError as exc:
        qt = f"no Qt ({exc})"
    return (f"QuizDesk {__version__} self-test: {where}, Python {platform.python_version()}, {qt}, "
            f"platform {os.environ.get('QT_QPA_PLATFORM', 'default')}")


def _need_store(ctx: Context) -> Any:
    if ctx.store is None:
        raise NotRun("the database did not open")
    return ctx.store


def _sqlite_version() -> str:
    import sqlite3

    return sqlite3.sqlite_version


def _application() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(sys.argv[:1])


def _image_names(html: str) -> list[str]:
    import re

    return re.findall(r'<img[^>]*src="([^"]+)"', html)


def _ink(image: Any, background: Any) -> float:
    """Share of the pixels (sampled on a grid) that differ clearly from ``background``."""
    step = max(1, min(image.width(), image.height()) // 120)
    bg = (background.red(), background.green(), background.blue(), background.alpha())
    sampled = drawn = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = image.pixelColor(x, y)
            sampled += 1
            if max(abs(c.red() - bg[0]), abs(c.green() - bg[1]), abs(c.blue() - bg[2]), abs(c.alpha() - bg[3])) > 48:
                drawn += 1
    return drawn / sampled if sampled else 0.0


def _has_colour(image: Any) -> bool:
    """Whether some pixels are clearly coloured (syntax highlighting), not only grey."""
    step = max(1, min(image.width(), image.height()) // 200)
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = image.pixelColor(x, y)
            if c.hsvSaturation() > 120 and c.value() > 60:
                return True
    return False

"""File → Import: on the task runner, cancellable progress (rolls back), summary dialog, errors as messages."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget
from sqlalchemy import func, select

from quizdesk.core.content.importer import media
from quizdesk.core.db.models import Question
from quizdesk.core.db.store import Store
from quizdesk.ui.collection import Collection
from quizdesk.ui.dialogs.import_dialog import PROGRESS_DELAY_MS, ImportFlow, ImportSummaryDialog, run_import_flow
from quizdesk.ui.ops import Changes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo", target)
    return target


@pytest.fixture
def collection(store: Store) -> Collection:
    return Collection(store)


def _import(qtbot, parent: QWidget, paths: list[Path], collection: Collection, **options):
    """Run the import flow and wait (in the test's event loop) for its report."""
    flow = run_import_flow(parent, paths, collection, **options)
    with qtbot.wait_signal(flow.finished, timeout=20000) as finished:
        pass
    return finished.args[0]


def _count(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Question)) or 0


def test_import_shows_a_summary_and_announces_the_change(qtbot, parent: QWidget, store: Store, collection: Collection, repo: Path) -> None:
    changed: list[bool] = []
    collection.changed.connect(lambda changes: changed.append(changes == Changes.BANK))
    report = _import(qtbot, parent, [repo], collection)
    assert report is not None and report.imported == 16 and _count(store) == 16
    assert changed == [True]
    dialog = parent.findChild(ImportSummaryDialog, "importSummaryDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.summary_label.text() == "16 new, 0 updated, 0 unchanged, 1 skipped, 0 retired (6 files read)."
    rows = [[dialog.topic_tree.topLevelItem(i).text(c) for c in range(3)] for i in range(dialog.topic_tree.topLevelItemCount())]
    assert rows[0] == ["深度学习基础", "优化", "3"] and len(rows) == 5
    warnings = [dialog.warning_list.item(i).text() for i in range(dialog.warning_list.count())]
    assert any(w.startswith(f"{repo}/README.md:1: no question headings found") for w in warnings)
    assert dialog.warning_list.isVisible()
    # Long warnings (absolute paths) wrap onto more lines instead of being cut off.
    long_item = next(dialog.warning_list.item(i) for i in range(dialog.warning_list.count()) if dialog.warning_list.item(i).text() == warnings[0])
    dialog.resize(420, dialog.height())
    QApplication.processEvents()
    rect = dialog.warning_list.visualItemRect(long_item)
    metrics = dialog.warning_list.fontMetrics()
    assert dialog.warning_list.wordWrap() and rect.width() <= dialog.warning_list.viewport().width()
    assert metrics.horizontalAdvance(warnings[0]) > rect.width()  # too long for one line at this width
    assert rect.height() >= 2 * metrics.lineSpacing()
    assert long_item.toolTip() == warnings[0]
    for widget in (dialog.summary_label, dialog.topic_tree, dialog.warning_list, dialog.warnings_label, dialog.buttons):
        assert widget.objectName()
    dialog.findChild(QPushButton, "importCloseButton").click()
    assert not dialog.isVisible()


def test_reimport_reports_unchanged_and_does_not_announce_a_change(qtbot, parent: QWidget, store: Store, collection: Collection, repo: Path) -> None:
    _import(qtbot, parent, [repo], collection, show_summary=False)
    changed: list[bool] = []
    collection.changed.connect(lambda _changes: changed.append(True))
    report = _import(qtbot, parent, [repo], collection, show_summary=False)
    assert report is not None and (report.imported, report.unchanged) == (0, 16) and changed == []
    assert parent.findChild(ImportSummaryDialog) is None


def test_cancel_rolls_back_everything(qtbot, parent: QWidget, store: Store, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user cancels while the worker is about to commit: nothing is written, no image is left."""
    reached, release = threading.Event(), threading.Event()
    threads: list[bool] = []
    real_stage = media.stage

    def slow_stage(copies):
        threads.append(threading.current_thread() is threading.main_thread())
        result = real_stage(copies)
        reached.set()
        release.wait(10)
        return result

    monkeypatch.setattr(media, "stage", slow_stage)
    flow = ImportFlow(parent, [repo], Collection(store))
    with qtbot.wait_signal(flow.finished, timeout=10000) as finished:
        flow.start()
        qtbot.wait_until(reached.is_set, timeout=10000)
        progress = parent.findChild(QWidget, "importProgressDialog")
        assert progress is flow.progress
        buttons = progress.findChildren(QPushButton)
        assert buttons, "the progress dialog has a cancel button"
        buttons[0].click()
        assert not buttons[0].isEnabled()  # cancelling: no second click while it rolls back
        release.set()
    assert finished.args == [None] and flow.report is None
    assert threads == [False]  # the work ran off the GUI thread
    assert _count(store) == 0
    assert not any(p.is_file() for p in (store.path.parent / "media").rglob("*"))
    assert parent.findChild(ImportSummaryDialog) is None


def test_a_failure_is_a_message_not_a_traceback(qtbot, parent: QWidget, store: Store, collection: Collection, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quizdesk.core.content.sync as sync

    def broken(*_args, **_kwargs):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(sync, "sync_questions", broken)
    report = _import(qtbot, parent, [repo], collection)
    assert report is None and _count(store) == 0
    box = parent.findChild(QMessageBox, "importErrorBox")
    assert box is not None and box.isVisible()
    assert box.text() == "The import failed; nothing was changed." and box.informativeText() == "database is locked"
    box.close()


def test_a_quick_import_never_flashes_the_progress_dialog_afterwards(qtbot, parent: QWidget, collection: Collection, tmp_path: Path) -> None:
    note = tmp_path / "one.md"
    note.write_text("## 什么是 A？\n\na\n", encoding="utf-8")
    report = _import(qtbot, parent, [note], collection, show_summary=False)
    assert report is not None and report.imported == 1
    qtbot.wait(PROGRESS_DELAY_MS + 300)  # past the dialog's show-after-delay timer: it must stay hidden
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
    assert not [w for w in parent.findChildren(QProgressDialog) if w.isVisible()]


def test_summary_counts_and_lists_the_cards_that_will_not_display(qtbot, parent: QWidget, collection: Collection, tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "notes.md").write_text(
        "## 什么是 A？\n\n$\\foo{x}$ 与 ![缺图](img/none.png)\n\n## 什么是 B？\n\n$x^2$\n\n## 什么是 C？\n\n$\\frac{1}{$\n",
        encoding="utf-8",
    )
    report = _import(qtbot, parent, [bank], collection)
    assert report is not None and report.imported == 3
    dialog = parent.findChild(ImportSummaryDialog, "importSummaryDialog")
    assert dialog is not None and dialog.render_label.isVisible() and dialog.render_list.isVisible()
    assert dialog.render_label.text() == "2 cards will not display fully (a formula or an image):"
    items = [dialog.render_list.item(i).text() for i in range(dialog.render_list.count())]
    assert items == [
        f"{bank}/notes.md:1: 什么是 A？ — image: image file not found: img/none.png",
        f"{bank}/notes.md:1: 什么是 A？ — formula: unknown command \\foo: $\\foo{{x}}$",
        f"{bank}/notes.md:9: 什么是 C？ — formula: unbalanced braces: '{{' never closed: $\\frac{{1}}{{$",
    ]
    dialog.grab().save(str(tmp_path / "summary.png"))


def test_summary_without_render_problems_shows_no_such_list(qtbot, parent: QWidget, collection: Collection, repo: Path) -> None:
    _import(qtbot, parent, [repo], collection)
    dialog = parent.findChild(ImportSummaryDialog, "importSummaryDialog")
    assert dialog is not None and not dialog.render_label.isVisible() and not dialog.render_list.isVisible()

"""File → Export: pick a folder, optionally a start date, write the CSV files,
see files and rows, open the folder; a folder that cannot be written says why
in the UI's language and keeps every choice; a running export can be
cancelled and leaves nothing behind."""

from __future__ import annotations

import csv
import errno
import json
import os
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

import quizdesk.core.stats.export as export_core
import quizdesk.ui.dialogs.export_dialog as export_dialog
from quizdesk.core.db.models import Question
from quizdesk.core.study.reviews import record_choice
from quizdesk.ui.dialogs.export_dialog import ExportDialog, run_export_flow
from quizdesk.ui.i18n import install_language
from quizdesk.ui.app.main_window import MainWindow


def _attempts(store, days_ago: list[int]) -> None:
    now = datetime.now(timezone.utc)
    with store.session() as session:
        for i, days in enumerate(days_ago):
            record_choice(session, 8, [1 if i % 2 else 0], now=now - timedelta(days=days), seconds=10)


def _data_rows(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return max(0, sum(1 for _ in csv.reader(fh)) - 1)


def _export(qtbot, dialog: ExportDialog) -> None:
    with qtbot.wait_signal(dialog.exportFinished, timeout=10_000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "exportStartButton"), Qt.MouseButton.LeftButton)


def test_export_writes_the_files_and_lists_them(qtbot, gui_store, tmp_path, monkeypatch, activate) -> None:
    _attempts(gui_store, [40, 3, 1])
    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    activate(window)
    opened: list[Path] = []
    out = tmp_path / "my export"
    monkeypatch.setattr(export_dialog, "choose_export_folder", lambda parent, start: out)
    monkeypatch.setattr(export_dialog, "open_folder", lambda path: opened.append(path) or True)
    window.action("exportAction").trigger()
    dialog = window.findChild(ExportDialog, "exportDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.findChild(QPushButton, "exportBrowseButton"), Qt.MouseButton.LeftButton)
    assert dialog.folder_edit.text() == str(out)
    _export(qtbot, dialog)
    result = dialog.export_result
    assert result is not None and dialog.error is None
    assert result.files and all(p.parent == out and p.exists() for p in result.files)
    for path in result.files:  # the summary shows what is really in each file
        assert result.rows[path.name] == _data_rows(path)
        assert f"{path.name} — {result.rows[path.name]} row(s)" in dialog.status_label.text()
    open_button = dialog.findChild(QPushButton, "exportOpenFolderButton")
    assert open_button.isVisible()
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    assert opened == [out]
    assert QSettings().value("export/folder") == str(out)  # offered again next time


def test_since_limits_the_attempts(qtbot, gui_store, tmp_path) -> None:
    _attempts(gui_store, [40, 3, 1])
    everything = ExportDialog(gui_store)
    qtbot.add_widget(everything)
    everything.folder_edit.setText(str(tmp_path / "all"))
    _export(qtbot, everything)
    recent = ExportDialog(gui_store)
    qtbot.add_widget(recent)
    recent.folder_edit.setText(str(tmp_path / "recent"))
    recent.since_check.setChecked(True)
    recent.since_edit.setDate(QDate.currentDate().addDays(-10))
    _export(qtbot, recent)
    assert everything.export_result is not None and recent.export_result is not None
    attempts = [name for name in everything.export_result.rows if "attempt" in name]
    assert attempts, everything.export_result.rows
    assert everything.export_result.rows[attempts[0]] == 3
    assert recent.export_result.rows[attempts[0]] == 2


def test_a_folder_that_cannot_be_written_says_why_and_keeps_the_choices(qtbot, gui_store, tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")  # fails even for root, unlike chmod
    dialog = run_export_flow(None, gui_store)  # type: ignore[arg-type]
    qtbot.add_widget(dialog)
    bad = blocker / "export"
    dialog.folder_edit.setText(str(bad))
    dialog.since_check.setChecked(True)
    _export(qtbot, dialog)
    assert dialog.export_result is None and dialog.error is not None
    assert (dialog.error.kind, dialog.error.path) == ("blocked", blocker)  # the part of the path that is a file
    assert dialog.status_label.text() == "Nothing was exported: something is in the way."
    assert dialog.advice_label.text() == f"In the way: {blocker}\nMove or rename it, or choose another folder."
    assert "Traceback" not in dialog.status_label.text() + dialog.advice_label.text() + dialog.details_label.text()
    assert dialog.isVisible()
    assert dialog.folder_edit.text() == str(bad) and dialog.since_check.isChecked()  # nothing lost
    assert dialog.export_button.isEnabled()
    assert not dialog.findChild(QPushButton, "exportOpenFolderButton").isVisible()
    assert blocker.read_text() == "a file where the folder should be"
    dialog.folder_edit.setText(str(tmp_path / "good"))
    _export(qtbot, dialog)
    assert dialog.export_result is not None and (tmp_path / "good").is_dir()
    assert not dialog.advice_label.isVisible() and not dialog.details_button.isVisible()  # the old problem is gone


# -- every kind of failure, worded in the UI's language ------------------------------------------

HEADLINES = {
    "en": {
        "blocked": "Nothing was exported: something is in the way.",
        "readonly": "Nothing was exported: QuizDesk may not write to this folder.",
        "full": "Nothing was exported: the disk is full.",
        "missing": "Nothing was exported: the folder does not exist.",
        "database": "Nothing was exported: QuizDesk could not read its database.",
        "other": "Nothing was exported.",
    },
    "zh_CN": {
        "blocked": "没有导出任何内容：目标位置被占用。",
        "readonly": "没有导出任何内容：QuizDesk 无权写入这个文件夹。",
        "full": "没有导出任何内容：磁盘已满。",
        "missing": "没有导出任何内容：文件夹不存在。",
        "database": "没有导出任何内容：QuizDesk 无法读取它的数据库。",
        "other": "没有导出任何内容。",
    },
}
ADVICE = {
    "en": {
        "blocked": "In the way: {path}\nMove or rename it, or choose another folder.",
        "readonly": "Folder: {path}\nChoose a folder you can write to, for example one in your Documents.",
        "full": "Folder: {path}\nFree some space, or choose a folder on another disk.",
        "missing": "Folder: {path}\nCreate it, or choose another folder.",
        "database": "Database: {path}\nTry again; if it keeps failing, restart QuizDesk.",
        "other": "Folder: {path}\nTry again, or choose another folder.",
    },
    "zh_CN": {
        "blocked": "占用位置的是：{path}\n请把它移走或改名，或者选择另一个文件夹。",
        "readonly": "文件夹：{path}\n请选择一个你有权写入的文件夹，例如“文档”里的文件夹。",
        "full": "文件夹：{path}\n请腾出一些空间，或者选择另一块磁盘上的文件夹。",
        "missing": "文件夹：{path}\n请先创建它，或者选择另一个文件夹。",
        "database": "数据库：{path}\n请重试；如果一直失败，请重新启动 QuizDesk。",
        "other": "文件夹：{path}\n请重试，或者选择另一个文件夹。",
    },
}


def _assert_problem_shown(qtbot, dialog: ExportDialog, language: str, kind: str, path: Path, details: str) -> None:
    """Headline and advice in the UI's language; the core's English words only behind "Details"."""
    assert dialog.error is not None and (dialog.error.kind, dialog.error.path) == (kind, path)
    assert dialog.status_label.text() == HEADLINES[language][kind]
    assert dialog.advice_label.text() == ADVICE[language][kind].format(path=path)
    assert dialog.details_label.text() == details and not dialog.details_label.isVisible()
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details_label.isVisible()
    assert details not in dialog.status_label.text() + dialog.advice_label.text()  # said once, not twice


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp) -> str:
    install_language(request.param, qapp)  # the autouse fixture puts the source language back
    return request.param


def test_a_folder_in_the_way_of_a_file(qtbot, gui_store, tmp_path, language) -> None:
    out = tmp_path / "out"
    (out / "topics.csv").mkdir(parents=True)
    dialog = ExportDialog(gui_store)
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.folder_edit.setText(str(out))
    _export(qtbot, dialog)
    target = out / "topics.csv"
    _assert_problem_shown(
        qtbot, dialog, language, "blocked", target, f"{target} is in the way: it is not a file. Move it or choose another folder."
    )
    assert [p.name for p in out.iterdir()] == ["topics.csv"]


def test_a_folder_gone_during_the_export(qtbot, gui_store, tmp_path, monkeypatch, language) -> None:
    monkeypatch.setattr(export_dialog, "make_folder", lambda folder: None)  # as if removed right after it was made
    dialog = ExportDialog(gui_store)
    qtbot.add_widget(dialog)
    dialog.show()
    gone = tmp_path / "gone"
    dialog.folder_edit.setText(str(gone))
    _export(qtbot, dialog)
    _assert_problem_shown(
        qtbot, dialog, language, "missing", gone, f"The folder {gone} does not exist. Create it or choose another folder."
    )


def test_an_unexpected_write_error(qtbot, gui_store, tmp_path, monkeypatch, language) -> None:
    def broken_disk(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_disk)
    dialog = ExportDialog(gui_store)
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.folder_edit.setText(str(tmp_path / "out"))
    _export(qtbot, dialog)
    out = tmp_path / "out"
    _assert_problem_shown(
        qtbot, dialog, language, "other", out, f"The export to {out} failed (Input/output error); nothing was exported."
    )
    assert list(out.iterdir()) == []


def test_a_database_that_cannot_be_read(qtbot, tmp_path, language) -> None:
    not_a_db = tmp_path / "quizdesk.db"
    not_a_db.write_bytes(b"this is not a database" * 100)
    dialog = ExportDialog(SimpleNamespace(path=not_a_db))  # type: ignore[arg-type]
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.folder_edit.setText(str(tmp_path / "out"))
    _export(qtbot, dialog)
    _assert_problem_shown(
        qtbot, dialog, language, "database", not_a_db, f"Could not read the database {not_a_db}: file is not a database"
    )
    assert list((tmp_path / "out").iterdir()) == []


# A real read-only folder or full disk needs a mount, so the dialog runs in a
# child process in its own mount namespace (as tests/core/stats/test_export.py does).
DIALOG_IN_CHILD = """
import json, sys
from pathlib import Path
from types import SimpleNamespace
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from quizdesk.ui.dialogs.export_dialog import ExportDialog
from quizdesk.ui.i18n import install_language
folder, db, language = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
app = QApplication([])
install_language(language, app)
dialog = ExportDialog(SimpleNamespace(path=db))
dialog.folder_edit.setText(str(folder))
loop = QEventLoop()
dialog.exportFinished.connect(loop.quit)
QTimer.singleShot(60_000, loop.quit)
dialog.start_export()
loop.exec()
error = dialog.error
print(json.dumps({
    "kind": error and error.kind, "path": error and str(error.path), "headline": dialog.status_label.text(),
    "advice": dialog.advice_label.text(), "details": dialog.details_label.text(), "left": sorted(p.name for p in folder.iterdir()),
}))
"""


def _dialog_in_mount(folder: Path, mount: str, db: Path, language: str) -> dict[str, object]:
    prefix = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    script = f'{mount} && exec "$@"'
    result = subprocess.run(
        [*prefix, "sh", "-c", script, str(folder), sys.executable, "-c", DIALOG_IN_CHILD, str(folder), str(db), language],
        capture_output=True, text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_read_only_folder(gui_store, tmp_path, language) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    shown = _dialog_in_mount(folder, 'mount --bind -o ro "$0" "$0"', gui_store.path, language)
    assert (shown["kind"], shown["path"], shown["left"]) == ("readonly", str(folder), [])
    assert shown["headline"] == HEADLINES[language]["readonly"]
    assert shown["advice"] == ADVICE[language]["readonly"].format(path=folder)
    assert str(shown["details"]).startswith(f"Cannot write to {folder} (Read-only file system)")


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_full_disk(gui_store, tmp_path, language) -> None:
    with gui_store.session() as session:
        for question in session.scalars(select(Question)):
            question.title = "很长的标题" * 400  # 20 questions of ~6 kB: more than the 16 kB disk holds
    folder = tmp_path / "small"
    folder.mkdir()
    shown = _dialog_in_mount(folder, 'mount -t tmpfs -o size=16k tmpfs "$0"', gui_store.path, language)
    assert (shown["kind"], shown["path"], shown["left"]) == ("full", str(folder), [])
    assert shown["headline"] == HEADLINES[language]["full"]
    assert shown["advice"] == ADVICE[language]["full"].format(path=folder)
    assert shown["details"] == f"The disk holding {folder} is full; nothing was exported. Free some space or choose another folder."


# -- cancelling ------------------------------------------------------------------------------------

CANCELLED = {"en": "Export cancelled; nothing was written.", "zh_CN": "导出已取消，没有写入任何文件。"}


@pytest.fixture
def held_export(monkeypatch):
    """The real export, held inside attempts.csv (its temp file half written) until the dialog cancels.

    ``reached`` is set once it is held; ``temps`` lists the temp files in the folder at that moment.
    """
    monkeypatch.setattr(export_core, "CHECK_EVERY", 1)  # a look after every row
    reached = threading.Event()
    temps: list[str] = []
    real_export = export_dialog.export_csv

    def held(connection, out_dir, *, since=None, cancelled=None):
        calls = 0

        def check() -> bool:
            nonlocal calls
            calls += 1
            if calls == 4:  # two stages passed, two attempt rows written
                temps.extend(p.name for p in out_dir.iterdir() if p.name.endswith(".tmp"))
                reached.set()
                cancelled.__self__.wait(10)  # the worker's threading.Event: held until the dialog sets it
            return cancelled()

        return real_export(connection, out_dir, since=since, cancelled=check)

    monkeypatch.setattr(export_dialog, "export_csv", held)
    return SimpleNamespace(reached=reached, temps=temps)


def test_cancel_leaves_nothing_behind(qtbot, gui_store, tmp_path, held_export, language) -> None:
    _attempts(gui_store, [5, 4, 3, 2, 1])
    out = tmp_path / "out"
    out.mkdir()
    (out / "topics.csv").write_text("an earlier export", encoding="utf-8")
    dialog = run_export_flow(None, gui_store)  # type: ignore[arg-type]
    qtbot.add_widget(dialog)
    dialog.folder_edit.setText(str(out))
    cancel_button = dialog.findChild(QPushButton, "exportCancelButton")
    close_button = dialog.findChild(QPushButton, "exportCloseButton")
    assert not cancel_button.isVisible()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(held_export.reached.is_set)
    assert len(held_export.temps) == 1 and held_export.temps[0].startswith(".attempts.csv.")  # half written
    assert dialog.busy and cancel_button.isVisible() and not close_button.isVisible()
    assert dialog.progress_bar.isVisible()
    with qtbot.wait_signal(dialog.exportFinished, timeout=10_000) as finished:
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args == [None] and dialog.was_cancelled
    assert dialog.export_result is None and dialog.error is None
    assert dialog.status_label.text() == CANCELLED[language]
    assert not dialog.advice_label.isVisible() and not dialog.details_button.isVisible()
    assert sorted(p.name for p in out.iterdir()) == ["topics.csv"]  # no new CSV, no temp file
    assert (out / "topics.csv").read_text(encoding="utf-8") == "an earlier export"  # not replaced
    assert dialog.isVisible() and close_button.isVisible() and not cancel_button.isVisible()
    assert not dialog.progress_bar.isVisible() and dialog.export_button.isEnabled()
    assert dialog.folder_edit.text() == str(out)


def test_escape_while_exporting_cancels_and_says_so(qtbot, gui_store, tmp_path, held_export) -> None:
    _attempts(gui_store, [3, 2, 1])
    out = tmp_path / "out"
    dialog = run_export_flow(None, gui_store)  # type: ignore[arg-type]
    qtbot.add_widget(dialog)
    dialog.folder_edit.setText(str(out))
    dialog.start_export()
    qtbot.waitUntil(held_export.reached.is_set)
    with qtbot.wait_signal(dialog.exportFinished, timeout=10_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.was_cancelled  # stays open to say what happened
    assert dialog.status_label.text() == CANCELLED["en"]
    assert list(out.iterdir()) == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # now it closes
    assert not dialog.isVisible()


def test_an_export_after_a_cancelled_one_writes_everything(qtbot, gui_store, tmp_path, held_export, monkeypatch) -> None:
    _attempts(gui_store, [3, 2, 1])
    out = tmp_path / "out"
    dialog = ExportDialog(gui_store)
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.folder_edit.setText(str(out))
    dialog.start_export()
    qtbot.waitUntil(held_export.reached.is_set)
    with qtbot.wait_signal(dialog.exportFinished, timeout=10_000):
        dialog.cancel_export()
    monkeypatch.undo()  # the real export again
    _export(qtbot, dialog)
    assert dialog.export_result is not None and not dialog.was_cancelled
    assert sorted(p.name for p in out.iterdir()) == ["attempts.csv", "questions.csv", "topics.csv"]
    assert _data_rows(out / "attempts.csv") == 3

"""File → Export: pick a folder, optionally a start date, write the CSV files,
see files and rows, open the folder; a folder that cannot be written says why
and keeps every choice."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QPushButton

import quizdesk.ui.export_dialog as export_dialog
from quizdesk.core.study.reviews import record_choice
from quizdesk.ui.export_dialog import ExportDialog, run_export_flow
from quizdesk.ui.main_window import MainWindow


def _attempts(store, days_ago: list[int]) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(timezone.utc)
    with store.session() as session:
        for i, days in enumerate(days_ago):
            record_choice(session, 8, [1 if i % 2 else 0], now=now - timedelta(days=days), seconds=10)


def _data_rows(path: Path) -> int:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return max(0, sum(1 for _ in csv.reader(fh)) - 1)


def _export(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(dialog.exportFinished, timeout=10_000):
        qtbot.mouseClick(dialog.findChild(QPushButton, "exportStartButton"), Qt.MouseButton.LeftButton)


def test_export_writes_the_files_and_lists_them(qtbot, gui_store, tmp_path, monkeypatch, activate) -> None:  # type: ignore[no-untyped-def]
    _attempts(gui_store, [40, 3, 1])
    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    activate(window)
    opened: list[Path] = []
    out = tmp_path / "my export"
    monkeypatch.setattr(export_dialog, "choose_export_folder", lambda parent, start: out)
    monkeypatch.setattr(export_dialog, "open_folder", lambda path: opened.append(path) or True)
    window.export_action.trigger()
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


def test_since_limits_the_attempts(qtbot, gui_store, tmp_path) -> None:  # type: ignore[no-untyped-def]
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


def test_a_folder_that_cannot_be_written_says_why_and_keeps_the_choices(qtbot, gui_store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")  # fails even for root, unlike chmod
    dialog = run_export_flow(None, gui_store)  # type: ignore[arg-type]
    qtbot.add_widget(dialog)
    bad = blocker / "export"
    dialog.folder_edit.setText(str(bad))
    dialog.since_check.setChecked(True)
    _export(qtbot, dialog)
    assert dialog.export_result is None and dialog.error
    text = dialog.status_label.text()
    assert text.startswith("Nothing was exported.") and "Choose another folder" in text
    assert f"{bad} is not a folder: part of that path is a file." in text
    assert "Traceback" not in text
    assert dialog.isVisible()
    assert dialog.folder_edit.text() == str(bad) and dialog.since_check.isChecked()  # nothing lost
    assert dialog.export_button.isEnabled()
    assert not dialog.findChild(QPushButton, "exportOpenFolderButton").isVisible()
    assert blocker.read_text() == "a file where the folder should be"
    dialog.folder_edit.setText(str(tmp_path / "good"))
    _export(qtbot, dialog)
    assert dialog.export_result is not None and (tmp_path / "good").is_dir()

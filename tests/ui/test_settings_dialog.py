"""File → Settings: values kept across windows, the answer size previewed and
reverted, exam defaults used by the setup dialog, retention and backups kept
in the database, back up now, and restore (round trip, refusal of a bad file)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from quizdesk.core.db.backup import backups_dir, configured_keep, list_backups
from quizdesk.core.db.recovery import validate_database_file
from quizdesk.core.study.reviews import record_choice
from quizdesk.core.study.scheduler import desired_retention
from quizdesk.ui.exam.setup_dialog import ExamSetupDialog
from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.preferences import ANSWER_FONT_SETTING
from quizdesk.ui.settings.restore_dialog import RestoreDialog
from quizdesk.ui.widgets.theme import apply_theme

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def _window(qtbot, store) -> MainWindow:
    window = MainWindow(store)
    qtbot.add_widget(window)
    window.show()
    return window


def _dialog(qtbot, window):
    window.show_settings()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    return dialog


def _button(dialog, which):
    return dialog.buttons.button(which)


def _attempted(store) -> list[int]:
    with store.read() as connection:
        return [row[0] for row in connection.execute("SELECT question_id FROM attempts ORDER BY id")]


def _answer(store, question_id: int) -> None:
    with store.session() as s:
        record_choice(s, question_id, [0], now=NOW, seconds=9)


def test_settings_persist_across_a_new_main_window(qtbot, qapp, gui_store) -> None:
    window = _window(qtbot, gui_store)
    dialog = _dialog(qtbot, window)
    assert (dialog.font_spin.value(), dialog.count_spin.value(), dialog.minutes_spin.value()) == (15, 20, 30)
    assert dialog.retention_spin.value() == 90 and dialog.keep_spin.value() == 10
    assert dialog.data_dir_label.text() == str(gui_store.path.parent)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.font_spin.setValue(19)
    dialog.count_spin.setValue(12)
    dialog.minutes_spin.setValue(45)
    dialog.retention_spin.setValue(85)
    dialog.keep_spin.setValue(4)
    try:
        _button(dialog, QDialogButtonBox.StandardButton.Ok).click()
        assert not dialog.isVisible()

        again = _window(qtbot, gui_store)
        assert again.answer_view.font().pixelSize() == 19
        second = _dialog(qtbot, again)
        assert second.theme_combo.currentData() == "dark"
        assert (second.font_spin.value(), second.count_spin.value(), second.minutes_spin.value()) == (19, 12, 45)
        assert (second.retention_spin.value(), second.keep_spin.value()) == (85, 4)
        second.reject()
        # Retention and the backups kept live in the database (the CLI reads them too).
        with gui_store.session() as s:
            assert desired_retention(s) == 0.85
        assert configured_keep(gui_store.path) == 4
        # A new exam starts from the new defaults.
        setup = ExamSetupDialog(gui_store, again)
        qtbot.add_widget(setup)
        assert (setup.count_spin.value(), setup.minutes_spin.value(), setup.time_check.isChecked()) == (12, 45, True)
    finally:
        apply_theme(qapp, "light")


def test_no_time_limit_as_the_default(qtbot, gui_store) -> None:
    window = _window(qtbot, gui_store)
    QSettings().setValue("examSetup/minutes", 25)  # the last exam's choice…
    dialog = _dialog(qtbot, window)
    dialog.time_check.setChecked(False)
    _button(dialog, QDialogButtonBox.StandardButton.Ok).click()
    setup = ExamSetupDialog(gui_store, window)  # …gives way to the new default
    qtbot.add_widget(setup)
    assert not setup.time_check.isChecked()


def test_answer_size_previews_live_and_cancel_puts_it_back(qtbot, gui_store, qids) -> None:
    window = _window(qtbot, gui_store)
    window.start_study([qids(gui_store)["g-clip"]])
    study = window.page
    dialog = _dialog(qtbot, window)
    dialog.font_spin.setValue(24)
    assert window.answer_view.font().pixelSize() == 24
    assert study.answer_view.font().pixelSize() == 24
    _button(dialog, QDialogButtonBox.StandardButton.Cancel).click()
    assert window.answer_view.font().pixelSize() == 15
    assert study.answer_view.font().pixelSize() == 15
    assert QSettings().value(ANSWER_FONT_SETTING) is None


def test_answer_size_reaches_a_running_exam(qtbot, gui_store) -> None:
    from sqlalchemy import select

    from quizdesk.core.db.models import Topic
    from quizdesk.core.study.exams import ExamSpec, create_exam

    with gui_store.session() as s:
        topics = tuple(s.scalars(select(Topic.id)))
        exam_id = create_exam(s, ExamSpec(topics, count=3, time_limit_s=None, seed=1), datetime.now(timezone.utc))
    window = _window(qtbot, gui_store)
    window.run_exam(exam_id)
    dialog = _dialog(qtbot, window)
    dialog.font_spin.setValue(21)
    _button(dialog, QDialogButtonBox.StandardButton.Ok).click()
    assert window.exam_runner.body_view.font().pixelSize() == 21


def test_back_up_now_writes_a_valid_copy(qtbot, gui_store, qids) -> None:
    _answer(gui_store, qids(gui_store)["g-clip-q1"])
    window = _window(qtbot, gui_store)
    dialog = _dialog(qtbot, window)
    dialog.backup_button.click()
    backups = list_backups(gui_store.path)
    assert [b.reason for b in backups] == ["manual"]
    assert str(backups[0].path) in dialog.backup_status.text()
    assert validate_database_file(backups[0].path) is None
    copy = sqlite3.connect(backups[0].path)
    try:
        assert copy.execute("SELECT COUNT(*) FROM attempts").fetchone()[0] == 1
    finally:
        copy.close()


def _restore_through_the_dialogs(qtbot, settings, backup: Path) -> None:
    settings.restore_button.click()
    chooser = settings.restore_dialog
    qtbot.waitExposed(chooser)
    rows = [c.path for c in chooser.candidates]
    chooser.table.selectRow(rows.index(backup))
    assert chooser.restore_button.isEnabled()
    chooser.restore_button.click()
    box = settings.restore_confirm_box
    qtbot.waitUntil(box.isVisible)
    assert "replaced" in box.informativeText()
    box.findChild(QPushButton, "confirmRestoreButton").click()


def test_restore_round_trip(qtbot, gui_store, qids) -> None:
    ids = qids(gui_store)
    first, second = ids["g-clip-q1"], ids["g-norm-q1"]
    _answer(gui_store, first)
    window = _window(qtbot, gui_store)
    settings = _dialog(qtbot, window)
    backup = settings.backup_now()
    assert backup is not None
    _answer(gui_store, second)
    assert _attempted(window.store) == [first, second]

    _restore_through_the_dialogs(qtbot, settings, backup)
    restored = window.store
    try:
        assert restored is not gui_store  # reopened on the restored file
        assert _attempted(restored) == [first]
        assert "Restored" in settings.backup_status.text()
        # The data from before the restore is kept as a backup, with both attempts.
        before = [b for b in list_backups(restored.path) if b.reason == "before-restore"]
        assert len(before) == 1 and str(before[0].path) in settings.backup_status.text()
        copy = sqlite3.connect(before[0].path)
        try:
            assert [r[0] for r in copy.execute("SELECT question_id FROM attempts ORDER BY id")] == [first, second]
        finally:
            copy.close()
        # The window works on the restored data: a new answer lands there.
        window.refresh()
        _answer(restored, second)
        assert _attempted(restored) == [first, second]
    finally:
        restored.close()


def test_restore_closes_the_exam_in_progress_first(qtbot, gui_store, qids) -> None:
    from sqlalchemy import select

    from quizdesk.core.db.models import Topic
    from quizdesk.core.study.exams import ExamSpec, create_exam

    window = _window(qtbot, gui_store)
    settings = _dialog(qtbot, window)
    backup = settings.backup_now()
    with gui_store.session() as s:
        exam_id = create_exam(s, ExamSpec(tuple(s.scalars(select(Topic.id))), count=5, time_limit_s=600, seed=1), NOW)
    window.run_exam(exam_id)
    assert window.exam_runner is not None
    settings.restore(backup)
    try:
        assert window.exam_runner is None and window.mode == "browse"
        with window.store.read() as connection:  # the backup predates the exam
            assert connection.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 0
    finally:
        window.store.close()


def test_a_damaged_backup_is_listed_but_cannot_be_restored(qtbot, gui_store, qids) -> None:
    _answer(gui_store, qids(gui_store)["g-clip-q1"])
    folder = backups_dir(gui_store.path)
    folder.mkdir(parents=True, exist_ok=True)
    bad = folder / "quizdesk-20250101T000000000000Z-manual.db"
    bad.write_bytes(b"this is not a database" * 100)
    window = _window(qtbot, gui_store)

    chooser = RestoreDialog(gui_store.path, window)
    qtbot.add_widget(chooser)
    assert [c.path for c in chooser.candidates] == [bad]
    assert chooser.table.item(0, 3).text() == "no: it is not an SQLite database"
    chooser.table.selectRow(0)
    assert not chooser.restore_button.isEnabled()  # listed, not pickable
    # Picked as "another file", it is refused with the reason.
    assert chooser.choose(bad) is False
    box = chooser.refused_box
    qtbot.waitUntil(box.isVisible)
    assert box.text() == f"{bad.name} cannot be restored: it is not an SQLite database."
    assert box.informativeText() == "Nothing was changed."
    box.done(QMessageBox.StandardButton.Ok)

    # Asked directly, the window refuses it too and keeps its data.
    try:
        window.restore_database(bad)
    except ValueError as exc:
        assert "cannot be restored" in str(exc)
    else:
        raise AssertionError("a damaged backup was restored")
    assert window.store is gui_store
    assert len(_attempted(gui_store)) == 1
    assert validate_database_file(gui_store.path) is None

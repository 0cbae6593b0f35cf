"""ui/ops.py and ui/collection.py: one transaction per write, one change signal with flags,
failures shown in the UI's language with no change announced; listeners refresh only for
what concerns them; a restore reaches every view through the collection."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QWidget

from quizdesk.core.db.backup import timestamped_backup
from quizdesk.core.db.store import connect
from quizdesk.ui import ops
from quizdesk.ui.collection import Collection
from quizdesk.ui.i18n import install_language
from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.ops import Changes


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _open_ids(store, count: int) -> list[int]:
    with store.read() as connection:
        rows = connection.execute(
            "SELECT id FROM questions WHERE qtype = 'open' AND retired_at IS NULL ORDER BY id LIMIT ?", (count,)
        ).fetchall()
    return [r[0] for r in rows]


def _attempts(store) -> int:
    with store.read() as connection:
        return int(connection.execute("SELECT count(*) FROM attempts").fetchone()[0])


def _new_exam(collection: Collection) -> int:
    from quizdesk.core.study.exams import ExamSpec

    topic_ids = tuple(collection.read(lambda c: [r[0] for r in c.execute("SELECT id FROM topics")]))
    result = ops.create_exam(None, collection, ExamSpec(topic_ids, count=3, seed=1), now=_now())
    assert result.ok and isinstance(result.value, int)
    return result.value


def _let_zero_timers_run(qtbot) -> None:
    """Run the event loop until a zero timer started now has fired (those started before it have too)."""
    sentinel = QTimer(singleShot=True, interval=0)
    with qtbot.wait_signal(sentinel.timeout, timeout=5000):
        sentinel.start()


def test_flags_reach_listeners_once_per_write(qtbot, gui_store) -> None:
    collection = Collection(gui_store)
    seen: list[Changes] = []
    collection.changed.connect(seen.append)
    question = _open_ids(gui_store, 1)[0]

    rated = ops.record_rating(None, collection, question, 3, now=_now(), seconds=4.0)
    assert rated.ok and rated.value is not None and seen == [Changes.ATTEMPTS]
    assert _attempts(gui_store) == 1

    exam_id = _new_exam(collection)
    assert seen[-1] == Changes.EXAM
    from quizdesk.core.study.exams import load_exam

    first = collection.read_orm(lambda s: load_exam(s, exam_id)).questions[0].id
    saved = ops.save_exam_answer(None, collection, exam_id, first, "notes", seconds_spent=3.0, remaining_s=None,
                                 elapsed_s=3.0, current_index=0)
    assert saved.ok and seen[-1] == Changes.EXAM_ANSWER
    assert not seen[-1] & ops.LIBRARY_CHANGES  # the library ignores it
    submitted = ops.submit_exam(None, collection, exam_id, now=_now())
    assert submitted.ok and seen[-1] == Changes.EXAM | Changes.ATTEMPTS
    assert len(seen) == 4  # one signal per write


def test_a_failed_write_shows_a_translated_message_and_announces_nothing(qtbot, gui_store, qapp) -> None:
    install_language("zh_CN", qapp)  # the autouse fixture puts the source language back
    window = QMainWindow()
    qtbot.add_widget(window)
    page = QWidget()
    window.setCentralWidget(page)
    collection = Collection(gui_store)
    seen: list[Changes] = []
    collection.changed.connect(seen.append)
    question = _open_ids(gui_store, 1)[0]
    other = connect(gui_store.path)  # another program holds the write lock
    other.execute("BEGIN IMMEDIATE")
    try:
        result = ops.record_rating(page, collection, question, 3, now=_now(), seconds=2.0, busy_timeout_ms=50)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not result.ok and result.value is None and "locked" in str(result.error)
    assert result.message == "未保存：另一个程序正在使用数据库。请稍后再试。"
    assert window.statusBar().currentMessage() == result.message  # a routine error: the status bar
    assert seen == [] and _attempts(gui_store) == 0  # rolled back, nothing announced


def test_quiet_and_on_failure_leave_the_message_to_the_caller(qtbot, gui_store) -> None:
    window = QMainWindow()
    qtbot.add_widget(window)
    collection = Collection(gui_store)
    shown: list[str] = []
    result = ops.save_database_settings(window, collection, retention=5.0, backups_kept=3, on_failure=shown.append)
    assert not result.ok and shown == [result.message] and window.statusBar().currentMessage() == ""
    quiet = ops.save_database_settings(window, collection, retention=5.0, backups_kept=3, quiet=True)
    assert not quiet.ok and window.statusBar().currentMessage() == ""
    # Both values are written in one transaction: the refused retention kept the number of backups too.
    from quizdesk.core.db.backup import DEFAULT_KEEP, configured_keep

    assert configured_keep(gui_store.path) == DEFAULT_KEEP
    assert ops.save_database_settings(window, collection, retention=0.85, backups_kept=3).ok
    assert configured_keep(gui_store.path) == 3


def test_a_bug_in_a_write_is_raised_not_shown_as_a_routine_failure(gui_store) -> None:
    collection = Collection(gui_store)

    def broken(_session):
        raise TypeError("a programming error")

    with pytest.raises(TypeError):
        ops.run(None, collection, broken, Changes.ATTEMPTS)


def test_saving_an_exam_answer_does_not_refresh_the_library_and_a_rating_does(qtbot, gui_store, isolated_settings) -> None:
    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    refreshes: list[int] = []
    original = window.refresh

    def counted() -> None:
        refreshes.append(1)
        original()

    window.refresh = counted  # type: ignore[method-assign]
    collection = window.collection
    exam_id = _new_exam(collection)
    _let_zero_timers_run(qtbot)
    refreshes.clear()  # creating the exam may refresh (history, resume): not what this test is about
    from quizdesk.core.study.exams import load_exam

    first = collection.read_orm(lambda s: load_exam(s, exam_id)).questions[0].id
    for seconds in (1.0, 2.0, 3.0):
        assert ops.save_exam_answer(window, collection, exam_id, first, f"draft {seconds}", seconds_spent=seconds,
                                    remaining_s=None, elapsed_s=seconds, current_index=0).ok
    _let_zero_timers_run(qtbot)
    assert refreshes == []  # no count query re-run for a saved exam answer

    question = _open_ids(gui_store, 1)[0]
    assert ops.record_rating(window, collection, question, 3, now=_now(), seconds=2.0).ok
    qtbot.waitUntil(lambda: refreshes == [1], timeout=5000)


def test_after_a_restore_the_weak_areas_dialog_reads_the_new_store(qtbot, gui_store, isolated_settings) -> None:
    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    window.show_weak_areas()
    dialog = window.weak_areas_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.ready, timeout=5000)
    assert sum(d.reviews for d in dialog.history) == 0
    backup = timestamped_backup(gui_store.path, "manual")  # no review yet
    for question in _open_ids(gui_store, 3):
        assert ops.record_rating(window, window.collection, question, 1, now=_now(), seconds=2.0).ok
    qtbot.waitUntil(lambda: dialog.ready and sum(d.reviews for d in dialog.history) == 3, timeout=5000)

    replaced: list[bool] = []
    window.collection.storeReplaced.connect(lambda: replaced.append(True))
    with qtbot.wait_signal(dialog.refreshed, timeout=5000):
        window.restore_database(backup)
    assert replaced == [True]
    assert window.store is not gui_store and dialog.collection.store is window.store
    qtbot.waitUntil(lambda: dialog.ready, timeout=5000)
    assert sum(d.reviews for d in dialog.history) == 0  # the restored file's figures, not the closed store's
    window.store.close()


def test_an_unusable_backup_replaces_nothing(qtbot, gui_store, tmp_path, isolated_settings) -> None:
    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    bad = tmp_path / "not-a-backup.db"
    bad.write_bytes(b"nothing useful" * 100)
    replaced: list[bool] = []
    window.collection.storeReplaced.connect(lambda: replaced.append(True))
    with pytest.raises(ValueError, match="cannot be restored"):
        window.restore_database(bad)
    assert replaced == [] and window.store is gui_store
    with gui_store.read() as connection:
        assert connection.execute("SELECT count(*) FROM questions").fetchone()[0] > 0


def test_a_failure_goes_to_the_status_bar_of_a_window_else_to_a_box(qtbot) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    window = QMainWindow()
    qtbot.add_widget(window)
    inside = QWidget(window)
    ops.show_failure(inside, "Not saved: the disk is full.")
    assert window.statusBar().currentMessage() == "Not saved: the disk is full."
    loose = QWidget()
    qtbot.add_widget(loose)
    loose.show()
    ops.show_failure(loose, "Not saved: the disk is full.")
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "opFailureBox" and w.isVisible()]
    assert len(boxes) == 1 and boxes[0].text() == "Not saved: the disk is full." and boxes[0].windowTitle() == "Not saved"
    boxes[0].close()

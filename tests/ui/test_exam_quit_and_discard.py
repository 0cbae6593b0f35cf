"""Leaving an exam says what happens to it: "Discard exam" asks first, and quitting
mid-exam says the exam is kept (Quit / Cancel)."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from quizdesk.core.db.models import StudySession, Topic
from quizdesk.core.study.exams import ExamSpec, create_exam
from quizdesk.ui.app.main_window import MainWindow

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def _exam(store, limit: int | None = 900) -> int:
    with store.session() as s:
        topics = tuple(s.scalars(select(Topic.id)))
        return create_exam(s, ExamSpec(topics, count=3, qtypes=("single",), time_limit_s=limit, seed=4), datetime.now(timezone.utc))


def _state(store, exam_id: int) -> str:
    with store.session() as s:
        return str(s.get(StudySession, exam_id).state)


def _window(qtbot, store, fake_clock, activate) -> MainWindow:
    window = MainWindow(store, clock=fake_clock)
    qtbot.add_widget(window)
    activate(window)
    return window


def _resume_dialog(qtbot, window):
    window.offer_resume()
    dialog = window.resume_dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    return dialog


def test_discarding_an_unfinished_exam_asks_first(qtbot, gui_store, fake_clock, activate, keyboard) -> None:
    exam_id = _exam(gui_store)
    window = _window(qtbot, gui_store, fake_clock, activate)
    qtbot.mouseClick(_resume_dialog(qtbot, window).discard_button, Qt.MouseButton.LeftButton)
    confirm = window.discard_confirmation
    qtbot.waitUntil(lambda: confirm.isVisible())
    assert "cannot be resumed" in confirm.informativeText()
    assert _state(gui_store, exam_id) == "active"  # nothing discarded yet
    keyboard.press(K.Key_Return)  # Enter keeps it: the safe default
    qtbot.waitUntil(lambda: not confirm.isVisible())
    assert _state(gui_store, exam_id) == "active"
    again = window.resume_dialog  # the choice is offered again
    qtbot.waitUntil(lambda: again.isVisible())
    qtbot.mouseClick(again.discard_button, Qt.MouseButton.LeftButton)
    confirm = window.discard_confirmation
    qtbot.waitUntil(lambda: confirm.isVisible())
    qtbot.mouseClick(confirm.discard_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _state(gui_store, exam_id) == "abandoned")
    assert "discarded" in window.statusBar().currentMessage()


def test_ctrl_q_during_an_exam_says_it_is_kept_and_cancel_stays(qtbot, gui_store, fake_clock, activate, keyboard) -> None:
    exam_id = _exam(gui_store, limit=900)
    window = _window(qtbot, gui_store, fake_clock, activate)
    window.show()
    window.run_exam(exam_id)
    fake_clock.advance(60)
    keyboard.press(K.Key_Q, modifier=CTRL)
    box = window.quit_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert "continue it next time" in box.text() and "14:00" in box.informativeText()
    assert window.isVisible()  # not quit yet
    keyboard.press(K.Key_Escape)  # Cancel
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.isVisible() and window.exam_runner is not None
    assert _state(gui_store, exam_id) == "active"
    # Quit for real: the window closes, the exam stays resumable with its time
    keyboard.press(K.Key_Q, modifier=CTRL)
    box = window.quit_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    fake_clock.advance(30)
    qtbot.mouseClick(box.quit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible())
    with gui_store.session() as s:
        exam = s.get(StudySession, exam_id)
        assert exam.state == "active" and exam.remaining_s == 810.0


def test_quitting_while_browsing_asks_nothing(qtbot, gui_store, fake_clock, activate, keyboard) -> None:
    window = _window(qtbot, gui_store, fake_clock, activate)
    window.show()
    keyboard.press(K.Key_Q, modifier=CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.quit_box is None and QApplication.activeModalWidget() is None


def test_quitting_during_self_grading_says_the_answers_are_kept(qtbot, gui_store, fake_clock, activate, keyboard) -> None:
    with gui_store.session() as s:
        topics = tuple(s.scalars(select(Topic.id)))
        exam_id = create_exam(s, ExamSpec(topics, count=1, qtypes=("open",), time_limit_s=600, seed=2), datetime.now(timezone.utc))
    window = _window(qtbot, gui_store, fake_clock, activate)
    window.show()
    window.run_exam(exam_id)
    runner = window.exam_runner
    runner.notes.setPlainText("梯度裁剪限制梯度的范数")
    assert runner.submit()
    qtbot.waitUntil(lambda: window.mode == "grading")
    keyboard.press(K.Key_Q, modifier=CTRL)
    box = window.quit_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible())
    assert "answers are saved" in box.text() and "finish grading" in box.informativeText()
    keyboard.press(K.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert window.isVisible() and window.mode == "grading"
    assert _state(gui_store, exam_id) == "grading"

"""No key on any screen raises (issue 21, item 4).

Every letter, digit and named key, alone and with Ctrl or Shift, goes to every
screen state a user meets: the library; study with the question shown, the
answer revealed, each question type and the session summary; the exam on each
question type and on its palette; the self-grading page; the results; the weak
areas window. A key that leaves the state (Esc ends the session, Space reveals,
Ctrl+Q closes the window…) is followed by building the state again, so every
key meets every state as it was set up.

An exception in a slot or a Qt virtual reaches ``sys.excepthook``, which
pytest-qt replaces during a test and turns into a failure ("Exceptions caught
in Qt event loop"); ``test_a_raising_key_handler_fails_the_test`` proves that it
does for a key shortcut, the path a broken key takes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from sqlalchemy import select

from quizdesk.core.db.models import Topic
from quizdesk.core.study.exams import ExamSpec, create_exam, save_answer, submit_exam
from quizdesk.ui.app.main_window import BROWSE, EXAM, GRADING, RESULTS, STUDY, MainWindow

K = Qt.Key
M = Qt.KeyboardModifier

NAMED_KEYS = [
    K.Key_Space, K.Key_Return, K.Key_Enter, K.Key_Escape, K.Key_Tab, K.Key_Backtab,
    K.Key_Left, K.Key_Right, K.Key_Up, K.Key_Down, K.Key_PageUp, K.Key_PageDown, K.Key_Home, K.Key_End,
    K.Key_Backspace, K.Key_Delete,
    *[getattr(K, f"Key_F{n}") for n in range(1, 13)],
]
LETTER_KEYS = [getattr(K, f"Key_{chr(c)}") for c in range(ord("A"), ord("Z") + 1)]
DIGIT_KEYS = [getattr(K, f"Key_{d}") for d in range(10)]
ALL_KEYS = LETTER_KEYS + DIGIT_KEYS + NAMED_KEYS
MODIFIERS = [M.NoModifier, M.ControlModifier, M.ShiftModifier]


def _now() -> datetime:
    return datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


@contextmanager
def dialogs_closed_at_once(keep: Callable[[], list[QWidget | None]]) -> Iterator[None]:
    """Close every dialog a key opens, including those that block in ``exec()``
    (Ctrl+G's number box, Ctrl+I's file chooser): the timer runs inside their loop."""

    def close_dialogs() -> None:
        kept = [w for w in keep() if w is not None]
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and isinstance(widget, (QDialog, QMessageBox, QFileDialog)) and widget not in kept:
                widget.reject()

    timer = QTimer(interval=5)
    timer.timeout.connect(close_dialogs)
    timer.start()
    try:
        yield
    finally:
        timer.stop()


class Screens:
    """Puts one main window into each screen state, again whenever asked."""

    def __init__(self, qtbot, store, clock) -> None:
        self.qtbot = qtbot
        self.store = store
        self.clock = clock
        self.window: MainWindow | None = None
        with store.read() as connection:
            self.ids = {ext: qid for qid, ext in connection.execute("SELECT id, external_id FROM questions")}
        with store.session() as s:
            self.topics = tuple(s.scalars(select(Topic.id)))

    def _fresh_window(self) -> MainWindow:
        if self.window is not None and self.window.isVisible():
            return self.window
        if self.window is not None:
            self.window.deleteLater()
        window = MainWindow(self.store, clock=self.clock, now=_now)
        self.qtbot.add_widget(window)
        window.show()
        self.qtbot.waitExposed(window)
        self.window = window
        return window

    def _activate(self, widget: QWidget) -> None:
        QApplication.processEvents()  # a hide() just before must land before the activation
        widget.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())

    def _exam(self, qtypes: tuple[str, ...], count: int = 1, limit: int | None = 1800) -> int:
        with self.store.session() as s:
            spec = ExamSpec(self.topics, count=count, qtypes=qtypes, time_limit_s=limit, seed=1)
            return create_exam(s, spec, _now())

    def setup(self, state: str) -> QWidget:
        """The window (or the weak-areas window) in ``state``, active, its default focus set."""
        window = self._fresh_window()
        if window.weak_areas_dialog is not None:
            window.weak_areas_dialog.hide()
        window.show_browse()
        ids = self.ids
        kind, _, detail = state.partition(":")
        if kind == "library":
            window.library.topic_tree.select_key(window.library.topic_tree.current_key() or "")
            window.library.question_list.setFocus()
        elif kind == "study":
            queue = {
                "open": ["g-warmup"], "revealed": ["g-warmup"], "revealed-points": ["g-clip"],
                "single": ["g-clip-q1"], "multi": ["g-clip-q2"], "truefalse": ["g-bn-tf"],
                "answered": ["g-clip-q1"], "summary": [],
            }[detail]
            window.start_study([ids[e] for e in queue])
            view = window.page
            if detail.startswith("revealed"):
                view.reveal()
            elif detail == "answered":
                view.choices.toggle(0)
                view.check_choice()
        elif kind == "exam":
            if detail == "palette":
                window.run_exam(self._exam(("single", "open"), count=4))
                window.page.palette_widget.buttons[1].setFocus()
            else:
                limit = None if detail == "open-untimed" else 1800
                window.run_exam(self._exam((detail.removesuffix("-untimed"),), limit=limit))
        elif kind == "grading":
            exam_id = self._exam(("open",), count=2)
            with self.store.session() as s:
                save_answer(s, exam_id, ids_in(s, exam_id)[0], "notes", remaining_s=100, elapsed_s=1, current_index=0)
                submit_exam(s, exam_id, _now())
            window.grade_or_show_results(exam_id)
        elif kind == "results":
            exam_id = self._exam(("single", "truefalse"), count=4)
            with self.store.session() as s:
                submit_exam(s, exam_id, _now())
            window.show_results(exam_id)
        elif kind == "weak":
            self._activate(window)  # offscreen, the dialog takes the activation from its window only
            window.show_weak_areas()
            dialog = window.weak_areas_dialog
            assert dialog is not None
            self._activate(dialog)
            return dialog
        self._activate(window)
        return window

    def signature(self, state: str) -> tuple:
        """What a key may change that takes the screen out of ``state``."""
        window = self.window
        assert window is not None
        page = window.page
        focus = QApplication.focusWidget()
        parts: list[object] = [window.isVisible(), window.mode, id(page), focus.objectName() if focus else None]
        if state == "weak":
            dialog = window.weak_areas_dialog
            parts += [dialog.isVisible(), QApplication.activeWindow() is dialog]
        else:
            parts.append(QApplication.activeWindow() is window)
        if window.mode == STUDY:
            parts += [page.phase, page.index]
        elif window.mode == EXAM:
            parts += [page.index, page.clock.running, page.is_submitted]
        elif window.mode == GRADING:
            parts += [page.position]
        return tuple(parts)


def ids_in(session, exam_id: int) -> list[int]:
    from quizdesk.core.db.models import StudySession

    return list(session.get(StudySession, exam_id).question_ids)


STATES = [
    "library",
    "study:open", "study:revealed", "study:revealed-points", "study:single", "study:multi", "study:truefalse",
    "study:answered", "study:summary",
    "exam:open", "exam:open-untimed", "exam:single", "exam:multi", "exam:truefalse", "exam:palette",
    "grading", "results", "weak",
]


@pytest.mark.parametrize("state", STATES)
def test_no_key_raises(qtbot, gui_store, fake_clock, state) -> None:
    screens = Screens(qtbot, gui_store, fake_clock)
    target_window = screens.setup(state)
    expected_mode = {"library": BROWSE, "study": STUDY, "exam": EXAM, "grading": GRADING, "results": RESULTS, "weak": BROWSE}
    assert screens.window.mode == expected_mode[state.partition(":")[0]]
    if state == "study:summary":
        assert screens.window.page.phase == "done"
    before = screens.signature(state)
    sent = 0

    def keep() -> list[QWidget | None]:
        return [screens.window, screens.window.weak_areas_dialog if screens.window else None]

    with dialogs_closed_at_once(keep):
        for modifier in MODIFIERS:
            for key in ALL_KEYS:
                widget = QApplication.focusWidget() or QApplication.activeWindow() or target_window
                qtbot.keyClick(widget, key, modifier)
                sent += 1
                QApplication.processEvents()
                if screens.signature(state) != before:
                    target_window = screens.setup(state)
                    before = screens.signature(state)
    assert sent == len(ALL_KEYS) * len(MODIFIERS)


def test_a_raising_key_handler_fails_the_test(tmp_path) -> None:
    """The fuzz test's net holds: a shortcut whose handler raises fails a pytest-qt test."""
    (tmp_path / "test_broken_key.py").write_text(
        """
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

def test_broken_key(qtbot):
    widget = QWidget()
    qtbot.add_widget(widget)
    action = QAction(widget)
    action.setShortcut(QKeySequence("T"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda: "AB".index("T"))
    widget.addAction(action)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_T)
""",
        encoding="utf-8",
    )
    (tmp_path / "pytest.ini").write_text("[pytest]\nqt_api = pyside6\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path / "test_broken_key.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 failed" in result.stdout
    assert "Exceptions caught in Qt event loop" in result.stdout
    assert "ValueError: substring not found" in result.stdout

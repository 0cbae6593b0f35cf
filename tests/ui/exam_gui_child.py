"""Child process of test_resume_after_kill: the real main window, offscreen, taking an exam.

Usage: exam_gui_child.py DATA_DIR SETTINGS_DIR

Opens the store in DATA_DIR (already holding the GUI bank), shows the main
window, starts an exam through the setup dialog (10 questions, seed 12, 30
minutes) and answers with key presses: letters for choices, typed notes for
open questions (saved when Alt+→ leaves them). The clock is a fake moved 7 s
before each answer, so the remaining time after n answers is 1800 - 7n.

Prints ``EXAM <id>`` once, then for every answer ``SENDING <qid>`` before the
key press that saves it and ``ACK <qid> <json given> <remaining>`` after the
commit (the runner's answerSaved signal), going round the questions until
killed.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

LETTERS = [Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C, Qt.Key.Key_D, Qt.Key.Key_E]


class FakeClock:
    def __init__(self) -> None:
        self.t = 5000.0

    def __call__(self) -> float:
        return self.t


def say(line: str) -> None:
    print(line, flush=True)


def main() -> None:
    data_dir, settings_dir = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication([])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(settings_dir))
    QCoreApplication.setOrganizationName("QuizDeskKillTest")
    QCoreApplication.setApplicationName("QuizDeskKillTest")

    from quizdesk.core.db.store import open_store
    from quizdesk.ui.app.main_window import MainWindow

    store = open_store(data_dir)
    clock = FakeClock()
    window = MainWindow(store, clock=clock)
    window.show()

    def wait_for(condition, timeout_ms: int = 5000) -> None:
        for _ in range(timeout_ms // 10):
            if condition():
                return
            QTest.qWait(10)
        raise TimeoutError("condition not met")

    def activate(widget) -> None:
        widget.activateWindow()
        wait_for(lambda: QApplication.activeWindow() is widget)

    def press(key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(QApplication.focusWidget() or window, key, modifier)

    def type_text(text: str) -> None:
        widget = QApplication.focusWidget() or window
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))

    activate(window)
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window.exam_setup_dialog
    activate(dialog)
    dialog.tree.set_all_checked(True)
    dialog.count_spin.setValue(10)
    dialog.seed_edit.setText("12")
    dialog.time_check.setChecked(True)
    dialog.minutes_spin.setValue(30)
    dialog.start_button.setFocus()
    press(Qt.Key.Key_Return)
    wait_for(lambda: window.exam_runner is not None)
    activate(window)
    runner = window.exam_runner
    say(f"EXAM {runner.exam_id}")
    runner.answerSaved.connect(
        lambda qid, given: say(f"ACK {qid} {json.dumps(given, ensure_ascii=False)} {runner.clock.remaining():.1f}")
    )

    step = 0
    while True:
        q = runner.question
        runner.focus_default()
        clock.t += 7
        say(f"SENDING {q.id}")
        if q.qtype == "open":
            type_text(f"第{step}步的笔记")
            press(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # leaving the notes saves them
        else:
            if q.qtype == "truefalse":
                press(Qt.Key.Key_T if step % 2 else Qt.Key.Key_F)
            else:
                press(LETTERS[step % len(q.choices)])
            press(Qt.Key.Key_Right)
        if runner.index == len(runner.questions) - 1 and q.id == runner.question.id:
            runner.go_to(0)  # round again, changing answers
        step += 1
        QTest.qWait(step % 7 * 3)  # let timers run between answers


if __name__ == "__main__":
    main()

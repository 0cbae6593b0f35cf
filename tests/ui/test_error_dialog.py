"""The unexpected-error hook: an exception in a slot or a Qt virtual reaches a dialog and the log file.

pytest-qt normally takes over ``sys.excepthook`` to fail a test on such errors;
``qt_no_exception_capture`` lets the app's own hook receive them, as in the app.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from quizdesk.ui.app import error_dialog
from quizdesk.ui.app.error_dialog import DIALOG_OBJECT_NAME, ErrorReporter, install_error_handling

pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def reporter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ErrorReporter]:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    logger = logging.getLogger("quizdesk")
    level = logger.level
    installed = install_error_handling(tmp_path / "data" / "logs")
    yield installed
    if installed.dialog is not None:
        installed.dialog.close()
    for handler in list(logger.handlers):
        if isinstance(handler, error_dialog.LogFileHandler):
            logger.removeHandler(handler)
            handler.close()
    logger.setLevel(level)


def error_dialogs() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == DIALOG_OBJECT_NAME and w.isVisible()]


def failing_slot() -> None:
    raise ZeroDivisionError("boom in a slot")


def test_an_error_in_a_slot_shows_the_dialog_and_is_logged(qtbot: QtBot, reporter: ErrorReporter) -> None:
    button = QPushButton("go")
    qtbot.addWidget(button)
    button.clicked.connect(failing_slot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(error_dialogs()) == 1)
    dialog = error_dialogs()[0]
    assert "unexpected problem" in dialog.text()
    assert str(reporter.log_path) in dialog.informativeText()
    assert reporter.log_path == Path(dialog.informativeText().split("log file ")[1].split(". ")[0])
    # The traceback is behind Details, not in the text a user reads first.
    assert "Traceback" not in dialog.text() + dialog.informativeText()
    assert "ZeroDivisionError: boom in a slot" in dialog.detailedText() and "failing_slot" in dialog.detailedText()
    logged = reporter.log_path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "ZeroDivisionError: boom in a slot" in logged
    assert reporter.log_path.parent.name == "logs"


class RaisesOnKey(QWidget):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        raise KeyError("boom in a virtual")


def test_an_error_in_a_qt_virtual_reaches_the_dialog(qtbot: QtBot, reporter: ErrorReporter) -> None:
    widget = RaisesOnKey()
    qtbot.addWidget(widget)
    widget.show()
    # Posted, so the event loop (C++) calls the Python override, as for a real key press.
    QApplication.postEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))
    qtbot.waitUntil(lambda: len(error_dialogs()) == 1)
    assert "boom in a virtual" in error_dialogs()[0].detailedText()
    assert "RaisesOnKey" not in error_dialogs()[0].text()


def test_a_repeating_error_shows_one_dialog_and_logs_each(qtbot: QtBot, reporter: ErrorReporter) -> None:
    button = QPushButton("go")
    qtbot.addWidget(button)
    button.clicked.connect(failing_slot)
    for _ in range(3):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(error_dialogs()) == 1)
    qtbot.wait(50)  # give a second dialog every chance to appear
    assert len(error_dialogs()) == 1
    assert reporter.log_path.read_text(encoding="utf-8").count("ZeroDivisionError: boom in a slot") == 3
    # Closed, the next error shows a dialog again.
    error_dialogs()[0].button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: reporter.dialog is None)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(error_dialogs()) == 1)


def test_a_failing_dialog_does_not_recurse(
    qtbot: QtBot, reporter: ErrorReporter, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken_dialog(*_args: object, **_kwargs: object) -> QMessageBox:
        raise RuntimeError("the dialog itself failed")

    monkeypatch.setattr(error_dialog, "build_error_dialog", broken_dialog)
    QTimer.singleShot(0, failing_slot)
    qtbot.waitUntil(lambda: "the dialog itself failed" in reporter.log_path.read_text(encoding="utf-8"))
    logged = reporter.log_path.read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom in a slot" in logged
    assert logged.count("Unexpected error") == 1  # the dialog's failure did not re-enter the hook
    err = capsys.readouterr().err
    assert "ZeroDivisionError: boom in a slot" in err and "the dialog itself failed" in err
    assert error_dialogs() == []


def test_the_dialog_speaks_the_ui_language(qtbot: QtBot, reporter: ErrorReporter) -> None:
    from quizdesk.ui.i18n import install_language

    install_language("zh_CN", QApplication.instance())  # the autouse fixture puts the source language back
    QTimer.singleShot(0, failing_slot)
    qtbot.waitUntil(lambda: len(error_dialogs()) == 1)
    dialog = error_dialogs()[0]
    assert "意外问题" in dialog.text() and "日志文件" in dialog.informativeText()
    assert dialog.windowTitle() == "意外错误"


def test_the_log_file_exists_from_the_start_and_rotates(reporter: ErrorReporter, monkeypatch: pytest.MonkeyPatch) -> None:
    # The rotating handler is made at the first record (its module stays off the start path),
    # yet the file is there at once, and records rotate into quizdesk.log.1 … as before.
    assert reporter.log_path.is_file() and reporter.log_path.read_text(encoding="utf-8") == ""
    monkeypatch.setattr(error_dialog, "LOG_MAX_BYTES", 300)
    logger = logging.getLogger("quizdesk.test")
    logger.info("below the file's level")
    for i in range(10):  # two records fit in 300 bytes: four files keep the last eight
        logger.warning("warning number %d %s", i, "x" * 80)
    logs = reporter.log_path.parent
    assert sorted(p.name for p in logs.iterdir()) == ["quizdesk.log", "quizdesk.log.1", "quizdesk.log.2", "quizdesk.log.3"]
    text = "".join(p.read_text(encoding="utf-8") for p in logs.iterdir())
    assert "warning number 9" in reporter.log_path.read_text(encoding="utf-8")
    assert "WARNING quizdesk.test: warning number 2" in text and "warning number 1 " not in text
    assert "below the file's level" not in text


def test_installing_twice_keeps_one_log_file_handler(reporter: ErrorReporter) -> None:
    install_error_handling(reporter.log_path.parent)
    logger = logging.getLogger("quizdesk")
    assert sum(isinstance(h, error_dialog.LogFileHandler) for h in logger.handlers) == 1

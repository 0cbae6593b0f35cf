"""Unexpected errors: written to the log file, shown to the user in a dialog, never as a raw traceback.

``install_error_handling(log_dir)`` (called once by ``ui/app/launch.py``) does two things:

- a rotating log file, ``<data dir>/logs/quizdesk.log`` (1 MB, three old files
  kept), receiving the ``quizdesk`` loggers' warnings and errors — before it the
  app had no log file, and a Windows GUI build has no console to print to;
- ``sys.excepthook``: an exception nobody caught — including one raised in a Qt
  slot or virtual (``paintEvent``, ``keyPressEvent``), which PySide6 hands to
  ``sys.excepthook`` — goes to the log with its traceback, and a dialog says in
  the UI's language that something went wrong, where the log is, with the
  traceback behind the dialog's Details button.

The dialog is opened non-modally-blocking (``open()``, not ``exec()``): the hook
returns at once and Qt's event loop keeps running. While one error dialog is up,
further errors (a ``paintEvent`` that raises on every paint) are only logged, so
one bug cannot stack dialogs or recurse; if building the dialog itself fails,
both tracebacks go to the log and stderr and the hook returns.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:  # made when needed, not on the start path (the dialog: PySide builds QMessageBox's enums then)
    from logging.handlers import RotatingFileHandler

    from PySide6.QtWidgets import QMessageBox

LOG_FILENAME = "quizdesk.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
DIALOG_OBJECT_NAME = "unexpectedErrorDialog"

log = logging.getLogger("quizdesk")

ExcInfo = tuple[type[BaseException], BaseException, "TracebackType | None"]


class ErrorReporter:
    """The installed hook: logs every unexpected error and shows at most one dialog at a time."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self.dialog: QMessageBox | None = None
        self.previous_hook = sys.excepthook
        self._handling = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Unexpected error\n%s", details.rstrip())
        if self._handling or self.dialog is not None:
            return  # already telling the user: one bug, one dialog (and no recursion)
        self._handling = True
        try:
            self._show(exc, details)
        except BaseException:  # the dialog itself failed: the log and stderr still have both
            failure = traceback.format_exc()
            log.error("The error dialog failed\n%s", failure.rstrip())
            sys.stderr.write(details + failure)
        finally:
            self._handling = False

    def _show(self, exc: BaseException, details: str) -> None:
        if not isinstance(QApplication.instance(), QApplication):
            sys.stderr.write(details)
            return
        dialog = build_error_dialog(self.log_path, details, parent=QApplication.activeWindow())
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def build_error_dialog(log_path: Path, details: str, parent: QWidget | None = None) -> QMessageBox:
    """The dialog: a plain headline, where the log is, and the traceback under Details."""
    from PySide6.QtWidgets import QMessageBox

    dialog = QMessageBox(parent)
    dialog.setObjectName(DIALOG_OBJECT_NAME)
    dialog.setIcon(QMessageBox.Icon.Critical)
    dialog.setWindowTitle(QCoreApplication.translate("UnexpectedError", "Unexpected error"))
    dialog.setText(
        QCoreApplication.translate(
            "UnexpectedError",
            "QuizDesk ran into an unexpected problem, and what you just did may not have finished. "
            "Answers and grades already saved are kept.",
        )
    )
    dialog.setInformativeText(
        QCoreApplication.translate(
            "UnexpectedError", "The details were written to the log file %1. Please include it when you report the problem."
        ).replace("%1", str(log_path))
    )
    dialog.setDetailedText(details)
    dialog.setStandardButtons(QMessageBox.StandardButton.Close)
    return dialog


class LogFileHandler(logging.Handler):
    """The rotating log file, whose rotating handler is made at the first record.

    ``logging.handlers`` imports ``socket``, ``pickle`` and ``queue``: ~8 ms of
    the app's start for a log that usually stays empty. The file itself is
    opened (created) at once, as before, so an unwritable log folder still
    shows at start.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(logging.WARNING)
        self.baseFilename = str(path.resolve())
        with path.open("a", encoding="utf-8"):
            pass
        self._file: RotatingFileHandler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            self._file = RotatingFileHandler(self.baseFilename, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
        self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def open_log_file(log_dir: Path) -> Path:
    """Attach the rotating log file to the ``quizdesk`` loggers (once); return its path."""
    path = log_dir / LOG_FILENAME
    for handler in log.handlers:
        if isinstance(handler, LogFileHandler) and Path(handler.baseFilename) == path.resolve():
            return path
    log_dir.mkdir(parents=True, exist_ok=True)
    handler = LogFileHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)  # the logger's level is left alone: Python's default already passes warnings
    return path


def install_error_handling(log_dir: Path) -> ErrorReporter:
    """Open the log file and make ``sys.excepthook`` report to it and to the user."""
    reporter = ErrorReporter(open_log_file(log_dir))
    sys.excepthook = reporter
    return reporter

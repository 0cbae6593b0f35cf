"""What the user sees when the database cannot be opened, and what they can do.

Offers, depending on the problem: restore the newest good backup, start fresh
with the damaged file kept aside, or quit. Never a traceback, never a silent
overwrite.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from quizdesk import APP_NAME
from quizdesk.core.db.recovery import latest_good_backup, restore_backup, start_fresh
from quizdesk.core.db.store import StoreError
from quizdesk.ui.i18n import format_datetime

RECOVERABLE = ("corrupt", "notadb", "newer")
RESTORED, STARTED_FRESH, QUIT = "restored", "fresh", "quit"


def headline(kind: str) -> str:
    """One translated sentence for what went wrong (``StoreError.kind``)."""
    return {
        "corrupt": QCoreApplication.translate("RecoveryDialog", "The QuizDesk database is damaged."),
        "notadb": QCoreApplication.translate("RecoveryDialog", "The file that should hold your progress is not a QuizDesk database."),
        "newer": QCoreApplication.translate("RecoveryDialog", "This database was written by a newer version of QuizDesk."),
        "readonly": QCoreApplication.translate("RecoveryDialog", "QuizDesk cannot write to its data folder."),
        "locked": QCoreApplication.translate("RecoveryDialog", "Another program is using the QuizDesk database."),
    }.get(kind, QCoreApplication.translate("RecoveryDialog", "QuizDesk cannot open its database."))


def advice(kind: str, db_path: Path) -> str:
    """What the user can do about it, with the file's location."""
    text = {
        "corrupt": QCoreApplication.translate("RecoveryDialog", "Restore the newest good backup, or start with an empty history."),
        "notadb": QCoreApplication.translate("RecoveryDialog", "Restore the newest good backup, or start with an empty history."),
        "newer": QCoreApplication.translate("RecoveryDialog", "Update QuizDesk to open it, or restore a backup made by this version."),
        "readonly": QCoreApplication.translate("RecoveryDialog", "Make the folder writable (or start QuizDesk with --data-dir on a writable folder), then start again."),
        "locked": QCoreApplication.translate("RecoveryDialog", "Close the other program (is QuizDesk already running?), then start again."),
    }.get(kind, "")
    return (text + "\n\n" if text else "") + QCoreApplication.translate("RecoveryDialog", "File: %1").replace("%1", str(db_path))


def offer_recovery(error: StoreError, db_path: Path, parent: QWidget | None = None) -> str:
    """Show the problem; carry out the user's choice. Returns RESTORED, STARTED_FRESH or QUIT."""
    box = QMessageBox(parent)
    box.setObjectName("recoveryDialog")
    box.setWindowTitle(APP_NAME)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setText(headline(error.kind))
    # The core's own words name the file and the cause; kept for a bug report or a search.
    box.setDetailedText(error.message)
    if error.kind not in RECOVERABLE:
        box.setInformativeText(advice(error.kind, db_path))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.exec()
        return QUIT
    backup = latest_good_backup(db_path)
    restore_button = None
    if backup is not None:
        when = format_datetime(backup.created_at)
        restore_button = box.addButton(QCoreApplication.translate("RecoveryDialog", "Restore backup of %1").replace("%1", when), QMessageBox.ButtonRole.AcceptRole)
        restore_button.setObjectName("restoreBackupButton")
    fresh_button = box.addButton(QCoreApplication.translate("RecoveryDialog", "Start fresh"), QMessageBox.ButtonRole.DestructiveRole)
    fresh_button.setObjectName("startFreshButton")
    quit_button = box.addButton(QCoreApplication.translate("RecoveryDialog", "Quit"), QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("quitButton")
    box.setInformativeText(
        advice(error.kind, db_path)
        + "\n\n"
        + QCoreApplication.translate(
            "RecoveryDialog",
            "Your current file is never deleted: it is kept beside the database "
            "with '.damaged-' in its name, or in the backups folder.",
        )
    )
    box.setDefaultButton(restore_button or quit_button)
    box.exec()
    clicked = box.clickedButton()
    if restore_button is not None and clicked is restore_button and backup is not None:
        restore_backup(db_path, backup.path)
        return RESTORED
    if clicked is fresh_button:
        start_fresh(db_path)
        return STARTED_FRESH
    return QUIT

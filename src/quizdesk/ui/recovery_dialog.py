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


def offer_recovery(error: StoreError, db_path: Path, parent: QWidget | None = None) -> str:
    """Show the problem; carry out the user's choice. Returns RESTORED, STARTED_FRESH or QUIT."""
    box = QMessageBox(parent)
    box.setObjectName("recoveryDialog")
    box.setWindowTitle(APP_NAME)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setText(error.message)
    if error.kind not in RECOVERABLE:
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
        QCoreApplication.translate("RecoveryDialog",
            "Your current file is never deleted: it is kept beside the database "
            "with '.damaged-' in its name, or in the backups folder."
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

"""Help → About QuizDesk: version, licence, the versions underneath, the data folder."""

from __future__ import annotations

import platform
import sqlite3
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quizdesk import APP_NAME, __version__
from quizdesk.core.paths import bundle_root
from quizdesk.ui.widgets.app_icon import app_icon
from quizdesk.ui.widgets.named import named


def licence_text() -> str | None:
    """The LICENSE file shipped with this copy (bundle, checkout or wheel), if any."""
    path = bundle_root() / "LICENSE"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    try:
        from importlib.metadata import PackageNotFoundError, distribution

        for file in distribution("quizdesk").files or ():
            if file.name.upper().startswith(("LICENSE", "LICENCE")):
                return file.read_text(encoding="utf-8")
    except (PackageNotFoundError, OSError):
        pass
    return None


def versions_line() -> str:
    return (f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {PySide6.__version__} · "
            f"SQLite {sqlite3.sqlite_version}")


class AboutDialog(QDialog):
    """What this copy of QuizDesk is and where it keeps its data (objectName ``aboutDialog``)."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_NAME))
        self.data_dir = data_dir

        icon = named(QLabel(), "aboutIcon")
        icon.setPixmap(app_icon().pixmap(64, 64))
        title = named(QLabel(f"{APP_NAME} {__version__}"), "aboutTitle")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        description = named(QLabel(
            self.tr("Offline study cards and timed mock exams for AI / algorithm-engineer interviews. "
                    "No account and no network: everything stays on this computer."),
        ), "aboutDescription")
        description.setWordWrap(True)
        versions = named(QLabel(versions_line()), "aboutVersions")
        versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(description)
        heading.addWidget(versions)
        top = QHBoxLayout()
        top.addWidget(icon, 0)
        top.addSpacing(12)
        top.addLayout(heading, 1)

        licence = licence_text()
        self.licence_label = named(QLabel(self.tr("Free software under the MIT licence.")), "aboutLicenceLabel")
        self.licence_button = named(QPushButton(self.tr("Show licence")), "aboutLicenceButton")
        self.licence_button.setCheckable(True)
        self.licence_button.toggled.connect(self._toggle_licence)
        self.licence_view = named(QPlainTextEdit(), "aboutLicenceText")
        self.licence_view.setReadOnly(True)
        self.licence_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licence_view.setPlainText(licence or self.tr("The licence text was not installed with this copy."))
        self.licence_view.setVisible(False)
        licence_row = QHBoxLayout()
        licence_row.addWidget(self.licence_label, 1)
        licence_row.addWidget(self.licence_button)

        data_label = named(QLabel(self.tr("Your data (database, backups, imported images) is kept in:")), "aboutDataLabel")
        self.data_edit = named(QLineEdit(str(data_dir)), "aboutDataDirEdit")
        self.data_edit.setReadOnly(True)
        self.data_edit.setCursorPosition(0)
        self.open_button = named(QPushButton(self.tr("Open data folder")), "aboutOpenDataButton")
        self.open_button.clicked.connect(self.open_data_folder)
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_edit, 1)
        data_row.addWidget(self.open_button)
        self.message = named(QLabel(), "aboutMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("aboutCloseButton")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(licence_row)
        layout.addWidget(self.licence_view, 1)
        layout.addSpacing(8)
        layout.addWidget(data_label)
        layout.addLayout(data_row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def _toggle_licence(self, shown: bool) -> None:
        self.licence_view.setVisible(shown)
        self.licence_button.setText(self.tr("Hide licence") if shown else self.tr("Show licence"))
        self.resize(self.width(), 560 if shown else self.minimumSizeHint().height())

    def open_data_folder(self) -> bool:
        """Show the data folder in the system's file manager; says so when that fails."""
        if not self.data_dir.is_dir():
            self._say(self.tr("The folder does not exist yet; it is created when QuizDesk first saves something."))
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir))):
            self.message.setVisible(False)
            return True
        self._say(self.tr("No file manager could be opened. Copy the path above to find the folder."))
        return False

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(True)

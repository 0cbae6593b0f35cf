"""File → Export (Ctrl+E): progress as CSV files a spreadsheet opens cleanly.

:func:`run_export_flow` opens a small dialog: the folder to write to (typed,
or picked with :func:`choose_export_folder`, which tests replace), and
optionally only the attempts since a date. The export runs on a worker
thread with its own read-only connection; the dialog then lists the files
and their rows with a button that opens the folder, or says in words why
nothing could be written (read-only folder, disk full…) and keeps every
choice, so the user can pick another folder and try again.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QObject, QSettings, QStandardPaths, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.db.store import Store, connect
from quizdesk.core.stats.export import ExportError, ExportResult, export_csv
from quizdesk.ui.theme import button_css, colors

log = logging.getLogger(__name__)

SETTINGS_GROUP = "export"


def choose_export_folder(parent: QWidget, start: str) -> Path | None:
    """Ask for the folder to write into; None if the user cancelled."""
    chosen = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("ExportDialog", "Export to folder"), start)
    return Path(chosen) if chosen else None


def open_folder(path: Path) -> bool:
    """Show ``path`` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def default_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "QuizDesk export"


def local_midnight_utc(day: date) -> datetime:
    """The start of ``day`` on this computer's clock, as an aware datetime."""
    return datetime.combine(day, time(0, 0)).astimezone()


class ExportWorker(QObject):
    """Runs :func:`export_csv` on the thread it is moved to, with its own connection; reports by signal."""

    succeeded = Signal(object)  # ExportResult
    failed = Signal(str)

    def __init__(self, db_path: Path, out_dir: Path, since: datetime | None) -> None:
        super().__init__()
        self._db_path = db_path
        self._out_dir = out_dir
        self._since = since

    @Slot()
    def run(self) -> None:
        try:
            # A folder typed by hand (or the suggested default) is made, as a file manager would.
            self._out_dir.mkdir(parents=True, exist_ok=True)
            connection = connect(self._db_path)  # a sqlite3 connection belongs to the thread that made it
            try:
                connection.execute("PRAGMA query_only=ON")
                result = export_csv(connection, self._out_dir, since=self._since)
            finally:
                connection.close()
        except ExportError as exc:
            self.failed.emit(str(exc))
        except (NotADirectoryError, FileExistsError):
            self.failed.emit(self.tr("%1 is not a folder: part of that path is a file.").replace("%1", str(self._out_dir)))
        except OSError as exc:
            self.failed.emit(
                self.tr("Could not write to %1: %2").replace("%1", str(self._out_dir)).replace("%2", exc.strerror or str(exc))
            )
        except sqlite3.Error as exc:
            self.failed.emit(self.tr("Could not read the database: %1").replace("%1", str(exc)))
        except Exception as exc:  # shown as a message, never a traceback
            log.exception("export failed")
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)


class ExportDialog(QDialog):
    #: The export finished (result) or failed (None); the dialog stays open to show it.
    exportFinished = Signal(object)
    _start_worker = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export progress as CSV"))
        self.store = store
        self.export_result: ExportResult | None = None
        self.error: str | None = None
        self._thread: QThread | None = None
        self._worker: ExportWorker | None = None

        intro = QLabel(
            self.tr(
                "Writes attempts.csv, questions.csv and topics.csv: your answers and your progress per "
                "question and topic, for Excel or any spreadsheet (Chinese included). Files of the same "
                "names in the folder are replaced."
            )
        )
        intro.setWordWrap(True)
        self.folder_edit = QLineEdit(objectName="exportFolderEdit")
        self.folder_edit.setMinimumWidth(360)
        self.folder_edit.textChanged.connect(self._update_buttons)
        self.browse_button = QPushButton(self.tr("Browse…"), objectName="exportBrowseButton")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)

        self.since_check = QCheckBox(self.tr("Only attempts since"), objectName="exportSinceCheck")
        self.since_edit = QDateEdit(objectName="exportSinceDate")
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setDate(QDate.currentDate().addDays(-30))
        self.since_edit.setMaximumDate(QDate.currentDate())
        self.since_edit.setEnabled(False)
        self.since_check.toggled.connect(self.since_edit.setEnabled)
        since_row = QHBoxLayout()
        since_row.addWidget(self.since_check)
        since_row.addWidget(self.since_edit)
        since_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow("", since_row)

        self.status_label = QLabel(objectName="exportStatusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setVisible(False)

        self.export_button = QPushButton(self.tr("Export"), objectName="exportStartButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.open_button = QPushButton(self.tr("Open folder"), objectName="exportOpenFolderButton")
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_output_folder)
        self.open_button.setVisible(False)
        self.close_button = QPushButton(self.tr("Close"), objectName="exportCloseButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(580, 260)
        self._restore()
        c = colors()
        self.export_button.setStyleSheet(button_css("primary", "exportStartButton"))
        for button in (self.open_button, self.close_button, self.browse_button):
            button.setStyleSheet(button_css("neutral", button.objectName()))
        self.status_label.setStyleSheet(f"color: {c.text};")

    # -- choices ---------------------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        folder = settings.value(f"{SETTINGS_GROUP}/folder", "")
        self.folder_edit.setText(str(folder) if folder else str(default_folder()))

    def folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        return Path(text).expanduser() if text else None

    def since(self) -> datetime | None:
        if not self.since_check.isChecked():
            return None
        return local_midnight_utc(self.since_edit.date().toPython())

    def browse(self) -> None:
        folder = self.folder()
        chosen = choose_export_folder(self, str(folder) if folder else "")
        if chosen is not None:
            self.folder_edit.setText(str(chosen))

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self._thread is None and self.folder() is not None)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    # -- running -----------------------------------------------------------------
    def start_export(self) -> None:
        folder = self.folder()
        if folder is None or self.busy:
            return
        self.export_result, self.error = None, None
        self._show_status(self.tr("Exporting…"), "muted")
        self.open_button.setVisible(False)
        for widget in (self.export_button, self.browse_button, self.folder_edit, self.since_check, self.since_edit):
            widget.setEnabled(False)
        self._thread = QThread(self)
        self._thread.setObjectName("exportThread")
        self._worker = ExportWorker(self.store.path, folder, self.since())
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._start_worker.connect(self._worker.run)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()
        self._start_worker.emit()

    def _finish(self) -> None:
        if self._thread is not None:
            self._start_worker.disconnect()
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._worker = None
        for widget in (self.browse_button, self.folder_edit, self.since_check):
            widget.setEnabled(True)
        self.since_edit.setEnabled(self.since_check.isChecked())
        self._update_buttons()

    @Slot(object)
    def _on_succeeded(self, result: ExportResult) -> None:
        self._finish()
        self.export_result = result
        folder = self.folder()
        QSettings().setValue(f"{SETTINGS_GROUP}/folder", str(folder) if folder else "")
        files = len(result.files)
        lines = [self.tr("Wrote %n file(s) to %1:", "", files).replace("%1", str(result.files[0].parent if result.files else folder))]
        for path in result.files:
            rows = result.rows.get(path.name, 0)
            lines.append("• " + self.tr("%1 — %n row(s)", "", rows).replace("%1", path.name))
        self._show_status("\n".join(lines), "success")
        self.open_button.setVisible(True)
        self.open_button.setFocus()
        self.exportFinished.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish()
        self.error = message
        self._show_status(
            self.tr("Nothing was exported.") + "\n" + message + "\n" + self.tr("Choose another folder and try again."),
            "danger",
        )
        self.exportFinished.emit(None)

    def _show_status(self, text: str, tone: str) -> None:
        c = colors()
        color = {"muted": c.muted, "success": c.success, "danger": c.danger}.get(tone, c.text)
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {color};")
        self.status_label.setVisible(True)

    def open_output_folder(self) -> None:
        target = self.export_result.files[0].parent if self.export_result and self.export_result.files else self.folder()
        if target is not None:
            open_folder(target)

    def reject(self) -> None:
        if self.busy:
            return  # the files are being written; closing now would leave them half done
        super().reject()


def run_export_flow(parent: QWidget, store: Store) -> ExportDialog:
    """Open the export dialog over ``parent`` (window-modal, returns at once); it deletes itself when closed."""
    dialog = ExportDialog(store, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

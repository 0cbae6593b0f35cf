"""File → Export (Ctrl+E): progress as CSV files a spreadsheet opens cleanly.

:func:`run_export_flow` opens a small dialog: the folder to write to (typed,
or picked with :func:`choose_export_folder`, which tests replace), and
optionally only the attempts since a date. The export runs on the app's
task runner (ui/tasks.py) with its own read-only connection, with a busy bar and a Cancel
button (Esc too); a cancelled export leaves the folder as it was. The dialog
then lists the files and their rows with a button that opens the folder, or
says in the UI's language why nothing could be written (read-only folder,
disk full…, worded from :attr:`ExportError.kind`; the core's English text
is behind "Details") and keeps every choice, so the user can pick another
folder and try again.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSettings, QStandardPaths, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.db.store import Store, connect
from quizdesk.core.stats.export import (
    BLOCKED,
    FULL,
    MISSING,
    READONLY,
    ExportCancelled,
    ExportError,
    ExportResult,
    export_csv,
    make_folder,
)
from quizdesk.ui.collection import Collection
from quizdesk.ui.dialogs.export_frame import ExportFrame
from quizdesk.ui.tasks import Task, TaskRunner
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.theme import button_css, colors

log = logging.getLogger(__name__)

SETTINGS_GROUP = "export"
# ExportError.kind the worker adds: the database could not be read (``path`` is the database file).
DATABASE = "database"


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


def headline(kind: str) -> str:
    """One translated sentence for what went wrong (``ExportError.kind``)."""
    return {
        BLOCKED: QCoreApplication.translate("ExportDialog", "Nothing was exported: something is in the way."),
        READONLY: QCoreApplication.translate("ExportDialog", "Nothing was exported: QuizDesk may not write to this folder."),
        FULL: QCoreApplication.translate("ExportDialog", "Nothing was exported: the disk is full."),
        MISSING: QCoreApplication.translate("ExportDialog", "Nothing was exported: the folder does not exist."),
        DATABASE: QCoreApplication.translate("ExportDialog", "Nothing was exported: QuizDesk could not read its database."),
    }.get(kind, QCoreApplication.translate("ExportDialog", "Nothing was exported."))


def advice(kind: str, path: Path | None) -> str:
    """Where the problem is and what the user can do about it; files already in the folder were not changed."""
    where = str(path) if path is not None else ""
    if kind == BLOCKED:
        text = QCoreApplication.translate("ExportDialog", "In the way: %1\nMove or rename it, or choose another folder.")
    elif kind == READONLY:
        text = QCoreApplication.translate("ExportDialog", "Folder: %1\nChoose a folder you can write to, for example one in your Documents.")
    elif kind == FULL:
        text = QCoreApplication.translate("ExportDialog", "Folder: %1\nFree some space, or choose a folder on another disk.")
    elif kind == MISSING:
        text = QCoreApplication.translate("ExportDialog", "Folder: %1\nCreate it, or choose another folder.")
    elif kind == DATABASE:
        text = QCoreApplication.translate("ExportDialog", "Database: %1\nTry again; if it keeps failing, restart QuizDesk.")
    else:
        text = QCoreApplication.translate("ExportDialog", "Folder: %1\nTry again, or choose another folder.")
    return text.replace("%1", where)


def export_job(db_path: Path, out_dir: Path, since: datetime | None) -> Callable[[Task], ExportResult | None]:
    """The export as a task-runner job: :func:`export_csv` on its own read-only connection.

    Every failure is raised as an :class:`ExportError` (its ``kind`` says what
    the dialog tells the user); a cancelled export cancels its task (the runner
    then calls ``on_cancelled``).
    """

    def work(task: Task) -> ExportResult | None:
        try:
            if task.cancelled:
                raise ExportCancelled()
            # A folder typed by hand (or the suggested default) is made, as a file manager would.
            make_folder(out_dir)
            connection = connect(db_path)  # a sqlite3 connection belongs to the thread that made it
            try:
                connection.execute("PRAGMA query_only=ON")
                return export_csv(connection, out_dir, since=since, cancelled=task.cancel_event.is_set)
            finally:
                connection.close()
        except ExportCancelled:
            task.cancel()
            return None
        except ExportError:
            raise
        except sqlite3.Error as exc:
            raise ExportError(f"Could not read the database {db_path}: {exc}", kind=DATABASE, path=db_path) from exc
        except Exception as exc:  # shown as a message, never a traceback
            log.exception("export failed")
            raise ExportError(f"{type(exc).__name__}: {exc}", path=out_dir) from exc

    return work


class ExportDialog(ExportFrame):
    error: ExportError | None  # export_job words every failure as an ExportError

    def __init__(self, source: Collection | Store, parent: QWidget | None = None) -> None:
        """``source``: the app's collection (its task runner runs the export), or
        anything with the database's ``path`` (a dialog opened on its own)."""
        super().__init__("export", self.tr("Open folder"), "exportOpenFolderButton", parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export progress as CSV"))
        self.db_path = Path(source.path)
        self._tasks = source.tasks if isinstance(source, Collection) else TaskRunner(self)
        self.export_result: ExportResult | None = None

        intro = QLabel(
            self.tr(
                "Writes attempts.csv, questions.csv and topics.csv: your answers and your progress per "
                "question and topic, for Excel or any spreadsheet (Chinese included). Files of the same "
                "names in the folder are replaced."
            )
        )
        intro.setWordWrap(True)
        self.folder_edit = named(QLineEdit(), "exportFolderEdit")
        self.folder_edit.setMinimumWidth(360)
        self.folder_edit.textChanged.connect(self._update_buttons)
        self.browse_button = named(QPushButton(self.tr("Browse…")), "exportBrowseButton")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)

        self.since_check = named(QCheckBox(self.tr("Only attempts since")), "exportSinceCheck")
        self.since_edit = named(QDateEdit(), "exportSinceDate")
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

        # What to do about a failure, in the text colour: easier to read than more red.
        self.advice_label = named(QLabel(), "exportAdviceLabel")
        self.advice_label.setWordWrap(True)
        self.advice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.advice_label.setVisible(False)
        # The core's own (English) words, for a bug report or a search; hidden until asked for.
        self.details_button = named(QToolButton(), "exportDetailsButton")
        self.details_button.setText(self.tr("Details"))
        self.details_button.setCheckable(True)
        self.details_button.setAutoRaise(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.toggled.connect(self._show_details)
        self.details_button.setVisible(False)
        self.details_label = named(QLabel(), "exportDetailsLabel")
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label.setVisible(False)
        problem = QVBoxLayout()
        problem.setSpacing(10)
        problem.addWidget(self.advice_label)
        problem.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        problem.addWidget(self.details_label)

        self.assemble(intro, form, problem)
        self.resize(580, 260)
        self._restore()
        c = colors()
        self.browse_button.setStyleSheet(button_css("neutral", "exportBrowseButton"))
        self.status_label.setStyleSheet(f"color: {c.text};")
        self.advice_label.setStyleSheet(f"color: {c.text};")
        self.details_label.setStyleSheet(f"color: {c.muted};")

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
        day = self.since_edit.date()
        return local_midnight_utc(date(day.year(), day.month(), day.day()))

    def browse(self) -> None:
        folder = self.folder()
        chosen = choose_export_folder(self, str(folder) if folder else "")
        if chosen is not None:
            self.folder_edit.setText(str(chosen))

    # -- the frame's questions -----------------------------------------------------
    def ready(self) -> bool:
        return self.folder() is not None

    def inputs(self) -> list[QWidget]:
        return [self.browse_button, self.folder_edit, self.since_check, self.since_edit]

    def restore_inputs(self) -> None:
        super().restore_inputs()
        self.since_edit.setEnabled(self.since_check.isChecked())

    def clear_result(self) -> None:
        self.export_result = None
        self._show_problem(None)

    def start_job(self) -> Task | None:
        folder = self.folder()
        assert folder is not None  # ready() checked it
        return self._tasks.run(export_job(self.db_path, folder, self.since()), on_done=self._on_succeeded,
                               on_failed=self._on_failed, on_cancelled=self.on_cancelled, owner=self, name="export")

    @Slot(object)
    def _on_succeeded(self, result: ExportResult) -> None:
        self.finish_run()
        self.export_result = result
        folder = self.folder()
        QSettings().setValue(f"{SETTINGS_GROUP}/folder", str(folder) if folder else "")
        files = len(result.files)
        lines = [self.tr("Wrote %n file(s) to %1:", "", files).replace("%1", str(result.files[0].parent if result.files else folder))]
        for path in result.files:
            rows = result.rows.get(path.name, 0)
            lines.append("• " + self.tr("%1 — %n row(s)", "", rows).replace("%1", path.name))
        self.succeeded("\n".join(lines), result)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.finish_run()
        if not isinstance(error, ExportError):  # export_job words every failure; this is a safety net
            error = ExportError(f"{type(error).__name__}: {error}", path=self.folder())
        self.error = error
        self._show_problem(error)
        self.failed(headline(error.kind))

    def _show_problem(self, error: ExportError | None) -> None:
        """The advice and the (hidden) details of ``error``; None hides them."""
        self.advice_label.setText(advice(error.kind, error.path) if error else "")
        self.advice_label.setVisible(error is not None)
        self.details_label.setText(str(error) if error else "")
        self.details_button.setVisible(error is not None)
        self.details_button.setChecked(False)
        self._show_details(False)

    def _show_details(self, shown: bool) -> None:
        self.details_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.details_label.setVisible(shown and bool(self.details_label.text()))

    def show_folder(self) -> None:
        target = self.export_result.files[0].parent if self.export_result and self.export_result.files else self.folder()
        if target is not None:
            open_folder(target)


def run_export_flow(parent: QWidget, source: Collection | Store) -> ExportDialog:
    """Open the export dialog over ``parent`` (window-modal, returns at once); it deletes itself when closed."""
    dialog = ExportDialog(source, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

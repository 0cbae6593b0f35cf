"""File → Export → Anki deck…: the chosen questions as one ``.apkg`` Anki opens (docs/anki.md).

A small dialog: which questions (everything, a module or one topic: the
library's tree, names in the UI's language), whether to carry the FSRS
schedule, and the file (``QuizDesk-<date>.apkg`` in the last folder used, else
Documents). ``ops.start_anki_export`` runs the core on the app's task runner
with a progress bar and Cancel (a cancelled export leaves no file: the core
writes a temporary file and renames it last). The result says how many notes
went where, with a button that shows the folder. Deck names follow the UI's
language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QSettings, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.anki import AnkiExportOptions, AnkiExportReport
from quizdesk.core.catalog import topic_tree
from quizdesk.core.db.store import Store
from quizdesk.ui import ops
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.dialogs.export_dialog import open_folder
from quizdesk.ui.i18n import is_english
from quizdesk.ui.widgets.named import named
from quizdesk.ui.tasks import Task
from quizdesk.ui.widgets.theme import button_css, colors

log = logging.getLogger(__name__)

SETTINGS_GROUP = "export"


def choose_anki_file(parent: QWidget, start: str) -> Path | None:
    """Ask where to save the deck; None if the user cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("AnkiExportDialog", "Save the Anki deck"), start,
        QCoreApplication.translate("AnkiExportDialog", "Anki deck (*.apkg)"),
    )
    return Path(chosen) if chosen else None


def default_file_name(day: QDate) -> str:
    return f"QuizDesk-{day.toString('yyyy-MM-dd')}.apkg"


def _start_folder() -> Path:
    saved = QSettings().value(f"{SETTINGS_GROUP}/ankiFolder", "")
    if saved:
        return Path(str(saved))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home())


class AnkiExportDialog(QDialog):
    #: The export finished (the report) or failed / was cancelled (None); the dialog stays open to say so.
    exportFinished = Signal(object)

    def __init__(self, source: Collection | Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ankiExportDialog")
        self.setWindowTitle(self.tr("Export an Anki deck"))
        self.collection = as_collection(source)
        self.report: AnkiExportReport | None = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self._task: Task | None = None

        intro = named(QLabel(self.tr(
            "Writes the questions as one Anki deck (.apkg) for Anki, AnkiDroid or AnkiMobile. "
            "Exporting again updates the same notes in Anki instead of adding copies."
        )), "ankiExportIntroLabel")
        intro.setWordWrap(True)
        self.scope_combo = named(QComboBox(), "ankiExportScopeCombo")
        self._fill_scopes()
        self.progress_check = named(QCheckBox(self.tr("Include my progress (FSRS schedule)")), "ankiExportProgressCheck")
        self.progress_check.setToolTip(self.tr("Each card keeps its memory state, due date and answers, so Anki continues the schedule."))
        self.progress_check.setChecked(bool(QSettings().value(f"{SETTINGS_GROUP}/ankiWithProgress", False, type=bool)))
        self.file_edit = named(QLineEdit(), "ankiExportFileEdit")
        self.file_edit.setMinimumWidth(360)
        self.file_edit.setText(str(_start_folder() / default_file_name(QDate.currentDate())))
        self.file_edit.textChanged.connect(self._update_buttons)
        self.browse_button = named(QPushButton(self.tr("Browse…")), "ankiExportBrowseButton")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)

        form = QFormLayout()
        form.addRow(self.tr("Questions:"), self.scope_combo)
        form.addRow("", self.progress_check)
        form.addRow(self.tr("File:"), file_row)

        self.status_label = named(QLabel(), "ankiExportStatusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setVisible(False)
        self.progress_bar = named(QProgressBar(), "ankiExportProgressBar")
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setVisible(False)

        self.export_button = named(QPushButton(self.tr("Export")), "ankiExportStartButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.show_folder_button = named(QPushButton(self.tr("Show folder")), "ankiExportShowFolderButton")
        self.show_folder_button.setAutoDefault(False)
        self.show_folder_button.clicked.connect(self.show_folder)
        self.show_folder_button.setVisible(False)
        self.close_button = named(QPushButton(self.tr("Close")), "ankiExportCloseButton")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button = named(QPushButton(self.tr("Cancel")), "ankiExportCancelButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.cancel_button.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.show_folder_button, self.export_button, self.close_button, self.cancel_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress_bar)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.resize(600, 240)
        self.export_button.setStyleSheet(button_css("primary", "ankiExportStartButton"))
        for button in (self.show_folder_button, self.close_button, self.cancel_button, self.browse_button):
            button.setStyleSheet(button_css("neutral", button.objectName()))
        self._update_buttons()

    # -- choices ---------------------------------------------------------------
    def _fill_scopes(self) -> None:
        """Everything, each module, each topic (indented): the library's tree, in the UI's language."""
        english = is_english()
        nodes = self.collection.read(topic_tree)
        total = sum(n.total_count for n in nodes)
        self.scope_combo.addItem(self.tr("All questions (%1)").replace("%1", str(total)), (None, None))
        for module in nodes:
            module_name = (module.name_en or module.name) if english else module.name
            self.scope_combo.addItem(f"{module_name} ({module.total_count})", (module.key, None))
            for topic in module.children:
                topic_name = (topic.name_en or topic.name) if english else topic.name
                self.scope_combo.addItem(f"    {topic_name} ({topic.total_count})", (module.key, topic.key))

    def target(self) -> Path | None:
        text = self.file_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if path.is_dir():  # a folder typed or pasted: the day's file inside it
            return path / default_file_name(QDate.currentDate())
        if not path.name:  # "/" while typing a path: nothing to write yet
            return None
        return path if path.suffix.lower() == ".apkg" else path.with_name(path.name + ".apkg")

    def options(self) -> AnkiExportOptions | None:
        target = self.target()
        if target is None:
            return None
        module, topic = self.scope_combo.currentData() or (None, None)
        return AnkiExportOptions(target, module=module, topic=topic, with_progress=self.progress_check.isChecked(),
                                 lang="en" if is_english() else "zh")

    def browse(self) -> None:
        target = self.target()
        chosen = choose_anki_file(self, str(target) if target else str(_start_folder()))
        if chosen is not None:
            self.file_edit.setText(str(chosen))

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self._task is None and self.target() is not None)

    @property
    def busy(self) -> bool:
        return self._task is not None

    # -- running -----------------------------------------------------------------
    def start_export(self) -> None:
        options = self.options()
        if options is None or self.busy:
            return
        self.report, self.error, self.was_cancelled = None, None, False
        self._show_status(self.tr("Exporting…"), "muted")
        self.show_folder_button.setVisible(False)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.close_button.setVisible(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setFocus()
        for widget in (self.export_button, self.browse_button, self.file_edit, self.scope_combo, self.progress_check):
            widget.setEnabled(False)
        self._task = ops.start_anki_export(self.collection, options, on_done=self._on_succeeded, on_failed=self._on_failed,
                                           on_cancelled=self._on_cancelled, on_progress=self._on_progress, owner=self)

    def _on_progress(self, done: int, total: int, _label: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _finish(self) -> None:
        self._task = None
        self.progress_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        for widget in (self.browse_button, self.file_edit, self.scope_combo, self.progress_check):
            widget.setEnabled(True)
        self._update_buttons()

    @Slot(object)
    def _on_succeeded(self, report: AnkiExportReport) -> None:
        self._finish()
        self.report = report
        settings = QSettings()
        settings.setValue(f"{SETTINGS_GROUP}/ankiFolder", str(report.path.parent))
        settings.setValue(f"{SETTINGS_GROUP}/ankiWithProgress", self.progress_check.isChecked())
        notes = report.notes
        lines = [self.tr("Wrote %n note(s) to %1.", "", notes).replace("%1", str(report.path))]
        decks = len(report.decks)
        lines.append(self.tr("%n deck(s), %1 images.", "", decks).replace("%1", str(report.media)))
        if self.progress_check.isChecked():
            scheduled = report.scheduled
            lines.append(self.tr("%n card(s) carry their schedule.", "", scheduled))
        problems = len(report.problems)
        if problems:
            lines.append(self.tr("%n image(s) could not be found and stay as written.", "", problems))
        self._show_status("\n".join(lines), "success")
        self.show_folder_button.setVisible(True)
        self.show_folder_button.setFocus()
        self.exportFinished.emit(report)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._finish()
        self.error = error
        log.warning("Anki export failed: %s", error)
        self._show_status(self.tr("Nothing was exported: %1").replace("%1", str(getattr(error, "strerror", None) or error)), "danger")
        self.export_button.setFocus()
        self.exportFinished.emit(None)

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish()
        self.was_cancelled = True
        self._show_status(self.tr("Export cancelled; nothing was written."), "text")
        self.export_button.setFocus()
        self.exportFinished.emit(None)

    def cancel_export(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        self.cancel_button.setEnabled(False)  # the worker stops at its next check and removes its temporary file
        self._show_status(self.tr("Cancelling…"), "muted")

    def _show_status(self, text: str, tone: str) -> None:
        c = colors()
        color = {"muted": c.muted, "success": c.success, "danger": c.danger}.get(tone, c.text)
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {color};")
        self.status_label.setVisible(True)

    def show_folder(self) -> None:
        if self.report is not None:
            open_folder(self.report.path.parent)

    def reject(self) -> None:
        if self.busy:
            self.cancel_export()  # Esc while writing: cancel, and stay open to say so
            return
        super().reject()


def run_anki_export_flow(parent: QWidget, source: Collection | Store) -> AnkiExportDialog:
    """Open the dialog over ``parent`` (window-modal, returns at once); it deletes itself when closed."""
    dialog = AnkiExportDialog(source, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

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

from PySide6.QtCore import QCoreApplication, QDate, QSettings, QStandardPaths, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from quizdesk.core.anki import AnkiExportOptions, AnkiExportReport
from quizdesk.core.catalog import topic_tree
from quizdesk.core.db.store import Store
from quizdesk.ui import ops
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.dialogs.export_dialog import open_folder
from quizdesk.ui.dialogs.export_frame import ExportFrame
from quizdesk.ui.i18n import is_english
from quizdesk.ui.tasks import Task
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.theme import button_css

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


class AnkiExportDialog(ExportFrame):
    def __init__(self, source: Collection | Store, parent: QWidget | None = None) -> None:
        super().__init__("ankiExport", self.tr("Show folder"), "ankiExportShowFolderButton", parent)
        self.setObjectName("ankiExportDialog")
        self.setWindowTitle(self.tr("Export an Anki deck"))
        self.collection = as_collection(source)
        self.report: AnkiExportReport | None = None

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
        self.browse_button.setStyleSheet(button_css("neutral", "ankiExportBrowseButton"))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)

        form = QFormLayout()
        form.addRow(self.tr("Questions:"), self.scope_combo)
        form.addRow("", self.progress_check)
        form.addRow(self.tr("File:"), file_row)
        self.assemble(intro, form)
        self.resize(600, 240)
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

    # -- the frame's questions -----------------------------------------------------
    def ready(self) -> bool:
        return self.target() is not None

    def inputs(self) -> list[QWidget]:
        return [self.browse_button, self.file_edit, self.scope_combo, self.progress_check]

    def clear_result(self) -> None:
        self.report = None

    def start_job(self) -> Task | None:
        options = self.options()
        assert options is not None  # ready() checked the target
        return ops.start_anki_export(self.collection, options, on_done=self._on_succeeded, on_failed=self._on_failed,
                                     on_cancelled=self.on_cancelled, on_progress=self.on_progress, owner=self)

    @Slot(object)
    def _on_succeeded(self, report: AnkiExportReport) -> None:
        self.finish_run()
        self.report = report
        settings = QSettings()
        settings.setValue(f"{SETTINGS_GROUP}/ankiFolder", str(report.path.parent))
        settings.setValue(f"{SETTINGS_GROUP}/ankiWithProgress", self.progress_check.isChecked())
        lines = [self.tr("Wrote %n note(s) to %1.", "", report.notes).replace("%1", str(report.path))]
        decks = len(report.decks)
        lines.append(self.tr("%n deck(s), %1 images.", "", decks).replace("%1", str(report.media)))
        if self.progress_check.isChecked():
            scheduled = report.scheduled
            lines.append(self.tr("%n card(s) carry their schedule.", "", scheduled))
        problems = len(report.problems)
        if problems:
            lines.append(self.tr("%n image(s) could not be found and stay as written.", "", problems))
        self.succeeded("\n".join(lines), report)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.finish_run()
        self.error = error
        log.warning("Anki export failed: %s", error)
        self.failed(self.tr("Nothing was exported: %1").replace("%1", str(getattr(error, "strerror", None) or error)))

    def show_folder(self) -> None:
        if self.report is not None:
            open_folder(self.report.path.parent)


def run_anki_export_flow(parent: QWidget, source: Collection | Store) -> AnkiExportDialog:
    """Open the dialog over ``parent`` (window-modal, returns at once); it deletes itself when closed."""
    dialog = AnkiExportDialog(source, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

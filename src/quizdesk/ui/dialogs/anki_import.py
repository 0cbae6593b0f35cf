"""File → Import of an Anki package (.apkg / .colpkg): the Markdown import's flow and summary.

The import is ``ops.start_anki_import``: one transaction on the app's task
runner, a progress dialog that can be cancelled (the transaction rolls back),
then the same summary dialog as a Markdown import (cards per topic, skipped
notes with why, render problems) with one more line of Anki figures. A package
the core cannot use (``AnkiPackageError``: damaged, encrypted, not Anki…)
shows a translated headline with the core's reason, and nothing is changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from quizdesk import APP_NAME
from quizdesk.core.anki import AnkiImportReport, AnkiPackageError, is_anki_package
from quizdesk.core.db.store import Store
from quizdesk.ui import ops
from quizdesk.ui.collection import Collection
from quizdesk.ui.dialogs.import_dialog import ImportFlow, ImportSummaryDialog
from quizdesk.ui.widgets.named import named

ANKI_SUFFIXES = (".apkg", ".colpkg")


def is_package(path: Path) -> bool:
    """An Anki package by its extension, or a zip holding an Anki collection (a renamed package)."""
    if path.suffix.lower() in ANKI_SUFFIXES:
        return True
    return path.is_file() and path.suffix.lower() not in (".md", ".markdown", ".txt") and is_anki_package(path)


class AnkiImportSummaryDialog(ImportSummaryDialog):
    """The Markdown import's summary plus the package's figures (notes, reviews, schedules)."""

    def __init__(self, report: AnkiImportReport, parent: QWidget | None = None) -> None:
        super().__init__(report, parent)
        self.setWindowTitle(self.tr("Anki import finished"))
        self.anki_label = named(QLabel(), "ankiImportSummaryLabel")
        self.anki_label.setWordWrap(True)
        self.anki_label.setText(
            self.tr("%1: %2 notes, %3 skipped. %4 reviews added (%5 imported before), %6 schedules carried over, %7 images copied.")
            .replace("%1", report.package)
            .replace("%2", str(report.notes))
            .replace("%3", str(report.skipped_notes))
            .replace("%4", str(report.reviews))
            .replace("%5", str(report.reviews_known))
            .replace("%6", str(report.review_states))
            .replace("%7", str(report.images))
        )
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(1, self.anki_label)
        # Deck paths make long topics ("Deep · Attention"): show them whole.
        self.topic_tree.resizeColumnToContents(1)


class AnkiImportFlow(ImportFlow):
    """One package from start to summary; ``finished`` carries the report (None if cancelled or failed)."""

    def __init__(self, parent: QWidget, path: Path, collection: Collection | Store, *, show_summary: bool = True) -> None:
        super().__init__(parent, [path], collection, show_summary=show_summary)
        self.setObjectName("ankiImportFlow")
        self.path = path
        self.progress.setObjectName("ankiImportProgressDialog")
        self.progress.setWindowTitle(self.tr("Importing an Anki deck"))
        self.progress.setLabelText(self.tr("Reading %1").replace("%1", path.name))

    def start(self) -> None:
        self._task = ops.start_anki_import(
            self._collection, self.path, on_done=self._on_succeeded, on_failed=self._on_failed,
            on_cancelled=self._on_cancelled, on_progress=self._on_progress,
        )
        self.progress.setValue(0)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self._done:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        # The core's step labels are English words for the log; the dialog says them in the UI's language.
        if label.startswith("reading"):
            text = self.tr("Reading %1").replace("%1", self.path.name)
        elif label.startswith("writing"):
            text = self.tr("Writing to the database…")
        elif label.startswith("copying"):
            text = self.tr("Copying images…")
        elif label.startswith("saving"):
            text = self.tr("Saving…")
        else:
            text = self.tr("Checking how the cards display…")
        self.progress.setLabelText(text)

    def _summary_dialog(self, report: AnkiImportReport) -> ImportSummaryDialog:
        return AnkiImportSummaryDialog(report, self._parent)

    def _on_failed(self, error: BaseException) -> None:
        if not isinstance(error, AnkiPackageError):
            super()._on_failed(error)
            return
        # The core's reason below: damaged, encrypted, not an Anki package…
        self._show_error(QMessageBox.Icon.Warning, self.tr("This file cannot be imported as an Anki deck; nothing was changed."),
                         str(error))


def run_anki_import_flow(parent: QWidget, path: Path, collection: Collection | Store, *, show_summary: bool = True) -> AnkiImportFlow:
    """Import the package at ``path`` with a cancellable progress dialog; returns the running flow at once."""
    flow = AnkiImportFlow(parent, path, collection, show_summary=show_summary)
    flow.finished.connect(flow.deleteLater)
    flow.start()
    return flow


def import_packages(parent: QWidget, paths: list[Path], collection: Collection | Store) -> bool:
    """Import the Anki packages among ``paths``, one after the other; False when there are none
    (the caller runs the Markdown import). Packages and Markdown chosen together get a message:
    they are imported separately (each import is its own transaction and summary)."""
    packages = [p for p in paths if is_package(p)]
    if not packages:
        return False
    if len(packages) != len(paths):
        box = QMessageBox(parent)
        box.setObjectName("ankiMixedImportBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(APP_NAME)
        box.setText(QCoreApplication.translate("AnkiImport", "Import Anki decks and Markdown files separately."))
        box.setInformativeText(QCoreApplication.translate("AnkiImport", "Nothing was imported. Choose either Anki packages (.apkg, .colpkg) or Markdown files."))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return True

    def next_package(_report: object = None) -> None:
        if packages:
            flow = run_anki_import_flow(parent, packages.pop(0), collection)
            flow.finished.connect(next_package)

    next_package()
    return True

"""File → Import: pick Markdown files or a folder, import them off the GUI thread, show a summary.

The import (read, parse, write) is ``ops.start_import``: one transaction on the
app's task runner (ui/tasks.py); the worker never touches a widget, progress and
the outcome come back on the GUI thread. Cancelling in the progress dialog rolls
the transaction back, so the database is exactly as before. A committed import
emits the collection's ``changed(BANK)``, and every view refreshes. Nothing
waits in a nested event loop: ``ImportFlow.finished`` carries the report.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quizdesk import APP_NAME
from quizdesk.core.content.importer import ImportReport
from quizdesk.core.db.store import Store
from quizdesk.ui import ops
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.widgets.named import named
from quizdesk.ui.tasks import Task

log = logging.getLogger(__name__)

#: Don't flash a progress dialog for an import that finishes at once.
PROGRESS_DELAY_MS = 300


class ImportSummaryDialog(QDialog):
    """Questions per topic, what changed, and every warning with file:line."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSummaryDialog")
        self.setWindowTitle(self.tr("Import finished"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        self.summary_label = named(QLabel(), "importSummaryLabel")
        self.summary_label.setWordWrap(True)
        self.summary_label.setText(
            self.tr("%1 new, %2 updated, %3 unchanged, %4 skipped, %5 retired (%6 files read).")
            .replace("%1", str(report.imported))
            .replace("%2", str(report.updated))
            .replace("%3", str(report.unchanged))
            .replace("%4", str(report.skipped))
            .replace("%5", str(report.retired))
            .replace("%6", str(report.files))
        )
        layout.addWidget(self.summary_label)
        self.topic_tree = named(QTreeWidget(), "importTopicTree")
        self.topic_tree.setHeaderLabels([self.tr("Module"), self.tr("Topic"), self.tr("Questions")])
        self.topic_tree.setRootIsDecorated(False)
        for module, topic, count in report.per_topic():
            self.topic_tree.addTopLevelItem(QTreeWidgetItem([module, topic, str(count)]))
        self.topic_tree.resizeColumnToContents(0)
        layout.addWidget(self.topic_tree, 2)
        self.warnings_label = named(QLabel(), "importWarningsLabel")
        self.warnings_label.setText(self.tr("Warnings (%1):").replace("%1", str(len(report.problems))))
        self.warning_list = named(QListWidget(), "importWarningList")
        # Warnings carry long absolute paths: wrap them instead of cutting them off.
        self.warning_list.setWordWrap(True)
        self.warning_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.warning_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.warning_list.setResizeMode(QListView.ResizeMode.Adjust)
        for problem in report.problems:
            item = QListWidgetItem(str(problem))
            item.setToolTip(str(problem))
            self.warning_list.addItem(item)
        self.warnings_label.setVisible(bool(report.problems))
        self.warning_list.setVisible(bool(report.problems))
        layout.addWidget(self.warnings_label)
        layout.addWidget(self.warning_list, 1)
        self._add_render_problems(report, layout)
        self.buttons = named(QDialogButtonBox(QDialogButtonBox.StandardButton.Close), "importSummaryButtons")
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("importCloseButton")
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


    def _add_render_problems(self, report: ImportReport, layout: QVBoxLayout) -> None:
        """How many cards will not display fully, and each problem at its question's file:line."""
        cards = report.cards_with_render_problems()
        self.render_label = named(QLabel(), "importRenderProblemsLabel")
        self.render_label.setWordWrap(True)
        if cards == 1:
            self.render_label.setText(self.tr("1 card will not display fully (a formula or an image):"))
        else:
            self.render_label.setText(self.tr("%1 cards will not display fully (a formula or an image):").replace("%1", str(cards)))
        self.render_list = named(QListWidget(), "importRenderProblemList")
        self.render_list.setWordWrap(True)
        self.render_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.render_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.render_list.setResizeMode(QListView.ResizeMode.Adjust)
        titles = {q.external_id: q.title for q in report.questions}
        kinds = {"formula": self.tr("formula"), "image": self.tr("image")}
        for issue in report.render_problems:
            text = f"{issue.source}: {titles.get(issue.question_id, '')} — {kinds.get(issue.kind, issue.kind)}: {issue.message}"
            item = QListWidgetItem(text)
            item.setToolTip(text)
            self.render_list.addItem(item)
        self.render_label.setVisible(bool(cards))
        self.render_list.setVisible(bool(cards))
        layout.addWidget(self.render_label)
        layout.addWidget(self.render_list, 1)


class ImportFlow(QObject):
    """One import from start to summary; ``finished`` carries the report (None if cancelled or failed)."""

    finished = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        paths: list[Path],
        collection: Collection | Store,
        *,
        topic: str | None = None,
        show_summary: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importFlow")
        self._parent = parent
        self._paths = list(paths)
        self._collection = as_collection(collection)
        self._topic = topic
        self._show_summary = show_summary
        self._task: Task | None = None
        self.report: ImportReport | None = None
        self.summary: ImportSummaryDialog | None = None
        self.error_box: QMessageBox | None = None
        self.progress = QProgressDialog(parent)
        self.progress.setObjectName("importProgressDialog")
        self.progress.setWindowTitle(self.tr("Importing"))
        self.progress.setLabelText(self.tr("Reading files…"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(PROGRESS_DELAY_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setRange(0, 0)
        self.progress.canceled.connect(self.cancel)
        self._done = False

    @property
    def done(self) -> bool:
        return self._done

    def start(self) -> None:
        self._task = ops.start_import(
            self._collection, self._paths, topic=self._topic, on_done=self._on_succeeded, on_failed=self._on_failed,
            on_cancelled=self._on_cancelled, on_progress=self._on_progress,
        )
        self.progress.setValue(0)

    @Slot()
    def cancel(self) -> None:
        if self._done or self._task is None:
            return
        self._task.cancel()
        self.progress.setLabelText(self.tr("Cancelling… nothing will be changed."))
        for button in self.progress.findChildren(QPushButton):
            button.setEnabled(False)  # the rollback runs to its end; there is nothing more to cancel

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if self._done:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if done >= total - 1 and not label:
            self.progress.setLabelText(self.tr("Writing to the database…"))
        elif label:
            self.progress.setLabelText(self.tr("Reading %1").replace("%1", Path(label).name))

    def _finish(self, report: ImportReport | None) -> None:
        self._done = True
        # reset() also stops the dialog's own show-after-delay timer: a quick
        # import must not pop up an empty progress dialog after it is done.
        self.progress.canceled.disconnect(self.cancel)
        self.progress.reset()
        self.progress.hide()
        self.progress.deleteLater()
        self.report = report
        self.finished.emit(report)

    def _summary_dialog(self, report: Any) -> ImportSummaryDialog:
        """The summary shown after a committed import (an Anki import shows its own kind)."""
        return ImportSummaryDialog(report, self._parent)

    def _on_succeeded(self, report: Any) -> None:
        self._finish(report)  # the operation has announced the change
        if self._show_summary:
            self.summary = self._summary_dialog(report)
            self.summary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.summary.open()

    def _show_error(self, icon: QMessageBox.Icon, text: str, details: str) -> None:
        """The flow has ended with nothing changed: say so over the parent, the reason below."""
        self._finish(None)
        box = QMessageBox(self._parent)
        box.setObjectName("importErrorBox")
        box.setIcon(icon)
        box.setWindowTitle(APP_NAME)
        box.setText(text)
        box.setInformativeText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_box = box
        box.open()

    def _on_failed(self, error: BaseException) -> None:
        log.error("import failed", exc_info=error)
        self._show_error(QMessageBox.Icon.Critical, self.tr("The import failed; nothing was changed."),
                         str(getattr(error, "orig", None) or error))

    def _on_cancelled(self) -> None:
        self._finish(None)


def run_import_flow(
    parent: QWidget,
    paths: list[Path],
    collection: Collection | Store,
    *,
    topic: str | None = None,
    show_summary: bool = True,
) -> ImportFlow:
    """Import ``paths`` with a cancellable progress dialog; returns the running flow at once.

    ``flow.finished(report)`` follows once the import has committed or rolled
    back (None if cancelled or failed); the summary dialog then stays open on its
    own. Imported images are copied into the collection's data folder (``media/``).
    """
    flow = ImportFlow(parent, paths, collection, topic=topic, show_summary=show_summary)
    flow.finished.connect(flow.deleteLater)  # the summary dialog belongs to ``parent`` and stays open
    flow.start()
    return flow


def choose_import_paths(parent: QWidget, *, folder: bool) -> list[Path]:
    """Ask for Markdown files (or one folder); an empty list if the user cancelled."""
    title = QCoreApplication.translate("ImportDialog", "Import questions")
    if folder:
        chosen = QFileDialog.getExistingDirectory(parent, title)
        return [Path(chosen)] if chosen else []
    filters = QCoreApplication.translate(
        "ImportDialog", "Markdown or Anki (*.md *.markdown *.txt *.apkg *.colpkg);;Markdown (*.md *.markdown *.txt);;Anki deck (*.apkg *.colpkg);;All files (*)"
    )
    files, _filter = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return [Path(f) for f in files]

"""What the two export dialogs (CSV progress, Anki deck) share: the running part.

A subclass builds its choices (the form) and says how to start its job and
what to write when it succeeded; this frame owns the rest: the status line, the
progress bar, Export · Close while idle and Cancel while running (Esc cancels
and the dialog stays open to say so), the folder button shown after success,
and which inputs are locked while the job runs. Its texts are the CSV dialog's
(context ``ExportDialog``), so both dialogs read the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLayout, QProgressBar, QPushButton, QVBoxLayout, QWidget

from quizdesk.ui.tasks import Task
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.theme import button_css, colors


class ExportFrame(QDialog):
    #: The export finished (its result) or failed / was cancelled (None); the dialog stays open to say so.
    exportFinished = Signal(object)

    def __init__(self, prefix: str, folder_button_text: str, folder_button_name: str, parent: QWidget | None = None) -> None:
        """``prefix`` starts the frame's object names (``exportStartButton``, ``ankiExportStartButton``…)."""
        super().__init__(parent)
        self.error: BaseException | None = None
        self.was_cancelled = False
        self._task: Task | None = None
        self._prefix = prefix

        self.status_label = named(QLabel(), f"{prefix}StatusLabel")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setVisible(False)
        self.progress_bar = named(QProgressBar(), f"{prefix}ProgressBar")
        self.progress_bar.setRange(0, 0)  # busy until the job reports a count
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setVisible(False)

        self.export_button = named(QPushButton(QCoreApplication.translate("ExportDialog", "Export")), f"{prefix}StartButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.folder_button = named(QPushButton(folder_button_text), folder_button_name)
        self.folder_button.clicked.connect(self.show_folder)
        self.close_button = named(QPushButton(QCoreApplication.translate("ExportDialog", "Close")), f"{prefix}CloseButton")
        self.close_button.clicked.connect(self.reject)
        self.cancel_button = named(QPushButton(QCoreApplication.translate("ExportDialog", "Cancel")), f"{prefix}CancelButton")
        self.cancel_button.clicked.connect(self.cancel_export)
        for button in (self.folder_button, self.close_button, self.cancel_button):
            button.setAutoDefault(False)
        self.folder_button.setVisible(False)
        self.cancel_button.setVisible(False)

    def assemble(self, intro: QWidget, form: QLayout, below_progress: QLayout | None = None) -> None:
        """Lay out the dialog: intro, the subclass's form, status, progress, ``below_progress``, the buttons."""
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.folder_button, self.export_button, self.close_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress_bar)
        if below_progress is not None:
            layout.addLayout(below_progress)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.export_button.setStyleSheet(button_css("primary", self.export_button.objectName()))
        for button in (self.folder_button, self.close_button, self.cancel_button):
            button.setStyleSheet(button_css("neutral", button.objectName()))

    # -- what a subclass says ---------------------------------------------------
    def ready(self) -> bool:
        """The choices are complete: Export can start."""
        raise NotImplementedError

    def inputs(self) -> list[QWidget]:
        """The choice widgets, locked while the job runs."""
        raise NotImplementedError

    def start_job(self) -> Task | None:
        """Start the export on the task runner (done / failed / cancelled / progress wired to this frame)."""
        raise NotImplementedError

    def show_folder(self) -> None:
        raise NotImplementedError

    def restore_inputs(self) -> None:
        """Unlock the choices after a run (a subclass re-applies its dependent states)."""
        for widget in self.inputs():
            widget.setEnabled(True)

    # -- running -----------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return self._task is not None

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self._task is None and self.ready())

    def start_export(self) -> None:
        if self.busy or not self.ready():
            return
        self.error, self.was_cancelled = None, False
        self.clear_result()
        self.show_status(QCoreApplication.translate("ExportDialog", "Exporting…"), "muted")
        self.folder_button.setVisible(False)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.close_button.setVisible(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setFocus()
        for widget in (self.export_button, *self.inputs()):
            widget.setEnabled(False)
        self._task = self.start_job()

    def clear_result(self) -> None:
        """Forget the previous run's result (a subclass resets its own fields)."""

    def on_progress(self, done: int, total: int, _label: str = "") -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def finish_run(self) -> None:
        self._task = None
        self.progress_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self.close_button.setVisible(True)
        self.restore_inputs()
        self._update_buttons()

    def succeeded(self, text: str, result: object) -> None:
        self.show_status(text, "success")
        self.folder_button.setVisible(True)
        self.folder_button.setFocus()
        self.exportFinished.emit(result)

    def failed(self, headline: str) -> None:
        self.show_status(headline, "danger")
        self.export_button.setFocus()
        self.exportFinished.emit(None)

    @Slot()
    def on_cancelled(self) -> None:
        self.finish_run()
        self.was_cancelled = True
        self.show_status(QCoreApplication.translate("ExportDialog", "Export cancelled; nothing was written."), "text")
        self.export_button.setFocus()
        self.exportFinished.emit(None)

    def cancel_export(self) -> None:
        """Stop the running export; the worker removes what it wrote and reports ``cancelled``."""
        if self._task is None:
            return
        self._task.cancel()
        self.cancel_button.setEnabled(False)  # the clean-up runs to its end: nothing more to cancel
        self.show_status(QCoreApplication.translate("ExportDialog", "Cancelling…"), "muted")

    def show_status(self, text: str, tone: str) -> None:
        c = colors()
        color = {"muted": c.muted, "success": c.success, "danger": c.danger}.get(tone, c.text)
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color: {color};")
        self.status_label.setVisible(True)

    def reject(self) -> None:
        if self.busy:
            self.cancel_export()  # Esc or the close button while writing: cancel, and stay open to say so
            return
        super().reject()

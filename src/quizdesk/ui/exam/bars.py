"""The exam runner's fixed parts: the top bar (title, position, countdown, pause,
submit), the page shown while the exam is paused, and the submit confirmation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from quizdesk.ui.widgets.named import named


class ExamTopBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("examTopBar")
        self.title_label = named(QLabel(), "examTitle")
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.position_label = named(QLabel(), "examPositionLabel")
        self.countdown = named(QLabel(), "examCountdown")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.6)
        mono.setBold(True)
        self.countdown.setFont(mono)
        self.countdown.setMinimumWidth(110)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pause_button = named(QPushButton(), "examPauseButton")
        self.submit_button = named(QPushButton(), "examSubmitButton")
        self.paused = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.title_label)
        layout.addSpacing(12)
        layout.addWidget(self.position_label)
        layout.addStretch(1)
        layout.addWidget(self.countdown)
        layout.addStretch(1)
        layout.addWidget(self.pause_button)
        layout.addWidget(self.submit_button)
        self.retranslate_ui()

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Mock exam"))
        self.set_paused(self.paused)
        self.submit_button.setText(self.tr("Submit"))
        self.submit_button.setToolTip(self.tr("Submit the exam (Ctrl+Enter)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class PausedPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("examPausedPage")
        title = self.title_label = QLabel()
        big = title.font()
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        title.setFont(big)
        self.resume_button = named(QPushButton(), "examResumeButton")
        self.explanation = QLabel()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.explanation, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self.resume_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Paused"))
        self.explanation.setText(self.tr("The clock is stopped and the questions are hidden."))
        self.resume_button.setText(self.tr("Resume") + "  ·  Ctrl+P")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class SubmitConfirmBox(QMessageBox):
    """"Submit the exam now?" with the unanswered / flagged counts; deletes itself when closed."""

    def __init__(self, parent: QWidget | None, *, unanswered: int, flagged: int) -> None:
        super().__init__(parent)
        self.setObjectName("examSubmitConfirm")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Submit the exam?"))
        self.setIcon(QMessageBox.Icon.Question)
        self.setText(self.tr("Submit the exam now? Answers cannot be changed afterwards."))
        details = []
        if unanswered:
            details.append(self.tr("%n question(s) unanswered.", "", unanswered))
        if flagged:
            details.append(self.tr("%n question(s) flagged for review.", "", flagged))
        if details:
            self.setInformativeText(" ".join(details))
        self.submit_button = self.addButton(self.tr("Submit"), QMessageBox.ButtonRole.AcceptRole)
        self.submit_button.setObjectName("confirmSubmitButton")
        keep = self.addButton(self.tr("Keep working"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keepWorkingButton")
        self.setDefaultButton(self.submit_button)
        self.setEscapeButton(keep)

    @property
    def confirmed(self) -> bool:
        return self.clickedButton() is self.submit_button

"""The exam runner's fixed parts: the top bar (title, position, countdown, pause,
submit), the page shown while the exam is paused, and the submit confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget


class ExamTopBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("examTopBar")
        self.title_label = QLabel(self.tr("Mock exam"), objectName="examTitle")
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.position_label = QLabel(objectName="examPositionLabel")
        self.countdown = QLabel(objectName="examCountdown")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.6)
        mono.setBold(True)
        self.countdown.setFont(mono)
        self.countdown.setMinimumWidth(110)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pause_button = QPushButton(self.tr("Pause"), objectName="examPauseButton")
        self.submit_button = QPushButton(self.tr("Submit"), objectName="examSubmitButton")
        self.submit_button.setToolTip(self.tr("Submit the exam (Ctrl+Enter)"))
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


class PausedPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("examPausedPage")
        title = QLabel(self.tr("Paused"))
        big = title.font()
        big.setPointSizeF(big.pointSizeF() * 1.8)
        big.setBold(True)
        title.setFont(big)
        self.resume_button = QPushButton(self.tr("Resume") + "  ·  Ctrl+P", objectName="examResumeButton")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(QLabel(self.tr("The clock is stopped and the questions are hidden.")), 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addWidget(self.resume_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


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

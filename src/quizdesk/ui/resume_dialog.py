"""On start: an exam was left unfinished (crash, kill, closed window). Offer to
resume it with the time that was left at its last save, to leave it for later,
or to discard it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from quizdesk.ui.i18n import format_datetime
from quizdesk.ui.question_widgets import format_seconds

RESUME, LATER, DISCARD = "resume", "later", "discard"


class ResumeDialog(QMessageBox):
    """Non-blocking: use ``open()`` and read :attr:`choice` on ``finished``."""

    def __init__(self, info, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("resumeDialog")
        self.info = info
        self.choice = LATER
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Unfinished mock exam"))
        started = format_datetime(info.started_at)
        if info.state == "grading":
            self.setText(
                self.tr("The mock exam you started on %1 was submitted, but some open questions still wait for your grade.").replace(
                    "%1", started
                )
            )
            self.setInformativeText(self.tr("Grade them now to see the results?"))
            resume_text = self.tr("Grade now")
        else:
            self.setText(
                self.tr("The mock exam you started on %1 was not finished: %2 of %3 questions answered.")
                .replace("%1", started)
                .replace("%2", str(info.answered))
                .replace("%3", str(info.total))
            )
            if info.remaining_s is not None:
                time_text = self.tr(
                    "%1 left. The clock did not run while QuizDesk was closed: you get exactly the time that was left at the last save."
                ).replace("%1", format_seconds(info.remaining_s))
            else:
                time_text = self.tr("This exam has no time limit.")
            self.setInformativeText(time_text + "\n\n" + self.tr("Resume it now?"))
            resume_text = self.tr("Resume exam")
        self.resume_button = self.addButton(resume_text, QMessageBox.ButtonRole.AcceptRole)
        self.resume_button.setObjectName("resumeExamButton")
        self.later_button = self.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        self.later_button.setObjectName("resumeLaterButton")
        self.discard_button = self.addButton(self.tr("Discard exam"), QMessageBox.ButtonRole.DestructiveRole)
        self.discard_button.setObjectName("discardExamButton")
        self.setDefaultButton(self.resume_button)
        self.setEscapeButton(self.later_button)
        self.buttonClicked.connect(self._on_clicked)

    def _on_clicked(self, button) -> None:  # type: ignore[no-untyped-def]
        if button is self.resume_button:
            self.choice = RESUME
        elif button is self.discard_button:
            self.choice = DISCARD
        else:
            self.choice = LATER

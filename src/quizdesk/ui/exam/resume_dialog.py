"""On start: an exam was left unfinished (crash, kill, closed window). Offer to
resume it with the time that was left at its last save, to leave it for later,
or to discard it."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from quizdesk.core.study.exam_state import ExamState
from quizdesk.ui.i18n import format_datetime
from quizdesk.ui.widgets.question_widgets import format_seconds

RESUME, LATER, DISCARD = "resume", "later", "discard"


class ResumeDialog(QMessageBox):
    """Non-blocking: use ``open()`` and read :attr:`choice` on ``finished``."""

    def __init__(self, info, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resumeDialog")
        self.info = info
        self.choice = LATER
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Unfinished mock exam"))
        started = format_datetime(info.started_at)
        if info.state == ExamState.GRADING:
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

    def _on_clicked(self, button) -> None:
        if button is self.resume_button:
            self.choice = RESUME
        elif button is self.discard_button:
            self.choice = DISCARD
        else:
            self.choice = LATER


class DiscardConfirmation(QMessageBox):
    """"Discard exam" asks once more: the exam cannot be resumed afterwards.

    Non-blocking: ``open()`` and read :attr:`confirmed` on ``finished``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discardConfirmDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Discard exam"))
        self.setText(self.tr("Discard this unfinished exam?"))
        self.setInformativeText(
            self.tr("It cannot be resumed afterwards. The answers you gave stay in your history; unanswered questions do not count.")
        )
        self.discard_button = self.addButton(self.tr("Discard exam"), QMessageBox.ButtonRole.DestructiveRole)
        self.discard_button.setObjectName("confirmDiscardButton")
        self.keep_button = self.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        self.keep_button.setObjectName("keepExamButton")
        # A slip of Enter or Esc keeps the exam.
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)

    @property
    def confirmed(self) -> bool:
        return self.clickedButton() is self.discard_button


class QuitDuringExamBox(QMessageBox):
    """Quitting during an exam (or its grading): say that it is kept and can be resumed.

    Non-blocking: ``open()`` and read :attr:`quit` on ``finished``."""

    def __init__(self, remaining_s: float | None, *, grading: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quitDuringExamBox")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Quit QuizDesk"))
        if grading:
            self.setText(self.tr("Your exam answers are saved."))
            self.setInformativeText(self.tr("Next time you start QuizDesk you can finish grading them."))
        else:
            self.setText(self.tr("The exam is saved; you can continue it next time you start QuizDesk."))
            if remaining_s is not None:
                self.setInformativeText(
                    self.tr("The clock stops while QuizDesk is closed: %1 will be left.").replace("%1", format_seconds(remaining_s))
                )
        self.quit_button = self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.AcceptRole)
        self.quit_button.setObjectName("quitConfirmButton")
        self.cancel_button = self.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("quitCancelButton")
        self.setDefaultButton(self.quit_button)
        self.setEscapeButton(self.cancel_button)

    @property
    def quit(self) -> bool:
        return self.clickedButton() is self.quit_button

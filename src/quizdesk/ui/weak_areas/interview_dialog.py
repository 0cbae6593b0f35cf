"""Add, change or delete an interview (the countdown, docs/plan.md).

Name, date (not in the past), the modules / topics it covers (the exam setup's
checkable topic tree) and the daily minutes. Writes go through
``ops.save_interview`` / ``ops.delete_interview``; a refused write (a name taken,
the database busy) shows its reason in the dialog, which stays open with
everything the user typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.catalog import topic_tree
from quizdesk.core.clock import utcnow
from quizdesk.core.plan.interviews import DEFAULT_DAILY_MINUTES, MAX_DAILY_MINUTES, InterviewSpec, list_interviews
from quizdesk.ui import ops
from quizdesk.ui.collection import Collection
from quizdesk.ui.i18n import is_english
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.topic_tree import NAME_COLUMN, TOPIC_KEY_ROLE, TopicTreeWidget

CHECKED = Qt.CheckState.Checked


class InterviewDialog(QDialog):
    """Edit ``interview`` (None: a new one). ``saved_spec`` is what was saved, after accept."""

    def __init__(self, collection: Collection, parent: QWidget | None = None, *, interview: InterviewSpec | None = None,
                 now: Callable[[], datetime] = utcnow, tz: tzinfo | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviewDialog")
        self.collection = collection
        self.interview = interview
        self._now = now
        self._tz = tz  # the user's zone; None: the computer's
        self.saved_spec: InterviewSpec | None = None
        self.deleted = False
        self.setWindowTitle(self.tr("Interview") if interview is None else self.tr("Interview: %1").replace("%1", interview.name))

        self.name_edit = named(QLineEdit(), "interviewNameEdit")
        self.name_edit.setPlaceholderText(self.tr("e.g. ACME, ML engineer"))
        today = self._today()
        self.date_edit = named(QDateEdit(), "interviewDateEdit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(QDate(today.year, today.month, today.day))  # not in the past
        self.minutes_spin = named(QSpinBox(), "interviewMinutesSpin")
        self.minutes_spin.setRange(1, MAX_DAILY_MINUTES)
        self.minutes_spin.setSuffix(self.tr(" min/day"))
        self.tree = TopicTreeWidget(checkable=True)
        self.tree.setObjectName("interviewTopicTree")
        self.tree.setMinimumSize(320, 240)
        self.tree.set_tree(collection.read(topic_tree), english=is_english())
        self.tree.expandAll()
        self.error_label = named(QLabel(), "interviewErrorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name_edit)
        form.addRow(self.tr("Date:"), self.date_edit)
        form.addRow(self.tr("Daily time:"), self.minutes_spin)
        form.addRow(self.tr("Covers:"), self.tree)

        self.buttons = named(QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel),
                             "interviewButtons")
        for button, name in ((QDialogButtonBox.StandardButton.Save, "interviewSaveButton"),
                             (QDialogButtonBox.StandardButton.Cancel, "interviewCancelButton")):
            self.buttons.button(button).setObjectName(name)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.delete_button = named(QPushButton(self.tr("Delete")), "interviewDeleteButton")
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.confirm_delete)
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setVisible(interview is not None)  # after addButton, which shows it

        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._fill(today)

    def _today(self) -> date:
        return self._now().astimezone(self._tz).date()  # the user's local date

    def _fill(self, today: date) -> None:
        spec = self.interview
        if spec is None:
            self.minutes_spin.setValue(DEFAULT_DAILY_MINUTES)
            two_weeks = QDate(today.year, today.month, today.day).addDays(14)
            self.date_edit.setDate(two_weeks)
            return
        self.name_edit.setText(spec.name)
        on = spec.date if spec.date >= today else today  # a past interview is moved on, not refused silently
        self.date_edit.setDate(QDate(on.year, on.month, on.day))
        self.minutes_spin.setValue(spec.daily_minutes)
        self.tree.set_checked_keys([*spec.module_keys, *spec.topic_keys])

    # -- what the form says ------------------------------------------------------
    def chosen_date(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())

    def scope(self) -> tuple[list[str], list[str]]:
        """(module keys, topic keys): a checked module stands for its whole subtree;
        a checked topic counts only when its module is not checked."""
        modules: list[str] = []
        topics: list[str] = []
        for item in self.tree.iter_items():
            if item.checkState(NAME_COLUMN) != CHECKED:
                continue
            key = item.data(NAME_COLUMN, TOPIC_KEY_ROLE)
            parent = item.parent()
            if parent is None:
                modules.append(key)
            elif parent.checkState(NAME_COLUMN) != CHECKED:
                topics.append(key)
        return modules, topics

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    # -- writes --------------------------------------------------------------------
    def accept(self) -> None:
        name = self.name_edit.text().strip()
        modules, topics = self.scope()
        if not name:
            self.show_error(self.tr("Give the interview a name."))
            return
        if self.interview is None and name in {spec.name for spec in self.collection.read_orm(list_interviews)}:
            # The core would update that interview: a new one must not overwrite it unasked.
            self.show_error(self.tr("An interview is already called “%1”: pick another name, or edit that one.").replace("%1", name))
            return
        if not modules and not topics:
            self.show_error(self.tr("Tick at least one module or topic the interview covers."))
            return
        result = ops.save_interview(
            self, self.collection, interview_id=self.interview.id if self.interview else None, name=name,
            on=self.chosen_date(), module_keys=modules, topic_keys=topics, daily_minutes=self.minutes_spin.value(),
            now=self._now(), on_failure=self.show_error,
        )
        if result.ok:
            self.saved_spec = result.value
            super().accept()

    def confirm_delete(self) -> None:
        if self.interview is None or self.interview.id is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete interview"),
                          self.tr("Delete the interview “%1”? Your answers and cards stay.").replace("%1", self.interview.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("interviewDeleteConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _code: self.delete() if box.clickedButton() is yes else None)
        self.confirm_box = box
        box.open()

    def delete(self) -> None:
        """Delete the interview now (after the confirmation)."""
        if self.interview is None or self.interview.id is None or self.deleted:
            return
        result = ops.delete_interview(self, self.collection, self.interview.id, on_failure=self.show_error)
        if result.ok:
            self.deleted = True
            self.done(QDialog.DialogCode.Accepted)

"""After submitting: the user grades each open question of the exam.

For each open question not graded yet it shows the user's notes beside the
reference answer; with key points (要点) the user ticks those the notes
covered (1–9 toggle, Enter records the fraction), without key points the
user picks Again / Hard / Good / Easy (1–4). The page shows an
:class:`~quizdesk.core.study.exam_grading.ExamGrading` and forwards the grades
to it; each is committed at once through ``ui/ops.py`` (``self_grade``); the
last one finishes the exam.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.clock import utcnow
from quizdesk.core.study.ratings import AGAIN, EASY, GOOD, HARD
from quizdesk.core.db.store import Store
from quizdesk.core.paths import bundled_content_dir
from quizdesk.core.study.exam_grading import ExamGrading, score_blanks_then_load
from quizdesk.core.queries.questions import question_base_dir
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.events import app_events
from quizdesk.ui.widgets.markdown_pane import fit_height_to_document, make_markdown_view
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.question_widgets import DIGITS, ChoiceList, QuestionHeader
from quizdesk.ui.preferences import answer_font_px
from quizdesk.ui.widgets.layout import centered_column, section_label
from quizdesk.ui.widgets.theme import button_css, colors

if TYPE_CHECKING:
    from quizdesk.core.study.exams import ExamQuestion

NOTES_FONT_PX = 14


def key_help() -> list[tuple[str, str]]:
    return [
        ("1–9", QCoreApplication.translate("SelfGradeView", "Tick / untick key point n")),
        ("Enter", QCoreApplication.translate("SelfGradeView", "Record the ticked key points")),
        ("1 / 2 / 3 / 4", QCoreApplication.translate("SelfGradeView", "Again / Hard / Good / Easy (questions without key points)")),
    ]


class SelfGradeView(QWidget):
    #: Every open question is graded; the exam is finished. Its id.
    finished = Signal(int)
    #: The user chose to grade later (the exam stays resumable).
    laterRequested = Signal(int)
    #: One grade was committed: question id.
    gradeSaved = Signal(int)

    def __init__(self, collection: Collection | Store, exam_id: int, *, now: Callable[[], datetime] = utcnow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from quizdesk.core.study.exams import load_exam
        from quizdesk.ui.session_writes import OpsGradingWrites

        self.setObjectName("selfGradeView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.collection = as_collection(collection)
        writes = OpsGradingWrites(self, self.collection)
        # Blank answers score 0 without asking; submitting does it, this covers
        # exams submitted by an older version.
        snapshot = score_blanks_then_load(
            lambda: writes.score_blank_open_answers(exam_id, now=now()),
            lambda: self.collection.read_orm(lambda session: load_exam(session, exam_id)),
        )
        #: The grading itself: the open answers left, the grades given (no widget in it).
        self.grading = ExamGrading(snapshot, writes, now=now)
        self._base_dirs = {
            q.id: question_base_dir(q.origin, q.source_path, bundled_content_dir(), self.collection.data_dir) for q in self.pending
        }
        self._build()
        self._build_actions()
        app_events().themeChanged.connect(self._restyle)
        app_events().answerFontChanged.connect(self.answer_view.set_font_px)
        self._restyle()
        self.retranslate_ui()
        if self.pending:  # with nothing to grade the host shows the results directly
            self._show()

    def retranslate_ui(self) -> None:
        """Every text of the page in the current language; ticked points stay ticked."""
        self.later_button.setText(self.tr("Grade later"))
        self.notes_title.setText(self.tr("Your notes"))
        self.answer_title.setText(self.tr("Reference answer"))
        self.points_title.setText(self.tr("Key points (要点): tick the ones your notes covered"))
        names = {AGAIN: self.tr("Again"), HARD: self.tr("Hard"), GOOD: self.tr("Good"), EASY: self.tr("Easy")}
        for rating, name in names.items():
            self.grade_buttons[rating].setText(f"{name}  ·  {rating}")
        if self.question is not None:
            self._show_texts()
            self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _build(self) -> None:
        self.title_label = named(QLabel(), "selfGradeTitle")
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.later_button = named(QPushButton(), "selfGradeLaterButton")
        self.later_button.clicked.connect(lambda: self.laterRequested.emit(self.exam_id))
        top = QHBoxLayout()
        top.setContentsMargins(16, 10, 16, 10)
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.later_button)
        self.top_bar = named(QFrame(), "selfGradeTopBar")
        self.top_bar.setLayout(top)

        self.header = QuestionHeader()
        self.notes_title = section_label("", "selfGradeNotesTitle")
        self.notes_view = named(QLabel(), "selfGradeNotes")
        self.notes_view.setWordWrap(True)
        self.notes_view.setTextFormat(Qt.TextFormat.PlainText)
        self.notes_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        notes_font = self.notes_view.font()
        notes_font.setPixelSize(NOTES_FONT_PX)
        self.notes_view.setFont(notes_font)
        self.answer_title = section_label("", "selfGradeAnswerTitle")
        self.answer_view = make_markdown_view("selfGradeAnswerView", framed=False, margin=0)
        self.answer_view.set_font_px(answer_font_px())
        fit_height_to_document(self.answer_view)
        self.points_title = section_label("", "selfGradePointsTitle")
        self.points = ChoiceList("selfGradeKeyPoint")
        self.points.selectionChanged.connect(self._update_buttons)
        self.error_label = named(QLabel(), "selfGradeError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        card = QWidget()
        column = QVBoxLayout(card)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        # Notes, then the key points to tick against them, then the full reference.
        for widget in (self.header, self.notes_title, self.notes_view, self.points_title, self.points,
                       self.answer_title, self.answer_view, self.error_label):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = named(QScrollArea(), "selfGradeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(centered_column(card))
        scroll.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.scroll_area = scroll  # not ``self.scroll``: that would hide QWidget.scroll()

        self.record_button = named(QPushButton(), "selfGradeRecordButton")
        self.record_button.clicked.connect(self.record_points)
        self.grade_buttons: dict[int, QPushButton] = {}
        object_names = {AGAIN: "selfGradeAgainButton", HARD: "selfGradeHardButton", GOOD: "selfGradeGoodButton", EASY: "selfGradeEasyButton"}
        self.hint_label = named(QLabel(), "selfGradeHint")
        bar = QHBoxLayout()
        bar.setContentsMargins(16, 10, 16, 12)
        bar.addWidget(self.hint_label, 1)
        bar.addWidget(self.record_button)
        for rating in (AGAIN, HARD, GOOD, EASY):
            button = named(QPushButton(), object_names[rating])
            button.clicked.connect(lambda _checked=False, r=rating: self.record_rating(r))
            self.grade_buttons[rating] = button
            bar.addWidget(button)
        for button in (self.record_button, *self.grade_buttons.values()):
            button.setMinimumHeight(34)
            button.setMinimumWidth(96)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.action_bar = named(QFrame(), "selfGradeActionBar")
        self.action_bar.setLayout(bar)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.action_bar)

    def _build_actions(self) -> None:
        def add(keys: list[str], handler: Callable[[], None]) -> None:
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False: handler())
            self.addAction(action)

        add(["Return", "Enter"], self.record_points)
        for i, key in enumerate(DIGITS):
            add([key], partial(self._on_number, i))

    # -- the grading, as the host and the tests read it ----------------------------------
    @property
    def exam_id(self) -> int:
        return self.grading.exam_id

    @property
    def pending(self) -> list[ExamQuestion]:
        """The open questions to grade on this page, in exam order."""
        return self.grading.pending

    @property
    def notes(self) -> dict[int, Any]:
        return self.grading.notes

    @property
    def total_open(self) -> int:
        return self.grading.total_open

    @property
    def position(self) -> int:
        return self.grading.position

    @property
    def question(self) -> ExamQuestion | None:
        return self.grading.question

    def _show(self) -> None:
        q = self.question
        if q is None:
            self.finished.emit(self.exam_id)
            return
        self._show_texts()
        self.header.set_question(q.module, q.topic, q.qtype, q.title, module_en=q.module_en, topic_en=q.topic_en)
        self.answer_view.set_markdown(q.answer_md, self._base_dirs.get(q.id))
        has_points = bool(q.key_points)
        self.points_title.setVisible(has_points)
        self.points.setVisible(has_points)
        self.points.set_items(list(q.key_points) if has_points else [], DIGITS, multi=True)
        self.scroll_area.verticalScrollBar().setValue(0)
        self._update_buttons()
        self.setFocus()

    def _show_texts(self) -> None:
        q = self.question
        self.title_label.setText(
            self.tr("Grade your open answers: %1 of %2")
            .replace("%1", str(self.grading.number))
            .replace("%2", str(self.total_open))
        )
        notes = self.notes.get(q.id) if q is not None else None
        self.notes_view.setText(notes if isinstance(notes, str) and notes else self.tr("(no notes)"))

    def _update_buttons(self) -> None:
        q = self.question
        has_points = bool(q and q.key_points)
        self.record_button.setVisible(has_points)
        for button in self.grade_buttons.values():
            button.setVisible(not has_points)
        if q is not None and has_points:
            self.record_button.setText(
                self.tr("Record: %1 of %2 covered").replace("%1", str(len(self.points.selected()))).replace("%2", str(len(q.key_points)))
                + "  ·  "
                + self.tr("Enter")
            )
            self.hint_label.setText(self.tr("1–9 tick the key points your notes covered, Enter records"))
        else:
            self.hint_label.setText(self.tr("How good was your answer? 1 Again · 2 Hard · 3 Good · 4 Easy"))

    def _on_number(self, index: int) -> None:
        q = self.question
        if q is None:
            return
        if q.key_points:
            self.points.toggle(index)
        elif index < 4:
            self.record_rating(index + 1)

    def record_points(self) -> None:
        q = self.question
        if q is None or not q.key_points:
            return
        self._after_grade(q.id, self.grading.record_points(self.points.selected()))

    def record_rating(self, rating: int) -> None:
        q = self.question
        if q is None or q.key_points:
            return
        self._after_grade(q.id, self.grading.record_rating(rating))

    def _after_grade(self, question_id: int, stored: bool) -> None:
        error = self.grading.last_error
        if not stored:
            if error is not None:
                self.error_label.setText(self.tr("Could not save this grade (%1). Try again.").replace("%1", str(error)))
                self.error_label.show()
            return
        self.error_label.hide()
        self.gradeSaved.emit(question_id)
        self._show()

    def _restyle(self, _dark: bool = False) -> None:
        c = colors()
        self.hint_label.setStyleSheet(f"color: {c.muted};")
        self.error_label.setStyleSheet(f"color: {c.danger};")
        self.top_bar.setStyleSheet(f"QFrame#selfGradeTopBar {{ border-bottom: 1px solid {c.border}; }}")
        self.action_bar.setStyleSheet(f"QFrame#selfGradeActionBar {{ border-top: 1px solid {c.border}; }}")
        self.record_button.setStyleSheet(button_css("primary", "selfGradeRecordButton"))
        self.later_button.setStyleSheet(button_css("neutral", "selfGradeLaterButton"))
        for rating, kind in ((AGAIN, "again"), (HARD, "hard"), (GOOD, "good"), (EASY, "easy")):
            button = self.grade_buttons[rating]
            button.setStyleSheet(button_css(kind, button.objectName()))
        self.answer_view.set_dark(c.dark)
        self.notes_view.setStyleSheet(
            f"QLabel#selfGradeNotes {{ background: {c.card}; color: {c.text}; border: 1px solid {c.border};"
            f" border-radius: 6px; padding: 8px 10px; }}"
        )

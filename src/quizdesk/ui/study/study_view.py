"""Study mode: flashcards over a queue of questions, each grade stored as given.

Keys (also in Help → Keyboard shortcuts):

* open question — Space shows the answer; then, with key points (要点), 1–9
  tick the points recalled and Enter records the fraction; without key points
  1–4 grade Again / Hard / Good / Easy;
* single / multiple choice — A–J or 1–9 pick (multi: toggle), Enter checks;
* true / false — T or F (or 1 / 2) pick, Enter checks;
* after a choice was checked, Space or Enter goes on; Esc ends the session.

The page shows a :class:`~quizdesk.core.study.study_session.StudyRound` (the
phases: question shown → answer revealed or choice checked → graded → next →
summary) and forwards keys and clicks to it. Every grade is written the moment
it is given, in its own transaction, through ``ui/ops.py``
(``ui/session_writes.py``), which emits the collection's ``changed(ATTEMPTS)``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.db.store import Store
from quizdesk.core.clock import utcnow
from quizdesk.core.paths import bundled_content_dir
from quizdesk.core.study.ratings import AGAIN, EASY, GOOD, HARD
from quizdesk.core.study.study_session import CardResult, StudyPhase, StudyRound
from quizdesk.core.queries.questions import QuestionDetail, question_base_dir, question_details
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.events import app_events
from quizdesk.ui.i18n import format_percent
from quizdesk.ui.widgets.markdown_pane import fit_height_to_document, make_markdown_view
from quizdesk.ui.widgets.named import named
from quizdesk.ui.preferences import answer_font_px
from quizdesk.ui.widgets.question_widgets import DIGITS, LETTERS, ChoiceList, QuestionHeader
from quizdesk.ui.widgets.layout import CONTENT_MAX_WIDTH, centered_column, section_label
from quizdesk.ui.widgets.theme import button_css, colors

__all__ = ["CardResult", "StudyView", "key_help"]


def key_help() -> list[tuple[str, str]]:
    return [
        ("Space", QCoreApplication.translate("StudyView", "Show the answer; after a choice was checked: next card")),
        ("1 / 2 / 3 / 4", QCoreApplication.translate("StudyView", "Again / Hard / Good / Easy (open questions without key points)")),
        ("1–9", QCoreApplication.translate("StudyView", "Tick / untick key point n (open questions with 要点); pick choice n")),
        ("A–J", QCoreApplication.translate("StudyView", "Pick a choice (multiple choice: toggle)")),
        ("T / F", QCoreApplication.translate("StudyView", "True / false")),
        ("Enter", QCoreApplication.translate("StudyView", "Check the choice · record the ticked key points · next card")),
        ("Esc", QCoreApplication.translate("StudyView", "End the session (grades given so far are kept)")),
    ]


class StudyView(QWidget):
    """One study session over ``question_ids`` (in that order)."""

    finished = Signal()
    #: A grade was committed: question id, score 0..1.
    cardGraded = Signal(int, float)

    def __init__(
        self,
        collection: Collection | Store,
        question_ids: list[int],
        *,
        title: str = "",
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from quizdesk.ui.session_writes import OpsStudyWrites

        self.setObjectName("studyView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.collection = as_collection(collection)
        cards = self.collection.read(lambda connection: question_details(connection, list(question_ids)))
        #: The round itself: the card shown, its phase, the grades (no widget in it).
        self.round = StudyRound(cards, OpsStudyWrites(self, self.collection), clock=clock, now=now,
                                on_graded=self.cardGraded.emit)
        self._title = title
        self._build()
        self._build_actions()
        app_events().themeChanged.connect(self._restyle)
        app_events().answerFontChanged.connect(self._set_font_px)
        self._restyle()
        self.retranslate_ui()
        self._show_card()

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.title_label = named(QLabel(), "studyTitle")
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.progress_label = named(QLabel(), "studyProgressLabel")
        self.progress_bar = named(QProgressBar(), "studyProgressBar")
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(6)
        self.progress_bar.setMaximumWidth(220)
        self.end_button = named(QPushButton(), "studyEndButton")
        self.end_button.clicked.connect(self.end_session)
        top = QHBoxLayout()
        top.setContentsMargins(16, 10, 16, 10)
        top.addWidget(self.title_label)
        top.addSpacing(16)
        top.addWidget(self.progress_bar)
        top.addWidget(self.progress_label)
        top.addStretch(1)
        top.addWidget(self.end_button)

        # The card: header, body, choices, answer, key points.
        self.header = QuestionHeader()
        self.body_view = make_markdown_view("studyBodyView", framed=False, margin=0, tasks=self.collection.tasks)
        self.body_view.set_font_px(answer_font_px())
        fit_height_to_document(self.body_view)
        self.choices = ChoiceList("studyChoice")
        self.choices.selectionChanged.connect(self._update_buttons)
        self.feedback_label = named(QLabel(), "studyFeedback")
        self.feedback_label.setWordWrap(True)
        self.answer_title = section_label("", "studyAnswerTitle")
        self.answer_view = make_markdown_view("studyAnswerView", framed=False, margin=0, tasks=self.collection.tasks)
        self.answer_view.set_font_px(answer_font_px())
        fit_height_to_document(self.answer_view)
        self.points_title = section_label("", "studyPointsTitle")
        self.points = ChoiceList("studyKeyPoint")
        self.points.selectionChanged.connect(self._update_buttons)
        self.error_label = named(QLabel(), "studyError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        card = named(QWidget(), "studyCard")
        column = QVBoxLayout(card)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(self.header)
        column.addWidget(self.body_view)
        column.addWidget(self.choices)
        column.addWidget(self.feedback_label)
        column.addSpacing(4)
        # Key points come before the full answer: ticking them is the task,
        # the answer is the reference to check against.
        column.addWidget(self.points_title)
        column.addWidget(self.points)
        column.addWidget(self.answer_title)
        column.addWidget(self.answer_view)
        column.addWidget(self.error_label)
        column.addStretch(1)
        # Not ``self.scroll``: that would hide QWidget.scroll().
        self.scroll_area = named(QScrollArea(), "studyScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(centered_column(card))
        self.scroll_area.viewport().setBackgroundRole(QPalette.ColorRole.Base)

        # The action bar changes with the phase.
        self.reveal_button = named(QPushButton(), "revealButton")
        self.reveal_button.clicked.connect(self.reveal)
        self.check_button = named(QPushButton(), "checkButton")
        self.check_button.clicked.connect(self.check_choice)
        self.next_button = named(QPushButton(), "nextCardButton")
        self.next_button.clicked.connect(self.go_on)
        self.recall_button = named(QPushButton(), "recallDoneButton")
        self.recall_button.clicked.connect(self.submit_recall)
        self.grade_buttons: dict[int, QPushButton] = {}
        object_names = {AGAIN: "gradeAgainButton", HARD: "gradeHardButton", GOOD: "gradeGoodButton", EASY: "gradeEasyButton"}
        for rating in (AGAIN, HARD, GOOD, EASY):
            button = named(QPushButton(), object_names[rating])
            button.clicked.connect(lambda _checked=False, r=rating: self.grade(r))
            self.grade_buttons[rating] = button
        self.hint_label = named(QLabel(), "studyHint")
        bar = QHBoxLayout()
        bar.setContentsMargins(16, 10, 16, 12)
        bar.setSpacing(8)
        bar.addWidget(self.hint_label, 1)
        for button in (self.reveal_button, self.check_button, self.recall_button, self.next_button, *self.grade_buttons.values()):
            button.setMinimumHeight(34)
            button.setMinimumWidth(96)
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            bar.addWidget(button)
        self.action_bar = named(QFrame(), "studyActionBar")
        self.action_bar.setLayout(bar)

        card_page = QWidget()
        card_layout = QVBoxLayout(card_page)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.setSpacing(0)
        card_layout.addWidget(self.scroll_area, 1)
        card_layout.addWidget(self.action_bar)

        self.summary = self._build_summary()
        self.stack = named(QStackedWidget(), "studyStack")
        self.stack.addWidget(card_page)
        self.stack.addWidget(self.summary)

        self.top_bar = named(QFrame(), "studyTopBar")
        self.top_bar.setLayout(top)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.stack, 1)

    def _build_summary(self) -> QWidget:
        # Both texts wrap and span the column: a word-wrapped label placed with an
        # alignment flag gets only its size hint's width and is cut to one row's
        # height when its text needs two (issue 21: "本轮学习完成" then half a line).
        self.summary_title = named(QLabel(), "studySummaryTitle")
        self.summary_title.setWordWrap(True)
        self.summary_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary_text = named(QLabel(), "studySummaryText")
        self.summary_text.setWordWrap(True)
        self.summary_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back_button = named(QPushButton(), "studyBackButton")
        self.back_button.setMinimumHeight(34)
        self.back_button.clicked.connect(self.finished.emit)
        texts = QWidget()
        texts.setMaximumWidth(CONTENT_MAX_WIDTH * 3 // 4)
        column = QVBoxLayout(texts)
        column.setContentsMargins(24, 0, 24, 0)
        column.addWidget(self.summary_title)
        column.addSpacing(8)
        column.addWidget(self.summary_text)
        centred = QHBoxLayout()  # as wide as the page allows, up to the maximum, centred
        centred.addStretch(1)
        centred.addWidget(texts, 100)
        centred.addStretch(1)
        box = QWidget()
        outer = QVBoxLayout(box)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addSpacing(16)
        outer.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self._set_summary_font_px(answer_font_px())
        return box

    def _set_summary_font_px(self, px: int) -> None:
        """The summary reads at the text size chosen in the settings (its title larger)."""
        title_font = self.summary_title.font()
        title_font.setPixelSize(round(px * 1.6))
        title_font.setBold(True)
        self.summary_title.setFont(title_font)
        text_font = self.summary_text.font()
        text_font.setPixelSize(px)
        self.summary_text.setFont(text_font)

    def _build_actions(self) -> None:
        """Page-wide keys; inactive while focus is in a text field elsewhere."""
        self.shortcut_actions: list[QAction] = []

        def add(keys: list[str], handler: Callable[[], None], text: str) -> None:
            action = QAction(self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setProperty("kind", text)
            action.triggered.connect(lambda _checked=False: handler())
            self.addAction(action)
            self.shortcut_actions.append(action)

        add(["Space"], self._on_space, "space")
        add(["Return", "Enter"], self._on_enter, "enter")
        add(["Esc"], self.end_session, "esc")
        for i, key in enumerate(DIGITS):
            add([key], partial(self._on_number, i), "digit")
        for i, key in enumerate(LETTERS[:8]):
            if key not in "TF":
                add([key], partial(self._on_letter, i), "letter")
        add(["T"], lambda: self._on_truefalse("T"), "T")
        add(["F"], lambda: self._on_truefalse("F"), "F")

    def retranslate_ui(self) -> None:
        """Every text of the page in the current language; the session itself is untouched."""
        self.title_label.setText(self._title or self.tr("Study"))
        self.end_button.setText(self.tr("End session"))
        self.end_button.setToolTip(self.tr("End the session (Esc)"))
        self.reveal_button.setText(self.tr("Show answer") + "  ·  " + self.tr("Space"))
        self.check_button.setText(self.tr("Check") + "  ·  " + self.tr("Enter"))
        self.next_button.setText(self.tr("Next") + "  ·  " + self.tr("Space"))
        grade_names = {AGAIN: self.tr("Again"), HARD: self.tr("Hard"), GOOD: self.tr("Good"), EASY: self.tr("Easy")}
        for rating, name in grade_names.items():
            self.grade_buttons[rating].setText(f"{name}  ·  {rating}")
        self.summary_title.setText(self.tr("Session complete"))
        self.back_button.setText(self.tr("Back to library"))
        for action in self.shortcut_actions:
            key = action.shortcut().toString()
            kind = action.property("kind")
            texts = {
                "space": self.tr("Show answer / next card"),
                "enter": self.tr("Check / done / next"),
                "esc": self.tr("End the session"),
                "digit": self.tr("Pick or tick item %1").replace("%1", key),
                "letter": self.tr("Pick choice %1").replace("%1", key),
                "T": self.tr("True (or choice T)"),
                "F": self.tr("False (or choice F)"),
            }
            action.setText(texts.get(kind, ""))
        card = self.card
        self.answer_title.setText(self.tr("Answer") if card is None or card.qtype == "open" else self.tr("Explanation"))
        self.points_title.setText(self.tr("Key points (要点): tick the ones you recalled"))
        if self.round.last_correct is not None:
            self._show_feedback(self.round.last_correct)
        if self.phase == StudyPhase.DONE:
            self._show_summary()
        elif 0 <= self.index < len(self.cards):
            self._update_progress()
            self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _set_font_px(self, px: int) -> None:
        for view in (self.body_view, self.answer_view):
            view.set_font_px(px)
        self._set_summary_font_px(px)

    # -- the round, as the rest of the app and the tests read it ------------------------
    @property
    def cards(self) -> list[QuestionDetail]:
        return self.round.cards

    @property
    def index(self) -> int:
        return self.round.index

    @property
    def phase(self) -> StudyPhase:
        return self.round.phase

    @property
    def results(self) -> list[CardResult]:
        return self.round.results

    @property
    def card(self) -> QuestionDetail | None:
        return self.round.card

    # -- showing ---------------------------------------------------------------
    def _show_card(self) -> None:
        """Show the round's card as it now stands (a new card), or the summary after the last one."""
        self._show_write_error()
        card = self.card
        if card is None:
            self._show_summary()
            return
        self._update_progress()
        self.header.set_question(card.module, card.topic, card.qtype, card.title, module_en=card.module_en, topic_en=card.topic_en)
        base = question_base_dir(card.origin, card.source_path, bundled_content_dir(), self.collection.data_dir)
        self.body_view.set_markdown(card.body_md, base)
        self.body_view.setVisible(bool(card.body_md.strip()))
        if card.qtype == "open":
            self.choices.set_items([])
            self.choices.hide()
        else:
            keys = "TF" if card.qtype == "truefalse" else LETTERS
            self.choices.set_items(list(card.choices), keys, multi=card.qtype == "multi")
            self.choices.show()
        self.feedback_label.hide()
        self.answer_title.setText(self.tr("Answer") if card.qtype == "open" else self.tr("Explanation"))
        self.answer_title.hide()
        self.answer_view.hide()
        self.answer_view.set_markdown(card.answer_md, base)
        self.points_title.hide()
        self.points.set_items([])
        self.points.hide()
        self.scroll_area.verticalScrollBar().setValue(0)
        self._update_buttons()
        self.setFocus()

    def _show_write_error(self) -> None:
        error = self.round.last_error
        if error is None:
            self.error_label.hide()
            return
        self.error_label.setText(self.tr("Could not save this grade (%1). Try again.").replace("%1", str(error)))
        self.error_label.show()

    def _update_progress(self) -> None:
        total = len(self.cards)
        self.progress_label.setText(self.tr("Card %1 of %2").replace("%1", str(self.index + 1)).replace("%2", str(total)))
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(self.index)

    def _update_buttons(self) -> None:
        card = self.card
        phase = self.phase
        is_open = card is not None and card.qtype == "open"
        has_points = bool(card and card.key_points)
        self.reveal_button.setVisible(phase == StudyPhase.QUESTION and is_open)
        self.check_button.setVisible(phase == StudyPhase.QUESTION and not is_open)
        self.check_button.setEnabled(bool(self.choices.selected()))
        self.recall_button.setVisible(phase == StudyPhase.REVEALED and has_points)
        for button in self.grade_buttons.values():
            button.setVisible(phase == StudyPhase.REVEALED and not has_points)
        self.next_button.setVisible(phase == StudyPhase.ANSWERED)
        if phase == StudyPhase.REVEALED and has_points and card is not None:
            ticked = len(self.points.selected())
            self.recall_button.setText(
                self.tr("Done: %1 of %2 recalled").replace("%1", str(ticked)).replace("%2", str(len(card.key_points)))
                + "  ·  "
                + self.tr("Enter")
            )
        hints = {
            (StudyPhase.QUESTION, True): self.tr("Recall the answer, then press Space"),
            (StudyPhase.QUESTION, False): self.tr("T / F to answer, Enter to check")
            if card is not None and card.qtype == "truefalse"
            else self.tr("A–D or 1–4 to pick, Enter to check"),
            (StudyPhase.REVEALED, True): self.tr("1–9 tick the key points you recalled, Enter when done")
            if has_points
            else self.tr("How well did you know it? 1 Again · 2 Hard · 3 Good · 4 Easy"),
            (StudyPhase.ANSWERED, False): self.tr("Space or Enter for the next card"),
        }
        self.hint_label.setText(hints.get((phase, is_open), ""))

    # -- keys ------------------------------------------------------------------
    def _on_space(self) -> None:
        if self.phase == StudyPhase.QUESTION:
            self.reveal()
        elif self.phase == StudyPhase.ANSWERED:
            self.go_on()

    def _on_enter(self) -> None:
        card = self.card
        if card is None:
            if self.phase == StudyPhase.DONE:
                self.finished.emit()
            return
        if self.phase == StudyPhase.QUESTION and card.qtype != "open":
            self.check_choice()
        elif self.phase == StudyPhase.REVEALED and card.key_points:
            self.submit_recall()
        elif self.phase == StudyPhase.ANSWERED:
            self.go_on()

    def _on_number(self, index: int) -> None:
        card = self.card
        if card is None:
            return
        if self.phase == StudyPhase.QUESTION and card.qtype != "open":
            self.choices.toggle(index)
        elif self.phase == StudyPhase.REVEALED and card.key_points:
            self.points.toggle(index)
        elif self.phase == StudyPhase.REVEALED and index < 4:
            self.grade(index + 1)

    def _on_letter(self, index: int) -> None:
        card = self.card
        if card is not None and self.phase == StudyPhase.QUESTION and card.qtype in ("single", "multi"):
            self.choices.toggle(index)

    def _on_truefalse(self, key: str) -> None:
        card = self.card
        if card is None or self.phase != StudyPhase.QUESTION:
            return
        if card.qtype == "truefalse":
            self.choices.toggle(0 if key == "T" else 1)
        elif card.qtype in ("single", "multi") and key in LETTERS:
            # F is choice F; there is no choice T (choices run A–J), so T does nothing here.
            self.choices.toggle(LETTERS.index(key))

    # -- actions ---------------------------------------------------------------
    def reveal(self) -> None:
        """Show the answer of an open question (Space)."""
        card = self.card
        if card is None or not self.round.reveal():
            return
        self.answer_title.show()
        self.answer_view.show()
        if card.key_points:
            self.points_title.setText(self.tr("Key points (要点): tick the ones you recalled"))
            self.points_title.show()
            self.points.set_items(list(card.key_points), DIGITS, multi=True)
            self.points.show()
        self._update_buttons()

    def check_choice(self) -> None:
        """Grade the picked choice(s) at once and show the explanation (Enter)."""
        card = self.card
        if card is None or self.phase != StudyPhase.QUESTION or card.qtype == "open" or not self.choices.selected():
            return
        result = self.round.check_choice(self.choices.selected())
        self._show_write_error()
        if result is None:
            return
        self.choices.show_feedback(result.correct_indexes)
        self._show_feedback(result.correct)
        self.feedback_label.show()
        if card.answer_md.strip():
            self.answer_title.setText(self.tr("Explanation"))
            self.answer_title.show()
            self.answer_view.show()
        self._update_buttons()

    def _show_feedback(self, correct: bool) -> None:
        c = colors()
        if correct:
            self.feedback_label.setText("✓ " + self.tr("Correct"))
            self.feedback_label.setStyleSheet(f"color: {c.success}; font-weight: bold;")
        else:
            self.feedback_label.setText("✗ " + self.tr("Not quite: the right answer is marked in green"))
            self.feedback_label.setStyleSheet(f"color: {c.danger}; font-weight: bold;")

    def submit_recall(self) -> None:
        """Record the ticked key points as the score of an open question (Enter)."""
        if self.round.submit_recall(self.points.selected()) is None:
            self._show_write_error()
            return
        self._show_card()

    def grade(self, rating: int) -> None:
        """Again / Hard / Good / Easy for an open question without key points (1–4)."""
        if rating not in self.grade_buttons or self.round.grade(rating) is None:
            self._show_write_error()
            return
        self._show_card()

    def go_on(self) -> None:
        """After a checked choice: the next card (Space, Enter, the Next button)."""
        if self.round.go_on():
            self._show_card()

    def end_session(self) -> None:
        """Esc: stop here; grades already given are kept."""
        self.finished.emit()

    def _show_summary(self) -> None:
        self.progress_bar.setRange(0, max(1, len(self.cards)))
        self.progress_bar.setValue(len(self.cards))
        self.progress_label.setText(self.tr("Done"))
        graded = len(self.results)
        mean = self.round.mean_score
        if graded and mean is not None:
            text = self.tr("%n card(s) graded · average score %1", "", graded).replace("%1", format_percent(mean))
        else:
            text = self.tr("Nothing to study here right now.")
        self.summary_text.setText(text)
        self.stack.setCurrentWidget(self.summary)
        self.back_button.setFocus()

    def _restyle(self, _dark: bool = False) -> None:
        c = colors()
        self.hint_label.setStyleSheet(f"color: {c.muted};")
        self.progress_label.setStyleSheet(f"color: {c.muted};")
        self.error_label.setStyleSheet(f"color: {c.danger};")
        self.summary_text.setStyleSheet(f"color: {c.muted};")
        self.top_bar.setStyleSheet(f"QFrame#studyTopBar {{ border-bottom: 1px solid {c.border}; }}")
        self.action_bar.setStyleSheet(f"QFrame#studyActionBar {{ border-top: 1px solid {c.border}; }}")
        for view in (self.body_view, self.answer_view):
            view.set_dark(c.dark)
        for button in (self.reveal_button, self.check_button, self.recall_button, self.next_button, self.back_button):
            button.setStyleSheet(button_css("primary", button.objectName()))
        for rating, kind in ((AGAIN, "again"), (HARD, "hard"), (GOOD, "good"), (EASY, "easy")):
            button = self.grade_buttons[rating]
            button.setStyleSheet(button_css(kind, button.objectName()))
        self.end_button.setStyleSheet(button_css("neutral", "studyEndButton"))

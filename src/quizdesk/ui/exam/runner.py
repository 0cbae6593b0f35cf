"""Taking a mock exam: one question per page, a countdown, a question palette.

The page shows a :class:`~quizdesk.core.study.exam_session.ExamSession` and
forwards the user's actions to it; the session keeps the answers, flags and
clock, commits every change the moment it is made (through ``ui/ops.py``:
``ui/session_writes.py``), queues and retries what the database refuses, and
saves the clock every few seconds. A crash or ``kill -9`` therefore loses at
most the note being typed (notes are saved :data:`NOTES_DEBOUNCE_MS` after
the last keystroke). At the deadline the exam submits itself.

Time comes from an injectable monotonic clock (``clock=``) so tests can move
it without sleeping. Keys: see :func:`key_help`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quizdesk.core.clock import utcnow
from quizdesk.core.db.store import Store
from quizdesk.core.paths import bundled_content_dir
from quizdesk.core.study.exam_session import ExamClock, ExamSession, Tick
from quizdesk.core.queries.questions import question_base_dir
from quizdesk.ui.collection import Collection, as_collection
from quizdesk.ui.events import app_events
from quizdesk.ui.exam.bars import ExamTopBar, PausedPage, SubmitConfirmBox
from quizdesk.ui.exam.palette import ExamPalette
from quizdesk.ui.session_writes import OpsExamWrites
from quizdesk.ui.widgets.markdown_pane import fit_height_to_document, make_markdown_view
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.question_widgets import DIGITS, LETTERS, ChoiceList, QuestionHeader, format_seconds
from quizdesk.ui.preferences import answer_font_px
from quizdesk.ui.widgets.layout import centered_column
from quizdesk.ui.widgets.theme import button_css, colors

if TYPE_CHECKING:
    from quizdesk.core.study.exams import ExamQuestion

TICK_MS = 250
NOTES_DEBOUNCE_MS = 400
WARNING_S = 60.0
NOTES_FONT_PX = 14


def describe_write_error(exc: BaseException) -> str:
    """What a failed save means for the user, in words (the exam itself is kept either way)."""
    detail = str(exc).lower()
    kept = QCoreApplication.translate(
        "ExamRunner", "Your answers are kept here and will be saved as soon as possible."
    )
    if "locked" in detail or "busy" in detail:
        why = QCoreApplication.translate("ExamRunner", "Not saved: another program is using the database.")
    elif "full" in detail or "no space" in detail:
        why = QCoreApplication.translate("ExamRunner", "Not saved: the disk is full. Free some space.")
    elif "readonly" in detail or "read-only" in detail or "permission" in detail:
        why = QCoreApplication.translate("ExamRunner", "Not saved: the data folder is read-only.")
    else:
        why = QCoreApplication.translate("ExamRunner", "Not saved: %1").replace("%1", str(exc))
    return f"{why} {kept}"


def key_help() -> list[tuple[str, str]]:
    return [
        ("A–J, 1–9", QCoreApplication.translate("ExamRunner", "Pick a choice (multiple choice: toggle)")),
        ("T / F", QCoreApplication.translate("ExamRunner", "True / false")),
        ("→, Alt+→, Enter", QCoreApplication.translate("ExamRunner", "Next question")),
        ("←, Alt+←", QCoreApplication.translate("ExamRunner", "Previous question")),
        ("Ctrl+Home / Ctrl+End", QCoreApplication.translate("ExamRunner", "First / last question")),
        ("Ctrl+G", QCoreApplication.translate("ExamRunner", "Go to question number…")),
        ("Ctrl+M", QCoreApplication.translate("ExamRunner", "Flag / unflag for review")),
        ("Ctrl+P", QCoreApplication.translate("ExamRunner", "Pause / resume (exams without a time limit)")),
        ("Ctrl+Enter", QCoreApplication.translate("ExamRunner", "Submit the exam")),
        ("Esc", QCoreApplication.translate("ExamRunner", "Leave the notes field (letters pick choices again)")),
    ]


class ExamRunner(QWidget):
    #: The exam was submitted (by the user or by the deadline); its id.
    submitted = Signal(int)
    #: An answer was committed: question id, the stored value (list, str or None).
    answerSaved = Signal(int, object)
    #: A flag was committed: question id, flagged.
    flagSaved = Signal(int, bool)
    #: The clock was saved on its own (periodic tick, pause).
    clockSaved = Signal(float)

    def __init__(
        self,
        collection: Collection | Store,
        exam_id: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utcnow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from quizdesk.core.study.exams import load_exam

        self.setObjectName("examRunner")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.collection = as_collection(collection)
        snapshot = self.collection.read_orm(lambda session: load_exam(session, exam_id))
        #: The exam itself: answers, flags, clock, the writes and their retries (no widget in it).
        self.session = ExamSession(
            snapshot, OpsExamWrites(self, self.collection), clock=clock, now=now,
            on_answer_saved=self.answerSaved.emit, on_flag_saved=self.flagSaved.emit, on_clock_saved=self.clockSaved.emit,
        )
        self._base_dirs = {
            q.id: question_base_dir(q.origin, q.source_path, bundled_content_dir(), self.collection.data_dir) for q in self.questions
        }
        self._showing = False
        self._notes_dirty = False

        self._build()
        self._build_actions()
        self._notes_timer = QTimer(self, singleShot=True, interval=NOTES_DEBOUNCE_MS)
        self._notes_timer.timeout.connect(self.flush_notes)
        self._tick_timer = QTimer(self, interval=TICK_MS)
        self._tick_timer.timeout.connect(self.tick)
        self._tick_timer.start()
        app_events().themeChanged.connect(self._restyle)
        app_events().answerFontChanged.connect(self.body_view.set_font_px)
        self._restyle()
        self.retranslate_ui()
        self._show_question(self.index)
        self.top_bar.set_paused(not self.clock.running)

    # -- the session, as the rest of the app and the tests read it --------------------
    @property
    def exam_id(self) -> int:
        return self.session.exam_id

    @property
    def questions(self) -> list[ExamQuestion]:
        return self.session.questions

    @property
    def answers(self) -> dict[int, Any]:
        return self.session.answers

    @property
    def flags(self) -> set[int]:
        return self.session.flags

    @property
    def clock(self) -> ExamClock:
        return self.session.clock

    @property
    def index(self) -> int:
        return self.session.index

    @property
    def time_limit_s(self) -> int | None:
        return self.session.time_limit_s

    @property
    def is_submitted(self) -> bool:
        return self.session.is_submitted

    @property
    def time_up(self) -> bool:
        """The exam was submitted by the deadline."""
        return self.session.time_up

    @property
    def has_unsaved_changes(self) -> bool:
        """Some answer or flag is only in memory: the database refused it so far."""
        return self.session.has_unsaved_changes

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.top_bar = ExamTopBar()
        self.position_label = self.top_bar.position_label
        self.countdown = self.top_bar.countdown
        self.pause_button = self.top_bar.pause_button
        self.pause_button.clicked.connect(self.toggle_pause)
        self.pause_button.setVisible(self.time_limit_s is None)
        self.submit_button = self.top_bar.submit_button
        self.submit_button.clicked.connect(self.request_submit)

        self.palette_widget = ExamPalette(len(self.questions))
        self.palette_widget.jumpRequested.connect(self.go_to)
        side = named(QFrame(), "examSide")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(16, 16, 16, 16)
        side_layout.addWidget(self.palette_widget)
        side.setFixedWidth(5 * 38 + 4 * 6 + 34)

        self.header = QuestionHeader()
        self.body_view = make_markdown_view("examBodyView", framed=False, margin=0)
        self.body_view.set_font_px(answer_font_px())
        fit_height_to_document(self.body_view)
        self.choices = ChoiceList("examChoice")
        self.choices.selectionChanged.connect(self._on_choice_changed)
        self.notes_label = named(QLabel(), "examNotesLabel")
        self.notes_label.setWordWrap(True)
        self.notes = named(QPlainTextEdit(), "examNotesEdit")
        self.notes.setMinimumHeight(180)
        notes_font = self.notes.font()
        notes_font.setPixelSize(NOTES_FONT_PX)
        self.notes.setFont(notes_font)
        self.notes.textChanged.connect(self._on_notes_changed)
        self.flag_note = named(QLabel(), "examFlagNote")
        self.flag_note.hide()
        card = QWidget()
        column = QVBoxLayout(card)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        column.addWidget(self.flag_note)
        column.addWidget(self.header)
        column.addWidget(self.body_view)
        column.addWidget(self.choices)
        column.addWidget(self.notes_label)
        column.addWidget(self.notes)
        column.addStretch(1)
        # Not ``self.scroll``: that would hide QWidget.scroll().
        self.scroll_area = named(QScrollArea(), "examScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(centered_column(card))
        self.scroll_area.viewport().setBackgroundRole(QPalette.ColorRole.Base)

        self.prev_button = named(QPushButton(), "examPrevButton")
        self.prev_button.clicked.connect(self.previous)
        self.flag_button = named(QPushButton(), "examFlagButton")
        self.flag_button.setCheckable(True)
        self.flag_button.clicked.connect(lambda _checked=False: self.toggle_flag())
        self.next_button = named(QPushButton(), "examNextButton")
        self.next_button.clicked.connect(self.next)
        self.hint_label = named(QLabel(), "examHint")
        self.error_label = named(QLabel(), "examError")
        self.error_label.hide()
        for button in (self.prev_button, self.flag_button, self.next_button, self.pause_button, self.submit_button):
            button.setMinimumHeight(32)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(16, 8, 16, 10)
        bottom.addWidget(self.prev_button)
        bottom.addWidget(self.flag_button)
        bottom.addSpacing(12)
        bottom.addWidget(self.hint_label, 1)
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(self.next_button)
        self.bottom_bar = named(QFrame(), "examBottomBar")
        self.bottom_bar.setLayout(bottom)

        question_page = QWidget()
        question_layout = QVBoxLayout(question_page)
        question_layout.setContentsMargins(0, 0, 0, 0)
        question_layout.setSpacing(0)
        question_layout.addWidget(self.scroll_area, 1)
        question_layout.addWidget(self.bottom_bar)

        self.paused_page = PausedPage()
        self.resume_button = self.paused_page.resume_button
        self.resume_button.clicked.connect(self.toggle_pause)

        self.main_stack = QStackedWidget()
        self.main_stack.addWidget(question_page)
        self.main_stack.addWidget(self.paused_page)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(side)
        body.addWidget(self.main_stack, 1)
        self.side = side
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addLayout(body, 1)

    def _build_actions(self) -> None:
        self.shortcut_actions: list[QAction] = []

        def add(name: str, keys: list[str], handler: Callable[[], None], text: str) -> QAction:
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False: handler())
            self.addAction(action)
            self.shortcut_actions.append(action)
            return action

        add("examNextAction", ["Right", "Alt+Right", "Return", "Enter"], self.next, "")
        add("examPrevAction", ["Left", "Alt+Left"], self.previous, "")
        add("examFirstAction", ["Ctrl+Home"], lambda: self.go_to(0), "")
        add("examLastAction", ["Ctrl+End"], lambda: self.go_to(len(self.questions) - 1), "")
        add("examGotoAction", ["Ctrl+G"], self.ask_go_to, "")
        add("examFlagAction", ["Ctrl+M"], self.toggle_flag, "")
        add("examPauseAction", ["Ctrl+P"], self.toggle_pause, "")
        add("examSubmitAction", ["Ctrl+Return", "Ctrl+Enter"], self.request_submit, "")
        add("examLeaveNotesAction", ["Esc"], self.setFocus, "")
        for i, key in enumerate(DIGITS):
            add(f"examPick{key}Action", [key], partial(self._pick, i), "")
        for i, key in enumerate(LETTERS):
            if key in "TF":
                continue
            add(f"examPick{key}Action", [key], partial(self._pick_letter, i), "")
        add("examTrueAction", ["T"], lambda: self._truefalse("T"), "")
        add("examFalseAction", ["F"], lambda: self._truefalse("F"), "")

    def retranslate_ui(self) -> None:
        """Every text of the page in the current language; the exam itself is untouched."""
        self.notes_label.setText(self.tr("Your answer (notes, saved as you type; you grade yourself after submitting):"))
        self.notes.setPlaceholderText(self.tr("Write down the points you would make in the interview…"))
        self.prev_button.setText("← " + self.tr("Previous"))
        self.next_button.setText(self.tr("Next") + " →")
        names = {
            "examNextAction": self.tr("Next question"),
            "examPrevAction": self.tr("Previous question"),
            "examFirstAction": self.tr("First question"),
            "examLastAction": self.tr("Last question"),
            "examGotoAction": self.tr("Go to question…"),
            "examFlagAction": self.tr("Flag for review"),
            "examPauseAction": self.tr("Pause / resume"),
            "examSubmitAction": self.tr("Submit"),
            "examLeaveNotesAction": self.tr("Leave the notes field"),
            "examTrueAction": self.tr("True"),
            "examFalseAction": self.tr("False"),
        }
        for action in self.shortcut_actions:
            name = action.objectName()
            if name in names:
                action.setText(names[name])
            elif name.startswith("examPick"):
                action.setText(self.tr("Pick %1").replace("%1", name[len("examPick") : -len("Action")]))
        self._update_position()
        self._refresh_flag()
        self._update_hint()
        self._update_countdown()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- navigation ------------------------------------------------------------
    @property
    def question(self) -> ExamQuestion | None:
        return self.session.question

    def _show_question(self, index: int) -> None:
        self._showing = True
        try:
            q = self.questions[index]
            self.header.set_question(
                q.module, q.topic, q.qtype, q.title, prefix=f"{index + 1}. ", module_en=q.module_en, topic_en=q.topic_en
            )
            base = self._base_dirs.get(q.id)
            self.body_view.set_markdown(q.body_md if q.qtype != "open" else "", base)
            self.body_view.setVisible(q.qtype != "open" and bool(q.body_md.strip()))
            given = self.answers.get(q.id)
            if q.qtype == "open":
                self.choices.set_items([])
                self.choices.hide()
                self.notes_label.show()
                self.notes.show()
                self.notes.setPlainText(given if isinstance(given, str) else "")
                self.notes.moveCursor(self.notes.textCursor().MoveOperation.End)
            else:
                keys = "TF" if q.qtype == "truefalse" else LETTERS
                self.choices.set_items(list(q.choices), keys, multi=q.qtype == "multi")
                self.choices.set_selected(given if isinstance(given, list) else [])
                self.choices.show()
                self.notes_label.hide()
                self.notes.hide()
        finally:
            self._showing = False
        self.scroll_area.verticalScrollBar().setValue(0)
        self._update_position()
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.questions) - 1)
        self._refresh_flag()
        self._refresh_palette()
        self._update_hint()
        self.focus_default()

    def _update_position(self) -> None:
        self.position_label.setText(
            self.tr("Question %1 of %2").replace("%1", str(self.index + 1)).replace("%2", str(len(self.questions)))
        )

    def focus_default(self) -> None:
        """Keyboard focus where the user types next: the notes of an open question, else the page."""
        q = self.question
        if q is not None and q.qtype == "open" and self.clock.running and not self.is_submitted:
            self.notes.setFocus()
        else:
            self.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.focus_default()

    def go_to(self, index: int) -> None:
        """Show question ``index`` (its notes saved first); the session stores the page with the clock."""
        if not self.session.can_edit or not 0 <= index < len(self.questions) or index == self.index:
            return
        self.flush_notes()
        if self.session.go_to(index):
            self._show_question(index)
        self._show_write_state()

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def ask_go_to(self) -> None:
        number, ok = QInputDialog.getInt(
            self.window(), self.tr("Go to question"), self.tr("Question number:"), self.index + 1, 1, len(self.questions)
        )
        if ok:
            self.go_to(number - 1)

    # -- answering -------------------------------------------------------------
    def _pick(self, index: int) -> None:
        q = self.question
        if q is None or q.qtype == "open" or not self._can_edit():
            return
        self.choices.toggle(index)

    def _pick_letter(self, index: int) -> None:
        q = self.question
        if q is not None and q.qtype in ("single", "multi"):
            self._pick(index)

    def _truefalse(self, key: str) -> None:
        q = self.question
        if q is None:
            return
        if q.qtype == "truefalse":
            self._pick(0 if key == "T" else 1)
        elif q.qtype in ("single", "multi") and key in LETTERS:
            # F is choice F; there is no choice T (choices run A–J), so T does nothing here.
            self._pick(LETTERS.index(key))

    def _can_edit(self) -> bool:
        return self.session.can_edit

    def _on_choice_changed(self) -> None:
        q = self.question
        if self._showing or q is None or q.qtype == "open":
            return
        selected = self.choices.selected()
        self.save_answer(q.id, selected or None)

    def _on_notes_changed(self) -> None:
        if self._showing or self.question is None or self.question.qtype != "open":
            return
        self._notes_dirty = True
        self._notes_timer.start()

    def flush_notes(self) -> None:
        """Save the notes of the current open question now if they changed."""
        self._notes_timer.stop()
        q = self.question
        if not self._notes_dirty or q is None or q.qtype != "open":
            return
        self._notes_dirty = False
        text = self.notes.toPlainText()
        self.save_answer(q.id, text if text.strip() else None)

    def save_answer(self, question_id: int, given: Any) -> bool:
        """Keep ``given`` in the exam at once, then commit it; True when it is on disk.

        A failed write (disk full, read-only folder, database locked) loses
        nothing: the answer stays in the exam on screen and the session writes
        it again on a later tick until the database takes it.
        """
        saved = self.session.answer(question_id, given)
        self._refresh_palette()
        self._show_write_state()
        return saved

    def toggle_flag(self) -> None:
        if self.session.toggle_flag() is None:
            return
        self._refresh_flag()
        self._refresh_palette()
        self._show_write_state()

    def _show_write_state(self) -> None:
        """The bar says why the last write failed (the exam keeps it), or shows the key hint again."""
        error = self.session.last_error
        if error is not None:
            self.error_label.setText(describe_write_error(error))
            self.error_label.show()
            self.hint_label.hide()
        elif self.error_label.isVisible():
            self.error_label.hide()
            self.hint_label.show()

    # -- clock -----------------------------------------------------------------
    def tick(self) -> None:
        """Update the countdown; the session saves the clock and retries refused writes; submit at the deadline."""
        if self.is_submitted:
            return
        self._update_countdown()
        outcome = self.session.tick()
        if outcome is Tick.TIME_UP:
            self.submit()
        elif outcome is not Tick.NOTHING:
            self._show_write_state()

    def _update_countdown(self) -> float | None:
        remaining = self.clock.remaining()
        c = colors()
        if remaining is None:
            self.countdown.setText(format_seconds(self.clock.elapsed()))
            self.countdown.setToolTip(self.tr("Time used (no time limit)"))
            self.countdown.setStyleSheet(f"color: {c.muted};")
        else:
            self.countdown.setText(format_seconds(remaining))
            self.countdown.setToolTip(self.tr("Time left"))
            warn = remaining <= WARNING_S
            self.countdown.setProperty("warning", warn)
            self.countdown.setStyleSheet(
                f"color: {c.danger}; background: {c.danger_bg}; border-radius: 6px; padding: 2px 10px;"
                if warn
                else f"color: {c.text}; padding: 2px 10px;"
            )
        return remaining

    def save_clock(self, *, paused: bool = False) -> None:
        self.session.save_clock(paused=paused)
        self._show_write_state()

    def toggle_pause(self) -> None:
        """Pause (only exams without a time limit) or resume."""
        if not self.session.can_pause:
            return
        if self.clock.running:
            self.flush_notes()
            self.session.pause()
            self.main_stack.setCurrentWidget(self.paused_page)
            self.top_bar.set_paused(True)
            self.resume_button.setFocus()
        else:
            self.session.resume()
            self.main_stack.setCurrentIndex(0)
            self.top_bar.set_paused(False)
            self._show_question(self.index)
        self._show_write_state()

    def suspend(self) -> None:
        """The window is closing: save notes and clock; the exam stays resumable."""
        if self.is_submitted:
            return
        self._tick_timer.stop()
        self.flush_notes()
        self.session.suspend()
        self._show_write_state()

    def resume_ticking(self) -> None:
        """Closing was cancelled: keep the countdown and the save retries going."""
        if not self.is_submitted:
            self._tick_timer.start()

    # -- submitting ------------------------------------------------------------
    def request_submit(self) -> None:
        """Ask for confirmation (with the unanswered / flagged counts), then submit."""
        if self.is_submitted:
            return
        self.flush_notes()
        # Parented to the window, not to this page: the page's own keys (Enter =
        # next question) would otherwise fire while the box has the focus.
        box = SubmitConfirmBox(self.window(), unanswered=self.session.unanswered_count, flagged=len(self.flags))
        box.finished.connect(lambda _result: self.submit() if box.confirmed else None)
        box.open()

    def submit(self) -> bool:
        """Grade and close the exam now (no question asked); False if the database refused (nothing is lost)."""
        if self.is_submitted:
            return True
        self._tick_timer.stop()
        self.flush_notes()
        submitted = self.session.submit()
        self._show_write_state()
        if not submitted:
            self._tick_timer.start()
            return False
        self.submitted.emit(self.exam_id)
        return True

    # -- looks -----------------------------------------------------------------
    def _refresh_flag(self) -> None:
        q = self.question
        flagged = q is not None and q.id in self.flags
        self.flag_button.setChecked(flagged)
        self.flag_button.setText(self.tr("Flagged") if flagged else self.tr("Flag for review"))
        self.flag_note.setVisible(flagged)
        self.flag_note.setText("⚑ " + self.tr("Flagged for review"))

    def _refresh_palette(self) -> None:
        answered = [q.id in self.answers for q in self.questions]
        flagged = [q.id in self.flags for q in self.questions]
        self.palette_widget.update_states(answered, flagged, self.index)

    def _update_hint(self) -> None:
        q = self.question
        if q is None:
            return
        if q.qtype == "open":
            text = self.tr("Alt+← / Alt+→ move between questions while typing · Ctrl+M flags")
        elif q.qtype == "truefalse":
            text = self.tr("T / F to answer · ← → to move · Ctrl+M flags")
        else:
            count = max(1, min(len(q.choices), len(LETTERS)))
            text = (
                self.tr("%1–%2 or 1–%3 to pick · ← → to move · Ctrl+M flags")
                .replace("%1", LETTERS[0])
                .replace("%2", LETTERS[count - 1])
                .replace("%3", str(min(count, 9)))
            )
        self.hint_label.setText(text)

    def _restyle(self, _dark: bool = False) -> None:
        c = colors()
        self.hint_label.setStyleSheet(f"color: {c.muted};")
        self.position_label.setStyleSheet(f"color: {c.muted};")
        self.error_label.setStyleSheet(f"color: {c.danger};")
        self.flag_note.setStyleSheet(f"color: {c.warning}; font-weight: bold;")
        self.notes_label.setStyleSheet(f"color: {c.muted};")
        self.top_bar.setStyleSheet(f"QFrame#examTopBar {{ border-bottom: 1px solid {c.border}; }}")
        self.bottom_bar.setStyleSheet(f"QFrame#examBottomBar {{ border-top: 1px solid {c.border}; }}")
        self.side.setStyleSheet(f"QFrame#examSide {{ border-right: 1px solid {c.border}; }}")
        self.submit_button.setStyleSheet(button_css("primary", "examSubmitButton"))
        for button in (self.prev_button, self.flag_button, self.next_button, self.pause_button):
            button.setStyleSheet(button_css("neutral", button.objectName()))
        self.resume_button.setStyleSheet(button_css("primary", "examResumeButton"))
        self.body_view.set_dark(c.dark)
        self._refresh_palette()
        self._update_countdown()

"""Taking a mock exam: one question per page, a countdown, a question palette.

Every change is committed the moment it is made (``save_answer`` /
``set_flag``, with the clock); the clock alone is saved every
:data:`SAVE_EVERY_S` seconds. A crash or ``kill -9`` therefore loses at most
the note being typed (notes are saved :data:`NOTES_DEBOUNCE_MS` after the
last keystroke). At the deadline the exam submits itself.

Time comes from an injectable monotonic clock (``clock=``) so tests can move
it without sleeping. Keys: see :func:`key_help`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

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

from quizdesk.core.db.store import Store
from quizdesk.core.paths import bundled_content_dir
from quizdesk.core.study.ui_support import question_base_dir
from quizdesk.ui.events import app_events, notify_data_changed
from quizdesk.ui.exam_bars import ExamTopBar, PausedPage, SubmitConfirmBox
from quizdesk.ui.exam_clock import ExamClock
from quizdesk.ui.exam_palette import ExamPalette
from quizdesk.ui.markdown_pane import fit_height_to_document, make_markdown_view
from quizdesk.ui.question_widgets import DIGITS, LETTERS, ChoiceList, QuestionHeader, format_seconds
from quizdesk.ui.preferences import answer_font_px
from quizdesk.ui.study_view import centered_column, utc_now
from quizdesk.ui.theme import button_css, colors

TICK_MS = 250
SAVE_EVERY_S = 5.0
RETRY_EVERY_S = 2.0
# How long a routine save waits for another program's write lock. The answer
# stays in memory and is retried, so failing fast beats freezing the window for
# the store's full busy timeout; only submitting waits the full time.
QUICK_WRITE_TIMEOUT_MS = 200
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
        store: Store,
        exam_id: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from quizdesk.core.study.exams import load_exam

        self.setObjectName("examRunner")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.store = store
        self.exam_id = exam_id
        self._now = now
        with store.session() as session:
            state = load_exam(session, exam_id)
        if state.state not in ("active", "paused"):
            raise ValueError(f"exam {exam_id} is {state.state}; it cannot be taken again")
        self.questions = state.questions
        self._base_dirs = {q.id: question_base_dir(q.origin, q.source_path, bundled_content_dir(), self.store.path.parent) for q in self.questions}
        self.answers: dict[int, Any] = dict(state.answers)
        self.flags: set[int] = set(state.flags)
        self.time_limit_s = state.time_limit_s
        self.clock = ExamClock(state.remaining_s if state.time_limit_s else None, state.elapsed_s, clock=clock)
        self.index = min(max(0, state.current_index), max(0, len(self.questions) - 1))
        self.is_submitted = False
        self.time_up = False
        self._spent: dict[int, float] = {}
        self._page_entered = self.clock.now()
        self._last_save = self.clock.now()
        self._showing = False
        self._notes_dirty = False
        # Answers and flags given but not yet committed (a failed write); retried on the tick.
        self._unsaved_answers: dict[int, Any] = {}
        self._unsaved_flags: dict[int, bool] = {}
        self._last_failure = float("-inf")

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
        side = QFrame(objectName="examSide")
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
        self.notes_label = QLabel(objectName="examNotesLabel")
        self.notes_label.setWordWrap(True)
        self.notes = QPlainTextEdit(objectName="examNotesEdit")
        self.notes.setMinimumHeight(180)
        notes_font = self.notes.font()
        notes_font.setPixelSize(NOTES_FONT_PX)
        self.notes.setFont(notes_font)
        self.notes.textChanged.connect(self._on_notes_changed)
        self.flag_note = QLabel(objectName="examFlagNote")
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
        self.scroll = QScrollArea(objectName="examScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(centered_column(card))
        self.scroll.viewport().setBackgroundRole(QPalette.ColorRole.Base)

        self.prev_button = QPushButton(objectName="examPrevButton")
        self.prev_button.clicked.connect(self.previous)
        self.flag_button = QPushButton(objectName="examFlagButton")
        self.flag_button.setCheckable(True)
        self.flag_button.clicked.connect(lambda _checked=False: self.toggle_flag())
        self.next_button = QPushButton(objectName="examNextButton")
        self.next_button.clicked.connect(self.next)
        self.hint_label = QLabel(objectName="examHint")
        self.error_label = QLabel(objectName="examError")
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
        self.bottom_bar = QFrame(objectName="examBottomBar")
        self.bottom_bar.setLayout(bottom)

        question_page = QWidget()
        question_layout = QVBoxLayout(question_page)
        question_layout.setContentsMargins(0, 0, 0, 0)
        question_layout.setSpacing(0)
        question_layout.addWidget(self.scroll, 1)
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
            add(f"examPick{key}Action", [key], lambda i=i: self._pick(i), "")
        for i, key in enumerate(LETTERS):
            if key in "TF":
                continue
            add(f"examPick{key}Action", [key], lambda i=i: self._pick_letter(i), "")
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
    def question(self) -> Any:
        return self.questions[self.index] if self.questions else None

    def _show_question(self, index: int) -> None:
        self._showing = True
        try:
            self.index = index
            q = self.questions[index]
            self._page_entered = self.clock.now()
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
        self.scroll.verticalScrollBar().setValue(0)
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

    def _leave_page(self) -> None:
        self.flush_notes()
        q = self.question
        if q is not None:
            self._spent[q.id] = self._spent.get(q.id, 0.0) + max(0.0, self.clock.now() - self._page_entered)

    def go_to(self, index: int) -> None:
        if self.is_submitted or not self.clock.running or not 0 <= index < len(self.questions) or index == self.index:
            return
        self._leave_page()
        self._show_question(index)
        self.save_clock()

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
        return not self.is_submitted and self.clock.running

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

    def _spent_on(self, question_id: int) -> float:
        spent = self._spent.get(question_id, 0.0)
        if self.question is not None and self.question.id == question_id:
            spent += max(0.0, self.clock.now() - self._page_entered)
        return spent

    def _clock_kwargs(self) -> dict[str, Any]:
        return {"remaining_s": self.clock.remaining(), "elapsed_s": self.clock.elapsed(), "current_index": self.index}

    def save_answer(self, question_id: int, given: Any) -> bool:
        """Keep ``given`` in memory at once, then commit it; True when it is on disk.

        A failed write (disk full, read-only folder, database locked) loses
        nothing: the answer stays in the exam on screen and is written again on
        the next tick until the database takes it.
        """
        if given is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = given
        self._unsaved_answers[question_id] = given
        self._refresh_palette()
        return self._write_unsaved()

    def toggle_flag(self) -> None:
        q = self.question
        if q is None or not self._can_edit():
            return
        flagged = q.id not in self.flags
        (self.flags.add if flagged else self.flags.discard)(q.id)
        self._unsaved_flags[q.id] = flagged
        self._refresh_flag()
        self._refresh_palette()
        self._write_unsaved()

    @property
    def has_unsaved_changes(self) -> bool:
        return bool(self._unsaved_answers or self._unsaved_flags)

    def _write_unsaved(self, *, patient: bool = False) -> bool:
        """Commit every answer and flag not yet on disk, oldest first; True when none is left."""
        from quizdesk.core.study.exams import save_answer, set_flag

        kwargs = self._clock_kwargs()
        for question_id, given in list(self._unsaved_answers.items()):
            spent = self._spent_on(question_id)
            if not self._write(lambda s: save_answer(s, self.exam_id, question_id, given, seconds_spent=spent, **kwargs), patient=patient):
                return False
            self._unsaved_answers.pop(question_id, None)
            self._last_save = self.clock.now()
            notify_data_changed()
            self.answerSaved.emit(question_id, given)
        for question_id, flagged in list(self._unsaved_flags.items()):
            if not self._write(lambda s: set_flag(s, self.exam_id, question_id, flagged, **kwargs), patient=patient):
                return False
            self._unsaved_flags.pop(question_id, None)
            self._last_save = self.clock.now()
            notify_data_changed()
            self.flagSaved.emit(question_id, flagged)
        return True

    def _write(self, work: Callable[[Any], Any], *, patient: bool = False) -> bool:
        try:
            with self.store.session(busy_timeout_ms=None if patient else QUICK_WRITE_TIMEOUT_MS) as session:
                work(session)
        except Exception as exc:  # routine: say so in the bar, keep the exam going
            self._last_failure = self.clock.now()
            self.error_label.setText(describe_write_error(exc))
            self.error_label.show()
            self.hint_label.hide()
            return False
        if self.error_label.isVisible():
            self.error_label.hide()
            self.hint_label.show()
        return True

    # -- clock -----------------------------------------------------------------
    def tick(self) -> None:
        """Update the countdown; save the clock every few seconds; submit at the deadline."""
        if self.is_submitted:
            return
        remaining = self._update_countdown()
        if remaining is not None and remaining <= 0:
            self.time_up = True
            self.submit()
            return
        if self.has_unsaved_changes:
            if self.clock.now() - self._last_failure >= RETRY_EVERY_S:
                self._write_unsaved()
        elif self.clock.running and self.clock.now() - self._last_save >= SAVE_EVERY_S:
            self.save_clock()

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
        from quizdesk.core.study.exams import save_clock

        if self.is_submitted:
            return
        kwargs = self._clock_kwargs()
        if self._write(lambda s: save_clock(s, self.exam_id, paused=paused, **kwargs)):
            self._last_save = self.clock.now()
            self.clockSaved.emit(kwargs["remaining_s"] if kwargs["remaining_s"] is not None else -1.0)

    def toggle_pause(self) -> None:
        """Pause (only exams without a time limit) or resume."""
        if self.time_limit_s is not None or self.is_submitted:
            return
        if self.clock.running:
            self.flush_notes()
            self.clock.pause()
            self.save_clock(paused=True)
            self.main_stack.setCurrentWidget(self.paused_page)
            self.top_bar.set_paused(True)
            self.resume_button.setFocus()
        else:
            self.clock.resume()
            self.save_clock(paused=False)
            self.main_stack.setCurrentIndex(0)
            self.top_bar.set_paused(False)
            self._show_question(self.index)

    def suspend(self) -> None:
        """The window is closing: save notes and clock; the exam stays resumable."""
        if self.is_submitted:
            return
        self._tick_timer.stop()
        self.flush_notes()
        self._write_unsaved()
        self.save_clock(paused=not self.clock.running)

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
        unanswered = sum(1 for q in self.questions if q.id not in self.answers)
        flagged = len(self.flags)
        # Parented to the window, not to this page: the page's own keys (Enter =
        # next question) would otherwise fire while the box has the focus.
        box = SubmitConfirmBox(self.window(), unanswered=unanswered, flagged=flagged)
        box.finished.connect(lambda _result: self.submit() if box.confirmed else None)
        box.open()

    def submit(self) -> bool:
        """Grade and close the exam now (no question asked)."""
        from quizdesk.core.study.exams import submit_exam

        if self.is_submitted:
            return True
        self._tick_timer.stop()
        self._leave_page()
        self.save_clock()
        submitted = self._write_unsaved(patient=True) and self._write(lambda s: submit_exam(s, self.exam_id, self._now()), patient=True)
        if not submitted:
            self._tick_timer.start()
            return False
        self.is_submitted = True
        notify_data_changed()
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

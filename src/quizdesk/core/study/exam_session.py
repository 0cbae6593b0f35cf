"""A running exam: its answers, flags, clock and submission, without a widget.

The exam page (``ui/exam/runner.py``) shows an :class:`ExamSession` and forwards
the user's actions to it; the tests drive it with a fake clock
(``tests/core/study/test_exam_session.py``).

Never lose an answer (DESIGN.md): every answer and flag is kept in memory at
once and then committed, each in its own transaction, with the clock. A write
the database refuses (locked by another program, disk full, read-only folder)
stays queued, oldest first, and :meth:`ExamSession.tick` retries it every
:data:`RETRY_EVERY_S` seconds; a routine write waits at most
:data:`QUICK_WRITE_TIMEOUT_MS` for another program's lock (the window must not
freeze), only submitting waits the store's full busy timeout. The clock alone
is saved every :data:`SAVE_EVERY_S` seconds, so a ``kill -9`` loses at most
the answer being typed and a resumed exam continues with its time left.

The session writes through :class:`ExamWrites`, one method per write: the GUI
passes one made of ``ui/ops.py`` operations (which also say what changed),
the tests and scripts :class:`StoreExamWrites` (a transaction on the store).
A write raises on failure; the session keeps the answer and the error.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol

from quizdesk.core.clock import utcnow
from quizdesk.core.study.exam_state import ExamState

if TYPE_CHECKING:
    from quizdesk.core.db.store import Store
    from quizdesk.core.study.exams import ExamQuestion, ExamSnapshot

#: The clock is saved on its own this often (seconds of the monotonic clock).
SAVE_EVERY_S = 5.0
#: A refused write is tried again this often.
RETRY_EVERY_S = 2.0
#: How long a routine save waits for another program's write lock. The answer
#: stays in memory and is retried, so failing fast beats freezing the window for
#: the store's full busy timeout; only submitting waits the full time.
QUICK_WRITE_TIMEOUT_MS = 200

Clock = Callable[[], float]


class ExamClock:
    """Elapsed and remaining time from an injectable monotonic clock.

    The clock only runs while the exam is on screen and not paused; it starts
    from the values saved in the database (``remaining_s``, ``elapsed_s``), so
    a resumed exam continues from its last save.
    """

    def __init__(self, remaining_s: float | None, elapsed_s: float, *, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._remaining0 = remaining_s
        self._elapsed0 = elapsed_s
        self._started = clock()
        self.running = True

    def _segment(self) -> float:
        return max(0.0, self._clock() - self._started) if self.running else 0.0

    @property
    def has_limit(self) -> bool:
        return self._remaining0 is not None

    def elapsed(self) -> float:
        return self._elapsed0 + self._segment()

    def remaining(self) -> float | None:
        if self._remaining0 is None:
            return None
        return max(0.0, self._remaining0 - self._segment())

    def pause(self) -> None:
        if self.running:
            segment = self._segment()
            self._elapsed0 += segment
            if self._remaining0 is not None:
                self._remaining0 = max(0.0, self._remaining0 - segment)
            self.running = False

    def resume(self) -> None:
        if not self.running:
            self._started = self._clock()
            self.running = True

    def now(self) -> float:
        """The underlying monotonic time (for per-question timing)."""
        return self._clock()


@dataclass(frozen=True)
class ClockReading:
    """What every exam write stores besides its own change: the clock and the page."""

    remaining_s: float | None
    elapsed_s: float
    current_index: int


class ExamWrites(Protocol):
    """The writes of a running exam, each one transaction; each raises if the database refuses it.

    ``patient`` is False for routine saves (wait at most
    :data:`QUICK_WRITE_TIMEOUT_MS` for a lock) and True when submitting.
    """

    def save_answer(self, exam_id: int, question_id: int, given: Any, *, seconds_spent: float,
                    reading: ClockReading, patient: bool) -> None: ...

    def set_flag(self, exam_id: int, question_id: int, flagged: bool, *, reading: ClockReading, patient: bool) -> None: ...

    def save_clock(self, exam_id: int, *, reading: ClockReading, paused: bool, patient: bool) -> None: ...

    def submit(self, exam_id: int, *, now: datetime, patient: bool) -> None: ...


class StoreExamWrites:
    """:class:`ExamWrites` straight on a store (tests, scripts): ``exams.*`` in one transaction each."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _session(self, patient: bool) -> Any:
        return self.store.session(busy_timeout_ms=None if patient else QUICK_WRITE_TIMEOUT_MS)

    def save_answer(self, exam_id: int, question_id: int, given: Any, *, seconds_spent: float,
                    reading: ClockReading, patient: bool) -> None:
        from quizdesk.core.study.exams import save_answer

        with self._session(patient) as session:
            save_answer(session, exam_id, question_id, given, seconds_spent=seconds_spent, remaining_s=reading.remaining_s,
                        elapsed_s=reading.elapsed_s, current_index=reading.current_index)

    def set_flag(self, exam_id: int, question_id: int, flagged: bool, *, reading: ClockReading, patient: bool) -> None:
        from quizdesk.core.study.exams import set_flag

        with self._session(patient) as session:
            set_flag(session, exam_id, question_id, flagged, remaining_s=reading.remaining_s, elapsed_s=reading.elapsed_s,
                     current_index=reading.current_index)

    def save_clock(self, exam_id: int, *, reading: ClockReading, paused: bool, patient: bool) -> None:
        from quizdesk.core.study.exams import save_clock

        with self._session(patient) as session:
            save_clock(session, exam_id, remaining_s=reading.remaining_s, elapsed_s=reading.elapsed_s,
                       current_index=reading.current_index, paused=paused)

    def submit(self, exam_id: int, *, now: datetime, patient: bool) -> None:
        from quizdesk.core.study.exams import submit_exam

        with self._session(patient) as session:
            submit_exam(session, exam_id, now)


class Tick(Enum):
    """What :meth:`ExamSession.tick` did."""

    NOTHING = "nothing"
    TIME_UP = "time up"  # the deadline passed: the caller submits (after saving what it still holds)
    RETRIED = "retried"  # the queued writes were tried again (see ``has_unsaved_changes``)
    CLOCK_SAVED = "clock saved"  # the periodic save of the clock was attempted


class ExamSession:
    """One exam being taken: the page shown, the answers, flags, clock and the writes behind them.

    ``clock`` is a monotonic clock (seconds), ``now`` the wall clock for the
    submission's attempts. The optional callbacks run after each commit:
    ``on_answer_saved(question_id, given)``, ``on_flag_saved(question_id,
    flagged)``, ``on_clock_saved(remaining_s or -1.0)``.
    """

    def __init__(
        self,
        snapshot: ExamSnapshot,
        writes: ExamWrites,
        *,
        clock: Clock = time.monotonic,
        now: Callable[[], datetime] = utcnow,
        on_answer_saved: Callable[[int, Any], None] | None = None,
        on_flag_saved: Callable[[int, bool], None] | None = None,
        on_clock_saved: Callable[[float], None] | None = None,
    ) -> None:
        if not ExamState(snapshot.state).answerable:
            raise ValueError(f"exam {snapshot.id} is {snapshot.state}; it cannot be taken again")
        self.exam_id = snapshot.id
        self.questions: list[ExamQuestion] = list(snapshot.questions)
        self.answers: dict[int, Any] = dict(snapshot.answers)
        self.flags: set[int] = set(snapshot.flags)
        self.time_limit_s = snapshot.time_limit_s
        self.writes = writes
        self._now = now
        self.clock = ExamClock(snapshot.remaining_s if snapshot.time_limit_s else None, snapshot.elapsed_s, clock=clock)
        self.index = min(max(0, snapshot.current_index), max(0, len(self.questions) - 1))
        self.is_submitted = False
        self.time_up = False
        #: The last write's error (None after a write succeeded): the page says it in words.
        self.last_error: BaseException | None = None
        self._on_answer_saved = on_answer_saved
        self._on_flag_saved = on_flag_saved
        self._on_clock_saved = on_clock_saved
        self._spent: dict[int, float] = {}
        self._page_entered = self.clock.now()
        self._last_save = self.clock.now()
        self._last_failure = float("-inf")
        # Answers and flags given but not yet committed (a refused write), oldest first.
        self._unsaved_answers: dict[int, Any] = {}
        self._unsaved_flags: dict[int, bool] = {}

    @classmethod
    def open(cls, store: Store, exam_id: int, **options: Any) -> ExamSession:
        """The exam ``exam_id`` loaded from ``store``, writing straight to it (:class:`StoreExamWrites`)."""
        from quizdesk.core.study.exams import load_exam

        with store.session() as session:
            snapshot = load_exam(session, exam_id)
        return cls(snapshot, StoreExamWrites(store), **options)

    # -- what is shown ------------------------------------------------------------
    @property
    def question(self) -> ExamQuestion | None:
        return self.questions[self.index] if self.questions else None

    @property
    def can_edit(self) -> bool:
        """Answers and flags may change: not submitted and not paused."""
        return not self.is_submitted and self.clock.running

    @property
    def has_unsaved_changes(self) -> bool:
        """Some answer or flag is only in memory (the database refused it so far)."""
        return bool(self._unsaved_answers or self._unsaved_flags)

    @property
    def unanswered_count(self) -> int:
        return sum(1 for q in self.questions if q.id not in self.answers)

    def reading(self) -> ClockReading:
        return ClockReading(self.clock.remaining(), self.clock.elapsed(), self.index)

    def seconds_spent(self, question_id: int) -> float:
        """Time spent on the question's page so far, this visit included."""
        spent = self._spent.get(question_id, 0.0)
        q = self.question
        if q is not None and q.id == question_id and self.clock.running:
            spent += max(0.0, self.clock.now() - self._page_entered)
        return spent

    # -- moving -------------------------------------------------------------------
    def _leave_page(self) -> None:
        """Bank the time spent on the page shown (the page is left, paused or submitted)."""
        q = self.question
        now = self.clock.now()
        if q is not None and self.clock.running:
            self._spent[q.id] = self._spent.get(q.id, 0.0) + max(0.0, now - self._page_entered)
        self._page_entered = now

    def go_to(self, index: int) -> bool:
        """Show question ``index`` and save the clock with the new page; False when not allowed."""
        if not self.can_edit or not 0 <= index < len(self.questions) or index == self.index:
            return False
        self._leave_page()
        self.index = index
        self.save_clock()
        return True

    # -- answering ----------------------------------------------------------------
    def answer(self, question_id: int, given: Any) -> bool:
        """Keep ``given`` (None clears the answer) in memory at once, then commit it; True when it is on disk.

        A refused write loses nothing: the answer stays here and is written
        again on the next :meth:`tick` until the database takes it.
        """
        if self.is_submitted:
            return False
        if given is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = given
        self._unsaved_answers.pop(question_id, None)  # the newest answer goes to the end of the queue
        self._unsaved_answers[question_id] = given
        return self.write_unsaved()

    def toggle_flag(self) -> bool | None:
        """Flag or unflag the question shown; its new flag, or None when it cannot change."""
        q = self.question
        if q is None or not self.can_edit:
            return None
        flagged = q.id not in self.flags
        (self.flags.add if flagged else self.flags.discard)(q.id)
        self._unsaved_flags.pop(q.id, None)
        self._unsaved_flags[q.id] = flagged
        self.write_unsaved()
        return flagged

    def write_unsaved(self, *, patient: bool = False) -> bool:
        """Commit every answer and flag not yet on disk, oldest first; True when none is left."""
        reading = self.reading()
        for question_id, given in list(self._unsaved_answers.items()):
            spent = self.seconds_spent(question_id)
            if not self._write(lambda: self.writes.save_answer(
                self.exam_id, question_id, given, seconds_spent=spent, reading=reading, patient=patient,
            )):
                return False
            self._unsaved_answers.pop(question_id, None)
            self._last_save = self.clock.now()
            if self._on_answer_saved is not None:
                self._on_answer_saved(question_id, given)
        for question_id, flagged in list(self._unsaved_flags.items()):
            if not self._write(lambda: self.writes.set_flag(self.exam_id, question_id, flagged, reading=reading, patient=patient)):
                return False
            self._unsaved_flags.pop(question_id, None)
            self._last_save = self.clock.now()
            if self._on_flag_saved is not None:
                self._on_flag_saved(question_id, flagged)
        return True

    def _write(self, work: Callable[[], None]) -> bool:
        try:
            work()
        except Exception as exc:  # routine: kept in memory, said in words by the page, retried
            self._last_failure = self.clock.now()
            self.last_error = exc
            return False
        self.last_error = None
        return True

    # -- the clock ----------------------------------------------------------------
    def tick(self) -> Tick:
        """Called often (the page's timer): notice the deadline, retry refused writes, save the clock."""
        if self.is_submitted:
            return Tick.NOTHING
        remaining = self.clock.remaining()
        if remaining is not None and remaining <= 0:
            self.time_up = True
            return Tick.TIME_UP
        now = self.clock.now()
        if self.has_unsaved_changes:
            if now - self._last_failure >= RETRY_EVERY_S:
                self.write_unsaved()
                return Tick.RETRIED
        elif self.clock.running and now - self._last_save >= SAVE_EVERY_S:
            self.save_clock()
            return Tick.CLOCK_SAVED
        return Tick.NOTHING

    def save_clock(self, *, paused: bool = False) -> bool:
        """Commit the clock and the page shown; True when it is on disk."""
        if self.is_submitted:
            return False
        reading = self.reading()
        if not self._write(lambda: self.writes.save_clock(self.exam_id, reading=reading, paused=paused, patient=False)):
            return False
        self._last_save = self.clock.now()
        if self._on_clock_saved is not None:
            self._on_clock_saved(reading.remaining_s if reading.remaining_s is not None else -1.0)
        return True

    @property
    def can_pause(self) -> bool:
        """Only an exam without a time limit can be paused."""
        return self.time_limit_s is None and not self.is_submitted

    def pause(self) -> bool:
        """Stop the clock and store the exam as paused; False when it cannot pause."""
        if not self.can_pause or not self.clock.running:
            return False
        self._leave_page()
        self.clock.pause()
        self.save_clock(paused=True)
        return True

    def resume(self) -> bool:
        """Start the clock again after :meth:`pause`."""
        if not self.can_pause or self.clock.running:
            return False
        self.clock.resume()
        self._page_entered = self.clock.now()
        self.save_clock(paused=False)
        return True

    def suspend(self) -> None:
        """The app is closing: write what is queued and the clock; the exam stays resumable."""
        if self.is_submitted:
            return
        self.write_unsaved()
        self.save_clock(paused=not self.clock.running)

    # -- submitting ---------------------------------------------------------------
    def submit(self) -> bool:
        """Write every queued answer, then grade and close the exam (waiting for a lock); True when done.

        If the database still refuses, nothing is lost: the exam stays open
        with its answers in memory and can be submitted again.
        """
        if self.is_submitted:
            return True
        self._leave_page()
        self.save_clock()
        submitted = self.write_unsaved(patient=True) and self._write(
            lambda: self.writes.submit(self.exam_id, now=self._now(), patient=True)
        )
        if submitted:
            self.is_submitted = True
        return submitted

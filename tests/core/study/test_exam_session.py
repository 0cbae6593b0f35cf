"""A running exam without a widget: answers, flags, pages, the clock, refused writes, submitting.

Time is a fake monotonic clock moved by hand; the database is a real file; a
locked database is a real second connection holding the write lock.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

import pytest
from sqlalchemy import select

from quizdesk.core.db.models import Attempt, SessionAnswer, StudySession, Topic
from quizdesk.core.db.store import Store
from quizdesk.core.study.exam_session import (
    QUICK_WRITE_TIMEOUT_MS,
    RETRY_EVERY_S,
    SAVE_EVERY_S,
    ExamClock,
    ExamSession,
    StoreExamWrites,
    Tick,
)
from quizdesk.core.study.exam_state import ExamState
from quizdesk.core.study.exams import ExamSpec, create_exam

NOW = datetime(2026, 3, 10, 13, 30, tzinfo=timezone.utc)
ORDER = ["g-clip-q1", "g-clip-q2", "g-bn-tf", "g-clip", "g-warmup"]  # single, multi, true/false, open ×2


def _exam(store: Store, ids: dict[str, int], *, limit: int | None = 600, order: list[str] = ORDER) -> int:
    """An exam over exactly ``order`` (created as the app does, then narrowed to these questions)."""
    with store.session() as s:
        topics = tuple(s.scalars(select(Topic.id)))
        exam_id = create_exam(s, ExamSpec(topics, count=20, time_limit_s=limit, seed=1), NOW)
        exam = s.get(StudySession, exam_id)
        assert exam is not None
        exam.question_ids = [ids[e] for e in order]
        exam.current_index = 0
    return exam_id


def _row(store: Store, exam_id: int) -> StudySession:
    with store.session() as s:
        exam = s.get(StudySession, exam_id)
        assert exam is not None
        s.expunge(exam)
        return exam


def _stored(store: Store, exam_id: int) -> dict[int, tuple[Any, bool]]:
    """{question id: (given, flagged)} as committed."""
    with store.read() as connection:  # a plain reader: it takes no write lock and opens no session
        rows = connection.execute("SELECT question_id, given, flagged FROM session_answers WHERE session_id = ?", (exam_id,))
        return {qid: (json.loads(given) if given is not None else None, bool(flagged)) for qid, given, flagged in rows}


def _attempts(store: Store, exam_id: int) -> dict[int, Attempt]:
    with store.session() as s:
        found = {a.question_id: a for a in s.scalars(select(Attempt).where(Attempt.session_id == exam_id))}
        for a in found.values():
            s.expunge(a)
        return found


@contextmanager
def write_lock(store: Store) -> Iterator[None]:
    """Another program holds the database's write lock."""
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


class Recorder:
    """The session's callbacks, in the order they ran."""

    def __init__(self) -> None:
        self.events: list[tuple[str, Any, Any]] = []

    def options(self) -> dict[str, Any]:
        return {
            "on_answer_saved": lambda q, given: self.events.append(("answer", q, given)),
            "on_flag_saved": lambda q, flagged: self.events.append(("flag", q, flagged)),
            "on_clock_saved": lambda remaining: self.events.append(("clock", remaining, None)),
        }


@pytest.fixture
def setup(gui_bank_store, external_ids, fake_clock):
    """``setup(limit=…)``: (session, exam id, recorder) for a fresh exam."""

    def make(*, limit: int | None = 600, order: list[str] = ORDER) -> tuple[ExamSession, int, Recorder]:
        exam_id = _exam(gui_bank_store, external_ids, limit=limit, order=order)
        recorder = Recorder()
        session = ExamSession.open(gui_bank_store, exam_id, clock=fake_clock, now=lambda: NOW, **recorder.options())
        return session, exam_id, recorder

    return make


# -- the clock ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("remaining", "elapsed", "steps", "expected"),
    [
        # (action, seconds) steps; expected (remaining, elapsed, running) after them
        (600.0, 0.0, [("run", 10)], (590.0, 10.0, True)),
        (600.0, 0.0, [("run", 10), ("pause", 0), ("run", 500)], (590.0, 10.0, False)),
        (600.0, 0.0, [("run", 10), ("pause", 0), ("run", 500), ("resume", 0), ("run", 5)], (585.0, 15.0, True)),
        (30.0, 100.0, [("run", 45)], (0.0, 145.0, True)),  # never below zero
        (None, 7.0, [("run", 3)], (None, 10.0, True)),  # no time limit: only the time used
        (600.0, 0.0, [("pause", 0), ("pause", 0), ("resume", 0), ("resume", 0), ("run", 1)], (599.0, 1.0, True)),
    ],
)
def test_exam_clock(fake_clock, remaining, elapsed, steps, expected) -> None:
    clock = ExamClock(remaining, elapsed, clock=fake_clock)
    for action, seconds in steps:
        if action == "run":
            fake_clock.advance(seconds)
        else:
            getattr(clock, action)()
    assert (clock.remaining(), clock.elapsed(), clock.running) == expected
    assert clock.has_limit == (remaining is not None)


# -- answers, flags, pages: each committed as given -----------------------------------
def test_each_answer_is_committed_with_the_clock_and_the_time_spent(setup, gui_bank_store, fake_clock) -> None:
    session, exam_id, recorder = setup()
    first, second = session.questions[0], session.questions[1]
    fake_clock.advance(7)
    assert session.answer(first.id, [1]) is True
    assert _stored(gui_bank_store, exam_id) == {first.id: ([1], False)}
    row = _row(gui_bank_store, exam_id)
    assert (row.remaining_s, row.elapsed_s, row.current_index) == (593.0, 7.0, 0)
    assert session.go_to(1) is True
    fake_clock.advance(3)
    session.answer(second.id, [0, 1])
    fake_clock.advance(2)
    session.answer(first.id, None)  # clearing an answer stores None
    assert _stored(gui_bank_store, exam_id) == {first.id: (None, False), second.id: ([0, 1], False)}
    assert session.answers == {second.id: [0, 1]} and session.unanswered_count == 4
    with gui_bank_store.session() as s:
        spent = dict(s.execute(select(SessionAnswer.question_id, SessionAnswer.seconds_spent)
                               .where(SessionAnswer.session_id == exam_id)).all())
    assert spent == {first.id: 7.0, second.id: 3.0}  # the first page's 7 s, banked when it was left
    assert [e for e in recorder.events if e[0] == "answer"] == [
        ("answer", first.id, [1]), ("answer", second.id, [0, 1]), ("answer", first.id, None),
    ]
    assert not session.has_unsaved_changes and session.last_error is None


@pytest.mark.parametrize(
    ("name", "prepare", "target", "moves"),
    [
        ("to another page", lambda s: None, 2, True),
        ("to the page shown", lambda s: None, 0, False),
        ("before the first", lambda s: None, -1, False),
        ("past the last", lambda s: None, 5, False),
        ("while paused", lambda s: s.pause(), 2, False),
        ("after submitting", lambda s: s.submit(), 2, False),
    ],
)
def test_going_to_a_page(setup, gui_bank_store, fake_clock, name, prepare, target, moves) -> None:
    session, exam_id, _ = setup(limit=None)
    prepare(session)
    fake_clock.advance(4)
    assert session.go_to(target) is moves, name
    assert session.index == (target if moves else 0)
    if moves:  # the page is stored with the clock: a resumed exam opens where it was left
        row = _row(gui_bank_store, exam_id)
        assert (row.current_index, row.elapsed_s) == (target, 4.0)


@pytest.mark.parametrize(
    ("name", "prepare", "expected", "stored"),
    [
        ("flag", lambda s: None, True, True),
        ("unflag", lambda s: s.toggle_flag(), False, False),
        ("while paused", lambda s: s.pause(), None, None),
        ("after submitting", lambda s: s.submit(), None, None),
    ],
)
def test_flagging(setup, gui_bank_store, name, prepare, expected, stored) -> None:
    session, exam_id, recorder = setup(limit=None)
    prepare(session)
    first = session.questions[0].id
    assert session.toggle_flag() is expected, name
    assert _stored(gui_bank_store, exam_id).get(first, (None, None))[1] == stored
    assert (first in session.flags) == bool(expected)
    if expected is not None:
        assert recorder.events[-1] == ("flag", first, expected)


# -- pausing --------------------------------------------------------------------------
def test_pause_and_resume_only_without_a_time_limit(setup, gui_bank_store, fake_clock) -> None:
    timed, timed_id, _ = setup(limit=300)
    assert not timed.can_pause and timed.pause() is False and timed.clock.running
    assert _row(gui_bank_store, timed_id).state == ExamState.ACTIVE

    session, exam_id, _ = setup(limit=None)
    fake_clock.advance(10)
    assert session.pause() is True and not session.can_edit
    assert (_row(gui_bank_store, exam_id).state, _row(gui_bank_store, exam_id).elapsed_s) == (ExamState.PAUSED, 10.0)
    assert session.pause() is False  # already paused
    fake_clock.advance(500)  # the clock waits while paused
    assert session.clock.elapsed() == 10.0
    assert session.resume() is True and session.resume() is False
    assert _row(gui_bank_store, exam_id).state == ExamState.ACTIVE
    fake_clock.advance(5)
    session.answer(session.questions[0].id, [0])
    with gui_bank_store.session() as s:  # the paused time is not counted as time spent on the page
        assert s.scalars(select(SessionAnswer.seconds_spent).where(SessionAnswer.session_id == exam_id)).one() == 15.0


# -- the tick: periodic save, retries, the deadline --------------------------------------
@pytest.mark.parametrize(
    ("name", "advance", "expected"),
    [
        ("just started", 0.0, Tick.NOTHING),
        ("before the periodic save", SAVE_EVERY_S - 0.5, Tick.NOTHING),
        ("periodic save", SAVE_EVERY_S, Tick.CLOCK_SAVED),
        ("a second before the deadline", 599.0, Tick.CLOCK_SAVED),
        ("deadline", 600.0, Tick.TIME_UP),
        ("past the deadline", 900.0, Tick.TIME_UP),
    ],
)
def test_tick(setup, gui_bank_store, fake_clock, name, advance, expected) -> None:
    session, exam_id, recorder = setup(limit=600)
    fake_clock.advance(advance)
    assert session.tick() is expected, name
    assert session.time_up == (expected is Tick.TIME_UP)
    if expected is Tick.CLOCK_SAVED:
        assert _row(gui_bank_store, exam_id).remaining_s == 600.0 - advance
        assert recorder.events == [("clock", 600.0 - advance, None)]
        assert session.tick() is Tick.NOTHING  # the next save waits again


def test_time_running_out_submits_with_the_answers_given(setup, gui_bank_store, fake_clock) -> None:
    session, exam_id, _ = setup(limit=120)
    first = session.questions[0]
    fake_clock.advance(30)
    session.answer(first.id, list(first.correct))
    fake_clock.advance(90)
    assert session.tick() is Tick.TIME_UP and session.time_up
    assert session.submit() is True and session.is_submitted
    assert session.tick() is Tick.NOTHING  # a submitted exam does nothing on the tick
    row = _row(gui_bank_store, exam_id)
    # Both open questions were left blank: they score 0 at once, nothing is left to self-grade.
    assert (row.state, row.remaining_s, row.elapsed_s) == (ExamState.FINISHED, 0.0, 120.0)
    attempts = _attempts(gui_bank_store, exam_id)
    assert {q: a.score for q, a in attempts.items()} == {q.id: 1.0 if q.id == first.id else 0.0 for q in session.questions}
    assert session.answer(first.id, [0]) is False  # too late: nothing changes any more
    assert _stored(gui_bank_store, exam_id)[first.id] == (list(first.correct), False)


# -- a locked database: the unsaved queue and its retries ----------------------------------
def test_a_locked_database_keeps_answers_and_flags_queued_and_retries_them(setup, gui_bank_store, fake_clock) -> None:
    session, exam_id, recorder = setup(limit=600)
    first, second = session.questions[0], session.questions[1]
    timeouts: list[int | None] = []
    real_session = gui_bank_store.session

    def recording_session(**kwargs):
        timeouts.append(kwargs.get("busy_timeout_ms"))
        return real_session(**kwargs)

    gui_bank_store.session = recording_session
    try:
        with write_lock(gui_bank_store):
            fake_clock.advance(3)
            assert session.answer(first.id, [2]) is False
            assert timeouts == [QUICK_WRITE_TIMEOUT_MS]  # a routine save gives up quickly
            assert session.toggle_flag() is True
            session.go_to(1)
            session.answer(second.id, [0])
            # In memory and on screen, not on disk; the reason is kept for the page to say.
            assert session.answers == {first.id: [2], second.id: [0]} and session.flags == {first.id}
            assert session.has_unsaved_changes and "locked" in str(session.last_error)
            assert _stored(gui_bank_store, exam_id) == {}
            assert session.tick() is Tick.NOTHING  # the last failure was just now: no retry yet
            fake_clock.advance(RETRY_EVERY_S)
            assert session.tick() is Tick.RETRIED and session.has_unsaved_changes  # still locked
        assert recorder.events == []
        fake_clock.advance(RETRY_EVERY_S - 0.5)
        assert session.tick() is Tick.NOTHING  # retries wait their interval even once the lock is gone
        fake_clock.advance(0.5)
        assert session.tick() is Tick.RETRIED
    finally:
        gui_bank_store.session = real_session
    assert not session.has_unsaved_changes and session.last_error is None
    assert _stored(gui_bank_store, exam_id) == {first.id: ([2], True), second.id: ([0], False)}
    # Oldest first, answers before flags; each reported once it was committed.
    assert recorder.events == [("answer", first.id, [2]), ("answer", second.id, [0]), ("flag", first.id, True)]
    assert set(timeouts) == {QUICK_WRITE_TIMEOUT_MS}


def test_submit_writes_the_pending_answers_first(setup, gui_bank_store, fake_clock) -> None:
    session, exam_id, recorder = setup(limit=600)
    first = session.questions[0]
    with write_lock(gui_bank_store):
        session.answer(first.id, list(first.correct))
        assert session.has_unsaved_changes
    fake_clock.advance(1)  # the lock is gone before the next retry: submitting writes the queue itself
    assert session.submit() is True
    assert not session.has_unsaved_changes
    assert _stored(gui_bank_store, exam_id)[first.id] == (list(first.correct), False)
    assert _attempts(gui_bank_store, exam_id)[first.id].score == 1.0
    assert recorder.events[-1] == ("answer", first.id, list(first.correct))
    assert _row(gui_bank_store, exam_id).state == ExamState.FINISHED  # the open questions were left blank


def test_a_refused_submission_keeps_the_exam_open(setup, gui_bank_store, fake_clock) -> None:
    session, exam_id, _ = setup(limit=600)
    first = session.questions[0]
    with write_lock(gui_bank_store):
        session.answer(first.id, [0])
        assert session.submit() is False  # waits the store's busy timeout, then gives up
        assert not session.is_submitted and session.can_edit and session.has_unsaved_changes
    assert _row(gui_bank_store, exam_id).state == ExamState.ACTIVE and _attempts(gui_bank_store, exam_id) == {}
    assert session.submit() is True
    assert _stored(gui_bank_store, exam_id)[first.id] == ([0], False)


def test_a_refused_write_that_is_not_a_lock_is_kept_too(setup, gui_bank_store, fake_clock) -> None:
    """Disk full, read-only folder: same path as a lock (the error says which)."""
    session, exam_id, _ = setup(limit=600)
    first = session.questions[0]

    class Full(StoreExamWrites):
        def save_answer(self, *args: Any, **kwargs: Any) -> None:
            raise sqlite3.OperationalError("database or disk is full")

    real = session.writes
    session.writes = Full(gui_bank_store)
    assert session.answer(first.id, [1]) is False and "full" in str(session.last_error)
    session.writes = real
    fake_clock.advance(RETRY_EVERY_S)
    assert session.tick() is Tick.RETRIED and not session.has_unsaved_changes
    assert _stored(gui_bank_store, exam_id) == {first.id: ([1], False)}


# -- save, close, resume ---------------------------------------------------------------
def test_the_remaining_time_survives_closing_and_the_clock_stands_still_while_closed(setup, gui_bank_store, fake_clock) -> None:
    session, exam_id, _ = setup(limit=600)
    session.go_to(2)
    fake_clock.advance(100)
    session.answer(session.questions[2].id, [0])
    fake_clock.advance(20)
    session.suspend()  # the app closes
    fake_clock.advance(3600)  # an hour later
    again = ExamSession.open(gui_bank_store, exam_id, clock=fake_clock)
    assert again.clock.remaining() == 480.0 and again.clock.elapsed() == 120.0
    assert again.index == 2 and again.answers == {session.questions[2].id: [0]}
    fake_clock.advance(30)
    assert again.clock.remaining() == 450.0


def test_a_finished_exam_cannot_be_taken_again(setup, gui_bank_store) -> None:
    session, exam_id, _ = setup(limit=600, order=["g-clip-q1"])
    assert session.submit() is True and session.submit() is True  # submitting twice is harmless
    assert _row(gui_bank_store, exam_id).state == ExamState.FINISHED
    with pytest.raises(ValueError, match="finished"):
        ExamSession.open(gui_bank_store, exam_id)

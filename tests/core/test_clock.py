"""Times into the core: any aware datetime works and is kept as UTC, a naive one is refused by name.

Every core function that takes a time goes through ``quizdesk.core.clock``.
The scenarios run in Shanghai (UTC+8) at 07:30 — 23:30 UTC the day before, so
the local and the UTC date differ — and at 21:30 (``local_clock``), with local
aware times as a caller there passes them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from quizdesk.core.clock import as_utc, db_time, utc_or_now
from quizdesk.core.db.backup import daily_backup_if_due, list_backups, timestamped_backup
from quizdesk.core.db.models import Attempt, Question, ReviewState, StudySession, Topic
from quizdesk.core.db.store import Store
from quizdesk.core.stats.export import export_csv
from quizdesk.core.stats.history import daily_history
from quizdesk.core.stats.mastery import question_knowledge, topic_stats
from quizdesk.core.study.exams import ExamSpec, abandon_exam, create_exam, save_answer, self_grade, submit_exam
from quizdesk.core.study.reviews import due_count, record_choice, record_rating, record_recall, study_queue
from quizdesk.core.study.scheduler import AGAIN, GOOD, apply_rating

SHANGHAI = timezone(timedelta(hours=8))
NAIVE = datetime(2026, 3, 10, 7, 30)


def test_as_utc_converts_any_zone_and_refuses_naive_times_by_name() -> None:
    local = datetime(2026, 3, 10, 7, 30, tzinfo=SHANGHAI)
    assert as_utc(local) == datetime(2026, 3, 9, 23, 30, tzinfo=timezone.utc)
    assert as_utc(local).tzinfo is timezone.utc
    with pytest.raises(ValueError, match=r"^since must be an aware datetime \(with a time zone\), not the naive 2026-03-10T07:30:00"):
        as_utc(NAIVE, "since")
    with pytest.raises(TypeError, match="now must be a datetime, not date"):
        as_utc(date(2026, 3, 10))  # type: ignore[arg-type]
    assert utc_or_now(None).tzinfo is timezone.utc
    assert db_time(local) == "2026-03-09 23:30:00.000000"


def _ids(store: Store) -> dict[str, int]:
    with store.session() as s:
        return {q.external_id: q.id for q in s.scalars(select(Question))}


def _topics(store: Store) -> tuple[int, ...]:
    with store.session() as s:
        return tuple(s.scalars(select(Topic.id)))


def _session_call(store: Store, call: Callable[[Any, dict[str, int], Any], object]) -> Callable[[datetime], object]:
    ids = _ids(store)

    def run(moment: datetime) -> object:
        with store.session() as s:
            return call(s, ids, moment)

    return run


def _raw_call(store: Store, call: Callable[[Any, dict[str, int], Any], object]) -> Callable[[datetime], object]:
    ids = _ids(store)

    def run(moment: datetime) -> object:
        with store.read() as connection:
            return call(connection, ids, moment)

    return run


def _exam_call(store: Store, step: str) -> Callable[[datetime], object]:
    """create_exam, or a later step on an exam made at a good time."""
    topics = _topics(store)

    def run(moment: datetime) -> object:
        with store.session() as s:
            if step == "create":
                return create_exam(s, ExamSpec(topics, count=5, seed=1), moment)
            exam_id = create_exam(s, ExamSpec(topics, count=5, seed=1), datetime.now(timezone.utc))
            if step == "submit":
                return submit_exam(s, exam_id, moment)
            if step == "abandon":
                return abandon_exam(s, exam_id, moment)
            open_id = next(q.id for q in s.scalars(select(Question).where(Question.qtype == "open")))
            save_answer(s, exam_id, open_id, "我的回答", remaining_s=None, elapsed_s=0.0, current_index=0)
            submit_exam(s, exam_id, datetime.now(timezone.utc))
            return self_grade(s, exam_id, open_id, now=moment, rating=GOOD)

    return run


ENTRY_POINTS: dict[str, Callable[[Store, Path], Callable[[datetime], object]]] = {
    "record_rating": lambda st, _: _session_call(st, lambda s, ids, t: record_rating(s, ids["t-attn"], GOOD, now=t, seconds=5)),
    "record_recall": lambda st, _: _session_call(st, lambda s, ids, t: record_recall(s, ids["t-clip"], [0], now=t, seconds=5)),
    "record_choice": lambda st, _: _session_call(st, lambda s, ids, t: record_choice(s, ids["t-clip-q1"], [0], now=t, seconds=5)),
    "apply_rating": lambda st, _: _session_call(st, lambda s, ids, t: apply_rating(s, ids["t-attn"], GOOD, t)),
    "study_queue": lambda st, _: _session_call(st, lambda s, ids, t: study_queue(s, None, t)),
    "due_count": lambda st, _: _session_call(st, lambda s, ids, t: due_count(s, None, t)),
    "create_exam": lambda st, _: _exam_call(st, "create"),
    "submit_exam": lambda st, _: _exam_call(st, "submit"),
    "self_grade": lambda st, _: _exam_call(st, "self_grade"),
    "abandon_exam": lambda st, _: _exam_call(st, "abandon"),
    "topic_stats": lambda st, _: _raw_call(st, lambda c, ids, t: topic_stats(c, now=t)),
    "question_knowledge": lambda st, _: _raw_call(st, lambda c, ids, t: question_knowledge(c, list(ids.values()), now=t)),
    "daily_history": lambda st, _: _raw_call(st, lambda c, ids, t: daily_history(c, now=t)),
    "export_csv now": lambda st, tmp: _raw_call(st, lambda c, ids, t: export_csv(c, tmp, now=t)),
    "export_csv since": lambda st, tmp: _raw_call(st, lambda c, ids, t: export_csv(c, tmp, since=t)),
    "timestamped_backup": lambda st, _: lambda t: timestamped_backup(st.path, "test", t),
    "daily_backup_if_due": lambda st, _: lambda t: daily_backup_if_due(st.path, t),
}


@pytest.mark.parametrize("name", list(ENTRY_POINTS))
def test_every_core_function_taking_a_time_refuses_a_naive_one(name: str, synced_store: Store, tmp_path: Path) -> None:
    call = ENTRY_POINTS[name](synced_store, tmp_path)
    with pytest.raises(ValueError, match="must be an aware datetime .*not the naive 2026-03-10T07:30:00"):
        call(NAIVE)


@pytest.mark.parametrize("name", list(ENTRY_POINTS))
def test_every_core_function_taking_a_time_takes_a_local_one(name: str, synced_store: Store, tmp_path: Path) -> None:
    call = ENTRY_POINTS[name](synced_store, tmp_path)
    call(datetime.now(SHANGHAI))
    call(datetime.now(timezone(timedelta(hours=-7))))


# -- a day in Shanghai, in the morning and in the evening ---------------------------------


def test_grades_given_in_local_time_are_stored_and_scheduled_in_utc(synced_store: Store, local_clock) -> None:
    ids = _ids(synced_store)
    now = local_clock.now
    with synced_store.session() as s:
        record_rating(s, ids["t-attn"], AGAIN, now=now, seconds=12)
        record_choice(s, ids["t-clip-q1"], [0], now=now, seconds=40)
    with synced_store.session() as s:
        attempt = s.scalars(select(Attempt).where(Attempt.question_id == ids["t-attn"])).one()
        state = s.get(ReviewState, ids["t-attn"])
        assert state is not None
        assert attempt.answered_at == now and attempt.answered_at.tzinfo is timezone.utc
        assert state.last_review_at == now and now < state.due_at <= now + timedelta(minutes=10)  # Again: due in minutes
        # Due soon after, by the same moment in any zone: what the core sees is the instant.
        later = (now + timedelta(minutes=15)).astimezone(timezone(timedelta(hours=-5)))
        assert set(study_queue(s, None, later)[:2]) == {ids["t-attn"], ids["t-clip-q1"]}
        assert due_count(s, None, later) == 2
        assert due_count(s) == 0  # the core's own clock stands at local_clock.now


def test_an_exam_in_local_time_runs_to_its_end(synced_store: Store, local_clock) -> None:
    now = local_clock.now
    with synced_store.session() as s:
        exam_id = create_exam(s, ExamSpec(_topics(synced_store), count=5, seed=2, order="due"), now)
        for question in s.scalars(select(Question).where(Question.qtype == "open")):
            save_answer(s, exam_id, question.id, "我的回答", remaining_s=600.0, elapsed_s=60.0, current_index=0)
        submit_exam(s, exam_id, now + timedelta(minutes=20))
        for question in s.scalars(select(Question).where(Question.qtype == "open")):
            self_grade(s, exam_id, question.id, now=now + timedelta(minutes=25), rating=GOOD)
    with synced_store.session() as s:
        exam = s.get(StudySession, exam_id)
        assert exam is not None and exam.state == "finished"
        assert exam.started_at == now and exam.deadline_at == now + timedelta(minutes=30)
        assert exam.finished_at == now + timedelta(minutes=25)


def test_backups_are_named_in_utc(store: Store, local_clock) -> None:
    path = timestamped_backup(store.path, "test", local_clock.now)
    stamp = re.search(r"quizdesk-(\w+)-test\.db", path.name)
    assert stamp is not None
    assert stamp.group(1) == local_clock.now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    assert list_backups(store.path)[0].created_at == local_clock.now
    assert daily_backup_if_due(store.path) is None  # the core's clock: the same moment, not a day later
    assert daily_backup_if_due(store.path, local_clock.now + timedelta(days=1)) is not None

"""Study mode in the core: the queue, every grade stored at once, FSRS state updated."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from quizdesk.core.db.models import Attempt, Question, ReviewState, utcnow
from quizdesk.core.db.store import Store
from quizdesk.core.study.reviews import due_count, record_choice, record_rating, record_recall, study_queue
from quizdesk.core.study.scheduler import (
    AGAIN,
    EASY,
    GOOD,
    HARD,
    desired_retention,
    rating_for_choice,
    rating_for_recall,
    set_desired_retention,
)


def _ids(store: Store) -> dict[str, int]:
    with store.session() as s:
        return {q.external_id: q.id for q in s.scalars(select(Question))}


def test_ratings_map_answers_as_documented() -> None:
    assert rating_for_choice(False, 2, "single") == AGAIN
    assert rating_for_choice(True, 5, "truefalse") == EASY
    assert rating_for_choice(True, 40, "single") == GOOD
    assert [rating_for_recall(f) for f in (0, 0.49, 0.5, 0.74, 0.75, 0.99, 1)] == [AGAIN, AGAIN, HARD, HARD, GOOD, GOOD, EASY]


def test_queue_is_new_cards_then_due_cards_first_after_review(synced_store: Store) -> None:
    ids = _ids(synced_store)
    now = utcnow()
    with synced_store.session() as s:
        assert len(study_queue(s, None, now)) == 5
        record_rating(s, ids["t-attn"], AGAIN, now=now, seconds=12)
        record_choice(s, ids["t-clip-q1"], [1], now=now, seconds=40)
    later = now + timedelta(minutes=5)
    with synced_store.session() as s:
        queue = study_queue(s, None, later)
        assert queue[0] == ids["t-attn"]  # Again: due within minutes
        assert ids["t-clip-q1"] not in queue  # Good on a new card: next learning step is 10 minutes away
        assert due_count(s, None, later) == 1


def test_every_grade_is_an_attempt_with_fsrs_state(synced_store: Store) -> None:
    ids = _ids(synced_store)
    now = utcnow()
    with synced_store.session() as s:
        score = record_recall(s, ids["t-clip"], [0, 2, 2, 99], now=now, seconds=30)
        assert score == 2 / 3
        result = record_choice(s, ids["t-clip-q2"], [0, 1], now=now, seconds=10)
        assert result.correct and result.correct_indexes == (0, 1)
        for rating in (AGAIN, HARD, GOOD, EASY):
            record_rating(s, ids["t-attn"], rating, now=now + timedelta(days=rating), seconds=5)
    with synced_store.session() as s:
        assert s.scalar(select(func.count()).select_from(Attempt)) == 6
        state = s.get(ReviewState, ids["t-attn"])
        assert state is not None and state.reps == 4 and state.stability and state.due_at is not None and state.due_at > now + timedelta(days=4)
        assert [a.rating for a in s.scalars(select(Attempt).where(Attempt.question_id == ids["t-attn"]).order_by(Attempt.id))] == [1, 2, 3, 4]


def test_desired_retention_setting_round_trips(store: Store) -> None:
    with store.session() as s:
        assert desired_retention(s) == 0.9
        set_desired_retention(s, 0.85)
    with store.session() as s:
        assert desired_retention(s) == 0.85

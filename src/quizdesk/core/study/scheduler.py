"""FSRS scheduling: every graded attempt updates its question's review state.

Ratings follow Anki's four buttons (1 Again, 2 Hard, 3 Good, 4 Easy). Objective
answers and open-question recall are mapped to a rating here, in one place, so
study mode and exams schedule the same way.
"""

from __future__ import annotations

from datetime import datetime

from fsrs import Card, Rating, Scheduler
from sqlalchemy.orm import Session

from quizdesk.core.clock import as_utc
from quizdesk.core.db.models import AppMeta, ReviewState
from quizdesk.core.study.ratings import AGAIN, EASY, GOOD, HARD

DEFAULT_RETENTION = 0.9
RETENTION_KEY = "desired_retention"
# Right and at most this fast (seconds) counts as Easy: the answer was at hand.
FAST_SECONDS = {"truefalse": 8.0, "single": 15.0, "multi": 25.0}
# What a self-rating means as a score, for accuracy and the weak-area model.
RATING_SCORE = {AGAIN: 0.0, HARD: 0.5, GOOD: 0.8, EASY: 1.0}


def rating_for_choice(correct: bool, seconds: float, qtype: str) -> int:
    if not correct:
        return AGAIN
    return EASY if 0 < seconds <= FAST_SECONDS.get(qtype, 15.0) else GOOD


def rating_for_recall(fraction: float) -> int:
    """Share of key points recalled → rating."""
    if fraction < 0.5:
        return AGAIN
    if fraction < 0.75:
        return HARD
    if fraction < 1.0:
        return GOOD
    return EASY


def desired_retention(session: Session) -> float:
    meta = session.get(AppMeta, RETENTION_KEY)
    try:
        value = float(meta.value) if meta else DEFAULT_RETENTION
    except ValueError:
        return DEFAULT_RETENTION
    return value if 0.7 <= value <= 0.99 else DEFAULT_RETENTION


def set_desired_retention(session: Session, value: float) -> None:
    if not 0.7 <= value <= 0.99:
        raise ValueError("desired retention must be between 0.70 and 0.99")
    meta = session.get(AppMeta, RETENTION_KEY)
    if meta is None:
        session.add(AppMeta(key=RETENTION_KEY, value=f"{value:.3f}"))
    else:
        meta.value = f"{value:.3f}"


def make_scheduler(retention: float = DEFAULT_RETENTION) -> Scheduler:
    # No fuzzing: the same history always gives the same due dates, which
    # keeps scheduling explainable and testable.
    return Scheduler(desired_retention=retention, enable_fuzzing=False)


def apply_rating(session: Session, question_id: int, rating: int, now: datetime) -> ReviewState:
    """Review the question's card with ``rating`` at ``now`` and store the new state."""
    now = as_utc(now)  # FSRS takes UTC only
    state = session.get(ReviewState, question_id)
    if state is None:
        state = ReviewState(question_id=question_id, card={})
        session.add(state)
    card = Card.from_dict(state.card) if state.card else Card(card_id=question_id, due=now)  # type: ignore[arg-type]
    if card.last_review is not None and card.last_review > now:
        now = card.last_review  # clock went backwards: never review in the past
    card, _log = make_scheduler(desired_retention(session)).review_card(card, Rating(rating), now)
    state.card = dict(card.to_dict())
    state.due_at = card.due
    state.stability = card.stability
    state.difficulty = card.difficulty
    state.last_review_at = card.last_review
    state.reps = (state.reps or 0) + 1
    if rating == AGAIN and (state.reps or 0) > 1:
        state.lapses = (state.lapses or 0) + 1
    return state

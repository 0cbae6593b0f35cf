"""Study mode: the queue of cards to review and recording each grade as it is given.

Every ``record_*`` function writes one :class:`Attempt` and updates the FSRS
state; the caller commits right away (one transaction per grade), so a crash
loses at most the card on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from quizdesk.core.clock import as_utc, utc_or_now
from quizdesk.core.db.models import Attempt, Question
from quizdesk.core.study.grading import GradeResult, grade_choice, recall_score
from quizdesk.core.study.scheduler import (
    AGAIN,
    RATING_SCORE,
    apply_rating,
    rating_for_choice,
    rating_for_recall,
)

PASS_SCORE = 0.5  # an open question counts as "correct" from half the key points


def study_queue(session: Session, topic_ids: Sequence[int] | None, now: datetime, limit: int = 50) -> list[int]:
    """Question ids to study: the one query of :mod:`quizdesk.core.queries.study`, in this session."""
    from quizdesk.core.queries import raw_connection
    from quizdesk.core.queries.study import study_queue as queue

    session.flush()  # the raw query sees this session's own pending writes
    return queue(raw_connection(session), topic_ids, as_utc(now), limit)


def due_count(session: Session, topic_ids: Sequence[int] | None = None, now: datetime | None = None) -> int:
    """Active questions due at ``now``: the one query of :mod:`quizdesk.core.queries.counts`, in this session."""
    from quizdesk.core.queries import raw_connection
    from quizdesk.core.queries.counts import due_count as count

    session.flush()  # the raw query sees this session's own pending writes
    return count(raw_connection(session), utc_or_now(now), topic_ids)


def _question(session: Session, question_id: int) -> Question:
    question = session.get(Question, question_id)
    if question is None:
        raise LookupError(f"no question with id {question_id}")
    return question


def _record(
    session: Session,
    question: Question,
    *,
    given: Any,
    score: float,
    correct: bool | None,
    rating: int,
    now: datetime,
    seconds: float,
    session_id: int | None,
    mode: str,
) -> Attempt:
    now = as_utc(now)
    attempt = Attempt(
        question_id=question.id,
        session_id=session_id,
        mode=mode,
        given=given,
        score=score,
        correct=correct,
        rating=rating,
        seconds_spent=max(0.0, float(seconds)),
        answered_at=now,
    )
    session.add(attempt)
    apply_rating(session, question.id, rating, now)
    session.flush()
    return attempt


def record_rating(
    session: Session, question_id: int, rating: int, *, now: datetime, seconds: float, session_id: int | None = None, mode: str = "study"
) -> Attempt:
    """An open question self-graded with Again/Hard/Good/Easy."""
    if rating not in RATING_SCORE:
        raise ValueError(f"rating must be 1..4, not {rating}")
    score = RATING_SCORE[rating]
    return _record(
        session, _question(session, question_id), given={"rating": rating}, score=score, correct=score >= PASS_SCORE,
        rating=rating, now=now, seconds=seconds, session_id=session_id, mode=mode,
    )


def record_blank(
    session: Session, question_id: int, *, now: datetime, seconds: float, session_id: int | None = None, mode: str = "exam"
) -> Attempt:
    """An open question left unanswered: 0 without asking anyone to grade it.

    ``given`` stays None (no answer), which the weak-area figures read as "not
    answered" rather than as evidence of what is known (docs/weak-areas.md).
    """
    return _record(
        session, _question(session, question_id), given=None, score=0.0, correct=False,
        rating=AGAIN, now=now, seconds=seconds, session_id=session_id, mode=mode,
    )


def record_recall(
    session: Session, question_id: int, recalled: Sequence[int], *, now: datetime, seconds: float, session_id: int | None = None, mode: str = "study"
) -> float:
    """An open question graded by the key points the user ticked; returns the score."""
    question = _question(session, question_id)
    score = recall_score(recalled, len(question.key_points))
    _record(
        session, question, given={"recalled": sorted(set(recalled))}, score=score, correct=score >= PASS_SCORE,
        rating=rating_for_recall(score), now=now, seconds=seconds, session_id=session_id, mode=mode,
    )
    return score


def record_choice(
    session: Session, question_id: int, given: Sequence[int] | None, *, now: datetime, seconds: float, session_id: int | None = None, mode: str = "study"
) -> GradeResult:
    """A choice or true/false answer, graded at once."""
    question = _question(session, question_id)
    result = grade_choice(question.choices, given)
    _record(
        session, question, given=sorted(set(given or ())), score=result.score, correct=result.correct,
        rating=rating_for_choice(result.correct, seconds, question.qtype), now=now, seconds=seconds,
        session_id=session_id, mode=mode,
    )
    return result

"""FSRS state between Anki cards and QuizDesk's review states, both ways.

Anki (23.10+, FSRS on) keeps a card's memory state in the card's ``data``
JSON: ``{"s": stability, "d": difficulty, "dr": desired retention, "decay": w20,
"lrt": last review, seconds}`` (Anki 26 writes exactly these; checked on the
fixtures). Its due date is a day number counted from the collection's
creation (``col.crt``) for review cards, seconds since the epoch for
learning cards. QuizDesk keeps ``fsrs.Card.to_dict()`` per question. Both are
FSRS: stability and difficulty carry over unchanged. A card without a memory
state (FSRS was off) gets one by replaying its review log through FSRS.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from fsrs import Card, Rating, State

from quizdesk.core.anki.collection import CardRow, Review
from quizdesk.core.study.scheduler import make_scheduler

DAY = 86400
#: Review-log kinds that are answers (learn, review, relearn, filtered); 4/5 are manual reschedules.
ANSWER_KINDS = (0, 1, 2, 3)
ANKI_NEW, ANKI_LEARNING, ANKI_REVIEW, ANKI_RELEARNING = 0, 1, 2, 3


@dataclass(frozen=True)
class Memory:
    """A question's review state as :class:`quizdesk.core.db.models.ReviewState` stores it."""

    card: dict[str, Any]
    due_at: datetime
    stability: float | None
    difficulty: float | None
    last_review_at: datetime | None
    reps: int
    lapses: int


def from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, timezone.utc)


def is_answer(review: Review) -> bool:
    return 1 <= review.ease <= 4 and review.kind in ANSWER_KINDS


def _card_data(raw: str) -> dict[str, Any]:
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _due(card: CardRow, created: int) -> datetime | None:
    due = card.original_due if card.original_deck else card.due
    if card.ctype == ANKI_REVIEW or (card.ctype in (ANKI_LEARNING, ANKI_RELEARNING) and due < 1_000_000_000):
        return datetime.fromtimestamp(created + due * DAY, timezone.utc)  # a day number
    if card.ctype in (ANKI_LEARNING, ANKI_RELEARNING):
        return datetime.fromtimestamp(due, timezone.utc)  # seconds
    return None


def memory_from_card(card: CardRow, created: int, reviews: Sequence[Review], question_id: int) -> Memory | None:
    """The FSRS state Anki stored on ``card``; None when it has none (new, or FSRS was off)."""
    data = _card_data(card.data)
    stability, difficulty = data.get("s"), data.get("d")
    if card.ctype == ANKI_NEW or not isinstance(stability, (int, float)) or not isinstance(difficulty, (int, float)):
        return None
    due = _due(card, created)
    if due is None:
        return None
    answers = [r for r in reviews if is_answer(r)]
    lrt = data.get("lrt")
    if isinstance(lrt, (int, float)) and lrt > 0:
        last = datetime.fromtimestamp(lrt, timezone.utc)
    elif answers:
        last = from_ms(answers[-1].id)
    else:
        last = due - timedelta(days=max(card.ivl, 0))
    state = {ANKI_REVIEW: State.Review, ANKI_LEARNING: State.Learning, ANKI_RELEARNING: State.Relearning}[card.ctype]
    fsrs_card = Card(
        card_id=question_id, state=state, step=None if state == State.Review else 0,
        stability=float(stability), difficulty=float(difficulty), due=due, last_review=last,
    )
    return Memory(dict(fsrs_card.to_dict()), due, float(stability), float(difficulty), last, card.reps, card.lapses)


@lru_cache(maxsize=4)
def _scheduler(retention: float) -> Any:
    """One scheduler per retention for a whole import (review_card leaves it unchanged)."""
    return make_scheduler(retention)


def replay(reviews: Sequence[Review], question_id: int, start: dict[str, Any] | None = None, retention: float = 0.9) -> Memory | None:
    """FSRS run over the answers in ``reviews`` (oldest first), from ``start`` or a new card."""
    answers = [r for r in reviews if is_answer(r)]
    if not answers:
        return None
    scheduler = _scheduler(retention)
    card = Card.from_dict(start) if start else Card(card_id=question_id, due=from_ms(answers[0].id))  # type: ignore[arg-type]
    lapses = 0
    for review in answers:
        moment = from_ms(review.id)
        if card.last_review is not None and moment < card.last_review:
            continue  # older than the state we continue from
        card, _log = scheduler.review_card(card, Rating(review.ease), moment)
        lapses += review.ease == 1 and review.kind != 0
    assert card.due is not None
    return Memory(dict(card.to_dict()), card.due, card.stability, card.difficulty, card.last_review, len(answers), lapses)


@dataclass(frozen=True)
class AnkiSchedule:
    """What an exported card carries so Anki continues its schedule."""

    ctype: int
    queue: int
    due: int
    ivl: int
    reps: int
    lapses: int
    data: str


def anki_schedule(card_dict: dict[str, Any], reps: int, lapses: int, created: int, retention: float, decay: float) -> AnkiSchedule | None:
    """A QuizDesk review state as Anki card columns (``created`` is the package's ``col.crt``)."""
    try:
        card = Card.from_dict(card_dict)  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        return None
    if card.due is None or card.stability is None or card.difficulty is None:
        return None
    data: dict[str, Any] = {"s": round(card.stability, 4), "d": round(card.difficulty, 3), "dr": retention, "decay": decay}
    if card.last_review is not None:
        data["lrt"] = int(card.last_review.timestamp())
    payload = json.dumps(data, separators=(",", ":"))
    due_seconds = int(card.due.timestamp())
    if card.state == State.Review:
        day = (due_seconds - created) // DAY
        last = card.last_review or card.due
        ivl = max(1, round((card.due - last).total_seconds() / DAY))
        return AnkiSchedule(ANKI_REVIEW, 2, int(day), ivl, reps, lapses, payload)
    ctype = ANKI_RELEARNING if card.state == State.Relearning else ANKI_LEARNING
    return AnkiSchedule(ctype, 1, due_seconds, 0, reps, lapses, payload)

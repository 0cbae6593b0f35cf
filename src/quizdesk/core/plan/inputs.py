"""What the planner reads from the database: the scope's memory states and the user's pace.

One query for the cards of the scope (about 20 ms for 20,000 questions), one
for the recent answer times, two small ones for today. Everything is read
through the raw ``sqlite3`` connection: the ORM would cost more than the
whole plan. Times come back as days since the Unix epoch (UTC floats).
"""

from __future__ import annotations

import sqlite3
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from quizdesk.core.clock import as_utc, db_time
from quizdesk.core.study.scheduler import DEFAULT_RETENTION, RETENTION_KEY

# Seconds a card takes when the history has too few answers of its type to say:
# reading and recalling an open answer takes longer than ticking a choice.
DEFAULT_SECONDS = {"open": 90.0, "single": 30.0, "multi": 40.0, "truefalse": 15.0}
# Per type, the mean of at most this many recent answers; from this many on it replaces the default.
# The mean, not the median: an evening's time is a sum, and n cards take n times the
# mean. Answer times are skewed (a few slow ones), so the median undercounts them; in
# the learner simulation (docs/plan.md) evenings planned with it ran ~6 % over, the
# new cards at the end of the queue were the ones left undone, and 5 of 24 learners
# reached the interview with questions never seen (96.0 % recall on the day, 96.9 % with the mean).
RECENT_PER_TYPE = 200
MIN_SAMPLES = 5
# Answer times outside this range are a user who walked away (or a stuck clock).
MIN_SECONDS, MAX_SECONDS = 3.0, 600.0
# A never-seen card's first view is recalled with the rate the user's own first
# views show, with a Beta(1, 1) prior (no history: one half).
FIRST_VIEWS_READ = 500

_EPOCH_JULIAN = 2440587.5


def epoch_days(moment: datetime) -> float:
    """``moment`` as days since the Unix epoch (UTC)."""
    return as_utc(moment).timestamp() / 86400.0


class CardRow(NamedTuple):
    """One question of the scope and its FSRS state (stability None: never reviewed).

    The shape of a card; :func:`load_inputs` hands over the query's plain rows in
    this order (making 20,000 named tuples costs a fifth of the time budget), so
    the planner reads cards by position.
    """

    question_id: int
    topic_id: int
    qtype: str
    stability: float | None
    difficulty: float | None
    last_review: float | None  # epoch days
    due: float | None  # epoch days
    views: int  # answers given (FSRS reps)


@dataclass
class PlanInputs:
    cards: list[CardRow]
    seconds_per_type: dict[str, float]
    new_card_recall: float = 0.5
    retention: float = DEFAULT_RETENTION
    # Today so far (since local midnight), on the scope's questions: answers per question, seconds spent.
    views_today: dict[int, int] = field(default_factory=dict)
    seconds_today: float = 0.0
    seconds_measured: dict[str, bool] = field(default_factory=dict)  # per type: from history, not the default


def _cards(connection: sqlite3.Connection, topic_ids: Sequence[int]) -> list[CardRow]:
    if not topic_ids:
        return []
    # The order is the covering index's own (ix_questions_topic_plan, migration 0006):
    # no sort step. Equal sort orders stay in a fixed order (the index's).
    ids = ",".join(str(int(t)) for t in topic_ids)
    rows = connection.execute(
        f"""SELECT q.id, q.topic_id, q.qtype,
                   CASE WHEN r.stability > 0 AND r.last_review_at IS NOT NULL THEN r.stability END,
                   CASE WHEN r.stability > 0 AND r.last_review_at IS NOT NULL THEN r.difficulty END,
                   CASE WHEN r.stability > 0 THEN julianday(r.last_review_at) - {_EPOCH_JULIAN} END,
                   julianday(r.due_at) - {_EPOCH_JULIAN},
                   coalesce(r.reps, 0)
            FROM questions q LEFT JOIN review_states r ON r.question_id = q.id
            WHERE q.retired_at IS NULL AND q.topic_id IN ({ids})
            ORDER BY q.topic_id, q.sort_order"""
    )
    return rows.fetchall()


def seconds_per_type(connection: sqlite3.Connection) -> tuple[dict[str, float], dict[str, bool]]:
    """Mean seconds per card of each type over the user's recent answers; the default where too few."""
    samples: dict[str, list[float]] = {}
    rows = connection.execute(
        "SELECT q.qtype, a.seconds_spent FROM attempts a JOIN questions q ON q.id = a.question_id "
        "WHERE a.seconds_spent BETWEEN ? AND ? ORDER BY a.answered_at DESC LIMIT ?",
        (MIN_SECONDS, MAX_SECONDS, RECENT_PER_TYPE * 8),
    )
    for qtype, seconds in rows:
        bucket = samples.setdefault(qtype, [])
        if len(bucket) < RECENT_PER_TYPE:
            bucket.append(float(seconds))
    out, measured = dict(DEFAULT_SECONDS), {t: False for t in DEFAULT_SECONDS}
    for qtype, values in samples.items():
        if len(values) >= MIN_SAMPLES:
            out[qtype], measured[qtype] = statistics.fmean(values), True
    return out, measured


def new_card_recall(connection: sqlite3.Connection) -> float:
    """The share of first views recalled (rated Hard or better), Beta(1, 1) prior, over cards seen once."""
    ratings = [r for (r,) in connection.execute(
        "SELECT rating FROM attempts WHERE rating IS NOT NULL "
        "AND question_id IN (SELECT question_id FROM review_states WHERE reps = 1) LIMIT ?",
        (FIRST_VIEWS_READ,),
    )]
    return (1.0 + sum(1 for r in ratings if r >= 2)) / (2.0 + len(ratings))


def desired_retention(connection: sqlite3.Connection) -> float:
    row = connection.execute("SELECT value FROM app_meta WHERE key = ?", (RETENTION_KEY,)).fetchone()
    try:
        value = float(row[0]) if row else DEFAULT_RETENTION
    except ValueError:
        return DEFAULT_RETENTION
    return value if 0.7 <= value <= 0.99 else DEFAULT_RETENTION


def load_inputs(connection: sqlite3.Connection, topic_ids: Sequence[int], *, day_start: datetime, now: datetime) -> PlanInputs:
    """Everything the plan needs about the scope ``topic_ids``; "today" runs from ``day_start`` to ``now``."""
    cards = _cards(connection, topic_ids)
    today = connection.execute(
        "SELECT question_id, seconds_spent FROM attempts WHERE answered_at >= ? AND answered_at <= ?",
        (db_time(day_start, "day_start"), db_time(now)),
    ).fetchall()
    in_scope = {c[0] for c in cards} if today else set()  # 20,000 ids: only when needed
    views_today: dict[int, int] = {}
    seconds_today = 0.0
    for qid, seconds in today:
        if qid in in_scope:
            views_today[qid] = views_today.get(qid, 0) + 1
            seconds_today += min(float(seconds or 0.0), MAX_SECONDS)
    seconds, measured = seconds_per_type(connection)
    return PlanInputs(
        cards=cards, seconds_per_type=seconds, new_card_recall=new_card_recall(connection),
        retention=desired_retention(connection), views_today=views_today, seconds_today=seconds_today,
        seconds_measured=measured,
    )

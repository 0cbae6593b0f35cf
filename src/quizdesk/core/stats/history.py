"""Reviews per day: how much was practised and how well, for the history chart."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from quizdesk.core.clock import db_time, utc_or_now


@dataclass(frozen=True)
class DayStats:
    day: date  # local date
    reviews: int
    correct: int
    accuracy: float | None  # correct / reviews; None on a day without reviews


def _local_midnight(day: date) -> datetime:
    """The start of ``day`` in the local time zone, as an aware datetime."""
    return datetime.combine(day, time()).astimezone()


def daily_history(connection: sqlite3.Connection, *, days: int = 30, now: datetime | None = None) -> list[DayStats]:
    """One row per local day, oldest first, ending today; days without reviews are zeros.

    Every graded attempt counts (study and exams, retired questions too): this
    is what was done, not the state of the bank. Days follow the computer's
    time zone, daylight saving included, since SQLite's ``localtime`` and
    Python's ``astimezone`` both ask the C library.
    """
    if days <= 0:
        return []
    moment = utc_or_now(now)
    today = moment.astimezone().date()
    first = today - timedelta(days=days - 1)
    counts: dict[str, tuple[int, int]] = {}
    rows = connection.execute(
        """SELECT date(answered_at, 'localtime') AS day, count(*), sum(coalesce(correct, 0))
           FROM attempts WHERE answered_at >= :start AND answered_at <= :now
           GROUP BY day""",
        {"start": db_time(_local_midnight(first)), "now": db_time(moment)},
    )
    for day, reviews, correct in rows:
        counts[day] = (reviews, correct or 0)
    out = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        reviews, correct = counts.get(day.isoformat(), (0, 0))
        out.append(DayStats(day, reviews, correct, correct / reviews if reviews else None))
    return out

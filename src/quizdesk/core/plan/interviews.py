"""Saving, listing and deleting interviews (one row each in ``interviews``).

An interview is a local calendar date, the modules and/or sub-topics it covers
(by the topic tree's stable keys) and a daily time budget. Names are unique:
saving under an existing name updates that interview.
"""

from __future__ import annotations

import json
import sqlite3

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizdesk.core.clock import as_utc
from quizdesk.core.db.models import Interview

DEFAULT_DAILY_MINUTES = 45
MAX_DAILY_MINUTES = 24 * 60


@dataclass(frozen=True)
class InterviewSpec:
    """An interview as the planner reads it (a plain copy, safe to hand to another thread)."""

    id: int | None
    name: str
    date: date
    module_keys: tuple[str, ...] = ()
    topic_keys: tuple[str, ...] = ()
    daily_minutes: int = DEFAULT_DAILY_MINUTES


def _spec(row: Interview) -> InterviewSpec:
    return InterviewSpec(
        id=row.id, name=row.name, date=row.date, module_keys=tuple(row.module_keys or ()),
        topic_keys=tuple(row.topic_keys or ()), daily_minutes=row.daily_minutes,
    )


def _check(name: str, module_keys: Sequence[str], topic_keys: Sequence[str], daily_minutes: int) -> str:
    name = name.strip()
    if not name:
        raise ValueError("an interview needs a name")
    if not module_keys and not topic_keys:
        raise ValueError("an interview must cover at least one module or topic")
    if not 1 <= daily_minutes <= MAX_DAILY_MINUTES:
        raise ValueError(f"daily minutes must be between 1 and {MAX_DAILY_MINUTES}, not {daily_minutes}")
    return name


def save_interview(
    session: Session,
    *,
    name: str,
    on: date,
    module_keys: Sequence[str] = (),
    topic_keys: Sequence[str] = (),
    daily_minutes: int = DEFAULT_DAILY_MINUTES,
    now: datetime,
) -> InterviewSpec:
    """Add the interview called ``name``, or update it if one has that name already."""
    name = _check(name, module_keys, topic_keys, daily_minutes)
    moment = as_utc(now)
    row = session.scalars(select(Interview).where(Interview.name == name)).one_or_none()
    if row is None:
        row = Interview(name=name, created_at=moment)
        session.add(row)
    row.date = on
    row.module_keys = list(dict.fromkeys(module_keys))
    row.topic_keys = list(dict.fromkeys(topic_keys))
    row.daily_minutes = int(daily_minutes)
    row.updated_at = moment
    session.flush()
    return _spec(row)


def update_interview(
    session: Session,
    interview_id: int,
    *,
    now: datetime,
    name: str | None = None,
    on: date | None = None,
    module_keys: Sequence[str] | None = None,
    topic_keys: Sequence[str] | None = None,
    daily_minutes: int | None = None,
) -> InterviewSpec:
    """Change the given fields of interview ``interview_id``; raises LookupError if there is none."""
    row = session.get(Interview, interview_id)
    if row is None:
        raise LookupError(f"no interview with id {interview_id}")
    new_name = _check(
        row.name if name is None else name,
        row.module_keys if module_keys is None else module_keys,
        row.topic_keys if topic_keys is None else topic_keys,
        row.daily_minutes if daily_minutes is None else daily_minutes,
    )
    clash = session.scalars(select(Interview).where(Interview.name == new_name, Interview.id != interview_id)).first()
    if clash is not None:
        raise ValueError(f"another interview is already called {new_name!r}")
    row.name = new_name
    if on is not None:
        row.date = on
    if module_keys is not None:
        row.module_keys = list(dict.fromkeys(module_keys))
    if topic_keys is not None:
        row.topic_keys = list(dict.fromkeys(topic_keys))
    if daily_minutes is not None:
        row.daily_minutes = int(daily_minutes)
    row.updated_at = as_utc(now)
    session.flush()
    return _spec(row)


def delete_interview(session: Session, interview_id: int) -> bool:
    """Delete interview ``interview_id``; False if there was none."""
    row = session.get(Interview, interview_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def list_interviews(session: Session) -> list[InterviewSpec]:
    """Every saved interview, soonest first."""
    return [_spec(row) for row in session.scalars(select(Interview).order_by(Interview.date, Interview.id))]


def read_interviews(connection: sqlite3.Connection) -> list[InterviewSpec]:
    """Every saved interview, soonest first, on a raw connection (what a worker thread reads)."""
    rows = connection.execute(
        "SELECT id, name, date, module_keys, topic_keys, daily_minutes FROM interviews ORDER BY date, id"
    ).fetchall()
    return [
        InterviewSpec(id=row[0], name=row[1], date=date.fromisoformat(str(row[2])[:10]),
                      module_keys=tuple(json.loads(row[3] or "[]")), topic_keys=tuple(json.loads(row[4] or "[]")),
                      daily_minutes=int(row[5]))
        for row in rows
    ]

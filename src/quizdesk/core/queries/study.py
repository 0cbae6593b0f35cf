"""The study queue on plain ``sqlite3``: a study round starts without loading the ORM."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from quizdesk.core.clock import db_time


def _topic_filter(topic_ids: Sequence[int] | None) -> tuple[str, list[object]]:
    if topic_ids is None:
        return "", []
    ids = [int(i) for i in topic_ids]
    return (f" AND q.topic_id IN ({','.join('?' * len(ids))})", list(ids)) if ids else (" AND 0", [])


def study_queue(connection: sqlite3.Connection, topic_ids: Sequence[int] | None, now: datetime, limit: int = 50) -> list[int]:
    """Question ids to study: due cards (most overdue first), then new ones in bank order."""
    where, params = _topic_filter(topic_ids)
    due = [
        int(row[0])
        for row in connection.execute(
            "SELECT q.id FROM questions q JOIN review_states r ON r.question_id = q.id"
            f" WHERE q.retired_at IS NULL AND r.due_at <= ?{where} ORDER BY r.due_at, q.id LIMIT ?",
            [db_time(now), *params, limit],
        )
    ]
    if len(due) >= limit:
        return due
    new = connection.execute(
        "SELECT q.id FROM questions q LEFT JOIN review_states r ON r.question_id = q.id"
        f" WHERE q.retired_at IS NULL AND r.question_id IS NULL{where}"
        " ORDER BY q.topic_id, q.sort_order, q.id LIMIT ?",
        [*params, limit - len(due)],
    )
    return due + [int(row[0]) for row in new]

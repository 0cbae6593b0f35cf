"""Counts the status bar and the start-up path show."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from quizdesk.core.clock import db_time
from quizdesk.core.study.exam_state import RESUMABLE

#: An exam that can be resumed: answering (active, paused) or self-grading (core/study/exam_state.py).
RESUMABLE_STATES = tuple(state.value for state in RESUMABLE)


def question_count(connection: sqlite3.Connection) -> int:
    """Active (not retired) questions in the bank."""
    row = connection.execute("SELECT count(*) FROM questions WHERE retired_at IS NULL").fetchone()
    return int(row[0]) if row else 0


def due_count(connection: sqlite3.Connection, now: datetime, topic_ids: Sequence[int] | None = None) -> int:
    """Active questions (of ``topic_ids``, else all) whose review is due at ``now``."""
    sql = """SELECT count(*) FROM review_states r JOIN questions q ON q.id = r.question_id
             WHERE q.retired_at IS NULL AND r.due_at <= ?"""
    params: list[object] = [db_time(now)]
    if topic_ids is not None:
        ids = [int(i) for i in topic_ids]
        sql += f" AND q.topic_id IN ({','.join('?' * len(ids))})" if ids else " AND 0"
        params += ids
    row = connection.execute(sql, params).fetchone()
    return int(row[0]) if row else 0


def has_resumable_exam(connection: sqlite3.Connection) -> bool:
    """Whether an exam was left unfinished; cheap enough for the start-up path."""
    marks = ",".join("?" * len(RESUMABLE_STATES))
    row = connection.execute(
        f"SELECT 1 FROM sessions WHERE mode = 'exam' AND state IN ({marks}) LIMIT 1", RESUMABLE_STATES
    ).fetchone()
    return row is not None

"""The import's answers and review states as the values SQLite stores, written by one ``executemany`` each.

SQLAlchemy's Core insert converts every value of every row through its column
type (the JSON encoder, the UTC time type, its parameter bookkeeping): for the
20,000 answers of a 5,000-note package that was about twice the time of the
insert itself. The rows here are built as the tuples SQLAlchemy would have
passed to SQLite — the same text for times and JSON, 1/0 for booleans — and
written on the session's connection, in its transaction (core/db/sql_values.py).
``tests/core/anki/test_import_rows.py`` compares them with SQLAlchemy's own
insert of the same values.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from quizdesk.core.db.sql_values import insert_rows, json_encoder, sql_time

__all__ = ["ATTEMPT_COLUMNS", "STATE_COLUMNS", "answer_row", "insert_rows", "json_encoder", "sql_time", "state_row"]

ATTEMPT_COLUMNS = ("question_id", "session_id", "mode", "given", "score", "correct", "rating", "seconds_spent", "answered_at")
STATE_COLUMNS = ("question_id", "card", "due_at", "stability", "difficulty", "last_review_at", "reps", "lapses")


def answer_row(question_id: int, mode: str, revlog_id: int, rating: int, score: float, correct: bool, seconds: float, answered_at: datetime) -> tuple[Any, ...]:
    """One attempt of the import, in :data:`ATTEMPT_COLUMNS` order.

    ``given`` is ``{"anki_revlog": id, "rating": n}`` as the engine's JSON encoder writes
    it: both are plain ints (collection.py reads them with ``int()``), written as ``repr``.
    """
    given = f'{{"anki_revlog": {int(revlog_id)}, "rating": {int(rating)}}}'
    return (question_id, None, mode, given, score, 1 if correct else 0, rating, seconds, sql_time(answered_at))


def state_row(question_id: int, values: dict[str, Any], encode_json: Any) -> tuple[Any, ...]:
    """One new review state, in :data:`STATE_COLUMNS` order; ``encode_json``: the engine's JSON serializer."""
    return (
        question_id, encode_json(values["card"]), sql_time(values["due_at"]), values["stability"], values["difficulty"],
        sql_time(values["last_review_at"]), values["reps"], values["lapses"],
    )

"""The import's answers and review states as the values SQLite stores, written by one ``executemany`` each.

SQLAlchemy's Core insert converts every value of every row through its column
type (the JSON encoder, the UTC time type, its parameter bookkeeping): for the
20,000 answers of a 5,000-note package that was about twice the time of the
insert itself. The rows here are built as the tuples SQLAlchemy would have
passed to SQLite — the same text for times and JSON, 1/0 for booleans — and
written on the session's connection, in its transaction.
``tests/core/anki/test_import_rows.py`` compares them with SQLAlchemy's own
insert of the same values.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from quizdesk.core.clock import as_utc

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

ATTEMPT_COLUMNS = ("question_id", "session_id", "mode", "given", "score", "correct", "rating", "seconds_spent", "answered_at")
STATE_COLUMNS = ("question_id", "card", "due_at", "stability", "difficulty", "last_review_at", "reps", "lapses")


def sql_time(moment: datetime | None) -> str | None:
    """``moment`` as the UTC time column stores it (``UTCDateTime`` → SQLAlchemy's SQLite DATETIME text)."""
    if moment is None:
        return None
    m = as_utc(moment, "a time written to the database")
    return "%04d-%02d-%02d %02d:%02d:%02d.%06d" % (m.year, m.month, m.day, m.hour, m.minute, m.second, m.microsecond)


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


def insert_rows(connection: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """``rows`` into ``table`` with one executemany on the session's ``connection``."""
    if rows:
        marks = ", ".join("?" * len(columns))
        connection.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)


def json_encoder(connection: Connection) -> Any:
    """The engine's JSON serializer (store.py sets one), as its JSON columns use it."""
    import json

    return getattr(connection.dialect, "_json_serializer", None) or json.dumps

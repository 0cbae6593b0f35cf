"""Values as SQLAlchemy's column types write them, for an ``executemany`` of ready rows.

A bulk write of thousands of rows (an import) spends more time in SQLAlchemy's
value-by-value conversion than in SQLite. Code that writes such rows itself
converts with these, so the stored text is the one the models' own inserts
store (tests compare the two: tests/core/anki/test_import_rows.py,
tests/core/content/test_sync_bulk_index.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from quizdesk.core.clock import db_time

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def sql_time(moment: datetime | None) -> str | None:
    """``moment`` as a ``UTCDateTime`` column stores it: naive UTC in SQLAlchemy's SQLite DATETIME text."""
    return None if moment is None else db_time(moment, "a time written to the database")


def json_encoder(connection: Connection) -> Callable[[Any], str]:
    """The engine's JSON serializer, as its JSON columns use it (store.py sets one; SQLAlchemy's default otherwise)."""
    encoder: Callable[[Any], str] | None = getattr(connection.dialect, "_json_serializer", None)
    return encoder or json.dumps


def insert_rows(connection: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """``rows`` (values in ``columns`` order, converted as above) into ``table`` with one executemany."""
    if rows:
        marks = ", ".join("?" * len(columns))
        connection.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

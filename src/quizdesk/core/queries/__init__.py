"""Typed read queries on a plain ``sqlite3.Connection``.

The start-up path and every quick read of the UI use them before SQLAlchemy is
imported (``Store.read()``, ``Collection.read``); the ORM code reaches the same
query through ``session.connection()`` (see :func:`raw_connection`), so each
figure (due count, resumable exam…) has one definition. Times are compared as
the database stores them: ``quizdesk.core.clock.db_time``.
"""

from __future__ import annotations

import sqlite3
from typing import Any


def raw_connection(session: Any) -> sqlite3.Connection:
    """The ``sqlite3`` connection under an SQLAlchemy session, in its transaction."""
    driver = session.connection().connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        raise TypeError(f"expected an sqlite3 connection under the session, got {type(driver).__name__}")
    return driver

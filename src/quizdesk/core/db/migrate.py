"""Bring a database to the schema this version of QuizDesk expects.

Alembic (and SQLAlchemy) are imported only when a migration is actually due,
which keeps them off the start-up path of every launch after the first.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions; a test keeps the two in step.
SCHEMA_HEAD = "0008"
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")


class NewerSchemaError(RuntimeError):
    """The database was written by a newer QuizDesk than this one."""


def current_revision_raw(connection: sqlite3.Connection) -> str | None:
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_table:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def check_known(revision: str | None) -> None:
    """Raise :class:`NewerSchemaError` for a revision this version does not know."""
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerSchemaError(
            f"This database has schema revision {revision}, made by a newer QuizDesk. "
            "Update QuizDesk to open it."
        )


def _alembic_config(connection: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` in one transaction."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), revision)

"""Bring a database to the schema this version of QuizDesk expects.

Alembic is imported only when a migration is actually due, which keeps it off
the start-up path of every launch after the first.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest revision in migrations/versions; a test keeps the two in step.
SCHEMA_HEAD = "0003"
KNOWN_REVISIONS = ("0001", "0002", "0003")


class NewerSchemaError(RuntimeError):
    """The database was written by a newer QuizDesk than this one."""


def current_revision(connection: Connection) -> str | None:
    has_table = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
    ).first()
    if not has_table:
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def has_user_tables(connection: Connection) -> bool:
    row = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' LIMIT 1")
    ).first()
    return row is not None


def _alembic_config(connection: Connection):  # type: ignore[no-untyped-def]
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


def needs_upgrade(engine: Engine) -> tuple[bool, str | None]:
    """(whether a migration is due, the current revision). Raises
    :class:`NewerSchemaError` for a revision this version does not know."""
    with engine.connect() as connection:
        revision = current_revision(connection)
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerSchemaError(
            f"This database has schema revision {revision}, made by a newer QuizDesk. "
            "Update QuizDesk to open it."
        )
    return revision != SCHEMA_HEAD, revision

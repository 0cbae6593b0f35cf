"""Migration 0008: the partial index of blank exam answers, and the weak-area check that reads it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from quizdesk.core.db import migrate
from quizdesk.core.db.store import make_engine
from quizdesk.core.paths import DB_FILENAME


def _indexes(engine) -> dict[str, str]:
    with engine.connect() as c:
        return {name: sql for name, sql in c.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'attempts'"))}


def test_upgrade_from_0007_adds_the_partial_index_and_downgrade_removes_it(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    migrate.upgrade(engine, "0007")
    assert "ix_attempts_blank_exam" not in _indexes(engine)
    migrate.upgrade(engine, "0008")
    sql = _indexes(engine)["ix_attempts_blank_exam"]
    assert "WHERE session_id IS NOT NULL AND mode = 'exam' AND (given IS NULL OR given IN ('null', '[]'))" in sql
    from alembic import command

    with engine.begin() as c:
        command.downgrade(migrate._alembic_config(c), "0007")
    assert "ix_attempts_blank_exam" not in _indexes(engine)
    engine.dispose()

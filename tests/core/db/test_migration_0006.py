"""Migration 0006 adds the interviews table to a database at 0005 and keeps its data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select, text

from quizdesk.core.db import migrate
from quizdesk.core.db.models import Interview
from quizdesk.core.db.store import make_engine, open_store
from quizdesk.core.paths import DB_FILENAME


def test_database_at_0005_upgrades_keeps_its_questions_and_stores_interviews(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    migrate.upgrade(engine, "0005")
    with engine.begin() as c:
        assert c.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'interviews'")).scalar() == 0
        c.execute(text("INSERT INTO topics (id, key, name, name_en, origin, sort_order) VALUES (1, 'm', '模块', 'M', 'bundled', 0)"))
        c.execute(text(
            "INSERT INTO questions (external_id, origin, topic_id, qtype, title, body_md, answer_md, key_points, choices, "
            "difficulty, tags, source_path, source_line, content_hash, sort_order, created_at, updated_at) VALUES "
            "('q1', 'bundled', 1, 'open', '梯度裁剪', '', '限制范数', '[]', '[]', 2, '[]', '', 0, 'h', 0, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        ))
    engine.dispose()

    store = open_store(data_dir)
    with store.read() as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.SCHEMA_HEAD,)
        assert c.execute("SELECT title FROM questions").fetchall() == [("梯度裁剪",)]
        plan = c.execute("EXPLAIN QUERY PLAN SELECT id, qtype FROM questions WHERE topic_id = 1 AND retired_at IS NULL ORDER BY sort_order").fetchall()
        assert "COVERING INDEX ix_questions_topic_plan" in str(plan)
    with store.session() as session:
        session.add(Interview(name="字节 一面", date=date(2026, 12, 20), module_keys=["m"], topic_keys=[], daily_minutes=30))
    with store.session() as session:
        saved = session.scalars(select(Interview)).one()
        assert (saved.name, saved.date, saved.module_keys, saved.daily_minutes) == ("字节 一面", date(2026, 12, 20), ["m"], 30)
        assert saved.created_at.tzinfo is not None
    with store.read() as c:  # a local calendar date, stored as the date itself
        assert c.execute("SELECT date FROM interviews").fetchone() == ("2026-12-20",)
    store.close()
    assert len(list((data_dir / "backups").glob("*before-migration-from-0005.db"))) == 1

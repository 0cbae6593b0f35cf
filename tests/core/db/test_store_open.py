"""Opening the store: pragmas, migrations with a backup, and clear errors on bad files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from quizdesk.core.db import migrate
from quizdesk.core.db.migrate import SCHEMA_HEAD
from quizdesk.core.db.models import Base
from quizdesk.core.db.store import StoreError, make_engine, open_store
from quizdesk.core.paths import DB_FILENAME


def test_new_database_is_wal_with_foreign_keys_at_head(data_dir: Path) -> None:
    store = open_store(data_dir)
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
    store.close()
    assert not (data_dir / "backups").exists()  # nothing to back up on a first start


def test_head_constant_matches_migration_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(cfg)
    assert scripts.get_current_head() == SCHEMA_HEAD
    assert sorted(r.revision for r in scripts.walk_revisions()) == sorted(migrate.KNOWN_REVISIONS)


def test_migrated_schema_matches_models(store) -> None:
    inspector = inspect(store.engine)
    for table in Base.metadata.sorted_tables:
        db_columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert db_columns == {c.name for c in table.columns}, table.name


def _insert_raw_questions(connection, rows: list[dict[str, str]]) -> None:
    """A topic and questions written with plain SQL, as an older schema stores them."""
    connection.execute(text("INSERT INTO topics (id, key, name, name_en, origin, sort_order) VALUES (1, 'm', '模块', 'M', 'bundled', 0)"))
    connection.execute(
        text(
            "INSERT INTO questions (external_id, origin, topic_id, qtype, title, body_md, answer_md, key_points, "
            "choices, difficulty, tags, source_path, source_line, content_hash, sort_order, created_at, updated_at) "
            "VALUES (:id, 'bundled', 1, :qtype, :title, '', :answer, :points, :choices, 2, '[]', '', 0, 'h', 0, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        ),
        rows,
    )


def test_migration_from_previous_revision_keeps_data_and_backs_up(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    db_path = data_dir / DB_FILENAME
    engine = make_engine(db_path)
    migrate.upgrade(engine, "0001")
    with engine.begin() as c:
        _insert_raw_questions(c, [{"id": "q1", "qtype": "open", "title": "什么是梯度裁剪技术", "answer": "限制梯度范数", "points": "[]", "choices": "[]"}])
    engine.dispose()

    store = open_store(data_dir)
    with store.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
        # 0002 built the search index over the rows that were already there (0005 rebuilt it).
        rows = c.execute(text("SELECT rowid FROM question_fts WHERE question_fts MATCH '梯度裁剪'")).all()
        assert len(rows) == 1
    store.close()
    backups = list((data_dir / "backups").glob("*before-migration-from-0001.db"))
    assert len(backups) == 1
    check = sqlite3.connect(backups[0])
    assert check.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert check.execute("SELECT count(*) FROM questions").fetchone() == (1,)
    check.close()


def test_database_at_0004_upgrades_and_finds_key_points_choices_and_a_final_pair(data_dir: Path) -> None:
    from quizdesk.core.search import search

    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    migrate.upgrade(engine, "0004")
    with engine.begin() as c:
        _insert_raw_questions(c, [
            {"id": "open", "qtype": "open", "title": "梯度裁剪", "answer": "先反向传播，最后是蝌蚪",
             "points": '["限制范数", "保持方向不变"]', "choices": "[]"},
            {"id": "single", "qtype": "single", "title": "选择题", "answer": "",
             "points": "[]", "choices": '[{"text": "长度缩小", "correct": true}, {"text": "方向改变", "correct": false}]'},
            {"id": "tf", "qtype": "truefalse", "title": "判断题", "answer": "",
             "points": "[]", "choices": '[{"text": "正确", "correct": true}, {"text": "错误", "correct": false}]'},
        ])
        assert c.execute(text("SELECT count(*) FROM question_fts WHERE question_fts MATCH '方向不变'")).scalar() == 0
    engine.dispose()

    store = open_store(data_dir)
    with store.read() as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
        found = {query: [h.external_id for h in search(c, query)] for query in ("方向不变", "范数", "长度缩小", "蝌蚪", "正确")}
    assert found == {"方向不变": ["open"], "范数": ["open"], "长度缩小": ["single"], "蝌蚪": ["open"], "正确": []}
    with store.engine.begin() as c:  # the rebuilt index holds exactly the text of its content view
        c.execute(text("INSERT INTO question_fts(question_fts, rank) VALUES ('integrity-check', 1)"))
    store.close()
    assert len(list((data_dir / "backups").glob("*before-migration-from-0004.db"))) == 1


def test_file_that_is_not_a_database_is_refused_and_left_alone(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    junk = os.urandom(4096)
    (data_dir / DB_FILENAME).write_bytes(junk)
    with pytest.raises(StoreError) as info:
        open_store(data_dir)
    assert info.value.kind == "notadb" and "not a QuizDesk database" in info.value.message
    assert (data_dir / DB_FILENAME).read_bytes() == junk


def test_newer_schema_is_refused(store) -> None:
    with store.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(StoreError) as info:
        open_store(store.path.parent)
    assert info.value.kind == "newer" and "newer QuizDesk" in info.value.message


def test_locked_database_gives_a_clear_message(store) -> None:
    store.close()
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as info:
            open_store(store.path.parent)
        assert info.value.kind == "locked" and "in use by another program" in info.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _run_cli_on_read_only_dir(folder: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the CLI with ``folder`` really read-only.

    File modes do not stop root (CI runs as root), so there the folder is
    bind-mounted read-only in a private mount namespace instead.
    """
    command = [sys.executable, "-m", "quizdesk", *args]
    if os.geteuid() == 0:
        script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
        command = ["unshare", "--mount", "sh", "-c", script, str(folder), *command]
    else:
        folder.chmod(0o555)
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_read_only_data_dir_gives_a_clear_message_and_writes_nothing(tmp_path: Path) -> None:
    readonly = tmp_path / "ro"
    readonly.mkdir()
    result = _run_cli_on_read_only_dir(readonly, ["search", "梯度", "--data-dir", str(readonly)])
    assert result.returncode == 2, result.stderr
    assert "cannot write to its data folder" in result.stderr
    assert "Traceback" not in result.stderr
    assert list(readonly.iterdir()) == []


def _busy_timeout(session) -> int:
    return int(session.execute(text("PRAGMA busy_timeout")).scalar_one())


def test_a_quick_session_fails_fast_on_a_held_lock_and_restores_the_timeout(store) -> None:
    from quizdesk.core.db.models import AppMeta
    from quizdesk.core.db.store import BUSY_TIMEOUT_MS

    with store.session(busy_timeout_ms=50) as session:
        assert _busy_timeout(session) == 50
        session.add(AppMeta(key="quick", value="1"))
    with store.session() as session:
        assert _busy_timeout(session) == BUSY_TIMEOUT_MS  # the pooled connection got its timeout back
        assert session.get(AppMeta, "quick").value == "1"

    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(Exception, match="locked"):
            with store.session(busy_timeout_ms=50) as session:
                session.add(AppMeta(key="blocked", value="1"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with store.session() as session:
        assert _busy_timeout(session) == BUSY_TIMEOUT_MS
        assert session.get(AppMeta, "blocked") is None
        session.add(AppMeta(key="after", value="1"))  # the store still writes normally
    with store.session() as session:
        assert session.get(AppMeta, "after") is not None


def test_json_columns_are_stored_as_readable_utf8(store) -> None:
    """The engine's JSON serialiser writes Chinese as itself, not as \\u escapes (the key points
    and choices of 20,000 questions stay half the size, and the search view reads them as text)."""
    from quizdesk.core.db.models import Question, Topic

    with store.session() as session:
        topic = Topic(key="m", name="模块")
        session.add(topic)
        session.flush()
        session.add(Question(external_id="q", topic_id=topic.id, qtype="open", title="题", content_hash="h",
                             key_points=["梯度裁剪", 'a "quote"'], tags=["优化"]))
    with store.read() as c:
        assert c.execute("SELECT key_points, tags FROM questions").fetchone() == ('["梯度裁剪", "a \\"quote\\""]', '["优化"]')


def test_checks_started_on_a_thread_open_the_same_store(store, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from quizdesk.core.db import store as store_module

    store.close()
    ran_on: list[str] = []
    real_check = store_module.check_store

    def recording_check(data_dir: Path) -> str | None:
        ran_on.append(threading.current_thread().name)
        return real_check(data_dir)

    monkeypatch.setattr(store_module, "check_store", recording_check)
    checked = store_module.start_check(store.path.parent)
    reopened = open_store(store.path.parent, checked=checked)
    try:
        assert ran_on == ["quizdesk-store-check"]  # not the caller's thread, and not run twice
        with reopened.read() as connection:
            assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
    finally:
        reopened.close()


def test_a_check_that_failed_on_its_thread_fails_the_open_with_its_message(data_dir: Path, store) -> None:
    from quizdesk.core.db.store import start_check

    store.close()
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        checked = start_check(store.path.parent)
        with pytest.raises(StoreError) as info:
            open_store(store.path.parent, checked=checked)
        assert info.value.kind == "locked" and "in use by another program" in info.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    junk = data_dir.parent / "junk"
    junk.mkdir()
    (junk / DB_FILENAME).write_bytes(b"not a database")
    with pytest.raises(StoreError) as info:
        open_store(junk, checked=start_check(junk))
    assert info.value.kind == "notadb" and (junk / DB_FILENAME).read_bytes() == b"not a database"


def test_a_newer_schema_found_by_a_started_check_is_refused(store) -> None:
    from quizdesk.core.db.store import start_check

    with store.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(StoreError) as info:
        open_store(store.path.parent, checked=start_check(store.path.parent))
    assert info.value.kind == "newer"

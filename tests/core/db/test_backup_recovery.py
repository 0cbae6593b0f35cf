"""Backups, restore, and damaged databases: clear errors, nothing overwritten."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from quizdesk.core.db.backup import (
    DEFAULT_KEEP,
    backup_before,
    configured_keep,
    daily_backup_if_due,
    list_backups,
    prune_backups,
    set_configured_keep,
    timestamped_backup,
)
from quizdesk.core.db.models import Question
from quizdesk.core.db.recovery import latest_good_backup, restore_backup, start_fresh, validate_database_file
from quizdesk.core.db.store import Store, StoreError, open_store
from quizdesk.core.paths import DB_FILENAME


def _question_count(store: Store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Question)) or 0


def test_truncated_database_is_reported_and_kept(synced_store: Store) -> None:
    path = synced_store.path
    synced_store.close()
    data = path.read_bytes()
    cut = data[: len(data) // 2]
    path.write_bytes(cut)
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    with pytest.raises(StoreError) as info:
        open_store(path.parent)
    assert info.value.kind == "corrupt" and "Restore a backup" in info.value.message
    assert path.read_bytes() == cut
    assert validate_database_file(path) is not None


def test_random_bytes_with_sqlite_header_are_reported(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_FILENAME).write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    with pytest.raises(StoreError) as info:
        open_store(data_dir)
    assert info.value.kind in ("corrupt", "notadb")


def test_backup_restore_round_trip(synced_store: Store, bank_dir: Path) -> None:
    path = synced_store.path
    backup = timestamped_backup(path, "manual")
    assert validate_database_file(backup) is None
    with synced_store.session() as s:
        s.execute(delete(Question).where(Question.external_id == "t-attn"))
    assert _question_count(synced_store) == 4
    synced_store.close()
    kept = restore_backup(path, backup)
    assert kept is not None and kept.exists()  # the replaced database is kept as a backup
    store = open_store(path.parent)
    assert _question_count(store) == 5
    store.close()
    assert {b.reason for b in list_backups(path)} == {"manual", "before-restore"}


def test_restore_refuses_a_bad_backup_and_changes_nothing(synced_store: Store, tmp_path: Path) -> None:
    synced_store.close()
    before = synced_store.path.read_bytes()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database")
    with pytest.raises(ValueError, match="cannot be restored"):
        restore_backup(synced_store.path, junk)
    assert synced_store.path.read_bytes() == before


def test_start_fresh_sets_the_damaged_file_aside(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    db = data_dir / DB_FILENAME
    db.write_bytes(b"garbage")
    kept = start_fresh(db)
    assert kept is not None and kept.read_bytes() == b"garbage" and ".damaged-" in kept.name
    store = open_store(data_dir)
    store.close()


def test_daily_backup_once_a_day_and_pruned(synced_store: Store) -> None:
    path = synced_store.path
    day0 = datetime(2026, 11, 1, 8, tzinfo=timezone.utc)
    assert daily_backup_if_due(path, day0, keep=3) is not None
    assert daily_backup_if_due(path, day0 + timedelta(hours=5), keep=3) is None
    for day in range(1, 6):
        assert daily_backup_if_due(path, day0 + timedelta(days=day), keep=3) is not None
    backups = list_backups(path)
    assert len(backups) == 3 and backups[0].created_at == day0 + timedelta(days=5)
    assert prune_backups(path, keep=1) and len(list_backups(path)) == 1
    assert latest_good_backup(path) is not None


def test_the_number_of_backups_kept_is_stored_in_the_database(synced_store: Store) -> None:
    import sqlite3

    path = synced_store.path
    assert configured_keep(path) == DEFAULT_KEEP
    connection = sqlite3.connect(path)
    try:
        assert set_configured_keep(connection, 0) == 1  # clamped: at least one copy
        assert set_configured_keep(connection, 2) == 2
    finally:
        connection.close()
    assert configured_keep(path) == 2
    day0 = datetime(2026, 11, 1, 8, tzinfo=timezone.utc)
    for minute in range(4):
        backup_before(path, "before-import", day0 + timedelta(minutes=minute))
    assert [b.created_at.minute for b in list_backups(path)] == [3, 2]

"""Copies of the database made with SQLite's online backup API, kept rolling.

The backup API copies a consistent snapshot page by page, even while another
connection is writing, unlike a plain file copy of a WAL database. Backups are
made on start (at most once a day), before every migration and import, and on
demand; the newest ``keep`` automatic ones are kept.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from quizdesk.core.clock import utc_or_now

BACKUP_DIRNAME = "backups"
DEFAULT_KEEP = 10
#: How many backups to keep lives in the database itself (``app_meta``), so the
#: GUI's setting also holds for ``quizdesk import`` run from a terminal.
KEEP_META_KEY = "backup_keep"
MIN_KEEP, MAX_KEEP = 1, 100
_NAME_RE = re.compile(r"^quizdesk-(\d{8}T\d{12}Z)-([a-z0-9-]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str
    size: int


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIRNAME


def backup_database(source: Path, destination: Path) -> Path:
    """Write a consistent copy of ``source`` to ``destination`` (atomically)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    partial.replace(destination)
    return destination


def timestamped_backup(db_path: Path, reason: str, now: datetime | None = None) -> Path:
    """Back up ``db_path`` into the ``backups`` folder beside it."""
    stamp = utc_or_now(now).strftime("%Y%m%dT%H%M%S%fZ")
    return backup_database(db_path, backups_dir(db_path) / f"quizdesk-{stamp}-{reason}.db")


def list_backups(db_path: Path) -> list[BackupInfo]:
    """Backups beside ``db_path``, newest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("quizdesk-*.db"):
        match = _NAME_RE.match(path.name)
        if not match:
            continue
        created = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)
        found.append(BackupInfo(path, created, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: b.created_at, reverse=True)


def configured_keep(db_path: Path) -> int:
    """The number of backups to keep, as set in this database (default 10)."""
    if not db_path.exists():
        return DEFAULT_KEEP
    try:
        connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT value FROM app_meta WHERE key = ?", (KEEP_META_KEY,)).fetchone()
        finally:
            connection.close()
        return min(MAX_KEEP, max(MIN_KEEP, int(row[0]))) if row else DEFAULT_KEEP
    except (sqlite3.Error, ValueError):
        return DEFAULT_KEEP


def set_configured_keep(connection: sqlite3.Connection, keep: int) -> int:
    """Store the number of backups to keep (clamped to 1..100) and commit; returns what was stored."""
    with connection:
        return write_configured_keep(connection, keep)


def write_configured_keep(connection: sqlite3.Connection, keep: int) -> int:
    """:func:`set_configured_keep` inside the caller's transaction (the UI's settings op)."""
    value = min(MAX_KEEP, max(MIN_KEEP, int(keep)))
    connection.execute(
        "INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (KEEP_META_KEY, str(value)),
    )
    return value


def backup_before(db_path: Path, reason: str, now: datetime | None = None) -> Path | None:
    """A rolling backup before a risky change (an import, a restore); None if there is no DB yet."""
    if not db_path.exists():
        return None
    path = timestamped_backup(db_path, reason, now)
    prune_backups(db_path, configured_keep(db_path))
    return path


def prune_backups(db_path: Path, keep: int | None = None) -> list[Path]:
    """Delete the oldest backups beyond ``keep`` (default: the configured count); returns what was removed."""
    if keep is None:
        keep = configured_keep(db_path)
    removed = []
    for info in list_backups(db_path)[max(1, keep) :]:
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def daily_backup_if_due(db_path: Path, now: datetime | None = None, keep: int | None = None) -> Path | None:
    """The start-up backup: made when the newest backup is a day old or more."""
    moment = utc_or_now(now)
    if not db_path.exists():
        return None
    existing = list_backups(db_path)
    if existing and moment - existing[0].created_at < timedelta(days=1):
        return None
    path = timestamped_backup(db_path, "daily", moment)
    prune_backups(db_path, keep)
    return path

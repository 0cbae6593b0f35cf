"""Getting a user back to a working database: validate, restore, set aside.

Nothing here deletes data: the file being replaced is always kept (renamed
beside the database, or copied into the backups folder) first.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from quizdesk.core.db.backup import BackupInfo, backup_database, list_backups, timestamped_backup
from quizdesk.core.db.migrate import KNOWN_REVISIONS

SQLITE_MAGIC = b"SQLite format 3\x00"
_SIDE_FILES = ("-wal", "-shm")


def validate_database_file(path: Path) -> str | None:
    """None if ``path`` is a healthy QuizDesk database this version can open,
    else a sentence saying what is wrong with it."""
    try:
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return "it is not an SQLite database"
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    try:
        check = connection.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            return f"it is damaged ({check[0] if check else 'no answer'})"
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables or "questions" not in tables:
            return "it is not a QuizDesk database"
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        if not revision or revision[0] not in KNOWN_REVISIONS:
            return "it was written by a newer QuizDesk"
    except sqlite3.DatabaseError as exc:
        return f"it is damaged ({exc})"
    finally:
        connection.close()
    return None


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def set_aside(db_path: Path) -> Path | None:
    """Rename the database (and its WAL/SHM files) out of the way; returns the new name."""
    if not db_path.exists():
        return None
    target = db_path.with_name(f"{db_path.name}.damaged-{_stamp()}")
    for suffix in _SIDE_FILES:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    db_path.replace(target)
    return target


def restore_backup(db_path: Path, backup: Path) -> Path | None:
    """Replace the database with ``backup`` after checking it.

    The current database is kept first: backed up if it is readable, else set
    aside under a ``.damaged-`` name. Returns where the old file went. Raises
    ValueError (with a user-readable message) if the backup is not usable.
    """
    problem = validate_database_file(backup)
    if problem is not None:
        raise ValueError(f"The backup {backup.name} cannot be restored: {problem}.")
    kept: Path | None = None
    if db_path.exists():
        if validate_database_file(db_path) is None:
            kept = timestamped_backup(db_path, "before-restore")
            for suffix in ("", *_SIDE_FILES):
                db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        else:
            kept = set_aside(db_path)
    partial = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup, partial)
    partial.replace(db_path)
    return kept


def latest_good_backup(db_path: Path) -> BackupInfo | None:
    for info in list_backups(db_path):
        if validate_database_file(info.path) is None:
            return info
    return None


def start_fresh(db_path: Path) -> Path | None:
    """Set the current database aside so the next open creates a new one."""
    return set_aside(db_path)


__all__ = [
    "backup_database",
    "latest_good_backup",
    "restore_backup",
    "set_aside",
    "start_fresh",
    "validate_database_file",
]

"""Copies of the database made with SQLite's online backup API.

The backup API copies a consistent snapshot page by page, even while another
connection is writing, unlike a plain file copy of a WAL database.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

BACKUP_DIRNAME = "backups"


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
    finally:
        src.close()
    partial.replace(destination)
    return destination


def timestamped_backup(db_path: Path, reason: str) -> Path:
    """Back up ``db_path`` into the ``backups`` folder beside it."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = db_path.parent / BACKUP_DIRNAME / f"quizdesk-{stamp}-{reason}.db"
    return backup_database(db_path, target)

"""Load the bundled bank (``content/``) into the database on start.

The parse is skipped when the bank's files have not changed since the last
sync (a fingerprint of names, sizes and modification times is kept in the DB),
so an ordinary launch costs one directory walk and one small query, made on
the raw connection before SQLAlchemy is even imported.
"""

from __future__ import annotations

import sqlite3
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from quizdesk.core.content.sync import SyncReport

FINGERPRINT_KEY = "bundled_bank_fingerprint"


def _bank_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.md") if p.is_file() and p.name.lower() != "readme.md")


def bank_fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for path in _bank_files(root):
        stat = path.stat()
        digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def bank_needs_sync(connection: sqlite3.Connection, root: Path) -> bool:
    """Whether ``root`` differs from what was last synced."""
    if not root.is_dir():
        return False
    row = connection.execute("SELECT value FROM app_meta WHERE key = :key", {"key": FINGERPRINT_KEY}).fetchone()
    return row is None or row[0] != bank_fingerprint(root)


def sync_bundled_bank(session: Session, root: Path, *, force: bool = False) -> SyncReport | None:
    """Sync ``root`` into the DB; None when it is unchanged since the last sync.

    A missing bank folder is not an error: the app still opens on the DB.
    """
    from quizdesk.core.content.bank_parser import parse_bank
    from quizdesk.core.content.sync import BUNDLED_ORIGIN, sync_questions
    from quizdesk.core.db.models import AppMeta

    if not root.is_dir():
        return None
    fingerprint = bank_fingerprint(root)
    meta = session.get(AppMeta, FINGERPRINT_KEY)
    if meta is not None and meta.value == fingerprint and not force:
        return None
    parsed = parse_bank(root)
    report = sync_questions(session, parsed.questions, origin=BUNDLED_ORIGIN, retire_missing=True)
    report.problems[:0] = parsed.problems
    if meta is None:
        session.add(AppMeta(key=FINGERPRINT_KEY, value=fingerprint))
    else:
        meta.value = fingerprint
    return report

"""Load the bundled bank (``content/``) into the database on start.

The parse is skipped when the bank's files have not changed since the last
sync (a fingerprint of names, sizes and modification times is kept in the DB),
so an ordinary launch costs one small query.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy.orm import Session

from quizdesk.core.content.bank_parser import bank_files, parse_bank
from quizdesk.core.content.sync import BUNDLED_ORIGIN, SyncReport, sync_questions
from quizdesk.core.db.models import AppMeta

FINGERPRINT_KEY = "bundled_bank_fingerprint"


def bank_fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for path in bank_files(root):
        stat = path.stat()
        digest.update(f"{path.relative_to(root).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def sync_bundled_bank(session: Session, root: Path, *, force: bool = False) -> SyncReport | None:
    """Sync ``root`` into the DB; None when it is unchanged since the last sync.

    A missing bank folder is not an error: the app still opens on the DB.
    """
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

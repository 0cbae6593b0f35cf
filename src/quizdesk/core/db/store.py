"""Opening the QuizDesk database: one SQLite file, WAL, foreign keys, migrated.

Everything that can go wrong on open (a read-only folder, a locked or damaged
file, a newer schema) becomes a :class:`StoreError` whose message a user can
act on; nothing is written before the checks pass.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from quizdesk.core.db.backup import timestamped_backup
from quizdesk.core.db.migrate import NewerSchemaError, needs_upgrade, upgrade
from quizdesk.core.paths import DB_FILENAME

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 2000


class StoreError(RuntimeError):
    """The database cannot be opened; ``message`` says why and what to do."""

    def __init__(self, kind: str, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.kind = kind  # "readonly" | "locked" | "corrupt" | "notadb" | "newer"
        self.message = message
        self.path = path


@dataclass
class Store:
    path: Path
    engine: Engine
    session_factory: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on error."""
        with self.session_factory.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    # NORMAL in WAL mode: a committed transaction survives an application crash;
    # only a power loss can roll back the last commits (docs/reliability.md).
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(db_path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{db_path}",
        json_serializer=lambda obj: json.dumps(obj, ensure_ascii=False),
    )
    event.listen(engine, "connect", _on_connect)
    return engine


def _check_folder(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            "readonly",
            f"QuizDesk cannot create its data folder {data_dir}: {exc.strerror or exc}. "
            "Choose a writable folder with --data-dir or QUIZDESK_DATA_DIR.",
            data_dir,
        ) from exc
    probe = data_dir / f".write-test-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StoreError(
            "readonly",
            f"QuizDesk cannot write to its data folder {data_dir}: {exc.strerror or exc}. "
            "Make it writable, or choose another folder with --data-dir or QUIZDESK_DATA_DIR.",
            data_dir,
        ) from exc


def _check_header(db_path: Path) -> None:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return
    with db_path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        raise StoreError(
            "notadb",
            f"{db_path} is not a QuizDesk database (it is not an SQLite file). "
            "Restore a backup or start fresh; the file will be kept aside.",
            db_path,
        )


def _check_health(engine: Engine, db_path: Path) -> None:
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")
            result = connection.exec_driver_sql("PRAGMA quick_check").scalar()
            if result != "ok":
                raise StoreError(
                    "corrupt",
                    f"The database {db_path} is damaged ({result}). "
                    "Restore a backup or start fresh; the damaged file will be kept aside.",
                    db_path,
                )
            # Take and release the write lock: another process holding it
            # (a second QuizDesk, a sync tool) is reported now, not mid-exam.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            connection.exec_driver_sql("ROLLBACK")
    except DBAPIError as exc:
        raise _classify(exc, db_path) from exc


def _classify(exc: DBAPIError, db_path: Path) -> StoreError:
    detail = str(exc.orig)
    if "locked" in detail or "busy" in detail:
        return StoreError(
            "locked",
            f"The database {db_path} is in use by another program (is QuizDesk already "
            "running?). Close it and try again.",
            db_path,
        )
    if "readonly" in detail or "read-only" in detail:
        return StoreError("readonly", f"The database {db_path} is read-only: {detail}.", db_path)
    return StoreError(
        "corrupt",
        f"The database {db_path} cannot be read ({detail}). "
        "Restore a backup or start fresh; the file will be kept aside.",
        db_path,
    )


def open_store(data_dir: Path) -> Store:
    """Open (creating or migrating as needed) the database in ``data_dir``."""
    _check_folder(data_dir)
    db_path = data_dir / DB_FILENAME
    _check_header(db_path)
    engine = make_engine(db_path)
    try:
        _check_health(engine, db_path)
        try:
            due, revision = needs_upgrade(engine)
        except NewerSchemaError as exc:
            raise StoreError("newer", str(exc), db_path) from exc
        if due:
            if revision is not None:
                engine.dispose()
                timestamped_backup(db_path, f"before-migration-from-{revision}")
            upgrade(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise _classify(exc, db_path) from exc
    except StoreError:
        engine.dispose()
        raise
    return Store(db_path, engine, sessionmaker(engine, expire_on_commit=False))


def integrity_ok(engine: Engine) -> bool:
    with engine.connect() as connection:
        return connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"

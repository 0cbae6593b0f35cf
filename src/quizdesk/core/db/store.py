"""Opening the QuizDesk database: one SQLite file, WAL, foreign keys, migrated.

Everything that can go wrong on open (a read-only folder, a locked or damaged
file, a newer schema) becomes a :class:`StoreError` whose message a user can
act on; nothing is written before the checks pass.

The checks and the first reads use the standard library's ``sqlite3`` only;
SQLAlchemy (a few hundred milliseconds to import) is loaded on the first
:meth:`Store.session`, so the main window can paint before it is needed.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from quizdesk.core.paths import DB_FILENAME

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 2000


class StoreError(RuntimeError):
    """The database cannot be opened; ``message`` says why and what to do."""

    def __init__(self, kind: str, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.kind = kind  # "readonly" | "locked" | "corrupt" | "notadb" | "newer"
        self.message = message
        self.path = path


def configure_connection(connection: sqlite3.Connection) -> None:
    """The pragmas every QuizDesk connection runs with."""
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys=ON")
    # NORMAL in WAL mode: a committed transaction survives an application crash;
    # only a power loss can roll back the last commits (docs/reliability.md).
    connection.execute("PRAGMA synchronous=NORMAL")


def connect(db_path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(db_path, isolation_level=None)
    configure_connection(connection)
    return connection


def make_engine(db_path: Path) -> Engine:
    import json

    from sqlalchemy import create_engine, event

    engine = create_engine(
        f"sqlite:///{db_path}",
        # json.dumps(obj, ensure_ascii=False) builds a new encoder at every call: one encoder,
        # the same text, in 60 % of the time (an Anki import writes 40,000 JSON values).
        json_serializer=json.JSONEncoder(ensure_ascii=False).encode,
    )
    event.listen(engine, "connect", lambda dbapi_connection, _record: configure_connection(dbapi_connection))
    return engine


class Store:
    """The open database. ``session()`` for ORM work, ``read()`` for quick raw reads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine: Engine | None = None
        self._session_factory: sessionmaker[Session] | None = None
        self._reader: sqlite3.Connection | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.path)
        return self._engine

    @property
    def session_factory(self) -> sessionmaker[Session]:
        if self._session_factory is None:
            from sqlalchemy.orm import sessionmaker

            self._session_factory = sessionmaker(self.engine, expire_on_commit=False)
        return self._session_factory

    @contextmanager
    def session(self, *, busy_timeout_ms: int | None = None) -> Iterator[Session]:
        """A session in a transaction: committed on success, rolled back on error.

        ``busy_timeout_ms`` shortens how long this transaction waits for another
        program's write lock (the default is ``BUSY_TIMEOUT_MS``): a write made
        on the GUI thread that can keep its data in memory and retry would
        rather fail fast than freeze the window for two seconds.
        """
        if busy_timeout_ms is None:
            with self.session_factory.begin() as session:
                yield session
            return
        with self.session_factory() as session:
            connection = session.connection()
            connection.exec_driver_sql(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            try:
                yield session
                session.flush()  # the ORM writes, and so waits for the lock, here
            except BaseException:
                with suppress(Exception):  # a broken connection is discarded by the rollback anyway
                    connection.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
                session.rollback()
                raise
            # The pooled connection goes back with the normal timeout.
            connection.exec_driver_sql(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            session.commit()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A plain ``sqlite3`` connection for read-only queries on the calling thread."""
        if self._reader is None:
            self._reader = connect(self.path)
            self._reader.execute("PRAGMA query_only=ON")
        self._reader.execute("BEGIN")
        try:
            yield self._reader
        finally:
            self._reader.execute("COMMIT")

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._engine is not None:
            self._engine.dispose()


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


def _classify(exc: sqlite3.Error, db_path: Path) -> StoreError:
    detail = str(exc)
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


def _check_health(db_path: Path) -> str | None:
    """Run the checks on a raw connection; returns the schema revision (None if new)."""
    from quizdesk.core.db.migrate import current_revision_raw

    try:
        connection = connect(db_path)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            result = connection.execute("PRAGMA quick_check").fetchone()
            if not result or result[0] != "ok":
                raise StoreError(
                    "corrupt",
                    f"The database {db_path} is damaged ({result[0] if result else 'no answer'}). "
                    "Restore a backup or start fresh; the damaged file will be kept aside.",
                    db_path,
                )
            # Take and release the write lock: another process holding it
            # (a second QuizDesk, a sync tool) is reported now, not mid-exam.
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
            return current_revision_raw(connection)
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise _classify(exc, db_path) from exc


def check_store(data_dir: Path) -> str | None:
    """The checks :func:`open_store` runs before it opens anything: the folder is
    writable, the file is an SQLite database, sound (``PRAGMA quick_check``) and
    not locked by another program. Returns the schema revision (None if new);
    raises :class:`StoreError`. Uses a connection of its own: any thread may run it.
    """
    _check_folder(data_dir)
    db_path = data_dir / DB_FILENAME
    _check_header(db_path)
    return _check_health(db_path)


def start_check(data_dir: Path) -> Callable[[], str | None]:
    """:func:`check_store` on a thread of its own; call the returned function for its result.

    The quick check reads the whole file inside SQLite, which leaves the
    interpreter free (20–45 ms at 5,000 questions): the app starts the checks,
    imports its window's modules meanwhile, then passes the returned function
    to :func:`open_store`, which waits for it and raises its :class:`StoreError`.
    """
    outcome: list[tuple[str | None, BaseException | None]] = []

    def run() -> None:
        try:
            outcome.append((check_store(data_dir), None))
        except BaseException as exc:  # handed to the caller of result(), whatever it is
            outcome.append((None, exc))

    thread = threading.Thread(target=run, name="quizdesk-store-check", daemon=True)
    thread.start()

    def result() -> str | None:
        thread.join()
        revision, error = outcome[0]
        if error is not None:
            raise error
        return revision

    return result


def open_store(data_dir: Path, *, checked: Callable[[], str | None] | None = None) -> Store:
    """Open (creating or migrating as needed) the database in ``data_dir``.

    ``checked``: the checks already started by :func:`start_check` (waited for
    here); without it they run now.
    """
    from quizdesk.core.db.migrate import SCHEMA_HEAD, NewerSchemaError, check_known, upgrade

    db_path = data_dir / DB_FILENAME
    revision = check_store(data_dir) if checked is None else checked()
    try:
        check_known(revision)
    except NewerSchemaError as exc:
        raise StoreError("newer", str(exc), db_path) from exc
    store = Store(db_path)
    if revision != SCHEMA_HEAD:
        try:
            if revision is not None:
                from quizdesk.core.db.backup import timestamped_backup  # only before a migration

                timestamped_backup(db_path, f"before-migration-from-{revision}")
            upgrade(store.engine)
        except Exception as exc:
            store.close()
            orig = getattr(exc, "orig", exc)
            if isinstance(orig, sqlite3.Error):
                raise _classify(orig, db_path) from exc
            raise
    return store


def integrity_ok(store: Store) -> bool:
    with store.read() as connection:
        row = connection.execute("PRAGMA integrity_check").fetchone()
    return bool(row) and row[0] == "ok"

"""The one owner of the open database (Anki's ``mw.col``).

The app makes exactly one :class:`Collection` and passes it down. Views read
through :meth:`Collection.read` (a raw ``sqlite3`` connection: what the start-up
path and every quick read use) or :meth:`Collection.read_orm` (an SQLAlchemy
session that is rolled back: for core reads that exist only on the ORM, e.g.
``load_exam``). They never write: every write is a function in ``ui/ops.py``,
which runs it in one transaction and then emits :attr:`Collection.changed`.

A restore swaps the database file: :meth:`replace_store` closes the old store,
opens the new one and emits :attr:`storeReplaced` (then ``changed(STORE)``), so
no view keeps a closed store. Views keep the collection, never the store.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Signal

from quizdesk.core.db.store import Store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from quizdesk.ui.tasks import TaskRunner

T = TypeVar("T")

#: What the first write needs (a grade, an exam answer, a setting); see Collection.warm_writes.
ORM_MODULES = ("quizdesk.core.db.models", "quizdesk.core.study.exams", "quizdesk.core.study.reviews")
#: The task runner's name for that job (its thread is "quizdesk-" + this).
WARM_JOB = "preload-orm"


def orm_loaded() -> bool:
    """Whether the modules the writes need are imported."""
    return all(name in sys.modules for name in ORM_MODULES)


def _import_orm(_task: Any) -> None:
    import importlib

    for name in ORM_MODULES:
        importlib.import_module(name)


def as_collection(source: Store | Collection) -> Collection:
    """``source`` if it is a collection, else a new one around the store (tests and
    dialogs opened on their own pass a bare store; the app passes its one collection)."""
    return source if isinstance(source, Collection) else Collection(source)


class Collection(QObject):
    """The open :class:`Store`, the change signals and the app's task runner."""

    #: After every committed write: a :class:`quizdesk.ui.ops.Changes` saying what changed.
    changed = Signal(object)
    #: After a restore replaced the database file (``store`` is the new one).
    storeReplaced = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collection")
        self._store = store
        self._tasks: TaskRunner | None = None
        self._warming = False

    @property
    def store(self) -> Store:
        """The open store. Views use it only for its ``path``; they read through
        :meth:`read` and write through ``ui/ops.py``."""
        return self._store

    @property
    def path(self) -> Path:
        """The database file."""
        return self._store.path

    @property
    def data_dir(self) -> Path:
        """The data folder (the database's folder: backups, media, caches)."""
        return self._store.path.parent

    @property
    def tasks(self) -> TaskRunner:
        """The app's one task runner (made on first use: the start-up path needs none)."""
        if self._tasks is None:
            from quizdesk.ui.tasks import TaskRunner

            self._tasks = TaskRunner(self)
        return self._tasks

    def busy(self) -> bool:
        """Whether a job of the task runner runs or waits (never, before the runner is made)."""
        return self._tasks is not None and self._tasks.busy()

    # -- reads ------------------------------------------------------------------
    def read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """``fn(connection)`` on the store's raw read-only connection, in one snapshot."""
        with self._store.read() as connection:
            return fn(connection)

    def read_orm(self, fn: Callable[[Session], T]) -> T:
        """``fn(session)`` for core reads that need the ORM; nothing is committed."""
        with self._store.session_factory() as session:
            try:
                return fn(session)
            finally:
                session.rollback()

    def warm_writes(self) -> None:
        """Load the ORM on the task runner, ahead of a write the user is heading for.

        The library reads through :meth:`read` only, so reading answers never
        loads SQLAlchemy (~0.3 s of CPU and ~35 MB). A page or dialog that writes
        (a study round, an exam, the settings) calls this as it opens: the import
        runs while the user reads the first card or picks the exam. A write that
        comes first simply waits for the import to finish.
        """
        if self._warming or orm_loaded():
            return
        self._warming = True
        self.tasks.run(_import_orm, name=WARM_JOB)

    # -- for ui/ops.py only -------------------------------------------------------
    @contextmanager
    def transaction(self, *, busy_timeout_ms: int | None = None) -> Iterator[Any]:
        """One write transaction (committed on success, rolled back on error).

        Only ``ui/ops.py`` calls this (tests/test_layering.py checks that no other
        ui module opens a session): a write anywhere else would skip the change
        signal and the error message.
        """
        with self._store.session(busy_timeout_ms=busy_timeout_ms) as session:
            yield session

    def replace_store(self, store: Store) -> None:
        """Make ``store`` the open store (after a restore); the old one is closed."""
        from quizdesk.ui.ops import Changes

        old, self._store = self._store, store
        if old is not store:
            old.close()
        self.storeReplaced.emit()
        self.changed.emit(Changes.STORE)

    def close(self) -> None:
        if self._tasks is not None:
            self._tasks.shutdown()
        self._store.close()

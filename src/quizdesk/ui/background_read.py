"""Read-only queries that may take longer than a frame, run off the GUI thread.

DESIGN.md keeps work over ~100 ms off the GUI thread. The weak-area model
over a long history is such work (about 0.1 s at 200,000 attempts), and it
runs each time the library refreshes. :class:`BackgroundRead` runs a query on
a worker thread with its own read-only ``sqlite3`` connection and hands the
result back to the GUI thread through a queued signal.

One query runs at a time and the newest request wins: requests made while a
query runs collapse into one rerun when it ends, and a result overtaken by a
newer request is dropped, so a burst of writes costs at most two queries and
the view never shows older data after newer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from quizdesk.core.db.store import connect

Query = Callable[[Any], Any]  # takes a sqlite3.Connection


class BackgroundRead(QObject):
    """Run ``query(connection)`` on a worker thread; ``done`` carries the newest result."""

    #: The result of the newest request, on the GUI thread.
    done = Signal(object)
    #: The newest request failed (database gone, locked past the timeout…): the message.
    failed = Signal(str)
    #: Internal: a worker's outcome, queued to this object's thread.
    _finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running = False
        self._next: tuple[Path, Query] | None = None
        self._finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        return self._running or self._next is not None

    def request(self, db_path: Path, query: Query) -> None:
        """Run ``query`` soon; a request already waiting is replaced by this one."""
        self._next = (db_path, query)
        if not self._running:
            self._start_next()

    def _start_next(self) -> None:
        assert self._next is not None
        db_path, query = self._next
        self._next = None
        self._running = True
        threading.Thread(target=self._work, args=(db_path, query), name="quizdesk-read", daemon=True).start()

    def _work(self, db_path: Path, query: Query) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            connection = connect(db_path)
            try:
                connection.execute("PRAGMA query_only=ON")
                connection.execute("BEGIN")  # one snapshot for the whole query
                result = query(connection)
                connection.execute("COMMIT")
            finally:
                connection.close()
        except Exception as exc:  # reported on the GUI thread, never raised in the worker
            error = exc
        try:
            self._finished.emit(result, error)
        except RuntimeError:
            pass  # the owner was deleted while the query ran: nobody is waiting

    @Slot(object, object)
    def _on_finished(self, result: Any, error: BaseException | None) -> None:
        self._running = False
        if self._next is not None:  # overtaken by a newer request: its result is the one to show
            self._start_next()
            return
        if error is not None:
            self.failed.emit(str(error))
        else:
            self.done.emit(result)

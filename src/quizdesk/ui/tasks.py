"""Every background job of the UI runs here (Anki's ``aqt/taskman.py``).

``TaskRunner.run(fn, on_done=…, on_failed=…, on_progress=…, channel=…)`` runs
``fn(task)`` on a worker thread and returns the :class:`Task` (``.cancel()``).
The worker never touches a widget: it returns a value, or reports progress with
``task.report(...)``; ``on_done(value)``, ``on_failed(exc)`` and
``on_progress(*args)`` are called on the GUI thread through a queued signal.
Cancelling sets ``task.cancel_event`` (a ``threading.Event`` the core's loops
check) and drops the job's result and progress; ``on_cancelled()`` runs once the
worker has actually stopped (an import has rolled back by then). Nothing waits in a nested event
loop: callers continue in their callbacks.

``channel`` collapses requests (the weak-area reads, the library's counts): one
job per channel runs at a time, a request made while one runs replaces any
request already waiting, and a result overtaken by a newer request is dropped,
so a burst of writes costs at most two jobs and a view never shows older data
after newer. :meth:`TaskRunner.read` runs a read on its own read-only
``sqlite3`` connection in one snapshot.

Threads are started nowhere else in ``ui/`` (tests/test_layering.py).
"""

from __future__ import annotations

import itertools
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)
_ids = itertools.count(1)


class Task:
    """One background job. The worker sees ``cancel_event`` and ``report``; the GUI ``cancel()``."""

    def __init__(self, runner: TaskRunner, name: str) -> None:
        self.id = next(_ids)
        self.name = name
        self.cancel_event = threading.Event()
        self.finished = threading.Event()  # set when the worker returned (for shutdown)
        self._runner = runner

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def cancel(self) -> None:
        """Ask the job to stop; its result and any later progress are dropped."""
        self.cancel_event.set()

    def report(self, *args: Any) -> None:
        """From the worker: progress, delivered to ``on_progress(*args)`` on the GUI thread."""
        if not self.cancel_event.is_set():
            self._runner._emit_progress(self, args)


@dataclass
class _Job:
    task: Task
    fn: Callable[[Task], Any]
    on_done: Callable[[Any], None] | None
    on_failed: Callable[[BaseException], None] | None
    on_progress: Callable[..., None] | None
    channel: str | None
    on_cancelled: Callable[[], None] | None = None
    owner: QObject | None = None
    thread: threading.Thread | None = field(default=None)

    def owner_gone(self) -> bool:
        # A widget deleted while its job ran gets no callback (its C++ side is gone).
        return self.owner is not None and not shiboken6.isValid(self.owner)


class TaskRunner(QObject):
    """Runs jobs on worker threads; their outcomes come back on this object's (the GUI) thread."""

    # Internal: queued from a worker to the GUI thread.
    _finished = Signal(object, object, object)  # job, result, error
    _progress = Signal(object, object)  # job, args

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskRunner")
        self._jobs: dict[int, _Job] = {}
        self._running: dict[str, _Job] = {}  # channel → the job running on it
        self._waiting: dict[str, _Job] = {}  # channel → the newest request made while it ran
        self._finished.connect(self._on_finished)
        self._progress.connect(self._on_progress)

    # -- the API ------------------------------------------------------------------
    def run(
        self,
        fn: Callable[[Task], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_progress: Callable[..., None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        channel: str | None = None,
        owner: QObject | None = None,
        name: str = "task",
    ) -> Task:
        """Run ``fn(task)`` on a worker; see the module docstring. When ``owner``
        (the widget the callbacks belong to) is deleted first, they are not called."""
        job = _Job(Task(self, name), fn, on_done, on_failed, on_progress, channel, on_cancelled, owner)
        if channel is not None and channel in self._running:
            overtaken = self._waiting.pop(channel, None)
            if overtaken is not None:
                overtaken.task.cancel()
            self._waiting[channel] = job
            return job.task
        self._start(job)
        return job.task

    def read(
        self,
        db_path: Path,
        query: Callable[[sqlite3.Connection], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        channel: str | None = None,
        owner: QObject | None = None,
    ) -> Task:
        """Run ``query(connection)`` on a worker with its own read-only connection, in one snapshot."""

        def work(_task: Task) -> Any:
            from quizdesk.core.db.store import connect

            connection = connect(db_path)
            try:
                connection.execute("PRAGMA query_only=ON")
                connection.execute("BEGIN")  # one snapshot for the whole query
                result = query(connection)
                connection.execute("COMMIT")
                return result
            finally:
                connection.close()

        return self.run(work, on_done=on_done, on_failed=on_failed, channel=channel, owner=owner, name="read")

    def busy(self, channel: str | None = None) -> bool:
        """Whether a job (of ``channel``, else any) is running or waiting."""
        if channel is None:
            return bool(self._jobs) or bool(self._waiting)
        return channel in self._running or channel in self._waiting

    def shutdown(self) -> None:
        """Cancel every job and wait for the workers (an import writing while the
        interpreter shuts down would crash it)."""
        for job in list(self._waiting.values()):
            job.task.cancel()
        self._waiting.clear()
        for job in list(self._jobs.values()):
            job.task.cancel()
        for job in list(self._jobs.values()):
            if job.thread is not None and job.thread is not threading.current_thread():
                job.thread.join()

    # -- inside -------------------------------------------------------------------
    def _start(self, job: _Job) -> None:
        self._jobs[job.task.id] = job
        if job.channel is not None:
            self._running[job.channel] = job
        job.thread = threading.Thread(target=self._work, args=(job,), name=f"quizdesk-{job.task.name}", daemon=True)
        job.thread.start()

    def _work(self, job: _Job) -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = job.fn(job.task)
        except Exception as exc:  # reported on the GUI thread, never raised in the worker
            error = exc
        job.task.finished.set()
        try:
            self._finished.emit(job, result, error)
        except RuntimeError:
            pass  # the runner was deleted while the job ran: nobody is waiting

    def _emit_progress(self, task: Task, args: tuple[Any, ...]) -> None:
        job = self._jobs.get(task.id)
        if job is not None and job.on_progress is not None:
            try:
                self._progress.emit(job, args)
            except RuntimeError:
                pass

    @Slot(object, object)
    def _on_progress(self, job: _Job, args: tuple[Any, ...]) -> None:
        if not job.task.cancelled and job.on_progress is not None and not job.owner_gone():
            job.on_progress(*args)

    @Slot(object, object, object)
    def _on_finished(self, job: _Job, result: Any, error: BaseException | None) -> None:
        if job.thread is not None and job.thread is not threading.current_thread():
            # The worker is past its last line (the emit); waiting for it to end means it has
            # let go of the job, so the last reference to the owner widget or the runner is
            # dropped here, on the GUI thread: a QWidget freed on a worker thread crashes Qt.
            job.thread.join()
        self._jobs.pop(job.task.id, None)
        if job.channel is not None and self._running.get(job.channel) is job:
            del self._running[job.channel]
            waiting = self._waiting.pop(job.channel, None)
            if waiting is not None:  # overtaken: the newer request's result is the one to show
                self._start(waiting)
                return
        if job.owner_gone():
            return
        if job.task.cancelled:
            if job.on_cancelled is not None:
                job.on_cancelled()
            return
        if error is not None:
            if job.on_failed is not None:
                job.on_failed(error)
            else:
                log.error("background job %s failed", job.task.name, exc_info=error)
        elif job.on_done is not None:
            job.on_done(result)

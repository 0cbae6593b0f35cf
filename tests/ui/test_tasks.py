"""The task runner (ui/tasks.py): work off the GUI thread, results on it; the newest request
wins on a channel; cancel; failures reach on_failed; reads cannot write."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from quizdesk.ui.tasks import Task, TaskRunner


def test_a_request_made_while_one_runs_replaces_it(qtbot, gui_store) -> None:
    runner = TaskRunner()
    results: list[object] = []
    release = threading.Event()
    worker_threads: list[str] = []

    def slow(connection):
        worker_threads.append(threading.current_thread().name)
        release.wait(5)
        return "old"

    runner.read(gui_store.path, slow, on_done=results.append, channel="c")
    runner.read(gui_store.path, lambda c: c.execute("SELECT 'middle'").fetchone()[0], on_done=results.append, channel="c")
    runner.read(gui_store.path, lambda c: c.execute("SELECT count(*) FROM questions").fetchone()[0], on_done=results.append, channel="c")
    assert runner.busy("c")
    release.set()
    qtbot.waitUntil(lambda: not runner.busy("c"), timeout=5000)
    with gui_store.read() as connection:
        count = connection.execute("SELECT count(*) FROM questions").fetchone()[0]
    assert results == [count]  # neither the overtaken result nor the skipped request is shown
    assert worker_threads == ["quizdesk-read"] and threading.current_thread().name != "quizdesk-read"


def test_channels_are_independent_and_results_come_back_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    seen: list[tuple[str, bool]] = []
    gui = threading.current_thread()

    def record(name: str):
        return lambda value: seen.append((value, threading.current_thread() is gui))

    runner.run(lambda _t: release.wait(5) and "a", on_done=record("a"), channel="a")
    runner.run(lambda _t: "b", on_done=record("b"), channel="b")
    qtbot.waitUntil(lambda: seen == [("b", True)], timeout=5000)  # the other channel does not wait for "a"
    release.set()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    assert seen == [("b", True), ("a", True)]


def test_an_exception_in_a_job_reaches_on_failed_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    failures: list[tuple[BaseException, bool]] = []
    done: list[object] = []

    def broken(_task: Task) -> None:
        raise KeyError("no such topic")

    gui = threading.current_thread()
    runner.run(broken, on_done=done.append, on_failed=lambda exc: failures.append((exc, threading.current_thread() is gui)))
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0][0], KeyError) and failures[0][1] and done == []
    # The runner keeps working after a failure.
    runner.run(lambda _t: 42, on_done=done.append)
    qtbot.waitUntil(lambda: done == [42], timeout=5000)


def test_cancel_reaches_the_worker_drops_its_result_and_calls_on_cancelled(qtbot) -> None:
    runner = TaskRunner()
    started, stopped = threading.Event(), threading.Event()
    done: list[object] = []
    progress: list[tuple[int, int]] = []
    cancelled: list[bool] = []

    def long_job(task: Task) -> str:
        task.report(1, 10)
        started.set()
        task.cancel_event.wait(5)  # as the core's loops check it
        task.report(2, 10)  # after the cancel: dropped
        stopped.set()
        return "finished anyway"

    task = runner.run(long_job, on_done=done.append, on_progress=lambda *a: progress.append(a),
                      on_cancelled=lambda: cancelled.append(stopped.is_set()))
    assert started.wait(5)
    qtbot.waitUntil(lambda: progress == [(1, 10)], timeout=5000)
    task.cancel()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    assert cancelled == [True]  # called once the worker had stopped
    assert done == [] and progress == [(1, 10)]


def test_a_deleted_owner_gets_no_callback(qtbot) -> None:
    runner = TaskRunner()
    owner = QObject()
    release = threading.Event()
    done: list[object] = []
    runner.run(lambda _t: release.wait(5), on_done=done.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _valid(owner), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert done == []


def _valid(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_a_failed_query_is_reported_and_the_runner_keeps_working(qtbot, gui_store, tmp_path) -> None:
    runner = TaskRunner()
    failures: list[str] = []
    done: list[object] = []
    runner.read(gui_store.path, lambda c: c.execute("SELECT * FROM no_such_table"), on_failed=lambda e: failures.append(str(e)))
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=5000)
    assert "no_such_table" in failures[0]

    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("hello, not a database\n" * 100)
    runner.read(not_a_db, lambda c: c.execute("SELECT 1").fetchone(), on_failed=lambda e: failures.append(str(e)))
    qtbot.waitUntil(lambda: len(failures) == 2, timeout=5000)
    assert "not a database" in failures[1]

    runner.read(gui_store.path, lambda c: c.execute("SELECT 42").fetchone()[0], on_done=done.append)
    qtbot.waitUntil(lambda: done == [42], timeout=5000)


def test_the_query_cannot_write(qtbot, gui_store) -> None:
    runner = TaskRunner()
    failures: list[str] = []
    runner.read(gui_store.path, lambda c: c.execute("DELETE FROM questions"), on_failed=lambda e: failures.append(str(e)))
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert "readonly" in failures[0] or "read-only" in failures[0]
    with gui_store.read() as connection:
        assert connection.execute("SELECT count(*) FROM questions").fetchone()[0] > 0


def test_shutdown_cancels_and_waits_for_the_workers(qtbot) -> None:
    runner = TaskRunner()
    stopped = threading.Event()

    def job(task: Task) -> None:
        task.cancel_event.wait(5)
        stopped.set()

    task = runner.run(job)
    runner.shutdown()
    assert task.cancelled and stopped.is_set() and task.finished.is_set()


def test_callbacks_run_after_the_worker_thread_has_ended(qtbot) -> None:
    """The worker must not drop the last reference to a widget: a QWidget freed on a worker
    thread crashes Qt (seen as a segfault when a dialog closed right after its export ended).
    So by the time a callback runs on the GUI thread, the worker has finished and let go."""
    import time

    class SlowToFree:
        def __del__(self) -> None:
            time.sleep(0.05)  # what a worker still holds is freed as its thread ends: make that visible

    per_thread = threading.local()  # outlives the job, so the worker's value is freed at thread exit
    runner = TaskRunner()
    alive_at_callback: list[bool] = []
    workers: list[threading.Thread] = []

    def work(_task: Task) -> None:
        workers.append(threading.current_thread())
        per_thread.value = SlowToFree()

    for _ in range(5):
        runner.run(work, on_done=lambda _r: alive_at_callback.append(workers[-1].is_alive()))
        qtbot.waitUntil(lambda: len(alive_at_callback) == len(workers), timeout=5000)
    assert alive_at_callback == [False] * 5

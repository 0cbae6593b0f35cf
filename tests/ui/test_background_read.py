"""Reads off the GUI thread: the newest request wins, failures are reported, not raised."""

from __future__ import annotations

import threading

from quizdesk.ui.background_read import BackgroundRead


def test_a_request_made_while_one_runs_replaces_it(qtbot, gui_store) -> None:  # type: ignore[no-untyped-def]
    reader = BackgroundRead()
    results: list[object] = []
    reader.done.connect(results.append)
    release = threading.Event()
    worker_threads: list[str] = []

    def slow(connection):  # type: ignore[no-untyped-def]
        worker_threads.append(threading.current_thread().name)
        release.wait(5)
        return "old"

    reader.request(gui_store.path, slow)
    reader.request(gui_store.path, lambda c: c.execute("SELECT 'middle'").fetchone()[0])
    reader.request(gui_store.path, lambda c: c.execute("SELECT count(*) FROM questions").fetchone()[0])
    assert reader.busy
    release.set()
    qtbot.waitUntil(lambda: not reader.busy, timeout=5000)
    with gui_store.read() as connection:
        count = connection.execute("SELECT count(*) FROM questions").fetchone()[0]
    assert results == [count]  # neither the overtaken result nor the skipped request is shown
    assert worker_threads == ["quizdesk-read"] and threading.current_thread().name != "quizdesk-read"


def test_a_failed_query_is_reported_and_the_reader_keeps_working(qtbot, gui_store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    reader = BackgroundRead()
    failures: list[str] = []
    reader.failed.connect(failures.append)
    with qtbot.wait_signal(reader.failed, timeout=5000):
        reader.request(gui_store.path, lambda c: c.execute("SELECT * FROM no_such_table"))
    assert "no_such_table" in failures[0]

    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("hello, not a database\n" * 100)
    with qtbot.wait_signal(reader.failed, timeout=5000):
        reader.request(not_a_db, lambda c: c.execute("SELECT 1").fetchone())
    assert "not a database" in failures[1]

    with qtbot.wait_signal(reader.done, timeout=5000) as blocker:
        reader.request(gui_store.path, lambda c: c.execute("SELECT 42").fetchone()[0])
    assert blocker.args == [42]


def test_the_query_cannot_write(qtbot, gui_store) -> None:  # type: ignore[no-untyped-def]
    reader = BackgroundRead()
    with qtbot.wait_signal(reader.failed, timeout=5000) as blocker:
        reader.request(gui_store.path, lambda c: c.execute("DELETE FROM questions"))
    assert "readonly" in blocker.args[0] or "read-only" in blocker.args[0]
    with gui_store.read() as connection:
        assert connection.execute("SELECT count(*) FROM questions").fetchone()[0] > 0

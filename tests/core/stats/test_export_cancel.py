"""Cancelling a CSV export: at any point before the renames, no file in the folder is touched and no temp file is left."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import quizdesk.core.stats.export as export
from quizdesk.core.db.store import connect
from quizdesk.core.stats.export import ExportCancelled, export_csv

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)
OLD = {"attempts.csv": "old attempts", "questions.csv": "old questions", "topics.csv": "old topics"}


@pytest.fixture
def answered(bank):
    for n in range(6):
        bank.answer("t1", n % 4, n % 2 == 0, NOW - timedelta(days=n + 1))
    return bank


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder holding an earlier export, which a cancelled one must leave exactly as it was."""
    folder = tmp_path / "out"
    folder.mkdir()
    for name, text in OLD.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _contents(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def _checks_in_a_full_export(store, folder: Path) -> int:
    calls = 0

    def never() -> bool:
        nonlocal calls
        calls += 1
        return False

    with store.read() as connection:
        export_csv(connection, folder, now=NOW, cancelled=never)
    return calls


def test_cancel_at_every_check_leaves_the_folder_as_it_was(answered, out: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(export, "CHECK_EVERY", 1)  # a look after every row: every stage gets cancelled somewhere
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    checks = _checks_in_a_full_export(answered.store, scratch)
    assert checks > 6 + 20  # between stages, and after each attempt and question row
    for cancel_at in range(1, checks + 1):
        calls = 0

        def cancelled() -> bool:
            nonlocal calls
            calls += 1
            return calls >= cancel_at

        with answered.store.read() as connection, pytest.raises(ExportCancelled):
            export_csv(connection, out, now=NOW, cancelled=cancelled)
        assert calls == cancel_at  # stopped at the first "yes"
        assert _contents(out) == OLD, f"cancelled at check {cancel_at}"  # no temp file, old files untouched


def test_cancel_while_a_temp_file_is_being_written_from_another_thread(answered, out: Path, monkeypatch) -> None:
    """As the GUI does it: the export runs on a worker thread; another thread sets the event."""
    monkeypatch.setattr(export, "CHECK_EVERY", 1)
    cancel, reached = threading.Event(), threading.Event()
    seen_temps: list[str] = []
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        if calls == 3:  # inside attempts.csv, two rows written
            seen_temps.extend(p.name for p in out.iterdir() if p.name.endswith(".tmp"))
            reached.set()
            assert cancel.wait(10)
        return cancel.is_set()

    outcome: list[BaseException | None] = []

    def run() -> None:
        connection = connect(answered.store.path)  # its own connection, as the GUI's worker has
        try:
            export_csv(connection, out, now=NOW, cancelled=cancelled)
            outcome.append(None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)
        finally:
            connection.close()

    worker = threading.Thread(target=run)
    worker.start()
    assert reached.wait(10)
    cancel.set()
    worker.join(10)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], ExportCancelled)
    assert len(seen_temps) == 1 and seen_temps[0].startswith(".attempts.csv.")  # there was something to clean up
    assert _contents(out) == OLD


def test_without_cancel_nothing_changes(answered, tmp_path: Path) -> None:
    """The command line passes no ``cancelled``: the same files as a never-cancelled export."""
    plain, never = tmp_path / "plain", tmp_path / "never"
    plain.mkdir()
    never.mkdir()
    with answered.store.read() as connection:
        first = export_csv(connection, plain, now=NOW)
        second = export_csv(connection, never, now=NOW, cancelled=lambda: False)
    assert first.rows == second.rows and first.rows["attempts.csv"] == 6
    assert {p.name: p.read_bytes() for p in plain.iterdir()} == {p.name: p.read_bytes() for p in never.iterdir()}

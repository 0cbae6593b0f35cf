"""A large sync indexes its new questions in one statement (sync.py ``_insert``): the search
index must end exactly as the row-by-row trigger leaves it, and the trigger must survive."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from quizdesk.core.content import sync
from quizdesk.core.content.model import Choice, ParsedQuestion, TopicRef
from quizdesk.core.content.sync import BULK_INDEX_AFTER, sync_questions
from quizdesk.core.db.models import Question
from quizdesk.core.db.store import Store
from quizdesk.core.queries import raw_connection
from quizdesk.core.search import search

TOPIC = TopicRef("m", "模块", "Module", "m/t", "主题", "Topic")


def _questions(n: int, prefix: str) -> list[ParsedQuestion]:
    return [
        ParsedQuestion(
            f"{prefix}-{i}", "single", f"{prefix} 标题 {i}", TOPIC, body_md=f"正文 {prefix}body{i}", answer_md=f"答案 {prefix}answer{i}",
            key_points=(f"要点 {prefix}point{i}",), choices=(Choice(f"选项 {prefix}choice{i}", True), Choice("别的", False)), order=i,
        )
        for i in range(n)
    ]


def _index(store: Store) -> list[tuple[object, ...]]:
    """The index's own terms and counts (checked against the indexed text first)."""
    with store.session() as s:
        connection = raw_connection(s)
        connection.execute("INSERT INTO question_fts(question_fts) VALUES('integrity-check')")
        return [tuple(r) for r in connection.execute("SELECT * FROM question_fts_terms ORDER BY 1, 2")]


def _trigger(store: Store) -> str | None:
    with store.read() as connection:
        row = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'questions_fts_insert'").fetchone()
    return row[0] if row else None


def test_a_large_sync_indexes_like_the_trigger_and_keeps_it(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    trigger = _trigger(store)
    with store.session() as s:
        sync_questions(s, _questions(3, "small"), origin="o", retire_missing=False)  # below the threshold: the trigger
        report = sync_questions(s, _questions(BULK_INDEX_AFTER + 5, "bulk"), origin="o", retire_missing=False)
        assert report.inserted == BULK_INDEX_AFTER + 5
        ids = {external: qid for external, qid in s.execute(select(Question.external_id, Question.id))}
        assert report.question_ids == [ids[f"bulk-{i}"] for i in range(BULK_INDEX_AFTER + 5)]
    bulk_index = _index(store)
    assert _trigger(store) == trigger  # recreated as it was
    with store.session() as s:
        hits = search(raw_connection(s), f"bulkpoint{BULK_INDEX_AFTER + 4}")  # the last one: no longer id contains it
    assert [h.question_id for h in hits] == [ids[f"bulk-{BULK_INDEX_AFTER + 4}"]]
    # The same questions written row by row give the same index, row for row.
    with store.session() as s:
        s.query(Question).delete()
    monkeypatch.setattr(sync, "BULK_INDEX_AFTER", 10**9)
    with store.session() as s:
        sync_questions(s, _questions(3, "small"), origin="o", retire_missing=False)
        sync_questions(s, _questions(BULK_INDEX_AFTER + 5, "bulk"), origin="o", retire_missing=False)
    assert _index(store) == bulk_index


def test_a_rolled_back_sync_leaves_the_trigger_and_the_index(store: Store) -> None:
    trigger = _trigger(store)
    with pytest.raises(RuntimeError), store.session() as s:
        sync_questions(s, _questions(BULK_INDEX_AFTER, "gone"), origin="o", retire_missing=False)
        raise RuntimeError("the import fails after the write")
    assert _trigger(store) == trigger
    assert _index(store) == []
    with store.session() as s:  # and the trigger still works
        sync_questions(s, _questions(1, "one"), origin="o", retire_missing=False)
    assert _index(store) and all(docs == 1 for _term, docs, _count in _index(store))
    with store.session() as s:
        assert len(search(raw_connection(s), "oneanswer0")) == 1


def test_a_sync_merged_afterwards_indexes_alike_and_leaves_merging_as_it_was(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """From OPTIMIZE_INDEX_AFTER new questions the fill runs with FTS5's automerge off (the whole index
    is merged right after); the index is the row-by-row one, and automerge is FTS5's default again."""
    count = sync.OPTIMIZE_INDEX_AFTER + 5
    with store.session() as s:
        sync_questions(s, _questions(count, "big"), origin="o", retire_missing=False)
    bulk_index = _index(store)
    with store.read() as connection:
        assert connection.execute("SELECT v FROM question_fts_config WHERE k = 'automerge'").fetchone() in (None, (4,))
    with store.session() as s:
        s.query(Question).delete()
    monkeypatch.setattr(sync, "BULK_INDEX_AFTER", 10**9)
    with store.session() as s:
        sync_questions(s, _questions(count, "big"), origin="o", retire_missing=False)
    assert _index(store) == bulk_index


@pytest.mark.parametrize("count", [3, BULK_INDEX_AFTER + 5])
def test_beside_index_runs_once_beside_the_fill_or_at_the_end(store: Store, count: int) -> None:
    """``beside_index`` runs once: in a second thread during a bulk fill, in the caller's thread otherwise."""
    import threading

    runs: list[bool] = []

    def work() -> None:  # touches no database, as the parameter requires
        runs.append(threading.current_thread() is threading.main_thread())

    with store.session() as s:
        report = sync_questions(s, _questions(count, "b"), origin="o", retire_missing=False, beside_index=work)
    assert report.inserted == count
    assert runs == [count < BULK_INDEX_AFTER]
    assert len(_index(store)) > 0


def test_a_failing_beside_index_fails_the_sync_and_its_rollback_leaves_the_index(store: Store) -> None:
    trigger = _trigger(store)

    def broken() -> None:
        raise ValueError("the work beside the fill failed")

    with pytest.raises(ValueError, match="beside the fill"), store.session() as s:
        sync_questions(s, _questions(BULK_INDEX_AFTER + 5, "gone"), origin="o", retire_missing=False, beside_index=broken)
    assert _trigger(store) == trigger
    assert _index(store) == []
    with store.session() as s:
        assert s.scalars(select(Question)).all() == []


@pytest.mark.parametrize("count", [3, BULK_INDEX_AFTER + 5])
def test_new_rows_are_stored_as_the_models_insert_stores_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
    """sync writes new questions as ready rows (db/sql_values.py): the same text in every column as
    SQLAlchemy's insert through the model's column types (JSON lists, UTC times, NULLs)."""
    from datetime import datetime, timedelta, timezone

    from sqlalchemy import insert

    from quizdesk.core.db.store import open_store

    now = datetime(2026, 12, 5, 23, 30, 0, 123_456, tzinfo=timezone(timedelta(hours=8)))
    monkeypatch.setattr(sync, "utcnow", lambda: now)
    questions = _questions(count, "row")
    html = ParsedQuestion("html", "open", "HTML", TOPIC, answer_md="<div><b>粗</b> &amp; 细</div>", tags=("标签", 'a "b"'))
    stored = []
    for side in ("rows", "model"):
        if side == "model":
            monkeypatch.setattr(sync, "_insert_rows", lambda connection, values: connection.execute(insert(Question), values))
        store = open_store(tmp_path / side)
        try:
            with store.session() as s:
                sync_questions(s, [*questions, html], origin="o", retire_missing=False)
            with store.read() as connection:
                columns = [r[1] for r in connection.execute("PRAGMA table_info(questions)")]
                stored.append((columns, connection.execute("SELECT * FROM questions ORDER BY id").fetchall()))
        finally:
            store.close()
    assert len(stored[0][1]) == count + 1
    assert stored[0] == stored[1]
    assert "2026-12-05 15:30:00.123456" in stored[0][1][0]  # created_at, in UTC

"""The import's ready-made rows (core/anki/rows.py) store exactly what SQLAlchemy's insert stores."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import insert

from quizdesk.core.anki.rows import (
    ATTEMPT_COLUMNS,
    STATE_COLUMNS,
    answer_row,
    insert_rows,
    json_encoder,
    sql_time,
    state_row,
)
from quizdesk.core.anki.schedule import from_ms
from quizdesk.core.content.model import ParsedQuestion, TopicRef
from quizdesk.core.content.sync import sync_questions
from quizdesk.core.db.models import Attempt, ReviewState
from quizdesk.core.db.store import Store

SHANGHAI = timezone(timedelta(hours=8))
TOPIC = TopicRef("import:anki/M", "M", "M", "import:anki/M/T", "T", "T")


def parsed_questions(count: int) -> list[ParsedQuestion]:
    return [ParsedQuestion(f"anki-{n}", "open", f"Q{n}", TOPIC, answer_md=f"A{n}") for n in range(count)]


def _raw(store: Store, table: str, columns: tuple[str, ...]) -> list[tuple[Any, ...]]:
    with store.session() as session:
        return [tuple(row) for row in session.connection().exec_driver_sql(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid")]


def _answers(rng: random.Random, ids: list[int]) -> list[dict[str, Any]]:
    """Answers as the import makes them, with the awkward values: sub-millisecond rounding, the epoch,
    times before 1970 and after 2100, long and zero durations, every rating."""
    revlog_ids = [0, 1, 999, -86_400_000, 1_690_000_000_123, 4_102_444_800_001, 1_700_000_000_999]
    revlog_ids += [rng.randrange(1_500_000_000_000, 1_800_000_000_000) for _ in range(300)]
    out = []
    for n, rid in enumerate(revlog_ids):
        ease = 1 + n % 4
        out.append({
            "question_id": ids[n % len(ids)], "revlog": rid, "ease": ease, "score": (ease - 1) / 3,
            "correct": ease >= 3, "seconds": max(0.0, rng.choice([0, -5, 8000, 123_456_789]) / 1000.0),
            "answered_at": from_ms(rid),
        })
    return out


def test_answer_rows_store_what_the_core_insert_stores(tmp_path: Any) -> None:
    from quizdesk.core.db.store import open_store

    stores = [open_store(tmp_path / side) for side in ("core", "rows")]
    try:
        rng = random.Random(18)
        for store in stores:
            with store.session() as session:
                sync_questions(session, parsed_questions(3), origin="import:anki", retire_missing=False)
                session.commit()
        answers = _answers(rng, [1, 2, 3])
        with stores[0].session() as session:
            session.connection().execute(insert(Attempt), [{
                "question_id": a["question_id"], "session_id": None, "mode": "anki",
                "given": {"anki_revlog": a["revlog"], "rating": a["ease"]}, "score": a["score"], "correct": a["correct"],
                "rating": a["ease"], "seconds_spent": a["seconds"], "answered_at": a["answered_at"],
            } for a in answers])
            session.commit()
        with stores[1].session() as session:
            rows = [answer_row(a["question_id"], "anki", a["revlog"], a["ease"], a["score"], a["correct"], a["seconds"], a["answered_at"]) for a in answers]
            insert_rows(session.connection(), "attempts", ATTEMPT_COLUMNS, rows)
            session.commit()
        core, ours = (_raw(s, "attempts", ATTEMPT_COLUMNS) for s in stores)
        assert len(core) == len(answers)
        assert ours == core
        # And the ORM reads them back as the same objects (UTC times, dicts, booleans).
        from sqlalchemy import select

        with stores[0].session() as a, stores[1].session() as b:
            left = [(x.given, x.correct, x.answered_at, x.seconds_spent) for x in a.scalars(select(Attempt).order_by(Attempt.id))]
            right = [(x.given, x.correct, x.answered_at, x.seconds_spent) for x in b.scalars(select(Attempt).order_by(Attempt.id))]
        assert left == right
    finally:
        for store in stores:
            store.close()


def test_state_rows_store_what_the_core_insert_stores(tmp_path: Any) -> None:
    from quizdesk.core.db.store import open_store

    stores = [open_store(tmp_path / side) for side in ("core", "rows")]
    try:
        for store in stores:
            with store.session() as session:
                sync_questions(session, parsed_questions(4), origin="import:anki", retire_missing=False)
                session.commit()
        due = datetime(2026, 12, 5, 23, 59, 59, 999_999, tzinfo=timezone.utc)
        states = [
            (1, {"card": {"card_id": 1, "state": 2, "stability": 3.25, "due": due.isoformat(), "note": "中文 \"q\""},
                 "due_at": due, "stability": 3.25, "difficulty": 5.5, "last_review_at": due - timedelta(days=3), "reps": 4, "lapses": 1}),
            (2, {"card": {}, "due_at": due.astimezone(SHANGHAI), "stability": None, "difficulty": None, "last_review_at": None,
                 "reps": 0, "lapses": 0}),
            (3, {"card": {"x": [1, 2.5, None, True]}, "due_at": datetime(1969, 12, 31, 23, 0, tzinfo=timezone.utc),
                 "stability": 0.1, "difficulty": 10.0, "last_review_at": datetime(2001, 1, 1, tzinfo=SHANGHAI), "reps": 1, "lapses": 0}),
        ]
        with stores[0].session() as session:
            session.connection().execute(insert(ReviewState), [{"question_id": qid, **values} for qid, values in states])
            session.commit()
        with stores[1].session() as session:
            connection = session.connection()
            encode = json_encoder(connection)
            insert_rows(connection, "review_states", STATE_COLUMNS, [state_row(qid, values, encode) for qid, values in states])
            session.commit()
        core, ours = (_raw(s, "review_states", STATE_COLUMNS) for s in stores)
        assert len(core) == 3
        assert ours == core
    finally:
        for store in stores:
            store.close()


def test_sql_time_refuses_a_naive_time_as_the_column_does() -> None:
    import pytest

    assert sql_time(None) is None
    assert sql_time(datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=timezone.utc)) == "2026-01-02 03:04:05.000006"
    assert sql_time(datetime(2026, 1, 2, 11, 4, 5, tzinfo=SHANGHAI)) == "2026-01-02 03:04:05.000000"
    with pytest.raises(ValueError):
        sql_time(datetime(2026, 1, 2))


"""How SQLite runs the weak-area queries: the stats budget (150 ms at 200k attempts) rests on these plans."""

from __future__ import annotations

from datetime import datetime, timezone

from quizdesk.core.db.store import Store
from quizdesk.core.stats import mastery

NOW = datetime(2026, 6, 1, 20, 0, tzinfo=timezone.utc)


def _plan(store: Store, sql: str) -> list[str]:
    with store.read() as connection:
        mastery.ensure_math_functions(connection)
        params = {"now": "2026-06-01 20:00:00.000000", "now_jd": mastery.julian_day(NOW), "rate": 0.02, "factor": 1.0, "decay": -0.5}
        return [row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + sql, params)]


def test_the_per_topic_sums_read_the_covering_index_alone(store: Store) -> None:
    plan = _plan(store, mastery._ATTEMPTS_BY_TOPIC)
    assert any("COVERING INDEX ix_attempts_question_time_score" in step for step in plan), plan


def test_the_blank_answer_check_reads_only_the_blank_exam_answers(store: Store) -> None:
    """Walking the answered_at index looked up every attempt's row (~40 ms at 200k attempts); a
    pass over the attempts table still cost 15-40 ms of the 150 ms budget. The partial index of
    migration 0008 holds only blank exam answers: the check reads those and nothing else."""
    plan = _plan(store, mastery._TOPICS_WITH_BLANKS)
    assert plan[0] == "SCAN a USING INDEX ix_attempts_blank_exam", plan
    assert not any("ix_attempts_answered_at" in step for step in plan), plan

"""The drill's share of questions per weak topic (issue 21, item 9), without widgets."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sqlalchemy import select

from quizdesk.core.content.bundled import sync_bundled_bank
from quizdesk.core.db.models import Question, StudySession, Topic
from quizdesk.core.db.store import Store
from quizdesk.core.study.drill import DRILL_SHARES, drill_quotas
from quizdesk.core.study.exams import ExamSpec, create_exam


def test_fifty_thirty_twenty_of_ten() -> None:
    assert DRILL_SHARES == (0.5, 0.3, 0.2)
    assert drill_quotas(10, [20, 20, 20]) == [5, 3, 2]
    assert drill_quotas(20, [20, 20, 20]) == [10, 6, 4]


def test_rounding_favours_the_weaker_topic_and_keeps_the_size() -> None:
    assert drill_quotas(7, [9, 9, 9]) == [4, 2, 1]  # 3.5 / 2.1 / 1.4
    assert drill_quotas(1, [9, 9, 9]) == [1, 0, 0]
    assert drill_quotas(2, [9, 9, 9]) == [1, 1, 0]


def test_a_small_topic_passes_its_share_on_weakest_first() -> None:
    assert drill_quotas(10, [2, 20, 20]) == [2, 6, 2]  # the weakest has 2: its 3 spare go to the second
    assert drill_quotas(10, [20, 1, 20]) == [7, 1, 2]
    assert drill_quotas(10, [1, 1, 1]) == [1, 1, 1]  # the bank is the limit


def test_fewer_topics_share_among_themselves_and_more_get_nothing() -> None:
    assert drill_quotas(10, [20]) == [10]
    assert drill_quotas(10, [20, 20]) == [6, 4]  # 50:30 → 6.25 / 3.75
    assert drill_quotas(10, [20, 20, 20, 20, 20]) == [5, 3, 2, 0, 0]
    assert drill_quotas(10, []) == []


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValueError):
        drill_quotas(-1, [3])
    with pytest.raises(ValueError):
        drill_quotas(3, [-1])


@given(st.integers(0, 200), st.lists(st.integers(0, 100), max_size=6))
def test_quotas_fill_the_exam_as_far_as_the_bank_allows(size: int, available: list[int]) -> None:
    quotas = drill_quotas(size, available)
    assert len(quotas) == len(available)
    assert all(0 <= q <= a for q, a in zip(quotas, available))
    assert sum(quotas) == min(size, sum(available[:3]))
    if len(available) >= 3 and min(available[:3]) >= size:  # room everywhere: the ranking holds
        assert quotas[0] >= quotas[1] >= quotas[2]


GUI_BANK = Path(__file__).resolve().parents[2] / "fixtures" / "bank_gui"


def test_a_drill_exam_takes_each_topics_share_weakest_first(store: Store) -> None:
    with store.session() as s:
        sync_bundled_bank(s, GUI_BANK)
    with store.session() as s:
        topic = {t.name_en: t.id for t in s.scalars(select(Topic)) if t.parent_id is not None}
        ranked = ((topic["Normalization"],), (topic["Metrics"],), (topic["Optimization"],))
        spec = ExamSpec(
            tuple(t for group in ranked for t in group), count=10, time_limit_s=None, order="weakest",
            seed=5, ranked_topics=ranked,
        )
        exam_id = create_exam(s, spec, datetime(2026, 3, 2, 9, tzinfo=timezone.utc))
        exam = s.get(StudySession, exam_id)
        assert exam is not None and exam.spec["ranked_topics"] == [list(g) for g in ranked]
        topic_of = dict(s.execute(select(Question.id, Question.topic_id)).all())
        order = [topic_of[i] for i in exam.question_ids]
    names = {v: k for k, v in topic.items()}
    assert [names[t] for t in order] == ["Normalization"] * 5 + ["Metrics"] * 3 + ["Optimization"] * 2

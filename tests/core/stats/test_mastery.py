"""The weak-area model on constructed histories (docs/weak-areas.md)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Card
from sqlalchemy import select

from quizdesk.core.db.models import ReviewState
from quizdesk.core.stats.mastery import (
    HALF_LIFE_DAYS,
    NOT_REVIEWED_DAYS,
    Reason,
    TopicStats,
    install_python_math,
    topic_stats,
    weakest_topics,
)
from quizdesk.core.study.scheduler import make_scheduler

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)


def ago(*days: float) -> list[datetime]:
    return [NOW - timedelta(days=d) for d in days]


def stats_by_key(bank, now: datetime = NOW) -> dict[str, TopicStats]:
    with bank.store.read() as connection:
        stats = topic_stats(connection, now=now)
    by_id = {v: k for k, v in bank.topics.items()}
    return {by_id[s.topic_id]: s for s in stats}


def test_twenty_right_answers_outrank_two(bank) -> None:
    # Same questions answered in both topics, so coverage is equal: only the amount of evidence differs.
    bank.answer_many("t1", True, ago(*[d / 2 for d in range(20)]), questions=2)
    bank.answer_many("t2", True, ago(1, 0.5), questions=2)
    stats = stats_by_key(bank)
    many, few = stats["t1"], stats["t2"]
    assert many.attempts == 20 and few.attempts == 2 and many.coverage == few.coverage == 0.5
    assert few.accuracy is not None and 0.7 < few.accuracy < 0.8  # two right answers are not 100 %
    assert many.accuracy is not None and many.accuracy > 0.9
    assert many.mastery is not None and few.mastery is not None and many.mastery > few.mastery
    assert many.confidence > 0.7 > 0.3 > few.confidence > 0
    order = [s.topic_id for s in weakest_topics(list(stats.values()), limit=10) if s.attempts]
    assert order.index(bank.topics["t2"]) < order.index(bank.topics["t1"])


def test_untouched_topic_is_never_attempted_not_zero_or_hundred(bank) -> None:
    bank.answer_many("t1", True, ago(3, 2, 1, 0.5))
    stats = stats_by_key(bank)
    untouched = stats["t3"]
    assert untouched.reason is Reason.NEVER_ATTEMPTED and untouched.reason_detail is None
    assert untouched.mastery is None and untouched.accuracy is None and untouched.retrievability is None
    assert (untouched.attempts, untouched.attempted, untouched.coverage, untouched.confidence, untouched.due) == (0, 0, 0.0, 0.0, 0)
    assert untouched.questions == 4 and untouched.last_seen is None
    module = stats["m1"]
    assert module.parent_id is None and module.mastery is not None and 0 < module.mastery < 100


def test_never_attempted_ranks_after_evidence_of_weakness_and_before_strong_topics(bank) -> None:
    bank.answer_many("t1", True, ago(*[d / 3 for d in range(12)]))  # strong
    bank.answer_many("t2", False, ago(2, 1.5, 1, 0.5))  # weak
    bank.answer_many("t4", True, ago(1.5, 1, 0.5), questions=1)  # one question, right: weak for now (low coverage)
    stats = stats_by_key(bank)
    ranked = [s.topic_id for s in weakest_topics(list(stats.values()), limit=10)]
    t = bank.topics
    assert ranked == [t["t2"], t["t4"], t["t3"], t["t5"], t["t1"]]
    assert stats["t2"].reason is Reason.LOW_ACCURACY and stats["t2"].reason_detail == pytest.approx(stats["t2"].accuracy)
    assert stats["t4"].reason is Reason.LOW_COVERAGE and stats["t4"].reason_detail == 0.25
    assert weakest_topics(list(stats.values()), limit=2) == [stats["t2"], stats["t4"]]
    assert all(s.parent_id is not None for s in weakest_topics(list(stats.values()), limit=99))


def test_a_topic_not_seen_for_weeks_decays(bank) -> None:
    times = ago(*[d / 4 for d in range(16)])
    bank.answer_many("t1", True, times)
    # The same history six weeks earlier in another topic.
    bank.answer_many("t2", True, [t - timedelta(weeks=6) for t in times])
    stats = stats_by_key(bank)
    fresh, stale = stats["t1"], stats["t2"]
    assert fresh.mastery is not None and stale.mastery is not None and stale.mastery < fresh.mastery - 5
    assert stale.confidence < fresh.confidence
    assert stale.retrievability is not None and fresh.retrievability is not None and stale.retrievability < fresh.retrievability
    assert stale.reason is Reason.NOT_REVIEWED and stale.reason_detail == pytest.approx(42.0, abs=0.01)
    # And the same topic, looked at later and later, only loses mastery.
    later = [stats_by_key(bank, NOW + timedelta(days=d))["t1"] for d in (0, 7, 21, 60, 120)]
    masteries = [s.mastery for s in later]
    assert masteries == sorted(masteries, reverse=True) and len(set(masteries)) == 5  # type: ignore[type-var]
    assert later[2].reason is Reason.NOT_REVIEWED and later[2].reason_detail == pytest.approx(21.0, abs=0.01)
    assert later[-1].mastery is not None and later[-1].mastery < 75


def test_ranking_is_stable_for_equal_evidence(bank) -> None:
    for topic in ("t4", "t2", "t3"):  # written in an order unlike their ids
        bank.answer_many(topic, False, ago(3, 2, 1))
    stats = stats_by_key(bank)
    equal = [stats[k] for k in ("t2", "t3", "t4")]
    assert len({s.mastery for s in equal}) == 1
    expected = sorted(s.topic_id for s in equal)
    for order in (list(stats.values()), list(reversed(stats.values()))):
        assert [s.topic_id for s in weakest_topics(order, limit=3)] == expected


def test_accuracy_is_recency_weighted_with_a_prior(bank) -> None:
    bank.answer("t1", 0, True, NOW)
    bank.answer("t1", 1, False, NOW - timedelta(days=HALF_LIFE_DAYS))
    t1 = stats_by_key(bank)["t1"]
    # Beta(1, 1) prior: (1 + 1·1 + ½·0) / (2 + 1 + ½)
    assert t1.accuracy == pytest.approx(2 / 3.5, abs=1e-6)
    assert t1.effective_attempts == pytest.approx(1.5, abs=1e-6)
    assert t1.confidence == pytest.approx(1.5 / 6.5, abs=1e-6)
    assert t1.last_seen == NOW


def test_retrievability_is_what_fsrs_says(bank) -> None:
    bank.answer_many("t1", True, ago(40, 30, 12, 9, 3))
    bank.answer("t1", 0, False, NOW - timedelta(days=2))
    moment = NOW + timedelta(hours=7)
    t1 = stats_by_key(bank, moment)["t1"]
    scheduler = make_scheduler()
    with bank.store.session() as session:
        cards = [Card.from_dict(r.card) for r in session.scalars(select(ReviewState).where(ReviewState.question_id.in_(bank.questions["t1"])))]
    expected = sum(scheduler.get_card_retrievability(c, moment) for c in cards) / len(cards)
    assert len(cards) == 4 and t1.retrievability == pytest.approx(expected, rel=1e-9)
    assert t1.due == sum(1 for c in cards if c.due <= moment)


def test_the_forgetting_curve_is_the_schedulers() -> None:
    # mastery.py writes fsrs's decay out (importing fsrs for it slowed the app's start).
    from fsrs.scheduler import DEFAULT_PARAMETERS

    from quizdesk.core.stats.mastery import FSRS_DECAY, FSRS_FACTOR

    assert FSRS_DECAY == -float(DEFAULT_PARAMETERS[20])
    assert (1 + FSRS_FACTOR * 1.0) ** FSRS_DECAY == pytest.approx(0.9, rel=1e-12)  # R = 90 % after S days


def test_mastery_combines_accuracy_retrievability_and_coverage(bank) -> None:
    bank.answer_many("t1", True, ago(5, 4), questions=2)
    t1 = stats_by_key(bank)["t1"]
    assert t1.accuracy is not None and t1.retrievability is not None
    expected = 100 * t1.accuracy * t1.retrievability * (0.5 + 0.5 * 0.5)
    assert t1.mastery == pytest.approx(expected)


def test_modules_roll_up_their_topics_in_tree_order(bank) -> None:
    bank.answer_many("t1", True, ago(3, 2))
    bank.answer_many("t5", False, ago(1, 0.8, 0.6))  # three wrong: enough to call it low
    with bank.store.read() as connection:
        stats = topic_stats(connection, now=NOW)
    t = bank.topics
    names = {v: k for k, v in t.items()}
    assert [names[s.topic_id] for s in stats] == ["m1", "t1", "t2", "t3", "t4", "m2", "t5"]
    assert [s.parent_id for s in stats] == [None, t["m1"], t["m1"], t["m1"], t["m1"], None, t["m2"]]
    m1 = stats[0]
    assert (m1.questions, m1.attempted, m1.attempts) == (16, 2, 2) and m1.coverage == 2 / 16
    assert m1.name == "模块m1" and m1.name_en == "Module m1" and m1.last_seen == NOW - timedelta(days=2)
    assert stats[-1].reason is Reason.LOW_ACCURACY


def test_retired_questions_and_future_attempts_do_not_count(bank) -> None:
    from quizdesk.core.db.models import Question

    bank.answer("t1", 0, True, NOW - timedelta(days=1))
    bank.answer("t1", 1, False, NOW + timedelta(days=1))  # after "now": not seen yet
    with bank.store.session() as session:
        for question_id in bank.questions["t2"]:
            session.get(Question, question_id).retired_at = NOW
    stats = stats_by_key(bank)
    assert stats["t1"].attempts == 1 and stats["t1"].attempted == 1
    assert "t2" not in stats and stats["m1"].questions == 12


def test_python_math_fallback_gives_the_same_numbers(bank) -> None:
    bank.answer_many("t1", True, ago(20, 9, 3, 1))
    bank.answer_many("t2", False, ago(4, 2))
    with bank.store.read() as connection:
        native = topic_stats(connection, now=NOW)
    fallback_connection = sqlite3.connect(bank.store.path)
    install_python_math(fallback_connection)  # what a SQLite without math functions gets
    fallback = topic_stats(fallback_connection, now=NOW)
    fallback_connection.close()
    for a, b in zip(native, fallback, strict=True):
        assert a.topic_id == b.topic_id and a.reason == b.reason
        assert (a.mastery is None and b.mastery is None) or a.mastery == pytest.approx(b.mastery, rel=1e-12)


def test_naive_now_is_refused(bank) -> None:
    with bank.store.read() as connection, pytest.raises(ValueError, match="aware"):
        topic_stats(connection, now=datetime(2026, 1, 1))


def test_empty_database_has_no_rows(store) -> None:
    with store.read() as connection:
        assert topic_stats(connection, now=NOW) == []
    assert weakest_topics([], limit=5) == []


def test_blank_exam_answers_are_neither_coverage_nor_evidence(bank) -> None:
    """Issue 21, item 11: 7 blank exam answers made a topic "10/10 covered, high confidence"."""
    from quizdesk.core.study.exams import ExamSpec, create_exam, save_answer, submit_exam

    with bank.store.session() as session:
        exam_id = create_exam(session, ExamSpec((bank.topics["t3"],), count=4, time_limit_s=None, seed=1), NOW - timedelta(hours=1))
        # One of the four answered (right), three left blank.
        save_answer(session, exam_id, bank.questions["t3"][0], [0], remaining_s=None, elapsed_s=5, current_index=0)
        submit_exam(session, exam_id, NOW - timedelta(minutes=30))
    stats = stats_by_key(bank)["t3"]
    assert (stats.attempts, stats.attempted, stats.coverage) == (1, 1, 0.25)  # the blank three count for nothing
    assert stats.effective_attempts < 1.0 and stats.confidence < 0.2
    with bank.store.read() as connection:  # they are stored, with the exam's score: only the model leaves them out
        blanks = connection.execute("SELECT count(*) FROM attempts WHERE session_id = ? AND score = 0", (exam_id,)).fetchone()[0]
    assert blanks == 3


def test_an_exam_with_every_answer_blank_leaves_the_topic_never_attempted(bank) -> None:
    from quizdesk.core.study.exams import ExamSpec, create_exam, submit_exam

    with bank.store.session() as session:
        exam_id = create_exam(session, ExamSpec((bank.topics["t3"],), count=4, time_limit_s=None, seed=1), NOW - timedelta(hours=1))
        submit_exam(session, exam_id, NOW - timedelta(minutes=30))
    stats = stats_by_key(bank)["t3"]
    assert stats.reason is Reason.NEVER_ATTEMPTED and stats.mastery is None and stats.coverage == 0.0


def test_one_or_two_answers_are_too_little_evidence_for_low_accuracy(bank) -> None:
    """One "Good" once read as "Low accuracy: 60 %"."""
    from quizdesk.core.stats.mastery import MIN_EVIDENCE_ATTEMPTS
    from quizdesk.core.study.reviews import record_rating

    assert MIN_EVIDENCE_ATTEMPTS == 3
    with bank.store.session() as session:
        record_rating(session, bank.questions["t1"][0], 3, now=NOW - timedelta(days=1), seconds=20)  # Good
    bank.answer_many("t2", False, ago(2, 1))  # two wrong: still too little to say
    bank.answer_many("t4", False, ago(3, 2, 1))  # three wrong: low accuracy
    stats = stats_by_key(bank)
    assert stats["t1"].accuracy is not None and stats["t1"].accuracy < 0.6  # the figure itself is what it is
    assert (stats["t1"].reason, stats["t1"].reason_detail) == (Reason.LITTLE_EVIDENCE, 1.0)
    assert (stats["t2"].reason, stats["t2"].reason_detail) == (Reason.LITTLE_EVIDENCE, 2.0)
    assert stats["t4"].reason is Reason.LOW_ACCURACY
    # Proven weakness first, then what is unknown (never tried, or too little to tell).
    order = [s.topic_id for s in weakest_topics(list(stats.values()), limit=10)]
    assert order.index(bank.topics["t4"]) < order.index(bank.topics["t1"])
    assert order.index(bank.topics["t4"]) < order.index(bank.topics["t2"])

"""Readiness on the interview date: never studied, mastered and fading topics, exactly as FSRS says."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from fsrs import Card
from sqlalchemy import select

from quizdesk.core.db.models import ReviewState
from quizdesk.core.plan.countdown import InterviewPlan, local_midnight, plan_interview
from quizdesk.core.study.scheduler import make_scheduler

from .conftest import NOW, SHANGHAI, Bank

INTERVIEW = date(2026, 3, 24)


def _plan(bank: Bank, minutes: int = 45, now: datetime = NOW) -> InterviewPlan:
    with bank.store.read() as connection:
        return plan_interview(connection, bank.interview(INTERVIEW, minutes), now=now, tz=SHANGHAI)


def _expected_recall(bank: Bank, topic: str) -> float:
    """Mean FSRS retrievability of the topic's cards at the local midnight starting the interview day."""
    at = local_midnight(INTERVIEW, SHANGHAI)
    scheduler = make_scheduler()
    with bank.store.session() as session:
        cards = {s.question_id: Card.from_dict(s.card) for s in session.scalars(select(ReviewState))}  # type: ignore[arg-type]
    return sum(scheduler.get_card_retrievability(cards[q], at) for q in bank.questions[topic]) / len(bank.questions[topic])


def test_if_stopped_is_the_fsrs_retrievability_at_the_date_and_zero_for_the_never_studied(studied: Bank) -> None:
    plan = _plan(studied)
    topics = {t.key.split("/")[-1]: t for t in plan.topics}
    assert topics["never"].if_stopped == 0.0 and topics["never"].seen == 0
    assert topics["mastered"].if_stopped == pytest.approx(_expected_recall(studied, "mastered"), abs=1e-12)
    assert topics["fading"].if_stopped == pytest.approx(_expected_recall(studied, "fading"), abs=1e-12)
    # One right answer at 21:30 60 days ago (stability w2 = 2.3065 days), read at midnight 73 whole days on.
    assert topics["fading"].if_stopped == pytest.approx((1 + (0.9 ** (1 / -0.1542) - 1) * 73 / 2.3065) ** -0.1542, abs=1e-12)
    assert topics["mastered"].if_stopped > 0.8 > 0.6 > topics["fading"].if_stopped > 0.0
    assert plan.if_stopped == pytest.approx(sum(t.if_stopped for t in topics.values()) / 3)


def test_following_the_plan_raises_every_topic_most_where_it_was_weakest(studied: Bank) -> None:
    plan = _plan(studied)
    topics = {t.key.split("/")[-1]: t for t in plan.topics}
    for topic in topics.values():
        assert topic.if_planned > topic.if_stopped
    gains = {name: t.if_planned - t.if_stopped for name, t in topics.items()}
    assert gains["never"] > gains["fading"] > gains["mastered"]
    assert plan.if_planned > 0.9 and plan.on_track
    # The chart's series rises to the planned readiness on the eve.
    series = [day.readiness for day in plan.days]
    assert series == sorted(series) and series[-1] == pytest.approx(plan.if_planned)
    assert plan.days[-1].day == INTERVIEW - timedelta(days=1) and plan.days[0].day == NOW.date()


def test_a_fresh_bank_reads_zero_and_plans_new_cards_from_the_start(bank: Bank) -> None:
    plan = _plan(bank)
    assert plan.if_stopped == 0.0 and plan.questions == 18
    tonight = plan.tonight
    assert tonight is not None and tonight.new and not tonight.due
    assert plan.seconds_per_card["single"] == 30.0 and not plan.seconds_measured["single"]


def test_seconds_per_card_is_the_mean_of_the_users_recent_answers_without_walk_aways(bank: Bank) -> None:
    for n, seconds in enumerate((10, 12, 14, 16, 100, 3000, 1)):  # 3000 s: away from the desk; 1 s: a slip
        bank.answer(bank.questions["never"][n % 6], NOW - timedelta(days=3, minutes=n), seconds=seconds)
    plan = _plan(bank)
    assert plan.seconds_per_card["single"] == 30.4 and plan.seconds_measured["single"]
    assert plan.seconds_per_card["open"] == 90.0 and not plan.seconds_measured["open"]


def test_four_answers_are_too_few_to_replace_the_default(bank: Bank) -> None:
    for n in range(4):
        bank.answer(bank.questions["never"][n], NOW - timedelta(days=3, minutes=n), seconds=10)
    assert _plan(bank).seconds_per_card["single"] == 30.0


def test_the_interview_day_itself_and_past_days_plan_nothing(studied: Bank) -> None:
    on_the_day = datetime(2026, 3, 24, 8, 0, tzinfo=SHANGHAI)
    plan = _plan(studied, now=on_the_day)
    assert plan.days_left == 0 and plan.days == () and plan.tonight is None
    assert plan.if_planned == pytest.approx(plan.if_stopped)


def test_naive_now_is_refused(studied: Bank) -> None:
    with studied.store.read() as connection, pytest.raises(ValueError, match="aware"):
        plan_interview(connection, studied.interview(INTERVIEW), now=datetime(2026, 3, 10, 21), tz=SHANGHAI)

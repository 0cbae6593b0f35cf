"""The plan's rules: review-only eve, every question twice, mock exams, behind, a missed evening, day boundaries."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta, timezone

import pytest

from quizdesk.core.plan.countdown import calendar, minutes_needed, plan_interview
from quizdesk.core.plan.inputs import CardRow, PlanInputs, epoch_days
from quizdesk.core.plan.planner import MOCK_MAX, NEW_SPREAD, REVIEW_ONLY_DAYS, is_mock_day, simulate

from .conftest import NOW, SHANGHAI, Bank

INTERVIEW = date(2026, 3, 24)


def _unseen(n: int, topics: int = 3) -> PlanInputs:
    cards = [CardRow(i + 1, 1 + i % topics, "single", None, None, None, None, 0) for i in range(n)]
    return PlanInputs(cards=cards, seconds_per_type={"single": 30.0})


def _views(plan_days: tuple, inputs: PlanInputs) -> dict[int, int]:
    views = {c.question_id: c.views for c in inputs.cards}
    for day in plan_days:
        for q in (*day.due, *day.new, *day.extra):
            views[q] += 1
    return views


def test_the_last_two_evenings_review_only_and_every_question_is_seen_twice() -> None:
    inputs = _unseen(120)
    sim = simulate(inputs, calendar(INTERVIEW, now=NOW, tz=SHANGHAI), 45 * 60.0)
    assert [d.day for d in sim.days] == [NOW.date() + timedelta(days=k) for k in range(14)]
    for day in sim.days:
        last = (INTERVIEW - day.day).days <= REVIEW_ONLY_DAYS
        assert day.review_only == last
        if last:
            assert day.new == () and day.cards > 0
        assert day.seconds <= 45 * 60.0
    assert sim.missing_views == 0
    assert min(_views(sim.days, inputs).values()) >= 2


def test_too_small_a_budget_is_behind_and_says_what_budget_would_do(bank: Bank) -> None:
    with bank.store.read() as connection:
        behind = plan_interview(connection, bank.interview(date(2026, 3, 14), minutes=1), now=NOW, tz=SHANGHAI)
        needed = minutes_needed(connection, bank.interview(date(2026, 3, 14), minutes=1), now=NOW, tz=SHANGHAI)
    assert not behind.on_track and behind.missing_views > 0
    assert needed is not None and needed > 1
    with bank.store.read() as connection:
        enough = plan_interview(connection, bank.interview(date(2026, 3, 14), minutes=needed), now=NOW, tz=SHANGHAI)
        one_less = plan_interview(connection, bank.interview(date(2026, 3, 14), minutes=needed - 1), now=NOW, tz=SHANGHAI)
        assert minutes_needed(connection, bank.interview(date(2026, 3, 14), minutes=needed), now=NOW, tz=SHANGHAI) == needed
    assert enough.on_track and not one_less.on_track


def test_two_evenings_left_cannot_bring_unseen_questions_in_at_all(bank: Bank) -> None:
    with bank.store.read() as connection:
        plan = plan_interview(connection, bank.interview(NOW.date() + timedelta(days=2)), now=NOW, tz=SHANGHAI)
        assert minutes_needed(connection, bank.interview(NOW.date() + timedelta(days=2)), now=NOW, tz=SHANGHAI) is None
    assert plan.missing_views == 2 * 18
    assert all(d.new == () for d in plan.days)


def test_mock_exams_fall_on_the_eve_and_every_third_evening_before_it() -> None:
    inputs = _unseen(120)
    sim = simulate(inputs, calendar(INTERVIEW, now=NOW, tz=SHANGHAI), 45 * 60.0)
    mock_days = [d.day for d in sim.days if d.exam is not None]
    assert mock_days[-1] == INTERVIEW - timedelta(days=1)
    assert all(is_mock_day(d, INTERVIEW) for d in mock_days)
    # 14 evenings: the first (nothing seen yet) has no exam; evening 13 before the date tests the first night.
    assert [(INTERVIEW - d).days for d in mock_days] == [13, 10, 7, 4, 1]
    for day in sim.days:
        if day.exam is None:
            continue
        reviews = (*day.due, *day.extra)
        assert set(day.exam.question_ids) <= set(reviews) and day.exam.count == min(len(reviews), MOCK_MAX)
        assert len(set(day.exam.question_ids)) == day.exam.count
        assert day.exam.time_limit_s == math.ceil(30.0 * day.exam.count / 60) * 60
        assert not set(day.exam.question_ids) & set(day.study_queue)


def test_a_missed_evening_spreads_its_new_cards_and_never_piles_them_on_the_eve(bank: Bank) -> None:
    """Evening 1 follows the plan, evening 2 is missed: from evening 3 the plan is recomputed from the history."""
    on = date(2026, 3, 20)  # ten evenings: 10 ... 19
    minutes = 4  # tight: 8 cards of 30 s an evening, so the new cards' share is what counts

    def plan_at(now: datetime):
        with bank.store.read() as connection:
            return plan_interview(connection, bank.interview(on, minutes), now=now, tz=SHANGHAI)

    first = plan_at(NOW)
    tonight = first.tonight
    assert tonight is not None
    for n, q in enumerate(tonight.study_queue):
        bank.answer(q, NOW + timedelta(minutes=n), seconds=30.0)
    third = NOW + timedelta(days=2)
    again = plan_at(third)
    unseen = 18 - len(tonight.new)
    evenings_for_new = (on - third.date()).days - REVIEW_ONLY_DAYS
    assert again.tonight is not None and again.tonight.day == third.date()
    assert len(again.tonight.new) >= math.ceil(unseen / evenings_for_new) or len(again.tonight.due) > 0
    news = [len(d.new) for d in again.days]
    assert news[-REVIEW_ONLY_DAYS:] == [0, 0]  # the eve and the evening before: reviews only
    share = math.ceil(unseen / math.ceil(evenings_for_new * NEW_SPREAD))
    # Never later than the even share: by each evening at least its share of the unseen
    # cards is in (earlier is allowed: time left goes to new cards first) ...
    for j in range(evenings_for_new):
        assert sum(news[: j + 1]) >= min(unseen, share * (j + 1)) or again.days[j].seconds > minutes * 60 - 30
    # ... so nothing is left to pile on the last evenings that may take new cards.
    assert news[evenings_for_new - 1] <= share
    assert all(d.seconds <= minutes * 60 for d in again.days)
    assert again.on_track


@pytest.mark.parametrize("hour", [7, 21], ids=["morning", "evening"])
def test_days_begin_at_local_midnight_in_shanghai(bank: Bank, hour: int) -> None:
    """An answer at 00:30 in Shanghai is today (not yesterday, as in UTC), morning or evening."""
    answered = datetime(2026, 3, 10, 0, 30, tzinfo=SHANGHAI)  # 2026-03-09 16:30 UTC
    first = bank.questions["never"][0]
    bank.answer(first, answered, seconds=25.0)
    now = datetime(2026, 3, 10, hour, 30, tzinfo=SHANGHAI)
    with bank.store.read() as connection:
        plan = plan_interview(connection, bank.interview(INTERVIEW), now=now, tz=SHANGHAI)
        in_utc = plan_interview(connection, bank.interview(INTERVIEW), now=now, tz=timezone.utc)
    assert plan.today == date(2026, 3, 10) and plan.days_left == 14
    assert plan.days[0].day == date(2026, 3, 10) and plan.days[-1].day == date(2026, 3, 23)
    tonight = plan.tonight
    assert tonight is not None and first not in tonight.due + tonight.new + tonight.extra  # done today
    assert tonight.seconds <= 45 * 60 - 25.0
    if hour == 7:  # 23:30 UTC on the 9th: in UTC the answer was today, and today is the 9th
        assert in_utc.today == date(2026, 3, 9) and in_utc.days_left == 15
    else:  # 13:30 UTC on the 10th: in UTC the answer was yesterday, due again tonight as seen once
        assert in_utc.today == date(2026, 3, 10) and in_utc.tonight is not None and first in in_utc.tonight.due


def test_a_mock_exam_of_many_reviews_takes_each_topic_in_turn_weakest_first() -> None:
    """90 cards due on the eve, 30 in each of three topics: the 40-question exam takes one card
    per topic in turn — the weakest topic first, then the fading one, then the strong one —
    and each topic's cards from the lowest recall on the date up."""
    now = epoch_days(NOW)
    cards = []
    for topic, (days_ago, stability) in enumerate(((60.0, 5.0), (10.0, 20.0), (2.0, 100.0)), start=1):
        for k in range(30):
            qid = topic * 100 + k
            # Within a topic, later cards were reviewed longer ago: lower recall on the date.
            cards.append(CardRow(qid, topic, "single", stability, 5.0, now - days_ago - k, now - 0.1, 3))
    inputs = PlanInputs(cards=cards, seconds_per_type={"single": 20.0})
    eve = NOW.date() + timedelta(days=1)
    sim = simulate(inputs, calendar(eve, now=NOW, tz=SHANGHAI), 24 * 3600.0)
    exam = sim.days[0].exam
    assert exam is not None and exam.count == MOCK_MAX
    assert [q // 100 for q in exam.question_ids] == [1, 2, 3] * 13 + [1]
    for topic in (1, 2, 3):
        mine = [q for q in exam.question_ids if q // 100 == topic]
        assert mine == [topic * 100 + k for k in range(29, 29 - len(mine), -1)]  # lowest recall first
    assert exam.time_limit_s == math.ceil(20.0 * MOCK_MAX / 60) * 60

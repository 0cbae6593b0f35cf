"""The planner's fast paths against straightforward references, on a constructed scope.

The plan reads 20,000 cards in well under the issue's 100 ms only by taking
shortcuts (inlined retrievability, C-level column passes, no queue entry for a
card due after the last evening, cached first views and difficulty updates).
These tests recompute what those shortcuts produce the plain way, card by card,
with :mod:`quizdesk.core.plan.memory`'s own functions.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from fsrs import Rating

from quizdesk.core.plan.countdown import calendar, local_midnight, plan_interview
from quizdesk.core.plan.inputs import CardRow, PlanInputs, epoch_days, load_inputs
from quizdesk.core.plan.memory import _SCHEDULER, Memory, first_view, retrievability, reviewed
from quizdesk.core.plan.planner import TARGET_VIEWS, simulate
from quizdesk.core.plan.scope import scope_topics

from .conftest import NOW, SHANGHAI, Bank

INTERVIEW = date(2026, 3, 24)
QTYPES = ("single", "open", "multi", "truefalse")


def _scope(seed: int, n: int = 400) -> PlanInputs:
    """Cards of five interleaved topics: never seen, seen once (today or before), studied
    often, due long ago and far after the date, due unknown, reviewed on whole-day marks."""
    rng = random.Random(seed)
    now = epoch_days(NOW)
    cards = []
    for i in range(n):
        qid, topic, qtype = 1000 + i, 1 + rng.randrange(5), rng.choice(QTYPES)
        kind = rng.random()
        if kind < 0.2:
            cards.append(CardRow(qid, topic, qtype, None, None, None, None, 0))
            continue
        views = 1 if kind < 0.4 else rng.randint(2, 9)
        # Some reviews exactly a whole number of days before the date (the floor's edge).
        last = now - rng.choice((rng.uniform(0, 90), float(rng.randint(1, 30)), 0.25))
        stability = rng.choice((rng.uniform(0.5, 200.0), 2.3065))
        due = rng.choice((None, last + rng.uniform(0.5, 60.0), now + 40.0, now - 30.0))
        cards.append(CardRow(qid, topic, qtype, stability, rng.uniform(1, 10), last, due, views))
    # Two answered earlier today, one of them a first view.
    views_today = {cards[5].question_id: 1, cards[-1].question_id: 2}
    return PlanInputs(cards=cards, seconds_per_type={"single": 30.0, "open": 80.0, "multi": 40.0},
                      new_card_recall=0.4, views_today=views_today, seconds_today=70.0)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_recall_if_stopped_is_each_cards_own_memory_at_the_date(seed: int) -> None:
    inputs = _scope(seed)
    cal = calendar(INTERVIEW, now=NOW, tz=SHANGHAI)
    sim = simulate(inputs, cal, 45 * 60.0)
    expected = [
        Memory([(1.0, c.stability, c.difficulty or 0.0)], c.last_review).recall(cal.interview_at)
        if c.stability is not None and c.last_review is not None else 0.0
        for c in inputs.cards
    ]
    assert sim.recall_if_stopped == expected  # exactly: the inlined formula is the same arithmetic


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_tonights_due_cards_are_every_due_card_most_overdue_first(seed: int) -> None:
    """With time for everything, tonight's due queue is the reference one: every studied card
    due by now (seen once and before today: due now), oldest due first, bank order on ties,
    cards answered today left out."""
    inputs = _scope(seed)
    cal = calendar(INTERVIEW, now=NOW, tz=SHANGHAI)
    moment, first_start = cal.sessions[0], cal.day_starts[0]
    retention = inputs.retention
    due: list[tuple[float, int]] = []
    for i, c in enumerate(inputs.cards):
        if c.stability is None or c.last_review is None or c.question_id in inputs.views_today:
            continue
        when = c.due if c.due is not None else c.last_review + Memory([(1.0, c.stability, c.difficulty or 0.0)], c.last_review).due_after(retention)
        if c.views < TARGET_VIEWS and c.last_review < first_start:
            when = min(when, first_start)
        if when <= moment + 1e-9:
            due.append((when, i))
    expected = tuple(inputs.cards[i].question_id for _, i in sorted(due))
    sim = simulate(inputs, cal, 24 * 3600.0)
    assert sim.days[0].due == expected and expected


@pytest.mark.parametrize("seed", [4, 5])
def test_a_card_is_planned_as_due_on_the_first_evening_at_or_after_its_due_time(seed: int) -> None:
    """With time for everything and no extra reviews (which would move a card's due time): each
    card due before the last evening is reviewed on the first evening at or after its due time;
    one due later never is."""
    inputs = _scope(seed)
    cal = calendar(INTERVIEW, now=NOW, tz=SHANGHAI)
    sim = simulate(inputs, cal, 24 * 3600.0, extras=False)
    first_due: dict[int, int] = {}
    for k, day in enumerate(sim.days):
        for q in day.due:
            first_due.setdefault(q, k)
    checked = 0
    for c in inputs.cards:
        if c.due is None or c.stability is None or c.views < TARGET_VIEWS or c.question_id in inputs.views_today:
            continue
        on = next((k for k, at in enumerate(cal.sessions) if c.due <= at + 1e-9), None)
        assert first_due.get(c.question_id) == on, c
        checked += on is not None and on > 0
    assert checked  # some cards fall due on a later evening, not tonight
    late = {c.question_id for c in inputs.cards if c.due is not None and c.due > cal.sessions[-1] and c.views >= TARGET_VIEWS}
    assert late and not late & {q for day in sim.days for q in day.due}
    # ... and they still count towards the forecast (their recall is there, planned or not).
    index = {c.question_id: i for i, c in enumerate(inputs.cards)}
    assert all(sim.recall_if_planned[index[q]] >= sim.recall_if_stopped[index[q]] > 0 for q in late)


def test_cached_first_views_and_difficulty_updates_are_the_schedulers() -> None:
    good, again = first_view(0.4)
    assert good == (0.4, _SCHEDULER._initial_stability(rating=Rating.Good), _SCHEDULER._initial_difficulty(rating=Rating.Good, clamp=True))
    assert again == (0.6, _SCHEDULER._initial_stability(rating=Rating.Again), _SCHEDULER._initial_difficulty(rating=Rating.Again, clamp=True))
    # Two new cards share the cached branches, never the list: one's memory cannot change the other's.
    a, b = reviewed(Memory(), 100.0, 0.4), reviewed(Memory(), 100.0, 0.4)
    assert a.branches == b.branches and a.branches is not b.branches
    # A review's branches: the scheduler's update rules, computed directly.
    mem = Memory([(1.0, 12.0, 5.5)], 100.0)
    after = reviewed(mem, 110.0, 0.4)
    r = retrievability(12.0, 10)
    expected = sorted([
        (r, _SCHEDULER._next_stability(difficulty=5.5, stability=12.0, retrievability=r, rating=Rating.Good),
         _SCHEDULER._next_difficulty(difficulty=5.5, rating=Rating.Good)),
        (1 - r, _SCHEDULER._next_stability(difficulty=5.5, stability=12.0, retrievability=r, rating=Rating.Again),
         _SCHEDULER._next_difficulty(difficulty=5.5, rating=Rating.Again)),
    ], key=lambda b: b[1])
    assert after.branches == expected


def test_topic_figures_are_plain_means_over_the_topics_cards(studied: Bank) -> None:
    """Per topic: questions, questions seen, and both forecasts as the mean of its cards' figures."""
    spec = studied.interview(INTERVIEW)
    with studied.store.read() as connection:
        plan = plan_interview(connection, spec, now=NOW, tz=SHANGHAI)
        topics = scope_topics(connection, spec.module_keys, spec.topic_keys)
        inputs = load_inputs(connection, [t.id for t in topics], day_start=local_midnight(NOW.date(), SHANGHAI), now=NOW)
    sim = simulate(inputs, calendar(INTERVIEW, now=NOW, tz=SHANGHAI), 45 * 60.0)
    for forecast in plan.topics:
        cards = [CardRow(*c) for c in inputs.cards]  # the query hands plain rows in CardRow order
        mine = [i for i, c in enumerate(cards) if c.topic_id == forecast.topic_id]
        assert forecast.questions == len(mine)
        assert forecast.seen == sum(1 for i in mine if cards[i].views > 0)
        assert forecast.if_stopped == pytest.approx(sum(sim.recall_if_stopped[i] for i in mine) / len(mine), abs=1e-15)
        assert forecast.if_planned == pytest.approx(sum(sim.recall_if_planned[i] for i in mine) / len(mine), abs=1e-15)
    assert [f.key.split("/")[-1] for f in plan.topics] == ["never", "mastered", "fading"]
    assert {f.key.split("/")[-1]: f.seen for f in plan.topics} == {"never": 0, "mastered": 6, "fading": 6}
    assert plan.days[0].day == NOW.date() and NOW.date() + timedelta(days=13) == plan.days[-1].day

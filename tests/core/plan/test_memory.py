"""The planner's FSRS arithmetic is the fsrs package's own."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

import pytest
from fsrs import Card, Rating

from quizdesk.core.plan.memory import Memory, first_view, retrievability, reviewed, whole_days
from quizdesk.core.study.scheduler import make_scheduler

T0 = datetime(2026, 1, 1, 20, 0, tzinfo=timezone.utc)


def _flat(branches: Sequence[tuple[float, float, float]]) -> list[float]:
    return [x for branch in sorted(branches, key=lambda b: b[1]) for x in branch]


def _days(moment: datetime) -> float:
    return moment.timestamp() / 86400.0


# fsrs leaves a card's stability, difficulty and last review None until it is
# first reviewed; every card read below has been.
def _stability(card: Card) -> float:
    assert card.stability is not None, "the card was never reviewed"
    return card.stability


def _branch(weight: float, card: Card) -> tuple[float, float, float]:
    """(weight, stability, difficulty) of a card the scheduler has reviewed."""
    assert card.difficulty is not None, "the card was never reviewed"
    return (weight, _stability(card), card.difficulty)


def _last_review(card: Card) -> datetime:
    assert card.last_review is not None, "the card was never reviewed"
    return card.last_review


@pytest.mark.parametrize("later", [timedelta(hours=5), timedelta(days=1), timedelta(days=3, hours=23), timedelta(days=40)])
def test_recall_is_the_packages_retrievability_in_whole_days(later: timedelta) -> None:
    scheduler = make_scheduler()
    card, _ = scheduler.review_card(Card(card_id=1, due=T0), Rating.Good, T0)
    card, _ = scheduler.review_card(card, Rating.Good, T0 + timedelta(days=3))
    memory = Memory([_branch(1.0, card)], _days(_last_review(card)))
    at = _last_review(card) + later
    assert memory.recall(_days(at)) == pytest.approx(scheduler.get_card_retrievability(card, at), abs=1e-12)
    assert whole_days(later / timedelta(days=1)) == later.days


def test_an_expected_review_is_the_mixture_of_the_schedulers_good_and_again() -> None:
    scheduler = make_scheduler()
    card, _ = scheduler.review_card(Card(card_id=1, due=T0), Rating.Good, T0)
    later = T0 + timedelta(days=5)
    r = scheduler.get_card_retrievability(card, later)
    good, _ = scheduler.review_card(card, Rating.Good, later)
    again, _ = scheduler.review_card(card, Rating.Again, later)
    after = reviewed(Memory([_branch(1.0, card)], _days(T0)), _days(later), 0.5)
    assert _flat(after.branches) == pytest.approx(_flat([_branch(1 - r, again), _branch(r, good)]))
    ten_days = _days(later) + 10
    expected = r * retrievability(_stability(good), 10) + (1 - r) * retrievability(_stability(again), 10)
    assert after.recall(ten_days) == pytest.approx(expected)


def test_a_first_view_starts_from_the_schedulers_initial_states() -> None:
    scheduler = make_scheduler()
    good, _ = scheduler.review_card(Card(card_id=1, due=T0), Rating.Good, T0)
    again, _ = scheduler.review_card(Card(card_id=2, due=T0), Rating.Again, T0)
    assert _flat(first_view(0.3)) == pytest.approx(_flat([_branch(0.3, good), _branch(0.7, again)]))
    assert Memory().recall(_days(T0)) == 0.0


def test_mixtures_stay_small_and_keep_their_weight() -> None:
    memory = Memory([(1.0, 3.0, 5.0)], 0.0)
    for day in range(1, 9):
        memory = reviewed(memory, float(day * 3), 0.5)
    assert len(memory.branches) <= 4
    assert sum(w for w, _, _ in memory.branches) == pytest.approx(1.0)


def test_due_after_is_the_first_day_at_or_under_retention() -> None:
    one = Memory([(1.0, 10.0, 5.0)], 0.0)
    assert one.due_after(0.9) == 10  # FSRS: R(S days) = 0.9 by definition of S
    mixed = Memory([(0.5, 2.0, 5.0), (0.5, 40.0, 5.0)], 0.0)
    n = mixed.due_after(0.9)
    assert mixed.recall(float(n)) <= 0.9 < mixed.recall(float(n - 1))

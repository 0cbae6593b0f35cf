"""FSRS memory for planning: the forgetting curve and the expected result of a review.

Retrievability is the ``fsrs`` package's own formula with the parameters the
scheduler uses, counted in whole elapsed days as the package counts them::

    R = (1 + FACTOR * days / S) ** DECAY

A planned review's outcome is not known in advance. It is taken as its
expectation: with probability R the card is recalled (rated Good), otherwise
forgotten (Again), and the card's memory becomes a *mixture* of the two
outcomes, each with its weight, stability and difficulty, computed by the
scheduler's own update rules. Averaging the stabilities instead would
overstate recall (the curve is convex): a card at S = 10 days reviewed at
R = 0.9 and read 10 days later is 93.8 % as a mixture and 95.4 % as an average.
Mixtures are kept to :data:`MAX_BRANCHES` by merging the two closest
(in log-stability), which changes recall by well under a point.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from fsrs import Rating

from quizdesk.core.study.scheduler import make_scheduler

_SCHEDULER = make_scheduler()
DECAY = float(_SCHEDULER._DECAY)
FACTOR = float(_SCHEDULER._FACTOR)
MAX_BRANCHES = 4
# Elapsed times are differences of float days: a review exactly one day after
# another must count one whole day, not 0.99999.
_EPSILON = 1e-6


def whole_days(elapsed: float) -> int:
    """Whole days in ``elapsed`` (float days), at least 0: ``timedelta.days`` as FSRS uses it."""
    return max(0, math.floor(elapsed + _EPSILON))


def retrievability(stability: float, elapsed_days: int) -> float:
    """The probability of recall ``elapsed_days`` whole days after a review leaving ``stability``."""
    return (1.0 + FACTOR * elapsed_days / stability) ** DECAY


@dataclass
class Memory:
    """A card's memory: a mixture of (weight, stability, difficulty) branches reviewed at ``last_review``.

    ``last_review`` is in days since the Unix epoch (UTC); an unseen card has no
    branches and recalls nothing.
    """

    branches: list[tuple[float, float, float]] = field(default_factory=list)
    last_review: float | None = None

    @property
    def seen(self) -> bool:
        return bool(self.branches)

    def recall(self, at: float) -> float:
        """Expected probability of recall at time ``at`` (days since the epoch)."""
        if self.last_review is None:
            return 0.0
        days = whole_days(at - self.last_review)
        return sum(w * retrievability(s, days) for w, s, _ in self.branches)

    def due_after(self, retention: float) -> int:
        """Whole days after the last review at which recall first falls to ``retention``, at least 1."""
        if len(self.branches) == 1:
            # Solved exactly: (1 + F n / S) ** DECAY <= retention.
            need = self.branches[0][1] * (retention ** (1.0 / DECAY) - 1.0) / FACTOR
            return max(1, math.ceil(need - _EPSILON))
        return _mixture_due_after(tuple(self.branches), retention)


@lru_cache(maxsize=1024)
def _mixture_due_after(branches: tuple[tuple[float, float, float], ...], retention: float) -> int:
    """:meth:`Memory.due_after` for a mixture, by bisection. Cached: every new card of an
    evening has the same first-view mixture, so the same answer."""

    def recall_after(days: int) -> float:
        return sum(w * retrievability(s, days) for w, s, _ in branches)

    low, high = 1, 1
    while recall_after(high) > retention:
        low, high = high, high * 2
        if high > 36500:
            return 36500
    while low < high:  # recall falls with time: the first day at or under retention
        mid = (low + high) // 2
        if recall_after(mid) <= retention:
            high = mid
        else:
            low = mid + 1
    return low


def _merge(branches: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Merge the two branches closest in log-stability until at most MAX_BRANCHES are left."""
    branches = sorted(branches, key=lambda b: b[1])
    while len(branches) > MAX_BRANCHES:
        gaps = [math.log(branches[i + 1][1] / branches[i][1]) for i in range(len(branches) - 1)]
        i = gaps.index(min(gaps))
        (w1, s1, d1), (w2, s2, d2) = branches[i], branches[i + 1]
        w = w1 + w2
        merged = (w, math.exp((w1 * math.log(s1) + w2 * math.log(s2)) / w), (w1 * d1 + w2 * d2) / w)
        branches[i : i + 2] = [merged]
    return branches


@lru_cache(maxsize=16)
def first_view(recall_chance: float) -> tuple[tuple[float, float, float], ...]:
    """A new card's memory after its first view: Good with ``recall_chance``, else Again.

    The same for every new card of a plan: cached (a plan introduces hundreds).
    """
    out = []
    for rating, weight in ((Rating.Good, recall_chance), (Rating.Again, 1.0 - recall_chance)):
        if weight > 0:
            out.append((
                weight,
                _SCHEDULER._initial_stability(rating=rating),
                _SCHEDULER._initial_difficulty(rating=rating, clamp=True),
            ))
    return tuple(out)


@lru_cache(maxsize=4096)
def _next_difficulty(difficulty: float, rating: Rating) -> float:
    """The scheduler's difficulty update, cached: branch difficulties repeat across cards."""
    return float(_SCHEDULER._next_difficulty(difficulty=difficulty, rating=rating))


def reviewed(memory: Memory, at: float, new_card_recall: float) -> Memory:
    """``memory`` after a review at ``at`` with its expected outcome (a new card: :func:`first_view`)."""
    if not memory.seen:
        return Memory(list(first_view(new_card_recall)), at)
    assert memory.last_review is not None
    days = whole_days(at - memory.last_review)
    children = []
    for weight, stability, difficulty in memory.branches:
        r = retrievability(stability, days)
        for rating, chance in ((Rating.Good, r), (Rating.Again, 1.0 - r)):
            if weight * chance <= 0:
                continue
            s = _SCHEDULER._next_stability(difficulty=difficulty, stability=stability, retrievability=r, rating=rating)
            d = _next_difficulty(difficulty, rating)
            children.append((weight * chance, s, d))
    return Memory(_merge(children), at)

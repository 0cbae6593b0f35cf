"""How a weak-areas drill shares its questions among the weakest topics.

"Drill these" asks a mock exam of the usual size on the weakest topics, ranked
by the weak-area model (docs/weak-areas.md). The weakest gets the largest
share: :data:`DRILL_SHARES` (50 / 30 / 20 %) of the exam over the top three. A
topic with fewer questions than its share gives what it lacks to the others,
weakest first, so the exam keeps its size while the bank allows.
"""

from __future__ import annotations

from collections.abc import Sequence

# The weakest topic's share of the drill, then the second's, then the third's.
DRILL_SHARES = (0.5, 0.3, 0.2)


def drill_quotas(size: int, available: Sequence[int], shares: Sequence[float] = DRILL_SHARES) -> list[int]:
    """Questions to take from each topic, in rank order (weakest first).

    ``available[i]`` is how many questions the i-th weakest topic can give.
    Topics beyond ``len(shares)`` get nothing. Shares are rounded by largest
    remainder (ties to the weaker topic) so they add up to ``size``; a topic
    that cannot fill its share passes the rest on, weakest first. The total is
    ``min(size, sum of what the ranked topics can give)``.
    """
    if size < 0:
        raise ValueError(f"size must be at least 0, not {size}")
    if any(a < 0 for a in available):
        raise ValueError("available counts must be at least 0")
    ranked = list(available[: len(shares)])
    if not ranked:
        return [0] * len(available)
    weights = list(shares[: len(ranked)])
    total_weight = sum(weights)
    exact = [size * w / total_weight for w in weights]
    quotas = [int(x) for x in exact]
    by_remainder = sorted(range(len(ranked)), key=lambda i: (-(exact[i] - quotas[i]), i))
    for i in by_remainder[: size - sum(quotas)]:
        quotas[i] += 1
    # Cap at what each topic has; hand the excess on, weakest first.
    spare = 0
    for i, have in enumerate(ranked):
        if quotas[i] > have:
            spare += quotas[i] - have
            quotas[i] = have
    for i, have in enumerate(ranked):
        if spare == 0:
            break
        extra = min(spare, have - quotas[i])
        quotas[i] += extra
        spare -= extra
    return quotas + [0] * (len(available) - len(ranked))

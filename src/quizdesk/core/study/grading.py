"""Grading of objective answers: choice indexes against the correct ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class GradeResult:
    score: float
    correct: bool
    correct_indexes: tuple[int, ...]


def correct_indexes(choices: Sequence[dict[str, Any]]) -> tuple[int, ...]:
    return tuple(i for i, c in enumerate(choices) if c.get("correct"))


def grade_choice(choices: Sequence[dict[str, Any]], given: Sequence[int] | None) -> GradeResult:
    """All-or-nothing: the chosen set must equal the correct set.

    Partial credit for ``multi`` would reward ticking everything; interviews
    don't, so neither do we. No answer scores 0.
    """
    right = correct_indexes(choices)
    chosen = tuple(sorted(set(given or ())))
    ok = bool(chosen) and chosen == right
    return GradeResult(1.0 if ok else 0.0, ok, right)


def recall_score(recalled: Sequence[int], key_point_count: int) -> float:
    if key_point_count <= 0:
        return 0.0
    hits = {i for i in recalled if 0 <= i < key_point_count}
    return len(hits) / key_point_count

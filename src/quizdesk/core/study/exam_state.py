"""The states an exam goes through, named once.

``sessions.state`` stores the enum's value (``'active'`` …), the strings it
always held: no migration. ``ExamState`` is a ``str`` so a value read back from
the database compares equal to its member (``'grading' == ExamState.GRADING``).

    active ⇄ paused          (pause: only exams without a time limit)
    active/paused → grading  (submitted with open answers to self-grade)
    active/paused → finished (submitted, nothing left to grade)
    grading → finished       (the last open answer graded)
    active/paused/grading → abandoned (discarded)

This module imports nothing else, so the start-up path's raw reads can use it
before SQLAlchemy is loaded.
"""

from __future__ import annotations

from enum import Enum


class ExamState(str, Enum):
    ACTIVE = "active"
    PAUSED = "paused"
    GRADING = "grading"
    FINISHED = "finished"
    ABANDONED = "abandoned"

    def __str__(self) -> str:  # the stored string, in messages and f-strings on every Python version
        return self.value

    @property
    def answerable(self) -> bool:
        """Answers, flags and the clock may still change."""
        return self in ANSWERABLE

    @property
    def resumable(self) -> bool:
        """Left unfinished: offered to resume (answering or self-grading)."""
        return self in RESUMABLE


#: Being answered: answers, flags and the clock may change.
ANSWERABLE: tuple[ExamState, ...] = (ExamState.ACTIVE, ExamState.PAUSED)
#: Unfinished: the app offers to continue these (answering, or self-grading).
RESUMABLE: tuple[ExamState, ...] = (ExamState.ACTIVE, ExamState.PAUSED, ExamState.GRADING)


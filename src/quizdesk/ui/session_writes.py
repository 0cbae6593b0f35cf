"""The core sessions' writes, made of ``ui/ops.py`` operations.

``core/study`` runs an exam (:class:`~quizdesk.core.study.exam_session.ExamSession`),
a study round and the self-grading without widgets; each takes an object with
one method per write. Here those methods are operations: one transaction each,
then the collection's ``changed`` with what changed (a saved exam answer, flag
or clock is ``EXAM_ANSWER`` only, so the library does not re-count for it).

The operations run quietly: the session keeps what the database refused and
the page says why in its own words, so a failure is raised back to the session
instead of being shown in the status bar.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from quizdesk.core.study.exam_session import QUICK_WRITE_TIMEOUT_MS, ClockReading
from quizdesk.ui import ops

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from quizdesk.core.study.grading import GradeResult
    from quizdesk.ui.collection import Collection


def _value(result: ops.OpResult[Any]) -> Any:
    """The operation's value; its error raised when the database refused it."""
    if not result.ok:
        raise result.error if result.error is not None else RuntimeError(result.message)
    return result.value


class _Writes:
    def __init__(self, parent: QWidget | None, collection: Collection) -> None:
        self.parent = parent
        self.collection = collection


class OpsExamWrites(_Writes):
    """:class:`~quizdesk.core.study.exam_session.ExamWrites` through ``ui/ops.py``."""

    @staticmethod
    def _options(patient: bool) -> dict[str, Any]:
        # A routine save waits only briefly for another program's lock; submitting waits the full time.
        return {"quiet": True, "busy_timeout_ms": None if patient else QUICK_WRITE_TIMEOUT_MS}

    def save_answer(self, exam_id: int, question_id: int, given: Any, *, seconds_spent: float,
                    reading: ClockReading, patient: bool) -> None:
        _value(ops.save_exam_answer(
            self.parent, self.collection, exam_id, question_id, given, seconds_spent=seconds_spent,
            remaining_s=reading.remaining_s, elapsed_s=reading.elapsed_s, current_index=reading.current_index,
            **self._options(patient),
        ))

    def set_flag(self, exam_id: int, question_id: int, flagged: bool, *, reading: ClockReading, patient: bool) -> None:
        _value(ops.set_exam_flag(
            self.parent, self.collection, exam_id, question_id, flagged, remaining_s=reading.remaining_s,
            elapsed_s=reading.elapsed_s, current_index=reading.current_index, **self._options(patient),
        ))

    def save_clock(self, exam_id: int, *, reading: ClockReading, paused: bool, patient: bool) -> None:
        _value(ops.save_exam_clock(
            self.parent, self.collection, exam_id, remaining_s=reading.remaining_s, elapsed_s=reading.elapsed_s,
            current_index=reading.current_index, paused=paused, **self._options(patient),
        ))

    def submit(self, exam_id: int, *, now: datetime, patient: bool) -> None:
        _value(ops.submit_exam(self.parent, self.collection, exam_id, now=now, **self._options(patient)))


class OpsStudyWrites(_Writes):
    """:class:`~quizdesk.core.study.study_session.StudyWrites` through ``ui/ops.py``."""

    def record_choice(self, question_id: int, given: list[int], *, now: datetime, seconds: float) -> GradeResult:
        return _value(ops.record_choice(self.parent, self.collection, question_id, given, now=now, seconds=seconds, quiet=True))

    def record_recall(self, question_id: int, recalled: list[int], *, now: datetime, seconds: float) -> float:
        return float(_value(ops.record_recall(self.parent, self.collection, question_id, recalled, now=now, seconds=seconds, quiet=True)))

    def record_rating(self, question_id: int, rating: int, *, now: datetime, seconds: float) -> float:
        attempt = _value(ops.record_rating(self.parent, self.collection, question_id, rating, now=now, seconds=seconds, quiet=True))
        return float(attempt.score)


class OpsGradingWrites(_Writes):
    """:class:`~quizdesk.core.study.exam_grading.GradingWrites` through ``ui/ops.py``."""

    def score_blank_open_answers(self, exam_id: int, *, now: datetime) -> None:
        _value(ops.score_blank_open_answers(self.parent, self.collection, exam_id, now=now, quiet=True))

    def self_grade(self, exam_id: int, question_id: int, *, recalled: list[int] | None, rating: int | None,
                   now: datetime) -> None:
        _value(ops.self_grade(self.parent, self.collection, exam_id, question_id, recalled=recalled, rating=rating,
                              now=now, quiet=True))

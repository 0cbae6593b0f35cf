"""After an exam is submitted: the user grades its open answers, one at a time, without a widget.

Each answered open question not graded yet is shown with the user's notes; with
key points (要点) the user ticks those the notes covered (the fraction is the
score), without them picks Again / Hard / Good / Easy. Each grade is committed
at once through :class:`GradingWrites`; the last one finishes the exam. Blank
answers score 0 without asking (``exams.submit_exam`` does it; this catches
exams submitted by an older version). The page is ``ui/exam/self_grade.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from quizdesk.core.clock import utcnow

if TYPE_CHECKING:
    from quizdesk.core.db.store import Store
    from quizdesk.core.study.exams import ExamQuestion, ExamSnapshot


class GradingWrites(Protocol):
    """The writes of self-grading, each one transaction; each raises if the database refuses it."""

    def score_blank_open_answers(self, exam_id: int, *, now: datetime) -> None: ...

    def self_grade(self, exam_id: int, question_id: int, *, recalled: list[int] | None, rating: int | None,
                   now: datetime) -> None: ...


class StoreGradingWrites:
    """:class:`GradingWrites` straight on a store (tests, scripts)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def score_blank_open_answers(self, exam_id: int, *, now: datetime) -> None:
        from quizdesk.core.study.exams import score_blank_open_answers

        with self.store.session() as session:
            score_blank_open_answers(session, exam_id, now)

    def self_grade(self, exam_id: int, question_id: int, *, recalled: list[int] | None, rating: int | None,
                   now: datetime) -> None:
        from quizdesk.core.study.exams import self_grade

        with self.store.session() as session:
            self_grade(session, exam_id, question_id, recalled=recalled, rating=rating, now=now)


def score_blanks_then_load(score: Callable[[], None], load: Callable[[], ExamSnapshot]) -> ExamSnapshot:
    """Score the blank open answers (a refused write is let go: they are then asked for), then load the exam."""
    try:
        score()
    except Exception:  # a locked database: the blank answers are graded by hand below, as before
        pass
    return load()


class ExamGrading:
    """The open answers of one submitted exam still to be graded, in exam order."""

    def __init__(self, snapshot: ExamSnapshot, writes: GradingWrites, *, now: Callable[[], datetime] = utcnow) -> None:
        from quizdesk.core.study.exams import is_blank_answer

        self.exam_id = snapshot.id
        self.writes = writes
        self._now = now
        self.notes: dict[int, Any] = dict(snapshot.answers)
        self.pending: list[ExamQuestion] = [q for q in snapshot.questions if q.qtype == "open" and q.id not in snapshot.graded]
        # Only answered open questions are graded here: "i of n" counts those.
        self.total_open = sum(1 for q in snapshot.questions if q.qtype == "open" and not is_blank_answer(snapshot.answers.get(q.id)))
        self.position = 0
        #: The last write's error (None after a write succeeded).
        self.last_error: BaseException | None = None

    @classmethod
    def open(cls, store: Store, exam_id: int, *, now: Callable[[], datetime] = utcnow) -> ExamGrading:
        """The exam's grading read from ``store``, writing straight to it (:class:`StoreGradingWrites`)."""
        from quizdesk.core.study.exams import load_exam

        writes = StoreGradingWrites(store)

        def load() -> ExamSnapshot:
            with store.session() as session:
                return load_exam(session, exam_id)

        return cls(score_blanks_then_load(lambda: writes.score_blank_open_answers(exam_id, now=now()), load), writes, now=now)

    @property
    def question(self) -> ExamQuestion | None:
        """The open question to grade now; None when every one is graded."""
        return self.pending[self.position] if self.position < len(self.pending) else None

    @property
    def done(self) -> bool:
        return self.question is None

    @property
    def number(self) -> int:
        """The question's number among the answered open questions (1-based), counting those graded before."""
        graded_before = max(0, self.total_open - len(self.pending))
        return graded_before + self.position + 1

    def record_points(self, recalled: list[int]) -> bool:
        """Grade the question shown by the key points its notes covered; True when stored."""
        q = self.question
        if q is None or not q.key_points:
            return False
        return self._grade(q.id, recalled=list(recalled), rating=None)

    def record_rating(self, rating: int) -> bool:
        """Grade the question shown (no key points) Again / Hard / Good / Easy; True when stored."""
        from quizdesk.core.study.scheduler import AGAIN, EASY

        q = self.question
        if q is None or q.key_points or not AGAIN <= rating <= EASY:
            return False
        return self._grade(q.id, recalled=None, rating=rating)

    def _grade(self, question_id: int, *, recalled: list[int] | None, rating: int | None) -> bool:
        try:
            self.writes.self_grade(self.exam_id, question_id, recalled=recalled, rating=rating, now=self._now())
        except Exception as exc:  # the question stays; the page says why and the grade can be given again
            self.last_error = exc
            return False
        self.last_error = None
        self.position += 1
        return True

"""A study round over a queue of cards, without a widget: its phases and its grades.

Each card goes through phases (:class:`StudyPhase`)::

    open question:      QUESTION --reveal--> REVEALED --grade / key points--> next card
    choice, true/false: QUESTION --check--> ANSWERED --go on--> next card
    after the last card: DONE (the summary)

An open question with key points (要点) is graded by the points the user ticks
(the fraction recalled); without key points by Again / Hard / Good / Easy. A
choice is graded at once. Every grade is written the moment it is given, in
its own transaction, through :class:`StudyWrites`; a refused write keeps the
card in its phase with the error, so the grade can be given again.

The study page (``ui/study/study_view.py``) shows a :class:`StudyRound` and forwards
keys and clicks to it; the tests drive it with a fake clock
(``tests/core/study/test_study_session.py``). (``StudySession`` is the name of
the database row of an exam; this is a round of cards.)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from quizdesk.core.clock import utcnow

if TYPE_CHECKING:
    from quizdesk.core.db.store import Store
    from quizdesk.core.study.grading import GradeResult
    from quizdesk.core.queries.questions import QuestionDetail

T = TypeVar("T")


class StudyPhase(str, Enum):
    QUESTION = "question"  # the card is shown; an open one waits for "reveal", a choice for "check"
    REVEALED = "revealed"  # an open question's answer is shown: grade it
    ANSWERED = "answered"  # a choice was checked: feedback shown, go on
    DONE = "done"  # past the last card: the summary

    def __str__(self) -> str:
        return self.value


@dataclass
class CardResult:
    question_id: int
    score: float
    correct: bool | None


class StudyWrites(Protocol):
    """The grades a study round writes, each one transaction; each raises if the database refuses it."""

    def record_choice(self, question_id: int, given: list[int], *, now: datetime, seconds: float) -> GradeResult: ...

    def record_recall(self, question_id: int, recalled: list[int], *, now: datetime, seconds: float) -> float: ...

    def record_rating(self, question_id: int, rating: int, *, now: datetime, seconds: float) -> float: ...


class StoreStudyWrites:
    """:class:`StudyWrites` straight on a store (tests, scripts): ``reviews.record_*`` in one transaction each."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def record_choice(self, question_id: int, given: list[int], *, now: datetime, seconds: float) -> GradeResult:
        from quizdesk.core.study import reviews

        with self.store.session() as session:
            return reviews.record_choice(session, question_id, given, now=now, seconds=seconds)

    def record_recall(self, question_id: int, recalled: list[int], *, now: datetime, seconds: float) -> float:
        from quizdesk.core.study import reviews

        with self.store.session() as session:
            return reviews.record_recall(session, question_id, recalled, now=now, seconds=seconds)

    def record_rating(self, question_id: int, rating: int, *, now: datetime, seconds: float) -> float:
        from quizdesk.core.study import reviews

        with self.store.session() as session:
            return float(reviews.record_rating(session, question_id, rating, now=now, seconds=seconds).score)


class StudyRound:
    """One study round over ``cards`` (in that order); starts on the first card.

    ``clock`` is a monotonic clock (the seconds spent on each card), ``now``
    the wall clock of the attempts. ``on_graded(question_id, score)`` runs
    after each committed grade.
    """

    def __init__(
        self,
        cards: Sequence[QuestionDetail],
        writes: StudyWrites,
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utcnow,
        on_graded: Callable[[int, float], None] | None = None,
    ) -> None:
        self.cards: list[QuestionDetail] = list(cards)
        self.writes = writes
        self._clock = clock
        self._now = now
        self._on_graded = on_graded
        self.index = -1
        self.phase = StudyPhase.QUESTION
        self.results: list[CardResult] = []
        #: Whether the last checked choice was right (None before a check on this card).
        self.last_correct: bool | None = None
        #: The last check's result (which choices are right), for the feedback.
        self.last_choice: GradeResult | None = None
        #: The last write's error (None after a write succeeded).
        self.last_error: BaseException | None = None
        self._shown_at = 0.0
        self.next_card()

    @classmethod
    def open(cls, store: Store, question_ids: list[int], **options: Any) -> StudyRound:
        """A round over ``question_ids`` read from ``store``, writing straight to it (:class:`StoreStudyWrites`)."""
        from quizdesk.core.queries.questions import question_details

        with store.read() as connection:
            cards = question_details(connection, list(question_ids))
        return cls(cards, StoreStudyWrites(store), **options)

    # -- what is shown ------------------------------------------------------------
    @property
    def card(self) -> QuestionDetail | None:
        return self.cards[self.index] if 0 <= self.index < len(self.cards) else None

    @property
    def is_open(self) -> bool:
        """The card is an open question (self-graded)."""
        card = self.card
        return card is not None and card.qtype == "open"

    @property
    def grades_by_points(self) -> bool:
        """The card is an open question with key points: graded by ticking them."""
        card = self.card
        return self.is_open and card is not None and bool(card.key_points)

    @property
    def mean_score(self) -> float | None:
        """The round's average score so far (None before the first grade)."""
        return sum(r.score for r in self.results) / len(self.results) if self.results else None

    def seconds_on_card(self) -> float:
        return max(0.0, self._clock() - self._shown_at)

    # -- moving -------------------------------------------------------------------
    def next_card(self) -> StudyPhase:
        """Show the next card (or the summary after the last one); the new phase."""
        if self.phase == StudyPhase.DONE:
            return self.phase
        self.index += 1
        self.last_error = None
        self.last_correct = None
        self.last_choice = None
        if self.index >= len(self.cards):
            self.index = len(self.cards)
            self.phase = StudyPhase.DONE
        else:
            self.phase = StudyPhase.QUESTION
            self._shown_at = self._clock()
        return self.phase

    def go_on(self) -> bool:
        """After a checked choice: the next card."""
        if self.phase != StudyPhase.ANSWERED:
            return False
        self.next_card()
        return True

    def reveal(self) -> bool:
        """Show the answer of an open question."""
        if self.phase != StudyPhase.QUESTION or not self.is_open:
            return False
        self.phase = StudyPhase.REVEALED
        return True

    # -- grading ------------------------------------------------------------------
    def check_choice(self, given: list[int]) -> GradeResult | None:
        """Grade the picked choice(s) of an objective card now; None if nothing was picked, not allowed or refused."""
        card = self.card
        if card is None or self.phase != StudyPhase.QUESTION or self.is_open or not given:
            return None
        picked = list(given)
        seconds = self.seconds_on_card()
        result = self._write(lambda: self.writes.record_choice(card.id, picked, now=self._now(), seconds=seconds))
        if result is None:
            return None
        self.last_correct = result.correct
        self.last_choice = result
        self._record(card.id, result.score, result.correct)
        self.phase = StudyPhase.ANSWERED
        return result

    def submit_recall(self, recalled: list[int]) -> float | None:
        """Grade an open question by the key points recalled; its score, then the next card. None if not allowed or refused."""
        card = self.card
        if card is None or self.phase != StudyPhase.REVEALED or not self.grades_by_points:
            return None
        ticked = list(recalled)
        seconds = self.seconds_on_card()
        score = self._write(lambda: self.writes.record_recall(card.id, ticked, now=self._now(), seconds=seconds))
        if score is None:
            return None
        self._record(card.id, score, None)
        self.next_card()
        return score

    def grade(self, rating: int) -> float | None:
        """Again / Hard / Good / Easy (1–4) for an open question without key points; its score, then the next card."""
        from quizdesk.core.study.scheduler import AGAIN, EASY  # here: the page imports this module on start-up

        card = self.card
        if card is None or self.phase != StudyPhase.REVEALED or self.grades_by_points or not AGAIN <= rating <= EASY:
            return None
        seconds = self.seconds_on_card()
        score = self._write(lambda: self.writes.record_rating(card.id, rating, now=self._now(), seconds=seconds))
        if score is None:
            return None
        self._record(card.id, score, None)
        self.next_card()
        return score

    def _write(self, work: Callable[[], T]) -> T | None:
        try:
            result = work()
        except Exception as exc:  # a locked or damaged database: the card stays, the page says why
            self.last_error = exc
            return None
        self.last_error = None
        return result

    def _record(self, question_id: int, score: float, correct: bool | None) -> None:
        self.results.append(CardResult(question_id, score, correct))
        if self._on_graded is not None:
            self._on_graded(question_id, score)

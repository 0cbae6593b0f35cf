"""Mock exams: build one from a spec, keep its answers and clock, grade it.

An exam's state lives in the database from the first answer on: every answer,
flag and clock tick is committed by the caller as it happens, so a crash or a
``kill -9`` loses at most the answer being typed. The clock is the remaining
time saved with each change; it does not run while the app is closed.
"""

from __future__ import annotations

import random
import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from quizdesk.core.clock import as_utc, utcnow
from quizdesk.core.content.model import QUESTION_TYPES
from quizdesk.core.db.models import Attempt, Question, ReviewState, SessionAnswer, StudySession
from quizdesk.core.study.exam_state import ANSWERABLE, RESUMABLE, ExamState
from quizdesk.core.study.reviews import record_blank, record_choice, record_rating, record_recall
from quizdesk.core.queries.questions import QuestionDetail

ORDERS = ("random", "weakest", "due")


class EmptySelectionError(ValueError):
    """No question matches the exam's topics and types."""


@dataclass(frozen=True)
class ExamSpec:
    topic_ids: tuple[int, ...]
    count: int = 20
    qtypes: tuple[str, ...] = QUESTION_TYPES
    time_limit_s: int | None = 1800
    order: str = "random"
    seed: int | None = None
    # A weak-areas drill: topic subtrees, weakest first. The exam then takes
    # each one's share (core/study/drill.py, 50/30/20 %) in that order, each
    # share in ``order``; empty for an ordinary exam.
    ranked_topics: tuple[tuple[int, ...], ...] = ()
    # Exactly these questions, in this order (the interview plan's mock exam):
    # topics, types, count, order and ranking are then not used to choose. Ids no
    # longer in the bank (deleted or retired) are left out, and listed in the
    # stored spec's ``left_out`` (:func:`left_out_questions`); none left is an
    # :class:`EmptySelectionError`. Empty: chosen by topics and types as above.
    question_ids: tuple[int, ...] = ()


#: A question as an exam shows it: the same record the study cards use.
ExamQuestion = QuestionDetail


@dataclass
class ExamSnapshot:
    """An exam as stored: its questions, answers, flags and clock (what :func:`load_exam` returns)."""

    id: int
    state: ExamState
    questions: list[ExamQuestion]
    answers: dict[int, Any] = field(default_factory=dict)
    flags: set[int] = field(default_factory=set)
    graded: set[int] = field(default_factory=set)
    remaining_s: float | None = None
    elapsed_s: float = 0.0
    current_index: int = 0
    time_limit_s: int | None = None
    spec: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ResumeInfo:
    session_id: int
    state: ExamState
    remaining_s: float | None
    answered: int
    total: int
    started_at: datetime


def _matching_ids(session: Session, spec: ExamSpec) -> list[int]:
    if not spec.topic_ids or not spec.qtypes:
        return []
    return list(
        session.scalars(
            select(Question.id)
            .where(
                Question.retired_at.is_(None),
                Question.topic_id.in_(list(spec.topic_ids)),
                Question.qtype.in_(list(spec.qtypes)),
            )
            .order_by(Question.id)
        )
    )


def matching_count(session: Session, spec: ExamSpec) -> int:
    return len(_matching_ids(session, spec))


def _weakness(session: Session, ids: list[int], now: datetime) -> dict[int, float]:
    """Each question's knowledge now, as the weak-area model sees it (docs/weak-areas.md).

    Recent answers count more and forgetting counts (FSRS retrievability), so
    a question answered right months ago comes before one answered right
    yesterday; never attempted counts as 0.5.
    """
    from quizdesk.core.stats.mastery import question_knowledge

    # The session's own sqlite3 connection: same transaction, no second reader.
    raw = cast(sqlite3.Connection, session.connection().connection.driver_connection)
    return question_knowledge(raw, ids, now=now)


def _ordered(session: Session, ids: list[int], spec: ExamSpec, rng: random.Random, now: datetime) -> list[int]:
    shuffled = ids[:]
    rng.shuffle(shuffled)  # random order, and the tie-break of the other orders
    if spec.order == "weakest":
        weakness = _weakness(session, ids, now)
        return sorted(shuffled, key=lambda i: weakness[i])
    if spec.order == "due":
        due = dict(session.execute(select(ReviewState.question_id, ReviewState.due_at).where(ReviewState.question_id.in_(ids))).all())
        far = now + timedelta(days=36500)

        def rank(i: int) -> tuple[int, datetime]:
            when = due.get(i)
            if when is None:
                return (1, far)  # new cards after the due ones
            return (0, when) if when <= now else (2, when)

        return sorted(shuffled, key=rank)
    return shuffled


def _ranked_choice(session: Session, ids: list[int], spec: ExamSpec, rng: random.Random, now: datetime) -> list[int]:
    """A drill: each ranked group's share of ``spec.count``, weakest group first."""
    from quizdesk.core.study.drill import drill_quotas

    topic_of = dict(session.execute(select(Question.id, Question.topic_id).where(Question.id.in_(ids))).all())
    taken: set[int] = set()
    groups: list[list[int]] = []
    for group in spec.ranked_topics:
        members = set(group)
        in_group = [i for i in ids if topic_of.get(i) in members and i not in taken]
        taken.update(in_group)
        groups.append(_ordered(session, in_group, spec, rng, now))
    quotas = drill_quotas(spec.count, [len(g) for g in groups])
    return [i for group, quota in zip(groups, quotas) for i in group[:quota]]


def _listed(session: Session, question_ids: Sequence[int]) -> tuple[list[int], list[int]]:
    """(kept, left out): the listed ids in their order, once each, split by whether they are in the bank."""
    wanted = list(dict.fromkeys(int(i) for i in question_ids))
    active = set(session.scalars(select(Question.id).where(Question.id.in_(wanted), Question.retired_at.is_(None))))
    return [i for i in wanted if i in active], [i for i in wanted if i not in active]


def create_exam(session: Session, spec: ExamSpec, now: datetime) -> int:
    """Create an exam session; returns its id. The seed used is kept to repeat it."""
    now = as_utc(now)
    if spec.order not in ORDERS:
        raise ValueError(f"unknown order '{spec.order}'")
    seed = spec.seed if spec.seed is not None else secrets.randbelow(2**31)
    left_out: list[int] = []
    if spec.question_ids:
        chosen, left_out = _listed(session, spec.question_ids)
        if not chosen:
            raise EmptySelectionError("None of the exam's questions is in the question bank any more (deleted or retired).")
        return _new_exam(session, spec, chosen, seed, now, left_out)
    ids = _matching_ids(session, spec)
    if not ids or spec.count <= 0:
        raise EmptySelectionError("No question matches the chosen topics and question types.")
    if spec.ranked_topics:
        chosen = _ranked_choice(session, ids, spec, random.Random(seed), now)
        if not chosen:
            raise EmptySelectionError("No question matches the chosen topics and question types.")
    else:
        chosen = _ordered(session, ids, spec, random.Random(seed), now)[: spec.count]
    return _new_exam(session, spec, chosen, seed, now, left_out)


def _new_exam(session: Session, spec: ExamSpec, chosen: list[int], seed: int, now: datetime, left_out: list[int]) -> int:
    limit = spec.time_limit_s if spec.time_limit_s and spec.time_limit_s > 0 else None
    exam = StudySession(
        mode="exam",
        spec={
            **asdict(spec), "topic_ids": list(spec.topic_ids), "qtypes": list(spec.qtypes), "seed": seed,
            "ranked_topics": [list(group) for group in spec.ranked_topics],
            "question_ids": list(spec.question_ids), "left_out": left_out,
        },
        question_ids=chosen,
        state=ExamState.ACTIVE.value,
        started_at=now,
        deadline_at=now + timedelta(seconds=limit) if limit else None,
        time_limit_s=limit,
        remaining_s=float(limit) if limit else None,
        elapsed_s=0.0,
        current_index=0,
    )
    session.add(exam)
    session.flush()
    return exam.id


def left_out_questions(session: Session, session_id: int) -> list[int]:
    """The ids an exam was asked to hold (``ExamSpec.question_ids``) that were no longer in the bank."""
    return [int(i) for i in _exam(session, session_id).spec.get("left_out", [])]


def _exam(session: Session, session_id: int) -> StudySession:
    exam = session.get(StudySession, session_id)
    if exam is None or exam.mode != "exam":
        raise LookupError(f"no exam with id {session_id}")
    return exam


def _exam_question(q: Question) -> ExamQuestion:
    module = q.topic.parent or q.topic
    return ExamQuestion(
        id=q.id,
        qtype=q.qtype,
        title=q.title,
        body_md=q.body_md,
        answer_md=q.answer_md,
        choices=tuple(c["text"] for c in q.choices),
        correct=tuple(i for i, c in enumerate(q.choices) if c.get("correct")),
        key_points=tuple(q.key_points),
        topic=q.topic.name,
        module=module.name,
        origin=q.origin,
        source_path=q.source_path,
        topic_en=q.topic.name_en or "",
        module_en=module.name_en or "",
    )


def load_exam(session: Session, session_id: int) -> ExamSnapshot:
    exam = _exam(session, session_id)
    by_id = {q.id: q for q in session.scalars(select(Question).where(Question.id.in_(exam.question_ids)))}
    graded = set(
        session.scalars(select(Attempt.question_id).where(Attempt.session_id == exam.id))
    )
    return ExamSnapshot(
        id=exam.id,
        state=ExamState(exam.state),
        questions=[_exam_question(by_id[i]) for i in exam.question_ids if i in by_id],
        answers={a.question_id: a.given for a in exam.answers if a.given is not None},
        flags={a.question_id for a in exam.answers if a.flagged},
        graded=graded,
        remaining_s=exam.remaining_s,
        elapsed_s=exam.elapsed_s,
        current_index=exam.current_index,
        time_limit_s=exam.time_limit_s,
        spec=dict(exam.spec),
    )


def _touch_clock(exam: StudySession, remaining_s: float | None, elapsed_s: float, current_index: int) -> None:
    if exam.time_limit_s is not None and remaining_s is not None:
        exam.remaining_s = max(0.0, float(remaining_s))
    exam.elapsed_s = max(exam.elapsed_s, float(elapsed_s))
    exam.current_index = max(0, min(int(current_index), max(0, len(exam.question_ids) - 1)))


def _answer_row(session: Session, exam: StudySession, question_id: int) -> SessionAnswer:
    if question_id not in exam.question_ids:
        raise LookupError(f"question {question_id} is not part of exam {exam.id}")
    row = session.scalars(
        select(SessionAnswer).where(SessionAnswer.session_id == exam.id, SessionAnswer.question_id == question_id)
    ).first()
    if row is None:
        row = SessionAnswer(session_id=exam.id, question_id=question_id, given=None, flagged=False)
        session.add(row)
    return row


def _require_open(exam: StudySession) -> None:
    if exam.state not in ANSWERABLE:
        raise ValueError(f"exam {exam.id} is {exam.state}; answers can no longer change")


def save_answer(
    session: Session, session_id: int, question_id: int, given: Any, *,
    remaining_s: float | None, elapsed_s: float, current_index: int, seconds_spent: float | None = None,
) -> None:
    """Store the answer now given to one question (None clears it)."""
    exam = _exam(session, session_id)
    _require_open(exam)
    row = _answer_row(session, exam, question_id)
    row.given = given
    if seconds_spent is not None:
        row.seconds_spent = max(0.0, float(seconds_spent))
    row.updated_at = utcnow()
    _touch_clock(exam, remaining_s, elapsed_s, current_index)


def set_flag(
    session: Session, session_id: int, question_id: int, flagged: bool, *,
    remaining_s: float | None, elapsed_s: float, current_index: int,
) -> None:
    exam = _exam(session, session_id)
    _require_open(exam)
    _answer_row(session, exam, question_id).flagged = flagged
    _touch_clock(exam, remaining_s, elapsed_s, current_index)


def save_clock(session: Session, session_id: int, *, remaining_s: float | None, elapsed_s: float, current_index: int, paused: bool = False) -> None:
    exam = _exam(session, session_id)
    if exam.state not in ANSWERABLE:
        return
    _touch_clock(exam, remaining_s, elapsed_s, current_index)
    if exam.time_limit_s is None:
        exam.state = (ExamState.PAUSED if paused else ExamState.ACTIVE).value


def submit_exam(session: Session, session_id: int, now: datetime) -> None:
    """Grade the objective answers into attempts; open ones wait for self-grading."""
    now = as_utc(now)
    exam = _exam(session, session_id)
    _require_open(exam)
    answers = {a.question_id: a for a in exam.answers}
    questions = {q.id: q for q in session.scalars(select(Question).where(Question.id.in_(exam.question_ids)))}
    pending_open = False
    for question_id in exam.question_ids:
        question = questions.get(question_id)
        if question is None:
            continue
        if question.qtype == "open":
            row = answers.get(question_id)
            if is_blank_answer(row.given if row is not None else None):
                # Nothing to grade: a blank answer scores 0 without asking (issue 21).
                record_blank(
                    session, question_id, now=now, seconds=row.seconds_spent if row else 0.0,
                    session_id=exam.id, mode="exam",
                )
            else:
                pending_open = True
            continue
        row = answers.get(question_id)
        given = row.given if row is not None and isinstance(row.given, list) else None
        record_choice(
            session, question_id, given, now=now, seconds=row.seconds_spent if row else 0.0,
            session_id=exam.id, mode="exam",
        )
    exam.state = (ExamState.GRADING if pending_open else ExamState.FINISHED).value
    if not pending_open:
        exam.finished_at = now


def is_blank_answer(given: Any) -> bool:
    """True for an open question's answer with no text (never typed, or only spaces)."""
    return given is None or (isinstance(given, str) and not given.strip())


def score_blank_open_answers(session: Session, session_id: int, now: datetime) -> list[int]:
    """Score 0 every blank open answer of an exam waiting for self-grading; the ids scored.

    :func:`submit_exam` does this itself; this catches exams submitted before it
    did. The exam finishes when nothing is left to grade.
    """
    exam = _exam(session, session_id)
    if exam.state != ExamState.GRADING:
        return []
    answers = {a.question_id: a for a in exam.answers}
    graded = set(session.scalars(select(Attempt.question_id).where(Attempt.session_id == exam.id)))
    open_ids = list(
        session.scalars(select(Question.id).where(Question.id.in_(exam.question_ids), Question.qtype == "open"))
    )
    scored = []
    for question_id in open_ids:
        row = answers.get(question_id)
        if question_id not in graded and is_blank_answer(row.given if row is not None else None):
            record_blank(session, question_id, now=now, seconds=row.seconds_spent if row else 0.0, session_id=exam.id, mode="exam")
            scored.append(question_id)
    session.flush()
    if set(open_ids) <= graded | set(scored):
        exam.state = ExamState.FINISHED.value
        exam.finished_at = now
    return scored


def self_grade(
    session: Session, session_id: int, question_id: int, *, now: datetime,
    recalled: Sequence[int] | None = None, rating: int | None = None,
) -> None:
    """Write the attempt of one open exam question, graded by the user."""
    now = as_utc(now)
    exam = _exam(session, session_id)
    if exam.state != ExamState.GRADING:
        raise ValueError(f"exam {exam.id} is {exam.state}, not waiting for self-grading")
    if question_id not in exam.question_ids:
        raise LookupError(f"question {question_id} is not part of exam {exam.id}")
    already = session.scalars(
        select(Attempt.id).where(Attempt.session_id == exam.id, Attempt.question_id == question_id)
    ).first()
    if already is not None:
        return  # graded before a crash; keep the first grade
    row = next((a for a in exam.answers if a.question_id == question_id), None)
    seconds = row.seconds_spent if row else 0.0
    if recalled is not None:
        record_recall(session, question_id, recalled, now=now, seconds=seconds, session_id=exam.id, mode="exam")
    elif rating is not None:
        record_rating(session, question_id, rating, now=now, seconds=seconds, session_id=exam.id, mode="exam")
    else:
        raise ValueError("self_grade needs recalled key points or a rating")
    session.flush()
    open_ids = set(session.scalars(select(Question.id).where(Question.id.in_(exam.question_ids), Question.qtype == "open")))
    graded = set(session.scalars(select(Attempt.question_id).where(Attempt.session_id == exam.id)))
    if open_ids <= graded:
        exam.state = ExamState.FINISHED.value
        exam.finished_at = now


def find_resumable(session: Session) -> ResumeInfo | None:
    """The most recent exam left unfinished (by a crash, a kill or a pause)."""
    exam = session.scalars(
        select(StudySession)
        .where(StudySession.mode == "exam", StudySession.state.in_([s.value for s in RESUMABLE]))
        .order_by(StudySession.started_at.desc(), StudySession.id.desc())
    ).first()
    if exam is None:
        return None
    answered = sum(1 for a in exam.answers if a.given is not None)
    return ResumeInfo(exam.id, ExamState(exam.state), exam.remaining_s, answered, len(exam.question_ids), exam.started_at)


def abandon_exam(session: Session, session_id: int, now: datetime) -> None:
    """Give up an unfinished exam without grading it (its answers stay stored)."""
    now = as_utc(now)
    exam = _exam(session, session_id)
    if exam.state in RESUMABLE:
        exam.state = ExamState.ABANDONED.value
        exam.finished_at = now

"""What an exam's results page shows: score, time, per-topic breakdown, every answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizdesk.core.db.models import Attempt, Question, StudySession, Topic
from quizdesk.core.study.exams import _exam, load_exam
from quizdesk.core.study.exam_state import ExamState


@dataclass(frozen=True)
class TopicBreakdown:
    topic: str
    module: str
    questions: int
    answered: int
    correct: int
    score: float  # mean score 0..1 over the topic's graded questions
    topic_en: str = ""
    module_en: str = ""


@dataclass(frozen=True)
class ResultRow:
    question_id: int
    title: str
    qtype: str
    topic: str
    given_text: str
    right_text: str
    explanation: str
    score: float | None  # None: open question not graded yet
    correct: bool | None
    flagged: bool
    topic_en: str = ""
    origin: str = ""  # with source_path: where relative images in the explanation resolve
    source_path: str = ""
    key_points: tuple[str, ...] = ()  # an open question's 要点
    # The key points ticked as covered when it was graded by them (indexes into
    # key_points); None when graded Again…Easy, left blank or not graded yet.
    covered: tuple[int, ...] | None = None


@dataclass(frozen=True)
class ExamResult:
    session_id: int
    state: ExamState
    score: float  # mean over graded questions, 0..1
    correct: int
    total: int
    graded: int
    time_used_s: float
    time_limit_s: int | None
    per_topic: list[TopicBreakdown]
    rows: list[ResultRow]

    @property
    def wrong_question_ids(self) -> list[int]:
        return [r.question_id for r in self.rows if r.correct is False]


@dataclass(frozen=True)
class ExamSummary:
    session_id: int
    started_at: datetime
    state: ExamState
    total: int
    score: float | None
    topics: list[str]
    topics_en: list[str] = field(default_factory=list)  # the same topics' English names ("" where none)


def _given_text(qtype: str, choices: tuple[str, ...], given: Any) -> str:
    if given is None:
        return ""
    if qtype == "open":
        return given if isinstance(given, str) else ""
    if isinstance(given, list):
        return "；".join(choices[i] for i in given if isinstance(i, int) and 0 <= i < len(choices))
    return ""


def _covered(given: Any, points: int) -> tuple[int, ...] | None:
    """The key points an open question's attempt ticked, if it was graded by them."""
    if not isinstance(given, dict) or not isinstance(given.get("recalled"), list):
        return None
    return tuple(sorted({i for i in given["recalled"] if isinstance(i, int) and 0 <= i < points}))


def exam_result(session: Session, session_id: int) -> ExamResult:
    state = load_exam(session, session_id)
    exam = _exam(session, session_id)
    attempts = {a.question_id: a for a in session.scalars(select(Attempt).where(Attempt.session_id == session_id))}
    rows: list[ResultRow] = []
    topics: dict[str, list[ResultRow]] = {}
    names: dict[str, tuple[str, str, str]] = {}  # topic -> (module, topic_en, module_en)
    for q in state.questions:
        attempt = attempts.get(q.id)
        if q.qtype == "open":
            right = "\n".join(f"- {p}" for p in q.key_points)
        else:
            right = "；".join(q.choices[i] for i in q.correct)
        row = ResultRow(
            question_id=q.id,
            title=q.title,
            qtype=q.qtype,
            topic=q.topic,
            given_text=_given_text(q.qtype, q.choices, state.answers.get(q.id)),
            right_text=right,
            explanation=q.answer_md,
            score=attempt.score if attempt else None,
            correct=attempt.correct if attempt else None,
            flagged=q.id in state.flags,
            topic_en=q.topic_en,
            origin=q.origin,
            source_path=q.source_path,
            key_points=tuple(q.key_points) if q.qtype == "open" else (),
            covered=_covered(attempt.given if attempt else None, len(q.key_points)) if q.qtype == "open" else None,
        )
        rows.append(row)
        topics.setdefault(q.topic, []).append(row)
        names[q.topic] = (q.module, q.topic_en, q.module_en)
    per_topic = []
    for topic, topic_rows in topics.items():
        scored = [r.score for r in topic_rows if r.score is not None]
        per_topic.append(
            TopicBreakdown(
                topic=topic,
                module=names[topic][0],
                topic_en=names[topic][1],
                module_en=names[topic][2],
                questions=len(topic_rows),
                answered=sum(1 for r in topic_rows if r.given_text),
                correct=sum(1 for r in topic_rows if r.correct),
                score=sum(scored) / len(scored) if scored else 0.0,
            )
        )
    scores = [r.score for r in rows if r.score is not None]
    return ExamResult(
        session_id=session_id,
        state=ExamState(exam.state),
        score=sum(scores) / len(rows) if rows else 0.0,
        correct=sum(1 for r in rows if r.correct),
        total=len(rows),
        graded=len(scores),
        time_used_s=exam.elapsed_s,
        time_limit_s=exam.time_limit_s,
        per_topic=per_topic,
        rows=rows,
    )


def exam_history(session: Session, limit: int = 100) -> list[ExamSummary]:
    """Past exams, newest first, with their mean score (None while ungraded)."""
    scores: dict[int, float] = dict(
        session.execute(
            select(Attempt.session_id, func.avg(Attempt.score)).where(Attempt.mode == "exam").group_by(Attempt.session_id)
        ).all()
    )
    exams = session.scalars(
        select(StudySession).where(StudySession.mode == "exam").order_by(StudySession.started_at.desc()).limit(limit)
    )
    out = []
    for exam in exams:
        names = session.execute(
            select(Topic.name, Topic.name_en)
            .join(Question, Question.topic_id == Topic.id)
            .where(Question.id.in_(exam.question_ids))
            .distinct()
        ).all()
        out.append(ExamSummary(
            exam.id, exam.started_at, ExamState(exam.state), len(exam.question_ids), scores.get(exam.id),
            [name for name, _en in names], [en or "" for _name, en in names],
        ))
    return out

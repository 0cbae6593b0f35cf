"""The SQLAlchemy models: the topic tree, questions, sessions, attempts, review state.

Schema changes go through the Alembic migrations in ``migrations/versions``; a
test checks that these models and the migrated schema agree.
"""

from __future__ import annotations

from datetime import date as calendar_date
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates
from sqlalchemy.types import TypeDecorator

from quizdesk.core.clock import as_utc, utcnow
from quizdesk.core.search_text import indexed_text
from quizdesk.core.study.exam_state import ExamState


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out.

    SQLite has no time zones; storing naive UTC and re-attaching UTC on read
    keeps comparisons in Python free of naive/aware mix-ups.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return as_utc(value, "a time written to the database").replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=timezone.utc)


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime()}


class AppMeta(Base):
    """Small key/value facts about this database (e.g. the bundled bank's fingerprint)."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Topic(Base):
    """A node of the topic tree: a module (no parent) or a sub-topic."""

    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(400), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200), default="")
    origin: Mapped[str] = mapped_column(String(400), default="bundled")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    parent: Mapped[Topic | None] = relationship(back_populates="children", remote_side=[id])
    children: Mapped[list[Topic]] = relationship(back_populates="parent", order_by="Topic.sort_order")
    questions: Mapped[list[Question]] = relationship(back_populates="topic")

    def display_name(self, english: bool = False) -> str:
        return (self.name_en or self.name) if english else self.name


class Question(Base):
    __tablename__ = "questions"
    __table_args__ = (
        Index("ix_questions_topic_active", "topic_id", "retired_at"),
        Index("ix_questions_title_scan", "title", "retired_at", "id"),
        # Covering for the interview plan's read of its topics' questions (migration 0006).
        Index("ix_questions_topic_plan", "topic_id", "retired_at", "sort_order", "qtype"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str] = mapped_column(String(200), unique=True)
    origin: Mapped[str] = mapped_column(String(400), default="bundled", index=True)
    topic_id: Mapped[int] = mapped_column(ForeignKey("topics.id"))
    qtype: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    body_md: Mapped[str] = mapped_column(Text, default="")
    answer_md: Mapped[str] = mapped_column(Text, default="")
    # What the search index reads instead of body_md / answer_md: their readable text
    # (core/search_text.py, migration 0007), NULL when that is the Markdown itself.
    # Kept in step by _keep_search_text; a Core insert sets them itself (content/sync.py).
    body_text: Mapped[str | None] = mapped_column(Text, default=None)
    answer_text: Mapped[str | None] = mapped_column(Text, default=None)
    key_points: Mapped[list[str]] = mapped_column(JSON, default=list)
    # [{"text": str, "correct": bool}, ...]; truefalse is stored as 正确/错误 choices.
    choices: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    difficulty: Mapped[int] = mapped_column(Integer, default=2)
    tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    source_path: Mapped[str] = mapped_column(Text, default="")
    source_line: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Removed from the source: hidden from study, history kept.
    retired_at: Mapped[datetime | None] = mapped_column(default=None)

    topic: Mapped[Topic] = relationship(back_populates="questions")
    attempts: Mapped[list[Attempt]] = relationship(back_populates="question")
    review: Mapped[ReviewState | None] = relationship(back_populates="question")

    @validates("body_md", "answer_md")
    def _keep_search_text(self, key: str, value: str) -> str:
        setattr(self, key.replace("_md", "_text"), indexed_text(value or ""))
        return value

    @property
    def correct_indexes(self) -> list[int]:
        return [i for i, c in enumerate(self.choices) if c.get("correct")]


class StudySession(Base):
    """A study run or a mock exam: what was asked, in which order, and its clock."""

    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    mode: Mapped[str] = mapped_column(String(16))  # "study" | "exam"
    spec: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    question_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    state: Mapped[str] = mapped_column(String(16), default=ExamState.ACTIVE.value, index=True)  # an ExamState value
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    deadline_at: Mapped[datetime | None] = mapped_column(default=None)
    time_limit_s: Mapped[int | None] = mapped_column(Integer, default=None)
    # The clock does not run while the app is closed: remaining time is saved on
    # every change and on a periodic tick, and a resumed exam starts from it.
    remaining_s: Mapped[float | None] = mapped_column(Float, default=None)
    elapsed_s: Mapped[float] = mapped_column(Float, default=0.0)
    current_index: Mapped[int] = mapped_column(Integer, default=0)
    finished_at: Mapped[datetime | None] = mapped_column(default=None)

    answers: Mapped[list[SessionAnswer]] = relationship(back_populates="session", cascade="all, delete-orphan")
    attempts: Mapped[list[Attempt]] = relationship(back_populates="session")


class SessionAnswer(Base):
    """The answer currently given to one exam question, saved as it is given.

    Attempts (graded events) are written from these when the exam is submitted
    and, for open questions, self-graded.
    """

    __tablename__ = "session_answers"
    __table_args__ = (UniqueConstraint("session_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"))
    given: Mapped[Any] = mapped_column(JSON, default=None)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    seconds_spent: Mapped[float] = mapped_column(Float, default=0.0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    session: Mapped[StudySession] = relationship(back_populates="answers")


class Attempt(Base):
    """One graded answer to one question; the history everything else is derived from."""

    __tablename__ = "attempts"
    # Covering for the weak-area sums (migration 0004): they read score and time per question.
    # Only the blank exam answers, which the weak-area model leaves out (migration 0008).
    __table_args__ = (
        Index("ix_attempts_question_time_score", "question_id", "answered_at", "score"),
        Index(
            "ix_attempts_blank_exam", "question_id",
            sqlite_where=text("session_id IS NOT NULL AND mode = 'exam' AND (given IS NULL OR given IN ('null', '[]'))"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("sessions.id", ondelete="SET NULL"), index=True)
    mode: Mapped[str] = mapped_column(String(16))  # "study" | "exam"
    given: Mapped[Any] = mapped_column(JSON, default=None)
    score: Mapped[float] = mapped_column(Float)  # 0..1
    correct: Mapped[bool | None] = mapped_column(Boolean, default=None)
    rating: Mapped[int | None] = mapped_column(Integer, default=None)  # FSRS 1..4
    seconds_spent: Mapped[float] = mapped_column(Float, default=0.0)
    answered_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)

    question: Mapped[Question] = relationship(back_populates="attempts")
    session: Mapped[StudySession | None] = relationship(back_populates="attempts")


class ReviewState(Base):
    """Per-question scheduler (FSRS) state."""

    __tablename__ = "review_states"

    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id"), primary_key=True)
    card: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # fsrs Card.to_dict()
    due_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    stability: Mapped[float | None] = mapped_column(Float, default=None)
    difficulty: Mapped[float | None] = mapped_column(Float, default=None)
    last_review_at: Mapped[datetime | None] = mapped_column(default=None)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)

    question: Mapped[Question] = relationship(back_populates="review")


class Interview(Base):
    """An interview the countdown plans for: a local date, its scope, a daily budget (docs/plan.md)."""

    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # A local calendar date: the user's zone decides when that day begins.
    date: Mapped[calendar_date] = mapped_column(Date)
    # Stable keys of the topic tree (topics.key): modules and/or sub-topics.
    module_keys: Mapped[list[str]] = mapped_column(JSON, default=list)
    topic_keys: Mapped[list[str]] = mapped_column(JSON, default=list)
    daily_minutes: Mapped[int] = mapped_column(Integer, default=45)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

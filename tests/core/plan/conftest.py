"""A small bank for the countdown: one module with a topic never studied, one mastered, one fading."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from quizdesk.core.content.model import Choice, ParsedQuestion, TopicRef
from quizdesk.core.content.sync import sync_questions
from quizdesk.core.db.models import Question, Topic
from quizdesk.core.db.store import Store
from quizdesk.core.plan.interviews import InterviewSpec
from quizdesk.core.study.reviews import record_choice

# Shanghai without a time zone database: UTC+8, no daylight saving.
SHANGHAI = timezone(timedelta(hours=8), "CST")
TOPICS = {"never": 6, "mastered": 6, "fading": 6}


@dataclass
class Bank:
    store: Store
    topics: dict[str, int] = field(default_factory=dict)
    questions: dict[str, list[int]] = field(default_factory=dict)

    def answer(self, question_id: int, when: datetime, right: bool = True, seconds: float = 20.0) -> None:
        with self.store.session() as session:
            record_choice(session, question_id, [0] if right else [1], now=when, seconds=seconds)

    def interview(self, on: date, minutes: int = 45, topics: tuple[str, ...] = ()) -> InterviewSpec:
        keys = tuple(f"m/{t}" for t in topics)
        return InterviewSpec(id=None, name="test", date=on, module_keys=() if topics else ("m",), topic_keys=keys, daily_minutes=minutes)


def _questions() -> list[ParsedQuestion]:
    out = []
    for order, (topic, count) in enumerate(TOPICS.items()):
        ref = TopicRef("m", "模块", "Module", f"m/{topic}", f"主题{topic}", f"Topic {topic}", 0, order)
        for i in range(count):
            out.append(ParsedQuestion(
                external_id=f"{topic}-{i}", qtype="single", title=f"{topic} 问题 {i}", topic=ref,
                choices=(Choice("对", True), Choice("错", False)), order=order * 100 + i,
            ))
    return out


@pytest.fixture
def bank(store: Store) -> Iterator[Bank]:
    with store.session() as session:
        sync_questions(session, _questions(), origin="import:test")
    result = Bank(store)
    with store.session() as session:
        for topic in session.scalars(select(Topic)):
            result.topics[topic.key.split("/")[-1]] = topic.id
        for question in session.scalars(select(Question).order_by(Question.sort_order)):
            result.questions.setdefault(question.external_id.split("-")[0], []).append(question.id)
    yield result


NOW = datetime(2026, 3, 10, 21, 30, tzinfo=SHANGHAI)


@pytest.fixture
def studied(bank: Bank) -> Bank:
    """'mastered': every question right on 4 days in the last 3 weeks; 'fading': right once, 60 days ago."""
    for days_ago in (20, 14, 7, 2):
        for qid in bank.questions["mastered"]:
            bank.answer(qid, NOW - timedelta(days=days_ago, hours=1))
    for qid in bank.questions["fading"]:
        bank.answer(qid, NOW - timedelta(days=60))
    return bank

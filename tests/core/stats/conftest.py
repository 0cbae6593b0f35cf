"""Constructed histories for the weak-area model: a small bank, answers given through the app's own grading."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

import pytest
from sqlalchemy import select

from quizdesk.core.content.model import Choice, ParsedQuestion, TopicRef
from quizdesk.core.content.sync import sync_questions
from quizdesk.core.db.models import Question, Topic
from quizdesk.core.db.store import Store
from quizdesk.core.study.reviews import record_choice

# module key -> [(topic key, questions)]
LAYOUT = {
    "m1": [("t1", 4), ("t2", 4), ("t3", 4), ("t4", 4)],
    "m2": [("t5", 4)],
}


@dataclass
class Bank:
    """The store plus handles: topic ids and question ids by key, and a way to answer."""

    store: Store
    topics: dict[str, int] = field(default_factory=dict)
    questions: dict[str, list[int]] = field(default_factory=dict)

    def answer(self, topic: str, index: int, right: bool, when: datetime, seconds: float = 30.0) -> None:
        """Answer question ``index`` of ``topic`` (a single-choice question whose first choice is right)."""
        with self.store.session() as session:
            record_choice(session, self.questions[topic][index], [0] if right else [1], now=when, seconds=seconds)

    def answer_many(self, topic: str, right: bool, times: list[datetime], questions: int | None = None) -> None:
        """Answer the topic's questions in turn, one answer per time given."""
        count = questions or len(self.questions[topic])
        for n, when in enumerate(sorted(times)):
            self.answer(topic, n % count, right, when)


def _bank_questions() -> list[ParsedQuestion]:
    out = []
    for m_order, (module, topics) in enumerate(LAYOUT.items()):
        for t_order, (topic, count) in enumerate(topics):
            ref = TopicRef(module, f"模块{module}", f"Module {module}", f"{module}/{topic}", f"主题{topic}", f"Topic {topic}", m_order, t_order)
            for i in range(count):
                out.append(
                    ParsedQuestion(
                        external_id=f"{topic}-q{i}", qtype="single", title=f"{topic} 问题 {i}", topic=ref,
                        choices=(Choice("对", True), Choice("错", False)), order=t_order * 100 + i,
                    )
                )
    return out


@pytest.fixture
def bank(store: Store) -> Iterator[Bank]:
    with store.session() as session:
        sync_questions(session, _bank_questions(), origin="import:test")
    result = Bank(store)
    with store.session() as session:
        for topic in session.scalars(select(Topic)):
            result.topics[topic.key.split("/")[-1]] = topic.id
        for question in session.scalars(select(Question).order_by(Question.sort_order)):
            result.questions.setdefault(question.external_id.split("-")[0], []).append(question.id)
    yield result


"""Read-only views of the bank for browsing: the topic tree and question lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizdesk.core.db.models import Question, Topic


@dataclass
class TopicNode:
    id: int
    key: str
    name: str
    name_en: str
    question_count: int
    children: list[TopicNode] = field(default_factory=list)

    @property
    def total_count(self) -> int:
        return self.question_count + sum(c.total_count for c in self.children)

    def subtree_ids(self) -> list[int]:
        ids = [self.id]
        for child in self.children:
            ids.extend(child.subtree_ids())
        return ids


@dataclass(frozen=True)
class QuestionRow:
    id: int
    external_id: str
    title: str
    qtype: str
    difficulty: int
    topic_id: int


def topic_tree(session: Session) -> list[TopicNode]:
    """Modules with their sub-topics, counting active questions; empty branches dropped."""
    counts: dict[int, int] = {
        topic_id: count
        for topic_id, count in session.execute(
            select(Question.topic_id, func.count()).where(Question.retired_at.is_(None)).group_by(Question.topic_id)
        )
    }
    nodes: dict[int, TopicNode] = {}
    parents: dict[int, int | None] = {}
    for topic in session.scalars(select(Topic).order_by(Topic.sort_order, Topic.name)):
        nodes[topic.id] = TopicNode(topic.id, topic.key, topic.name, topic.name_en, counts.get(topic.id, 0))
        parents[topic.id] = topic.parent_id
    roots: list[TopicNode] = []
    for topic_id, node in nodes.items():
        parent_id = parents[topic_id]
        (nodes[parent_id].children if parent_id in nodes else roots).append(node)
    return _prune(roots)


def _prune(nodes: list[TopicNode]) -> list[TopicNode]:
    kept = []
    for node in nodes:
        node.children = _prune(node.children)
        if node.total_count:
            kept.append(node)
    return kept


def questions_in(session: Session, topic_ids: list[int] | None = None) -> list[QuestionRow]:
    """Active questions of the given topics (all when None), in bank order."""
    stmt = (
        select(Question.id, Question.external_id, Question.title, Question.qtype, Question.difficulty, Question.topic_id)
        .join(Topic, Topic.id == Question.topic_id)
        .where(Question.retired_at.is_(None))
        .order_by(Topic.sort_order, Question.topic_id, Question.sort_order)
    )
    if topic_ids is not None:
        stmt = stmt.where(Question.topic_id.in_(topic_ids))
    return [QuestionRow(*row) for row in session.execute(stmt)]


def question_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Question).where(Question.retired_at.is_(None))) or 0

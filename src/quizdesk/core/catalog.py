"""Read-only views of the bank for browsing: the topic tree and question lists.

Plain SQL on a ``sqlite3`` connection (:meth:`Store.read`, the start-up path,
before SQLAlchemy is imported; under a session, ``core.queries.raw_connection``).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field




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

    def display_name(self, english: bool = False) -> str:
        return (self.name_en or self.name) if english else self.name


@dataclass(frozen=True)
class QuestionRow:
    id: int
    external_id: str
    title: str
    qtype: str
    difficulty: int
    topic_id: int


def topic_tree(connection: sqlite3.Connection) -> list[TopicNode]:
    """Modules with their sub-topics, counting active questions; empty branches dropped."""
    counts = {
        topic_id: count
        for topic_id, count in connection.execute("SELECT topic_id, count(*) FROM questions WHERE retired_at IS NULL GROUP BY topic_id"
        )
    }
    nodes: dict[int, TopicNode] = {}
    parents: dict[int, int | None] = {}
    for topic_id, key, name, name_en, parent_id in connection.execute("SELECT id, key, name, name_en, parent_id FROM topics ORDER BY sort_order, name"
    ):
        nodes[topic_id] = TopicNode(topic_id, key, name, name_en, counts.get(topic_id, 0))
        parents[topic_id] = parent_id
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


def _active_in(topic_ids: list[int] | None) -> str:
    where = "q.retired_at IS NULL"
    if topic_ids is not None:
        ids = ",".join(str(int(i)) for i in topic_ids) or "-1"
        where += f" AND q.topic_id IN ({ids})"
    return where


_BANK_ORDER = "ORDER BY t.sort_order, q.topic_id, q.sort_order"


def questions_in(connection: sqlite3.Connection, topic_ids: list[int] | None = None) -> list[QuestionRow]:
    """Active questions of the given topics (all when None), in bank order."""
    rows = connection.execute(f"""SELECT q.id, q.external_id, q.title, q.qtype, q.difficulty, q.topic_id
            FROM questions q JOIN topics t ON t.id = q.topic_id
            WHERE {_active_in(topic_ids)} {_BANK_ORDER}""",
    )
    return [QuestionRow(*row) for row in rows]


def question_titles(connection: sqlite3.Connection, topic_ids: list[int] | None = None) -> list[tuple[int, str, str]]:
    """``(id, title, qtype)`` of the active questions of the given topics, in bank
    order: what the question list shows, as plain tuples (it may list 20,000)."""
    return connection.execute(f"""SELECT q.id, q.title, q.qtype
            FROM questions q JOIN topics t ON t.id = q.topic_id
            WHERE {_active_in(topic_ids)} {_BANK_ORDER}""",
    ).fetchall()

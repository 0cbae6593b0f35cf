"""Store parsed questions in the database, keyed by their stable ids.

Idempotent: a second sync of the same content changes nothing. A changed
question is updated in place (its attempts and review state stay attached);
a question gone from the source is retired, never deleted, so its history
survives; a question that comes back is revived.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from quizdesk.core.beside import run_beside
from quizdesk.core.content.model import ParsedQuestion, Problem, TopicRef
from quizdesk.core.db.models import Question, Topic, utcnow
from quizdesk.core.db.sql_values import insert_rows, json_encoder, sql_time
from quizdesk.core.search_text import indexed_text

BUNDLED_ORIGIN = "bundled"

# From this many new questions on, the search index is filled in one statement after the
# rows are in rather than by its insert trigger row by row (a third less CPU for large answers).
BULK_INDEX_AFTER = 200
_TRIGGER = "questions_fts_insert"
_TRIGGER_BODY = re.compile(r"\bBEGIN\s+(.*?);?\s*END\s*$", re.S | re.I)
_FOR_NEW_ROW = "WHERE id = new.id"

# A sync that writes this many questions leaves the search index fragmented
# enough to slow searches down: it merges the index once at the end.
OPTIMIZE_INDEX_AFTER = 500
_FTS_AUTOMERGE = 4  # FTS5's default: merge 4 segments of a level as rows are written


@dataclass
class SyncReport:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    question_ids: list[int] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated or self.retired)


# json.dumps(..., ensure_ascii=False, sort_keys=True) builds this encoder at every call: built once,
# the same text (a 5,000-question import hashes every question).
_HASH_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def content_hash(question: ParsedQuestion) -> str:
    """A fingerprint of everything the user sees of a question."""
    payload = {
        "type": question.qtype,
        "title": question.title,
        "body": question.body_md,
        "answer": question.answer_md,
        "points": list(question.key_points),
        "choices": [[c.text, c.correct] for c in question.choices],
        "difficulty": question.difficulty,
        "tags": list(question.tags),
        "topic": question.topic.topic_key,
        "source": [question.source_path, question.source_line, question.order],
    }
    raw = _HASH_JSON(payload).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()


def _upsert_topic(
    session: Session, cache: dict[str, Topic], key: str, name: str, name_en: str, order: int, origin: str, parent: Topic | None
) -> Topic:
    topic = cache.get(key)
    if topic is None:
        topic = Topic(key=key, name=name, name_en=name_en, sort_order=order, origin=origin, parent=parent)
        session.add(topic)
        cache[key] = topic
        return topic
    if (topic.name, topic.name_en, topic.sort_order, topic.parent_id) != (name, name_en, order, parent.id if parent else None):
        topic.name, topic.name_en, topic.sort_order, topic.parent = name, name_en, order, parent
    return topic


def _topic_for(session: Session, cache: dict[str, Topic], ref: TopicRef, origin: str) -> Topic:
    module = _upsert_topic(session, cache, ref.module_key, ref.module_name, ref.module_name_en, ref.module_order, origin, None)
    return _upsert_topic(session, cache, ref.topic_key, ref.topic_name, ref.topic_name_en, ref.topic_order, origin, module)


def _apply(row: Question, q: ParsedQuestion, topic: Topic, digest: str, now: datetime) -> None:
    row.qtype = q.qtype
    row.title = q.title
    row.body_md = q.body_md
    row.answer_md = q.answer_md
    row.key_points = list(q.key_points)
    row.choices = [{"text": c.text, "correct": c.correct} for c in q.choices]
    row.difficulty = q.difficulty
    row.tags = list(q.tags)
    row.source_path = q.source_path
    row.source_line = q.source_line
    row.sort_order = q.order
    row.topic = topic
    row.content_hash = digest
    row.updated_at = now
    row.retired_at = None


def _insert(session: Session, values: list[dict[str, object]], beside_index: Callable[[], None] | None = None) -> bool:
    """Insert new questions (one executemany) and index them for search; True if ``beside_index`` ran.

    For a large batch the index's insert trigger is dropped, the rows inserted, the
    trigger's own statement run once for all of them (``id = new.id`` → ``id > <the
    largest id before>``: SQLite gives new rows larger ids) and the trigger recreated
    from its stored SQL — all inside the caller's transaction, so a rollback restores
    everything. A trigger of another shape is left alone and indexes row by row.
    ``beside_index`` runs in a second thread during that one statement.
    """
    connection = session.connection()
    trigger = None
    if len(values) >= BULK_INDEX_AFTER:
        trigger = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (_TRIGGER,)
        ).scalar()
    body = _TRIGGER_BODY.search(trigger) if trigger else None
    if trigger is None or body is None or body.group(1).count(_FOR_NEW_ROW) != 1 or ";" in body.group(1):
        _insert_rows(connection, values)
        return False
    before = connection.exec_driver_sql("SELECT coalesce(max(id), 0) FROM questions").scalar()
    connection.exec_driver_sql(f"DROP TRIGGER {_TRIGGER}")
    _insert_rows(connection, values)
    # A batch that size is followed by a full merge of the index (sync_questions): merging
    # its segments while they are written is wasted work (about 15 % of the fill).
    merged_after = len(values) >= OPTIMIZE_INDEX_AFTER
    if merged_after:
        connection.exec_driver_sql("INSERT INTO question_fts(question_fts, rank) VALUES ('automerge', 0)")
    fill = body.group(1).replace(_FOR_NEW_ROW, "WHERE id > ?")
    if beside_index is None:
        connection.exec_driver_sql(fill, (before,))
    else:
        # SQLite runs the fill without holding Python's lock, so the work gets the other
        # core. It ends before anything else is done here: while it held the lock, each
        # short SQLite call of this thread would wait for the lock's switch interval.
        run_beside(lambda: connection.exec_driver_sql(fill, (before,)), beside_index, name="beside-index")
    if merged_after:  # back to FTS5's default for the row-by-row updates to come
        connection.exec_driver_sql(f"INSERT INTO question_fts(question_fts, rank) VALUES ('automerge', {_FTS_AUTOMERGE})")
    connection.exec_driver_sql(trigger)
    return beside_index is not None


_QUESTION_COLUMNS = (
    "external_id", "origin", "created_at", "qtype", "title", "body_md", "answer_md", "body_text", "answer_text", "key_points",
    "choices", "difficulty", "tags", "source_path", "source_line", "sort_order", "topic_id", "content_hash", "updated_at", "retired_at",
)
_JSON_COLUMNS = frozenset({"key_points", "choices", "tags"})
_TIME_COLUMNS = frozenset({"created_at", "updated_at", "retired_at"})


def _insert_rows(connection: Connection, values: list[dict[str, object]]) -> None:
    """The rows of :func:`_values` with one executemany, converted as the model's column types
    convert them (db/sql_values.py): the ORM's bulk insert spent more time on that than SQLite."""
    encode = json_encoder(connection)
    stamps: dict[object, str | None] = {}  # every row of a sync has the same times

    def stamp(moment: object) -> str | None:
        found = stamps.get(moment, "")
        if found == "":
            found = stamps[moment] = sql_time(moment)  # type: ignore[arg-type]
        return found

    rows = [
        tuple(encode(v[c]) if c in _JSON_COLUMNS else stamp(v[c]) if c in _TIME_COLUMNS else v[c] for c in _QUESTION_COLUMNS)
        for v in values
    ]
    insert_rows(connection, Question.__tablename__, _QUESTION_COLUMNS, rows)


def _values(q: ParsedQuestion, topic: Topic, digest: str, now: datetime, origin: str) -> dict[str, object]:
    """A new row's columns, as :func:`_apply` sets them on an existing one."""
    return {
        "external_id": q.external_id, "origin": origin, "created_at": now, "qtype": q.qtype, "title": q.title,
        "body_md": q.body_md, "answer_md": q.answer_md,
        # Set here: a Core insert does not run the model's validator that keeps them in step.
        "body_text": indexed_text(q.body_md), "answer_text": indexed_text(q.answer_md), "key_points": list(q.key_points),
        "choices": [{"text": c.text, "correct": c.correct} for c in q.choices], "difficulty": q.difficulty,
        "tags": list(q.tags), "source_path": q.source_path, "source_line": q.source_line, "sort_order": q.order,
        "topic_id": topic.id, "content_hash": digest, "updated_at": now, "retired_at": None,
    }


def sync_questions(
    session: Session,
    questions: Iterable[ParsedQuestion],
    *,
    origin: str = BUNDLED_ORIGIN,
    retire_missing: bool = True,
    beside_index: Callable[[], None] | None = None,
) -> SyncReport:
    """Bring the questions of ``origin`` in the DB in line with ``questions``.

    ``retire_missing``: retire questions of this origin that are not in
    ``questions`` (a full sync); False for a partial import of some files.
    ``beside_index``: work that touches no database, run once — in a second thread
    while SQLite fills the search index for a large batch of new questions (about a
    second for 5,000 long answers, during which this thread holds no Python lock), or
    here at the end when there is no such fill. What it raises is raised here.
    The caller owns the transaction.
    """
    report = SyncReport()
    now = utcnow()
    topics = {t.key: t for t in session.scalars(select(Topic))}
    existing = {q.external_id: q for q in session.scalars(select(Question))}
    seen: set[str] = set()
    kept: list[Question | str] = []  # a row, or the external id of a row inserted below
    new_rows: list[tuple[ParsedQuestion, Topic, str]] = []
    inserted: dict[str, int] = {}
    for parsed in questions:
        if parsed.external_id in seen:
            report.skipped += 1
            report.problems.append(Problem(parsed.source_path, parsed.source_line, f"duplicate id '{parsed.external_id}' skipped"))
            continue
        seen.add(parsed.external_id)
        row = existing.get(parsed.external_id)
        if row is not None and row.origin != origin:
            report.skipped += 1
            report.problems.append(
                Problem(parsed.source_path, parsed.source_line, f"id '{parsed.external_id}' is already used by {row.origin}; skipped")
            )
            continue
        topic = _topic_for(session, topics, parsed.topic, origin)
        digest = content_hash(parsed)
        if row is None:
            new_rows.append((parsed, topic, digest))
            kept.append(parsed.external_id)
            report.inserted += 1
            continue
        elif row.content_hash != digest or row.retired_at is not None or row.topic_id != topic.id:
            _apply(row, parsed, topic, digest, now)
            report.updated += 1
        else:
            report.unchanged += 1
        kept.append(row)
    if retire_missing:
        for external_id, row in existing.items():
            if row.origin == origin and external_id not in seen and row.retired_at is None:
                row.retired_at = now
                report.retired += 1
    session.flush()  # topics first: the new rows need their ids
    if new_rows:
        # One executemany, not the ORM's unit of work: its INSERT … RETURNING went row by
        # row (a third of a 5,000-question Anki import). The rows are read back by id below.
        if _insert(session, [_values(parsed, topic, digest, now, origin) for parsed, topic, digest in new_rows], beside_index):
            beside_index = None  # done, beside the index's fill
        inserted |= {
            external_id: qid
            for external_id, qid in session.execute(select(Question.external_id, Question.id).where(Question.origin == origin))
        }
    if report.inserted + report.updated >= OPTIMIZE_INDEX_AFTER:
        from quizdesk.core.queries import raw_connection
        from quizdesk.core.search import optimize_index

        optimize_index(raw_connection(session))
    report.question_ids = [inserted[row] if isinstance(row, str) else row.id for row in kept]
    if beside_index is not None:
        beside_index()
    return report

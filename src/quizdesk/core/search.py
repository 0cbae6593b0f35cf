"""Full-text search over question titles and answers.

FTS5's trigram tokenizer matches any substring of three or more characters,
which is what Chinese needs (no spaces between words). Shorter terms cannot
use the trigram index and fall back to ``LIKE``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

MIN_TRIGRAM = 3


@dataclass(frozen=True)
class SearchHit:
    question_id: int
    external_id: str
    title: str
    module: str
    topic: str
    qtype: str


def _terms(query: str) -> list[str]:
    return [t for t in query.split() if t]


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(session: Session, query: str, *, limit: int = 100) -> list[SearchHit]:
    """Active questions whose title, body or answer contain every term of ``query``.

    Ranked by FTS5's bm25 when at least one term is long enough for the index,
    with title matches first.
    """
    terms = _terms(query)
    if not terms:
        return []
    long_terms = [t for t in terms if len(t) >= MIN_TRIGRAM]
    short_terms = [t for t in terms if len(t) < MIN_TRIGRAM]
    params: dict[str, object] = {"limit": limit}
    where = ["q.retired_at IS NULL"]
    for i, term in enumerate(short_terms):
        params[f"like{i}"] = _like_pattern(term)
        where.append(
            f"(q.title LIKE :like{i} ESCAPE '\\' OR q.body_md LIKE :like{i} ESCAPE '\\' "
            f"OR q.answer_md LIKE :like{i} ESCAPE '\\')"
        )
    if long_terms:
        params["match"] = " AND ".join(_fts_phrase(t) for t in long_terms)
        params["first"] = _like_pattern(long_terms[0])
        source = "question_fts f JOIN questions q ON q.id = f.rowid"
        where.insert(0, "question_fts MATCH :match")
        order = "(q.title LIKE :first ESCAPE '\\') DESC, bm25(question_fts, 10.0, 2.0, 1.0)"
    else:
        params["first"] = _like_pattern(short_terms[0])
        source = "questions q"
        order = "(q.title LIKE :first ESCAPE '\\') DESC, q.topic_id, q.sort_order"
    sql = f"""
        SELECT q.id, q.external_id, q.title, m.name, t.name, q.qtype
        FROM {source}
        JOIN topics t ON t.id = q.topic_id
        LEFT JOIN topics m ON m.id = t.parent_id
        WHERE {' AND '.join(where)}
        ORDER BY {order}
        LIMIT :limit
    """
    rows = session.execute(text(sql), params)
    return [SearchHit(r[0], r[1], r[2], r[3] or r[4], r[4], r[5]) for r in rows]

"""Full-text search over question titles, bodies, answers, key points and choices.

FTS5's trigram tokenizer matches any substring of three or more characters,
which is what Chinese needs (no spaces between words). The index reads its
text from the view ``question_search_text`` (migration 0005): key points and
choice texts come out of their JSON lists one per line, true/false choices
(the fixed 正确/错误) are left out, and every text ends with a newline.
Shorter terms:

* two characters: expanded through the index's term list to every indexed
  trigram that begins with them (``显存`` → ``显存不``, ``显存占``…), so they
  still use the index. A pair at the very end of a text is found through the
  trigram it forms with the closing newline (``蝌蚪\\n``);
* one character: matched in titles only, with ``LIKE``. Over every answer a
  character that few answers contain means reading them all: about 22 ms at
  20,000 questions (27 ms with body, key points and choices) against 2 ms
  for titles, beyond the 20 ms budget and on the GUI thread as the user
  types (docs/architecture.md).

Every function takes a raw ``sqlite3`` connection or an SQLAlchemy session.

Results: title matches first (in bank order), then matches in the other
texts. Nothing is ranked over the whole bank: with a common word that would
cost time in proportion to the bank, which the 20 ms budget does not allow.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import Any

from quizdesk.core.db.store import raw_execute

MIN_TRIGRAM = 3
MAX_EXPANSIONS = 400


@dataclass(frozen=True)
class SearchHit:
    question_id: int
    external_id: str
    title: str
    module: str
    topic: str
    qtype: str


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _expand_pair(session: Any, pair: str) -> list[str]:
    """Indexed trigrams starting with the two characters ``pair``."""
    low = pair.lower()  # the index folds case
    rows = raw_execute(
        session,
        "SELECT term FROM question_fts_terms WHERE term >= :lo AND term < :hi LIMIT :n",
        {"lo": low, "hi": low + "\U0010ffff", "n": MAX_EXPANSIONS},
    )
    return [r[0] for r in rows]


def _match_expression(session: Any, terms: list[str]) -> str | None:
    """An FTS5 query requiring every term of two or more characters; None if one cannot match."""
    parts = []
    for term in terms:
        if len(term) >= MIN_TRIGRAM:
            parts.append(_fts_phrase(term))
        elif len(term) == 2:
            expansions = _expand_pair(session, term)
            if not expansions:
                return None
            parts.append("(" + " OR ".join(_fts_phrase(t) for t in expansions) + ")")
    return " AND ".join(parts)


_SELECT = """
    SELECT q.id, q.external_id, q.title, m.name, t.name, q.qtype
    FROM {source}
    JOIN topics t ON t.id = q.topic_id
    LEFT JOIN topics m ON m.id = t.parent_id
    WHERE q.retired_at IS NULL AND {where}
    {order}
    LIMIT :limit
"""


def _rows(session: Any, source: str, where: str, order: str, params: dict[str, object]) -> list[SearchHit]:
    if int(params["limit"]) <= 0:  # type: ignore[call-overload]
        return []
    sql = _SELECT.format(source=source, where=where, order=order)
    return [SearchHit(r[0], r[1], r[2], r[3] or r[4], r[4], r[5]) for r in raw_execute(session, sql, params)]


def _title_hits(session: Any, terms: list[str], limit: int) -> list[SearchHit]:
    """Questions whose title contains every term, in bank order.

    The inner query touches only ``ix_questions_title_scan`` (title, retired_at,
    id), so the scan reads titles, not the long answers stored beside them.
    """
    params: dict[str, object] = {"limit": limit}
    likes = []
    for i, term in enumerate(terms):
        params[f"like{i}"] = _like_pattern(term)
        likes.append(f"title LIKE :like{i} ESCAPE '\\'")
    inner = f"SELECT id FROM questions INDEXED BY ix_questions_title_scan WHERE retired_at IS NULL AND {' AND '.join(likes)}"
    return _rows(session, "questions q", f"q.id IN ({inner})", "ORDER BY q.topic_id, q.sort_order", params)


def search(session: Any, query: str, *, limit: int = 100) -> list[SearchHit]:
    """Active questions containing every term of ``query`` (terms split on spaces)."""
    # Control characters (a NUL ends an FTS5 string early) can't be in a title anyway.
    terms = "".join(c if c.isprintable() else " " for c in query).split()
    if not terms:
        return []
    first = _title_hits(session, terms, limit)
    if len(first) >= limit or any(len(t) < 2 for t in terms):
        return first
    expression = _match_expression(session, terms)
    if expression is None:
        return first
    seen = ",".join(str(h.question_id) for h in first) or "-1"
    rest = _rows(
        session,
        "question_fts f JOIN questions q ON q.id = f.rowid",
        f"question_fts MATCH :match AND q.id NOT IN ({seen})",
        "",
        {"match": expression, "limit": limit - len(first)},
    )
    return first + rest


def optimize_index(session: Any) -> None:
    """Merge the full-text index's segments into one.

    Built a row at a time (a sync or an import), the index stays in many small
    segments and two-character queries, which expand into hundreds of trigram
    lookups, read all of them: merged, the p95 over 20,000 questions drops
    from ~17 ms to ~6 ms (0.7 s once, at that size).
    """
    raw_execute(session, "INSERT INTO question_fts(question_fts) VALUES('optimize')")

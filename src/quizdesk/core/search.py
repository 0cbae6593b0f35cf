"""Full-text search over question titles, bodies, answers, key points and choices.

FTS5's trigram tokenizer matches any substring of three or more characters,
which is what Chinese needs (no spaces between words). The index reads its
text from the view ``question_search_text`` (migration 0005): key points and
choice texts come out of their JSON lists one per line, true/false choices
(the fixed 正确/错误) are left out, and every text ends with a newline. Bodies
and answers are indexed by their readable text (migration 0007,
``search_text.py``): HTML tags out, so the inline styles of highlighted code
are not words of the answer.
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

Every function takes a raw ``sqlite3`` connection (under a session: ``core.queries.raw_connection``).

A term that names a concept the bank also writes in the other language
(注意力 / attention, 量化 / quantization …, ``search_terms.py``) matches either
name.

Results, best first:

1. Title matches: the title contains every term (or another name of it).
   Open questions (the cards that explain a concept) come before the choice
   and true/false questions that mention it, then shorter titles (a title
   that is mostly the term is about it).
2. Matches in the body, answer, key points or choices, ranked with FTS5's
   bm25 weighted by where the term stands (title 8, body 4, key points 4,
   choices 2, answer 1).

bm25 is computed for every match, so it is used below 500 matches (150 when
a two-character term expands into many index terms), where one pass over
the matches gives both tiers. A word more common than that keeps the old
way, which costs the same for any word: titles by ``LIKE`` (in the order
above), then the other matches in index order. This keeps the p95 within
the 20 ms budget at 20,000 questions (docs/performance.md).

Why a result matched (a line around the term) is ``search_snippet.snippet``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from quizdesk.core.search_terms import alternatives

MIN_TRIGRAM = 3
MAX_EXPANSIONS = 400
#: Rank the non-title matches with bm25 only below these many matches.
MAX_RANKED = 500
MAX_RANKED_EXPANDED = 150
# Column weights for bm25: title, body, answer, key points, choices.
_BM25 = "bm25(question_fts, 8.0, 4.0, 1.0, 4.0, 2.0)"


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


def _expand_pair(connection: sqlite3.Connection, pair: str) -> list[str]:
    """Indexed trigrams starting with the two characters ``pair``."""
    low = pair.lower()  # the index folds case
    rows = connection.execute("SELECT term FROM question_fts_terms WHERE term >= :lo AND term < :hi LIMIT :n",
        {"lo": low, "hi": low + "\U0010ffff", "n": MAX_EXPANSIONS},
    )
    return [r[0] for r in rows]


def _match_expression(connection: sqlite3.Connection, terms: list[str]) -> tuple[str, bool] | None:
    """An FTS5 query requiring every term of two or more characters (or another
    name of it), and whether a pair was expanded; None if a term cannot match."""
    parts = []
    expanded = False
    for term in terms:
        names = [_fts_phrase(name) for name in alternatives(term)]
        if len(term) >= MIN_TRIGRAM:
            names.insert(0, _fts_phrase(term))
        elif len(term) == 2:
            expansions = _expand_pair(connection, term)
            expanded = expanded or bool(expansions)
            names = [_fts_phrase(t) for t in expansions] + names
        if not names:
            return None
        parts.append(names[0] if len(names) == 1 else "(" + " OR ".join(names) + ")")
    return " AND ".join(parts), expanded


_SELECT = """
    SELECT q.id, q.external_id, q.title, m.name, t.name, q.qtype
    FROM {source}
    JOIN topics t ON t.id = q.topic_id
    LEFT JOIN topics m ON m.id = t.parent_id
    WHERE q.retired_at IS NULL AND {where}
    {order}
    LIMIT :limit
"""


def _rows(connection: sqlite3.Connection, source: str, where: str, order: str, params: dict[str, object]) -> list[SearchHit]:
    if int(params["limit"]) <= 0:  # type: ignore[call-overload]
        return []
    sql = _SELECT.format(source=source, where=where, order=order)
    return [SearchHit(r[0], r[1], r[2], r[3] or r[4], r[4], r[5]) for r in connection.execute(sql, params)]


_TITLE_ORDER = "ORDER BY q.qtype <> 'open', length(q.title), q.topic_id, q.sort_order"


def _title_hits_like(connection: sqlite3.Connection, terms: list[str], limit: int) -> list[SearchHit]:
    """Questions whose title contains every term (or another name of it), by
    ``LIKE``: for one-character terms, which the index cannot answer, and for
    words so common that reading their matches costs more than the titles.

    The inner query touches only ``ix_questions_title_scan`` (title, retired_at,
    id), so the scan reads titles, not the long answers stored beside them.
    """
    params: dict[str, object] = {"limit": limit}
    likes = []
    for i, term in enumerate(terms):
        names = []
        for j, name in enumerate((term, *alternatives(term))):
            params[f"like{i}_{j}"] = _like_pattern(name)
            names.append(f"title LIKE :like{i}_{j} ESCAPE '\\'")
        likes.append("(" + " OR ".join(names) + ")")
    inner = f"SELECT id FROM questions INDEXED BY ix_questions_title_scan WHERE retired_at IS NULL AND {' AND '.join(likes)}"
    return _rows(connection, "questions q", f"q.id IN ({inner})", _TITLE_ORDER, params)


def search(connection: sqlite3.Connection, query: str, *, limit: int = 100) -> list[SearchHit]:
    """Active questions containing every term of ``query`` (terms split on spaces)."""
    # Control characters (a NUL ends an FTS5 string early) can't be in a title anyway.
    terms = "".join(c if c.isprintable() else " " for c in query).split()
    if not terms:
        return []
    if any(len(t) < 2 for t in terms):
        return _title_hits_like(connection, terms, limit)
    match = _match_expression(connection, terms)
    if match is None:
        return []  # a pair that no indexed text (titles included) contains
    expression, expanded = match
    cap = MAX_RANKED_EXPANDED if expanded else MAX_RANKED
    # Counting up to the cap reads only the index and stops there. bm25 is
    # not asked for a common word: it counts, per term, every document that
    # holds it, and is computed for every match before ORDER BY can sort.
    count = connection.execute("SELECT count(*) FROM (SELECT rowid FROM question_fts WHERE question_fts MATCH :match LIMIT :cap)", {"match": expression, "cap": cap})
    if next(iter(count))[0] < cap:
        hits = _rows(connection, _FTS_SOURCE, "question_fts MATCH :match", f"ORDER BY {_BM25}", {"match": expression, "limit": cap})
        in_title = [hit for hit in hits if _title_has_every_term(hit.title, terms)]
        in_title.sort(key=lambda hit: (hit.qtype != "open", len(hit.title)))  # stable: by bm25 on ties
        titled = {hit.question_id for hit in in_title}
        return (in_title + [hit for hit in hits if hit.question_id not in titled])[:limit]
    # A common word: titles by LIKE (its cost does not grow with the word's
    # frequency), then the other matches in index order.
    first = _title_hits_like(connection, terms, limit)
    seen = ",".join(str(h.question_id) for h in first) or "-1"
    params: dict[str, object] = {"match": expression, "limit": limit - len(first)}
    return first + _rows(connection, _FTS_SOURCE, f"question_fts MATCH :match AND q.id NOT IN ({seen})", "", params)


_FTS_SOURCE = "question_fts f JOIN questions q ON q.id = f.rowid"


def _title_has_every_term(title: str, terms: list[str]) -> bool:
    low = title.lower()
    return all(any(name.lower() in low for name in (term, *alternatives(term))) for term in terms)


def optimize_index(connection: sqlite3.Connection) -> None:
    """Merge the full-text index's segments into one.

    Built a row at a time (a sync or an import), the index stays in many small
    segments and two-character queries, which expand into hundreds of trigram
    lookups, read all of them: merged, the p95 over 20,000 questions drops
    from ~17 ms to ~6 ms (0.7 s once, at that size).
    """
    connection.execute("INSERT INTO question_fts(question_fts) VALUES('optimize')")

"""Why a search result matched: a line of its text around the matched term.

Computed for one question at a time (the list asks only for the rows on
screen), from the same texts the index holds: the body, the answer, the key
points and the choices, in that order. Markdown and LaTeX markers are
stripped so the line reads as text; the matched terms' positions come with it
so the UI can highlight them.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from quizdesk.core.search_terms import alternatives
from quizdesk.core.search_text import readable_text

BEFORE = 10  # characters of context before the first match
LENGTH = 90  # characters in the whole line


@dataclass(frozen=True)
class Snippet:
    """A line of text; ``spans`` are (start, end) of each matched term in it
    (none when only the title matched: the line is then the text's start)."""

    text: str
    spans: tuple[tuple[int, int], ...]
    field: str  # "body", "answer", "key_points" or "choices"


_CODE_FENCE = re.compile(r"^\s*(```|~~~).*?^\s*\1", re.S | re.M)
_MARKUP = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: their alt text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: their text
    (re.compile(r"^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+", re.M), ""),  # headings, quotes, list marks
    (re.compile(r"\\(mathrm|mathbf|text|operatorname|mathit|boldsymbol)\{([^{}]*)\}"), r"\2"),
    (re.compile(r"\*\*|__|`|\$"), ""),
    (re.compile(r"\s+"), " "),
]


def plain_text(markdown: str) -> str:
    """``markdown`` as one line of readable text (code blocks dropped, HTML tags out, character references decoded)."""
    # HTML comments, tags and character references as the search index reads them
    # (search_text.py): highlighted code's spans leave no gap inside its words.
    text = readable_text(_CODE_FENCE.sub(" ", markdown))
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return text.strip()


def _needles(terms: list[str]) -> list[str]:
    found = []
    for term in terms:
        found += [term, *alternatives(term)]
    return sorted({n.lower() for n in found if n}, key=len, reverse=True)


def find_spans(text: str, terms: list[str]) -> tuple[tuple[int, int], ...]:
    """Where any of ``terms`` (or another name of the same concept) occurs in ``text``, case folded."""
    low = text.lower()
    spans: list[tuple[int, int]] = []
    for needle in _needles(terms):
        start = low.find(needle)
        while start >= 0:
            end = start + len(needle)
            if not any(s < end and start < e for s, e in spans):  # longer names win
                spans.append((start, end))
            start = low.find(needle, end)
    return tuple(sorted(spans))


def _window(text: str, spans: tuple[tuple[int, int], ...], field: str) -> Snippet:
    first = spans[0][0] if spans else 0
    start = max(0, first - BEFORE)
    end = min(len(text), start + LENGTH)
    start = max(0, min(start, end - LENGTH))
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    kept = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Snippet(prefix + text[start:end] + suffix, kept, field)


def _texts(row: tuple[Any, ...]) -> list[tuple[str, str]]:
    body, answer, key_points, choices = row
    texts = [("body", plain_text(body or "")), ("answer", plain_text(answer or ""))]
    for field, raw, key in (("key_points", key_points, None), ("choices", choices, "text")):
        try:
            items = json.loads(raw) if raw else []
        except ValueError:
            items = []
        parts = [str(item.get(key, "") if key and isinstance(item, dict) else item) for item in items if item]
        texts.append((field, " · ".join(plain_text(p) for p in parts)))
    return texts


def snippet(connection: sqlite3.Connection, question_id: int, query: str) -> Snippet | None:
    """The first place in question ``question_id``'s texts where a term of ``query`` occurs."""
    terms = query.split()
    if not terms:
        return None
    rows = connection.execute("SELECT body_md, answer_md, key_points, choices FROM questions WHERE id = :id",
        {"id": question_id},
    )
    row = next(iter(rows), None)
    if row is None:
        return None
    texts = _texts(tuple(row))
    for field, text in texts:
        spans = find_spans(text, terms)
        if spans:
            return _window(text, spans, field)
    # Only the title matched (it shows the mark): the start of the text instead.
    for field, text in texts:
        if text:
            return _window(text, (), field)
    return None

"""What the question rules need to know about each heading of a file besides its text.

Shared by the level rule (:mod:`.split`) and the file's own question marks
(:mod:`.tiers`): scores, whether a heading has text of its own, whether
question-like headings sit under it, and its plain numbering.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from quizdesk.core.content.importer.headings import Heading, Scan
from quizdesk.core.content.importer.titles import Title
from quizdesk.core.content.importer.toc import Toc

LOOKS_LIKE_QUESTION = 2
_RULE_RE = re.compile(r"(?:[-*_][ \t]*){3,}")
_EMPTY_TAG_RE = re.compile(r"<a\s[^>]{0,500}>\s*</a>|<hr\s*/?>|<br\s*/?>", re.IGNORECASE)
_NUMBER_RE = re.compile(r"[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3})*")


def is_trimmable(line: str) -> bool:
    """Blank, a thematic break (``---``), an empty ``<a id>`` anchor, ``<hr>`` or ``<br>``: no text."""
    stripped = line.strip()
    return not stripped or bool(_RULE_RE.fullmatch(stripped) or _EMPTY_TAG_RE.fullmatch(stripped))


@dataclass
class Shape:
    """Per heading of one file (all lists are parallel to ``headings``)."""

    headings: list[Heading]
    titles: list[Title]
    scores: list[int]  # question score, +2 when a table-of-contents leaf names it
    own_text: list[bool]  # text lines between the heading and the next heading
    questions_below: list[bool]  # a question-like heading under it, before its next sibling
    toc: Toc
    scan: Scan


def own_text(scanned: Scan, toc: Toc) -> list[bool]:
    lines, headings = scanned.lines, scanned.headings
    out = []
    for k, heading in enumerate(headings):
        stop = headings[k + 1].start if k + 1 < len(headings) else len(lines)
        out.append(any(i not in toc.lines and not is_trimmable(lines[i]) for i in range(heading.end + 1, stop)))
    return out


def questions_below(headings: list[Heading], scores: list[int]) -> list[bool]:
    """Per heading: whether a question-like heading sits under it (one pass, a stack of open headings)."""
    below = [False] * len(headings)
    stack: list[int] = []
    for index, heading in enumerate(headings):
        while stack and headings[stack[-1]].level >= heading.level:
            stack.pop()
        if scores[index] >= LOOKS_LIKE_QUESTION:
            for open_index in stack:
                below[open_index] = True
        stack.append(index)
    return below


def plain_number(title: Title) -> str:
    """The plain numbering of a heading (``3.1`` of ``3.1 基本概念``), ASCII; "" without one."""
    if title.numbering != "plain":
        return ""
    match = _NUMBER_RE.match(title.plain)
    return unicodedata.normalize("NFKC", match.group()).rstrip(".") if match else ""


def parents(headings: list[Heading]) -> list[int | None]:
    """Per heading: the nearest heading before it with a smaller level (its parent), or None."""
    out: list[int | None] = []
    stack: list[int] = []
    for index, heading in enumerate(headings):
        while stack and headings[stack[-1]].level >= heading.level:
            stack.pop()
        out.append(stack[-1] if stack else None)
        stack.append(index)
    return out

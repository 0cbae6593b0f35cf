"""Which headings are questions, and the answer under each (docs/import.md, "The heading rule").

1. Every heading gets a question score (:func:`titles.question_score`), plus 2
   when a table-of-contents leaf names it. Score ≥ 2 means "looks like a question".
2. The *question level* of the file is the shallowest heading level holding at
   least a quarter as many question-like headings as the level with the most.
   (Sections above the questions rarely look like questions; headings inside
   answers are deeper.) Without any question-like heading, the same rule runs
   on headings scoring ≥ 1 (e.g. consistently numbered ``## 1. Dropout``).
3. Walking the file: a heading deeper than the open question belongs to its
   answer. Otherwise the open question ends there, and the heading is
   - shallower than the question level: a section (never a question);
   - at the question level: a question, unless it scores below 0 (目录,
     参考文献, 第三章 …), or it does not look like a question itself but has
     question-like headings under it (a group of questions), or it is the
     file's first heading, plain while most headings of its level are
     numbered or question-like (the document title) — those are sections;
   - deeper, with no question open (right after a section): a question if it
     looks like one, else a section.
4. The answer is every line after the question heading up to the next
   question or section heading, minus table-of-contents and "back to top"
   lines; blank lines, thematic breaks (``---``) and empty ``<a id>`` anchors
   at its ends are trimmed. Text under a section before its first question is
   the section's introduction and is not imported.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from quizdesk.core.content.importer.headings import Heading, Scan, scan
from quizdesk.core.content.importer.titles import Title, clean_title, question_score
from quizdesk.core.content.importer.toc import Toc, find_toc

LOOKS_LIKE_QUESTION = 2
_RULE_RE = re.compile(r"(?:[-*_][ \t]*){3,}")
_EMPTY_TAG_RE = re.compile(r"<a\s[^>]{0,500}>\s*</a>|<hr\s*/?>|<br\s*/?>", re.IGNORECASE)


def is_trimmable(line: str) -> bool:
    """Blank, a thematic break (``---``), an empty ``<a id>`` anchor, ``<hr>`` or ``<br>``: no text."""
    stripped = line.strip()
    return not stripped or bool(_RULE_RE.fullmatch(stripped) or _EMPTY_TAG_RE.fullmatch(stripped))


@dataclass(frozen=True)
class Segment:
    """One question found in a file."""

    heading: Heading
    title: Title
    answer: str
    answer_lines: tuple[int, ...]  # 0-based indexes of the lines the answer was made of


@dataclass
class FileSplit:
    scan: Scan
    toc: Toc
    question_level: int | None
    segments: list[Segment] = field(default_factory=list)
    sections: list[Heading] = field(default_factory=list)


def _pick_level(levels: list[int], evidence: list[bool]) -> int | None:
    counts = Counter(level for level, ok in zip(levels, evidence) if ok)
    if not counts:
        return None
    need = max(1, -(-max(counts.values()) // 4))  # a quarter of the best, rounded up
    return min(level for level, count in counts.items() if count >= need)


def choose_question_level(headings: list[Heading], scores: list[int]) -> int | None:
    levels = [h.level for h in headings]
    level = _pick_level(levels, [s >= LOOKS_LIKE_QUESTION for s in scores])
    if level is None:
        # Weak evidence only (plain numbering): use it if at least two headings share it.
        weak = [s >= 1 for s in scores]
        if sum(weak) >= 2:
            level = _pick_level(levels, weak)
    return level


def _contains_questions(headings: list[Heading], scores: list[int], index: int) -> bool:
    """Whether question-like headings sit under heading ``index`` (before its next sibling)."""
    level = headings[index].level
    for heading, score in zip(headings[index + 1 :], scores[index + 1 :]):
        if heading.level <= level:
            return False
        if score >= LOOKS_LIKE_QUESTION:
            return True
    return False


def _is_title_heading(headings: list[Heading], scores: list[int], index: int, level: int) -> bool:
    """The file's first heading, plain among numbered or question-like level-mates: the document title."""
    if index != 0 or scores[0] > 0:
        return False
    mates = [s for h, s in zip(headings, scores) if h.level == level]
    return len(mates) > 1 and sum(s >= 1 for s in mates[1:]) * 5 >= (len(mates) - 1) * 3


def _classify(headings: list[Heading], scores: list[int], level: int | None) -> list[str]:
    """Per heading: "question", "section" or "inside" (part of an answer)."""
    kinds: list[str] = []
    open_level: int | None = None
    for index, (heading, score) in enumerate(zip(headings, scores)):
        if level is None:
            kinds.append("section")
            continue
        if open_level is not None and heading.level > open_level:
            kinds.append("inside")
            continue
        open_level = None
        if heading.level < level:
            kind = "section"
        elif heading.level == level:
            plain_container = score < LOOKS_LIKE_QUESTION and _contains_questions(headings, scores, index)
            if score < 0 or plain_container or _is_title_heading(headings, scores, index, level):
                kind = "section"
            else:
                kind = "question"
        else:
            kind = "question" if score >= LOOKS_LIKE_QUESTION else "section"
        if kind == "question":
            open_level = heading.level
        kinds.append(kind)
    return kinds


def _answer(lines: list[str], indexes: list[int]) -> tuple[str, tuple[int, ...]]:
    first, last = 0, len(indexes)
    while first < last and is_trimmable(lines[indexes[first]]):
        first += 1
    while last > first and is_trimmable(lines[indexes[last - 1]]):
        last -= 1
    indexes = indexes[first:last]
    return "\n".join(lines[i] for i in indexes), tuple(indexes)


def split_text(text: str) -> FileSplit:
    """Find the questions in one decoded file."""
    scanned = scan(text)
    headings = scanned.headings
    titles = [clean_title(h.text) for h in headings]
    toc = find_toc(scanned.lines, scanned.opaque, headings, titles)
    scores = [question_score(t) + (2 if toc.listed.get(i) else 0) for i, t in enumerate(titles)]
    level = choose_question_level(headings, scores)
    kinds = _classify(headings, scores, level)
    result = FileSplit(scan=scanned, toc=toc, question_level=level)
    # Boundaries: where a question or section heading starts.
    boundaries = [h.start for h, k in zip(headings, kinds) if k != "inside"] + [len(scanned.lines)]
    for index, (heading, kind) in enumerate(zip(headings, kinds)):
        if kind == "section":
            result.sections.append(heading)
        if kind != "question":
            continue
        stop = boundaries[bisect.bisect_right(boundaries, heading.start)]
        body = [i for i in range(heading.end + 1, stop) if i not in toc.lines]
        answer, used = _answer(scanned.lines, body)
        result.segments.append(Segment(heading, titles[index], answer, used))
    return result

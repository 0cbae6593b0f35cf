"""Which headings are questions, and the answer under each (docs/import.md, "The heading rule").

0. A file that marks its own questions — a numbered outline, or anchored
   headings and table-of-contents entries — is read by those marks
   (:mod:`.tiers`); the steps below are for the other files. In every file,
   a question with nothing under it is an empty stub (:attr:`FileSplit.stubs`,
   reported, not a card) and a generic title (``模型结构``) gets its parent's.

1. Every heading gets a question score (:func:`titles.question_score`), plus 2
   when a table-of-contents leaf names it. Score ≥ 2 means "looks like a question".
2. The *question level* of the file is the shallowest heading level holding at
   least a quarter as many question-like headings as the level with the most.
   (Sections above the questions rarely look like questions; headings inside
   answers are deeper.) Without any question-like heading, the same rule runs
   on headings scoring ≥ 1 (e.g. consistently numbered ``## 1. Dropout``).
   Then a shallower level takes over when its headings are the questions and
   the deeper question-like ones are sub-headings of their answers
   (:func:`_answers_above`): most of them are numbered or question-like and
   have text of their own, and neither a table of contents nor numbering
   that continues theirs (``3.1`` → ``3.1.1``) says the deeper ones are the
   questions.
3. Walking the file: a heading deeper than the open question belongs to its
   answer. Otherwise the open question ends there, and the heading is
   - shallower than the question level: a section (never a question), unless
     it looks like a question, has text of its own and no question-like
     heading under it — then it is a question;
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
   at its ends are trimmed.
5. Text that ends up in no question (under a section heading, before the
   first heading, a table of contents inside an answer) is listed in
   :attr:`FileSplit.dropped` so the import can warn about it: no text line is
   lost silently. Only blank lines and rules, headings themselves, front
   matter, tables of contents outside answers and "back to top" links go
   without a word.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field

from quizdesk.core.content.importer.headings import Heading, Scan, scan
from quizdesk.core.content.importer.shape import (
    LOOKS_LIKE_QUESTION,
    Shape,
    is_trimmable,
    own_text,
    parents,
    plain_number,
    questions_below,
)
from quizdesk.core.content.importer.tiers import marked_kinds, outline_kinds
from quizdesk.core.content.importer.titles import Title, clean_title, is_generic, question_score
from quizdesk.core.content.importer.toc import Toc, find_toc

__all__ = ["LOOKS_LIKE_QUESTION", "Dropped", "FileSplit", "Segment", "is_trimmable", "split_text"]


@dataclass(frozen=True)
class Segment:
    """One question found in a file."""

    heading: Heading
    title: Title
    answer: str
    answer_lines: tuple[int, ...]  # 0-based indexes of the lines the answer was made of


@dataclass(frozen=True)
class Dropped:
    """Text lines under one heading that went into no question."""

    heading: Heading | None  # the section (or question) they sit under; None: before the first heading
    title: Title | None
    lines: tuple[int, ...]  # 0-based, each with text
    reason: str  # "section" | "preamble" | "toc"


@dataclass
class FileSplit:
    scan: Scan
    toc: Toc
    question_level: int | None
    segments: list[Segment] = field(default_factory=list)
    sections: list[Heading] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    #: Question headings with nothing under them: reported, never cards.
    stubs: list[tuple[Heading, Title]] = field(default_factory=list)
    #: How the questions were told apart: "outline", "marks" (anchors, a table of contents) or "level".
    mode: str = "level"


def _pick_level(levels: list[int], evidence: list[bool]) -> int | None:
    counts = Counter(level for level, ok in zip(levels, evidence) if ok)
    if not counts:
        return None
    need = max(1, -(-max(counts.values()) // 4))  # a quarter of the best, rounded up
    return min(level for level, count in counts.items() if count >= need)


def choose_question_level(headings: list[Heading], scores: list[int]) -> int | None:
    """The level rule on scores alone (step 2 before a shallower level may take over)."""
    levels = [h.level for h in headings]
    level = _pick_level(levels, [s >= LOOKS_LIKE_QUESTION for s in scores])
    if level is None:
        # Weak evidence only (plain numbering): use it if at least two headings share it.
        weak = [s >= 1 for s in scores]
        if sum(weak) >= 2:
            level = _pick_level(levels, weak)
    return level


def _answers_above(shape: Shape, upper: int, level: int) -> bool:
    """Whether the headings of level ``upper`` are the questions and the question-like ones of ``level`` below
    them are sub-headings of their answers (``## 1. Dropout`` + text + ``### 为什么有效？``).

    They must be numbered or question-like (score ≥ 1), at least two of them
    and most of that level (section names like 参考文献 aside) must have text
    of their own, and as many as a quarter of the question-like headings of
    ``level``. A table of contents whose leaves are the deeper headings (not
    these), or numbering of the deeper ones that continues theirs (``3.1`` →
    ``3.1.1``), says they are sections instead.
    """
    headings, scores = shape.headings, shape.scores
    mates = [i for i, h in enumerate(headings) if h.level == upper and scores[i] >= 0]
    owners = [i for i in mates if scores[i] >= 1 and shape.own_text[i]]
    deeper = sum(1 for h, s in zip(headings, scores) if h.level == level and s >= LOOKS_LIKE_QUESTION)
    if len(owners) < 2 or len(owners) * 2 <= len(mates) or len(owners) < -(-deeper // 4):
        return False
    listed = shape.toc.listed
    upper_leaf = any(listed.get(i) for i in mates if scores[i] >= 1)
    parent: int | None = None
    for index, heading in enumerate(headings):
        if heading.level <= upper:
            parent = index if heading.level == upper and scores[index] >= 1 else None
            continue
        if parent is None or scores[index] < LOOKS_LIKE_QUESTION:
            continue
        if listed.get(index) and not upper_leaf:
            return False
        number, parent_number = plain_number(shape.titles[index]), plain_number(shape.titles[parent])
        if parent_number and number.startswith(parent_number + "."):
            return False
    return True


def _question_level(shape: Shape) -> tuple[int | None, bool]:
    """The question level, and whether a shallower level took over (step 2)."""
    level = choose_question_level(shape.headings, shape.scores)
    taken_over = False
    while level is not None:
        upper = next(
            (u for u in range(level - 1, 0, -1) if any(h.level == u for h in shape.headings) and _answers_above(shape, u, level)),
            None,
        )
        if upper is None:
            break
        level, taken_over = upper, True
    return level, taken_over


def _is_title_heading(headings: list[Heading], scores: list[int], index: int, level: int) -> bool:
    """The file's first heading, plain among numbered or question-like level-mates: the document title."""
    if index != 0 or scores[0] > 0:
        return False
    mates = [s for h, s in zip(headings, scores) if h.level == level]
    return len(mates) > 1 and sum(s >= 1 for s in mates[1:]) * 5 >= (len(mates) - 1) * 3


def _classify(shape: Shape, level: int | None, taken_over: bool = False) -> list[str]:
    """Per heading: "question", "section" or "inside" (part of an answer).

    ``taken_over``: the level was chosen because its numbered headings hold
    the question-like ones as answer sub-headings, so only a plain heading
    (score ≤ 0) over question-like ones is a group of questions there.
    """
    container_below = 1 if taken_over else LOOKS_LIKE_QUESTION
    headings, scores, titles = shape.headings, shape.scores, shape.titles
    # Numbered questions are marks too: where most questions of the level are numbered
    # (【一】, 问题 7：, 12.), a plain unnumbered heading of that level under an open
    # question (## 训练时) is a sub-heading of its answer, not a card of its own.
    looking = [i for i, h in enumerate(headings) if h.level == level and scores[i] >= LOOKS_LIKE_QUESTION]
    numbered = [i for i in looking if titles[i].numbering in ("plain", "question")]
    numbered_tier = len(numbered) >= 3 and len(numbered) * 5 >= len(looking) * 4
    kinds: list[str] = []
    open_level: int | None = None
    for index, (heading, score) in enumerate(zip(headings, scores)):
        if level is None:
            kinds.append("section")
            continue
        if open_level is not None and heading.level > open_level:
            kinds.append("inside")
            continue
        if (
            numbered_tier
            and open_level == level
            and heading.level == level
            and not titles[index].numbering
            and 0 <= score < LOOKS_LIKE_QUESTION
            and not shape.questions_below[index]
        ):
            kinds.append("inside")
            continue
        open_level = None
        looks = score >= LOOKS_LIKE_QUESTION
        if heading.level < level:
            # A question above the question level, on its own (no questions under it), is still a question.
            standalone = looks and shape.own_text[index] and not shape.questions_below[index]
            kind = "question" if standalone else "section"
        elif heading.level == level:
            plain_container = score < container_below and shape.questions_below[index]
            if score < 0 or plain_container or _is_title_heading(headings, scores, index, level):
                kind = "section"
            else:
                kind = "question"
        else:
            kind = "question" if looks else "section"
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


def _dropped(result: FileSplit, titles: list[Title], kinds: list[str], in_answer: bytearray) -> list[Dropped]:
    """Text lines that went into no question, grouped by the question or section heading above them."""
    scanned, toc = result.scan, result.toc
    lines, headings = scanned.lines, scanned.headings
    accounted = bytearray(len(lines))
    for segment in result.segments:
        for i in segment.answer_lines:
            accounted[i] = 1
    for heading in headings:
        accounted[heading.start : heading.end + 1] = b"\x01" * (heading.end + 1 - heading.start)
    accounted[: scanned.front_matter_end] = b"\x01" * scanned.front_matter_end
    toc_entries = {entry.line for entry in toc.entries}
    for i in toc.lines:
        # Navigation goes silently anywhere, a table of contents outside answers too.
        if i not in toc_entries or not in_answer[i]:
            accounted[i] = 1
    owners = [k for k, kind in enumerate(kinds) if kind != "inside"]
    starts = [headings[k].start for k in owners]
    groups: dict[tuple[int, str], list[int]] = {}
    for i, done in enumerate(accounted):
        if done or is_trimmable(lines[i]):
            continue
        slot = bisect.bisect_right(starts, i) - 1
        owner = owners[slot] if slot >= 0 else -1
        reason = "toc" if i in toc_entries else ("preamble" if owner < 0 else "section")
        groups.setdefault((owner, reason), []).append(i)
    return [
        Dropped(headings[owner] if owner >= 0 else None, titles[owner] if owner >= 0 else None, tuple(found), reason)
        for (owner, reason), found in groups.items()
    ]


def _has_text(lines: list[str], indexes: tuple[int, ...], headings: set[int]) -> bool:
    """Whether an answer holds any text besides sub-headings (an empty stub does not)."""
    return any(i not in headings and not is_trimmable(lines[i]) for i in indexes)


def _in_context(titles: list[Title], headings: list[Heading], index: int, up: list[int | None]) -> Title:
    """A generic title (``模型结构``, ``定义``) with its parent's title in front: ``VGG：模型结构``.

    Leaves in practice; a generic heading with questions under it is as
    meaningless alone, so it gets the same.
    """
    title = titles[index]
    parent = up[index]
    while parent is not None and not titles[parent].text:
        parent = up[parent]
    if parent is None or not is_generic(title.text) or is_generic(titles[parent].text):
        return title
    joined = f"{titles[parent].text}：{title.text}"
    return Title(text=joined, plain=joined, numbering=title.numbering)


def split_text(text: str) -> FileSplit:
    """Find the questions in one decoded file."""
    scanned = scan(text)
    headings = scanned.headings
    titles = [clean_title(h.text) for h in headings]
    toc = find_toc(scanned.lines, scanned.opaque, headings, titles)
    scores = [question_score(t) + (2 if toc.listed.get(i) else 0) for i, t in enumerate(titles)]
    shape = Shape(headings, titles, scores, own_text(scanned, toc), questions_below(headings, scores), toc, scanned)
    level, taken_over = _question_level(shape)
    mode, kinds = "outline", outline_kinds(shape)
    if kinds is None:
        mode, kinds = "marks", marked_kinds(shape)
    if kinds is None:
        mode, kinds = "level", _classify(shape, level, taken_over)
    result = FileSplit(scan=scanned, toc=toc, question_level=level, mode=mode)
    # Boundaries: where a question or section heading starts.
    boundaries = [h.start for h, k in zip(headings, kinds) if k != "inside"] + [len(scanned.lines)]
    heading_lines = {i for h in headings for i in range(h.start, h.end + 1)}
    up = parents(headings)
    in_answer = bytearray(len(scanned.lines))
    for index, (heading, kind) in enumerate(zip(headings, kinds)):
        if kind == "section":
            result.sections.append(heading)
        if kind != "question":
            continue
        stop = boundaries[bisect.bisect_right(boundaries, heading.start)]
        in_answer[heading.end + 1 : stop] = b"\x01" * (stop - heading.end - 1)
        body = [i for i in range(heading.end + 1, stop) if i not in toc.lines]
        answer, used = _answer(scanned.lines, body)
        if not _has_text(scanned.lines, used, heading_lines):
            result.stubs.append((heading, titles[index]))
            continue
        result.segments.append(Segment(heading, _in_context(titles, headings, index, up), answer, used))
    if result.segments:
        result.dropped = _dropped(result, titles, kinds, in_answer)
    return result

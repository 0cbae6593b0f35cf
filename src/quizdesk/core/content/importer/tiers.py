"""A file's own question marks decide what a card is, whatever the heading level (docs/import.md).

Two kinds of files say themselves which headings are their questions:

* **Numbered outlines** (``## 5.1 …`` / ``### 5.1.1 …``): every outline
  heading (multi-level numbering, or a number that deeper ones continue) with
  text of its own is a question at whatever depth; a parent's own text is a
  question too, unless it is a one-line introduction ("本节介绍…": reported,
  as section text is). Outline headings with nothing under them and no
  outline children are empty stubs. Other headings under an open question
  (``#### 1. 损失函数``, ``#### 训练时``) stay inside its answer.
* **Marked files**: headings with an explicit anchor (``<h2 id="…">``,
  ``<a name>``, ``{#id}``) or named by a table-of-contents leaf. The marks are
  the question tier whatever their tag level (``<h1>``…``<h3>`` mixed); every
  other heading between two of them stays inside the answer, at a deeper *or
  the same* level — unless, at the open question's own level, it looks like
  a question itself (an anchor left out, a table-of-contents entry that did
  not resolve). A
  marked heading that is a chapter, a document part, a
  table-of-contents group, or a plain title over other marks is a section; a
  deeper marked heading whose anchor extends the open question's
  (``12`` → ``12-1``), or that is unnumbered among numbered questions, is a
  sub-heading of that answer.

Both return the per-heading kinds ("question" / "section" / "inside") or None
when the file does not mark its questions that way; :mod:`.split` then uses
the level rule.
"""

from __future__ import annotations

from quizdesk.core.content.importer.shape import LOOKS_LIKE_QUESTION, Shape, is_trimmable, parents, plain_number

#: A parent's own text up to this long, on one line, is an introduction to its children, not an answer.
INTRO_MAX_CHARS = 40
_MIN_OUTLINE = 2
_ANCHOR_SEPARATORS = ("-", "_", ".", "/")


def _text_lines(shape: Shape, index: int) -> list[str]:
    """The text lines between heading ``index`` and the next heading (tables of contents aside)."""
    scanned = shape.scan
    headings, lines = shape.headings, scanned.lines
    stop = headings[index + 1].start if index + 1 < len(headings) else len(lines)
    return [lines[i] for i in range(headings[index].end + 1, stop) if i not in shape.toc.lines and not is_trimmable(lines[i])]


def is_introduction(shape: Shape, index: int) -> bool:
    text = _text_lines(shape, index)
    return len(text) == 1 and len(text[0].strip()) <= INTRO_MAX_CHARS


def outline_nodes(shape: Shape) -> list[bool] | None:
    """Which headings belong to a numbered outline, or None when the file is not one.

    A file is an outline when at least two headings carry multi-level numbering
    (``5.1``, ``5.1.1``) and one of them continues the number of a heading above it.
    """
    numbers = [plain_number(t) for t in shape.titles]
    deep = [i for i, n in enumerate(numbers) if "." in n]
    if len(deep) < _MIN_OUTLINE:
        return None
    known = set(numbers)
    if not any(n.rsplit(".", 1)[0] in known for n in (numbers[i] for i in deep)):
        return None
    prefixes = {n.rsplit(".", 1)[0] for n in numbers if "." in n}
    return [bool(n) and ("." in n or n in prefixes) for n in numbers]


def outline_kinds(shape: Shape) -> list[str] | None:
    nodes = outline_nodes(shape)
    if nodes is None:
        return None
    headings, scores = shape.headings, shape.scores
    node_children = [False] * len(headings)
    for index, parent in enumerate(parents(headings)):
        if nodes[index] and parent is not None:
            node_children[parent] = True
    kinds: list[str] = []
    open_level: int | None = None
    for index, heading in enumerate(headings):
        if nodes[index]:
            if shape.own_text[index] and not (node_children[index] and is_introduction(shape, index)):
                kind = "question"  # a leaf, or a parent's own text: a card at whatever depth
            elif node_children[index] or shape.own_text[index]:
                kind = "section"  # a group of questions (its introduction is reported)
            else:
                kind = "question"  # an empty stub: split reports it instead of making a card
        elif open_level is not None and heading.level > open_level:
            kind = "inside"
        elif scores[index] >= LOOKS_LIKE_QUESTION and shape.own_text[index] and not shape.questions_below[index]:
            kind = "question"
        else:
            kind = "section"
        if kind != "inside":
            open_level = heading.level if kind == "question" else None
        kinds.append(kind)
    return kinds


def _marks(shape: Shape) -> list[bool]:
    listed = shape.toc.listed
    return [bool(h.anchor) or bool(listed.get(i)) for i, h in enumerate(shape.headings)]


def _extends(anchor: str, parent_anchor: str) -> bool:
    return bool(anchor and parent_anchor) and anchor.startswith(parent_anchor) and anchor[len(parent_anchor) : len(parent_anchor) + 1] in _ANCHOR_SEPARATORS


def marked_kinds(shape: Shape) -> list[str] | None:
    headings, titles, scores, listed = shape.headings, shape.titles, shape.scores, shape.toc.listed
    marks = _marks(shape)
    if all(marks) or not any(marks):
        return None  # marks on every heading (or none) tell nothing apart
    base = [s - (2 if listed.get(i) else 0) for i, s in enumerate(scores)]
    # Marked headings that are groups: a table-of-contents entry with children, or a plain
    # heading (no numbering, no question words) with other marks under it.
    marks_below = [False] * len(headings)
    stack: list[int] = []
    for index, heading in enumerate(headings):
        while stack and headings[stack[-1]].level >= heading.level:
            stack.pop()
        if marks[index]:
            for above in stack:
                marks_below[above] = True
        stack.append(index)

    def group(index: int) -> bool:
        if listed.get(index) is False or base[index] < 0 or titles[index].numbering == "chapter":
            return True
        return not listed.get(index) and base[index] <= 0 and marks_below[index]

    candidates = [i for i in range(len(headings)) if marks[i] and not group(i)]
    if len(candidates) < 2:
        return None
    deepest = max(headings[i].level for i in candidates)
    unmarked_questions = sum(
        1 for i, h in enumerate(headings) if not marks[i] and base[i] >= LOOKS_LIKE_QUESTION and h.level <= deepest
    )
    if unmarked_questions * 4 > len(candidates):
        return None  # many questions without a mark: the marks are not the file's question list
    numbered = sum(1 for i in candidates if titles[i].numbering in ("plain", "question"))
    tier_numbered = numbered * 5 >= len(candidates) * 3
    candidate_set = set(candidates)
    later_marks = [0] * (len(headings) + 1)
    for index in range(len(headings) - 1, -1, -1):
        later_marks[index] = later_marks[index + 1] + (1 if index in candidate_set else 0)
    kinds: list[str] = []
    open_index: int | None = None
    for index, heading in enumerate(headings):
        if index in candidate_set:
            opened = headings[open_index] if open_index is not None else None
            sub = opened is not None and heading.level > opened.level and (
                _extends(heading.anchor, opened.anchor) or (tier_numbered and not titles[index].numbering)
            )
            kind = "inside" if sub else "question"
        elif marks[index]:
            kind = "section"  # a group or a document part
        elif open_index is None:
            standalone = base[index] >= LOOKS_LIKE_QUESTION and shape.own_text[index] and not shape.questions_below[index]
            kind = "question" if standalone else "section"
        else:
            level = headings[open_index].level
            if heading.level < level or titles[index].numbering == "chapter":
                kind = "section"  # a chapter around the questions
            elif base[index] < 0 and later_marks[index] == 0:
                kind = "section"  # 参考文献 after the last question
            elif heading.level == level and base[index] >= LOOKS_LIKE_QUESTION:
                # At the question's own level and looking like a question itself: a question
                # without a mark (an anchor left out, a table-of-contents entry that did not
                # resolve), not a sub-heading. Sub-headings at that level are plain (基本概念, 训练时).
                kind = "question"
            else:
                kind = "inside"
        if kind == "question":
            open_index = index
        elif kind == "section":
            open_index = None
        kinds.append(kind)
    return kinds

"""Re-indent nested lists to the four spaces Python-Markdown requires.

Authors (and GitHub) nest lists by aligning with the parent item's text, often
two or three spaces in; Python-Markdown would flatten those into the parent's
text ("1. item - sub - sub"). Following CommonMark, a line belongs to an item
when it is indented at least to the item's content column; such lines are
moved to ``4 × depth`` spaces. Fenced code inside items moves with its item.
"""

from __future__ import annotations

import re

from quizdesk.core.markdown_blocks import MAY_OPEN_RE, Fence, open_fence

_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)")


def normalize_list_indent(text: str) -> str:
    stack: list[int] = []  # content columns of the open items, outermost first
    out: list[str] = []
    fence: Fence | None = None
    fence_shift = 0
    previous_blank = False
    for line in text.split("\n"):
        if fence is not None:
            stripped = line.lstrip(" ")
            indent = len(line) - len(stripped)
            out.append(" " * max(0, indent + fence_shift) + stripped)
            if fence.closes(line):
                fence = None
            continue
        if not line.strip():
            out.append(line)
            previous_blank = True
            continue
        expanded = line.expandtabs(4)
        stripped = expanded.lstrip(" ")
        indent = len(expanded) - len(stripped)
        while stack and indent < stack[-1]:
            stack.pop()
        item = _ITEM.match(expanded)
        if item and (not stack or indent >= stack[-1]) and indent < 4 * (len(stack) + 1):
            depth = len(stack)
            marker_end = item.end(2)
            spaces = len(item.group(3)) if item.group(3) else 1
            content = marker_end + (spaces if spaces <= 4 else 1)
            new_indent = 4 * depth
            out.append(" " * new_indent + expanded[indent:])
            stack.append(content)
        elif stack:
            shift = 4 * len(stack) - stack[-1]
            new_line = " " * max(0, indent + shift) + stripped
            opening = open_fence(expanded) if MAY_OPEN_RE.match(expanded) else None
            if opening is not None:
                fence, fence_shift = opening, shift
            out.append(new_line)
        else:
            if indent == 0 or previous_blank:
                stack.clear()
            out.append(line)
        previous_blank = False
    return "\n".join(out)

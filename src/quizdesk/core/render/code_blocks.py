"""Lift fenced code blocks out of the Markdown before anything else looks at it.

Python-Markdown's ``fenced_code`` only sees fences that start in column 0, so a
fence inside a list item (indented with the item) came out as text. Lifting
every fence here, wherever it is indented, also keeps formulas and list
re-indenting away from code. Each block leaves a placeholder line at the
fence's indentation, so it stays inside its list item.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from quizdesk.core.markdown_blocks import MAY_OPEN_RE, TOP_LEVEL_INDENT, open_fence

_ITEM = re.compile(r"^ *(?:[-*+]|\d{1,9}[.)])(?: |$)")


@dataclass(frozen=True)
class CodeBlock:
    language: str | None
    code: str


@dataclass(frozen=True)
class Lifted:
    text: str
    blocks: tuple[CodeBlock, ...]
    nonce: str

    @property
    def token_pattern(self) -> re.Pattern[str]:
        return re.compile(rf"qzc{self.nonce}x(\d+)x")


def lift_fences(text: str) -> Lifted:
    """Replace each fenced block by ``qzc<nonce>x<i>x`` on a line of its own."""
    nonce = secrets.token_hex(4)
    while f"qzc{nonce}x" in text:
        nonce = secrets.token_hex(4)
    if "```" not in text and "~~~" not in text:
        return Lifted(text, (), nonce)  # only such a run opens a fence (MAY_OPEN_RE): nothing to lift
    lines = text.split("\n")
    out: list[str] = []
    blocks: list[CodeBlock] = []
    in_list = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if _ITEM.match(line):
            in_list = True
        elif line.strip() and not line.startswith((" ", "\t")) and (not out or not out[-1].strip()):
            in_list = False
        # Inside a list item a fence is indented like the item's text, so any depth opens one there.
        fence = open_fence(line) if MAY_OPEN_RE.match(line) else None
        if fence is not None and (fence.indent < TOP_LEVEL_INDENT or in_list):
            indent = fence.indent
            body: list[str] = []
            j = i + 1
            while j < len(lines):
                if fence.closes(lines[j]):
                    break
                body.append(_dedent(lines[j].expandtabs(4), indent))
                j += 1
            language = fence.language.strip("{}.") if fence.info else None
            blocks.append(CodeBlock(language or None, "\n".join(body)))
            token = f"{' ' * indent}qzc{nonce}x{len(blocks) - 1}x"
            at_top = indent < 4 and not in_list
            if at_top and out and out[-1].strip():
                out.append("")  # a block of its own, not the end of the paragraph above
            out.append(token)
            if at_top:
                out.append("")
            i = j + 1
            continue
        out.append(line)
        i += 1
    return Lifted("\n".join(out), tuple(blocks), nonce)


def _dedent(line: str, indent: int) -> str:
    stripped = line.lstrip(" ")
    return line[min(indent, len(line) - len(stripped)) :]

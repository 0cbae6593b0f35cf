"""Markdown's block rules that matter before a Markdown parser runs: code fences and ATX headings.

Five places read Markdown structure line by line before (or instead of)
Python-Markdown: the bank parser, the importer's heading scan, and the
renderer's fence lifting, formula protection and list re-indenting. They all
take their fence and heading rules from here, so they agree on which lines are
code. The rules are CommonMark's:

* a fence is three or more backticks or tildes; a backtick fence's info string
  holds no backtick (```` ``` a`b ```` is inline code, not a fence);
* it closes only with the same character, at least as many of them and nothing
  but spaces after, indented less than four columns past the opening fence
  (deeper, it is a line of code); a fence never closed runs to the end;
* an ATX heading is up to three spaces, one to six ``#`` and then a space, a
  tab or the end of the line (``#word`` is text); a closing run of ``#`` is
  dropped only after a space (``## C#`` keeps its ``#``).

How deep an opening fence may be indented depends on where it stands (at the
top level less than four columns, deeper inside a list item), which only the
caller knows: :func:`open_fence` reports the indentation and the caller
decides. :func:`scan_fences` is the walk for text with no lists to track (the
bank's files, at the top level).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

# Indentation, then the run; the info string is the rest of the line.
_FENCE_RE = re.compile(r"([ \t]*)(`{3,}|~{3,})(.*)$")
#: Group 1 the ``#`` run, group 2 the text (None for a bare ``#``); callers on a hot path
#: match it directly, the rest use :func:`atx_heading`. Written so that no two quantifiers
#: compete for the same characters: a megabyte-long line of spaces costs one pass.
ATX_RE = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*))?$")
# A quick test that a line may open a fence: one regex call, no string copied.
MAY_OPEN_RE = re.compile(r"[ \t]*(?:```|~~~)")
#: A fence at the top level is indented less than this (four columns: indented code).
TOP_LEVEL_INDENT = 4


def _columns(indent: str) -> int:
    """Width of leading whitespace, a tab going to the next multiple of four (CommonMark)."""
    return len(indent.expandtabs(4)) if "\t" in indent else len(indent)


# Fence, FencedBlock and AtxHeading are named tuples: made thousands of times a
# megabyte, and a frozen dataclass costs several times more to make.
class Fence(NamedTuple):
    """An opening code fence: its indentation in columns, its character, its length and info string."""

    indent: int
    char: str
    length: int
    info: str  # stripped; "" when none

    def closes(self, line: str) -> bool:
        """Whether ``line`` closes this fence."""
        match = _closing_re(self.char, self.length).match(line)
        return match is not None and _columns(match.group(1)) < self.indent + TOP_LEVEL_INDENT

    @property
    def language(self) -> str:
        """The first word of the info string, as written ("" when none)."""
        return self.info.split(None, 1)[0] if self.info else ""


@functools.lru_cache(maxsize=None)
def _closing_re(char: str, length: int) -> re.Pattern[str]:
    # One call per line inside a block: the run, at least as long, and only spaces after it.
    return re.compile(rf"([ \t]*){re.escape(char)}{{{length},}}[ \t]*$")


def open_fence(line: str) -> Fence | None:
    """The fence ``line`` opens, at whatever indentation (the caller checks ``indent``), or None."""
    match = _FENCE_RE.match(line)
    if match is None:
        return None
    run, info = match.group(2), match.group(3)
    if run[0] == "`" and "`" in info:
        return None
    return Fence(_columns(match.group(1)), run[0], len(run), info.strip())


class FencedBlock(NamedTuple):
    """A fenced block of a line list: 0-based lines of its fences (``close`` None: never closed)."""

    open: int
    close: int | None
    fence: Fence


@dataclass(frozen=True)
class FenceScan:
    blocks: tuple[FencedBlock, ...]
    line_count: int

    @property
    def code(self) -> tuple[bool, ...]:
        """Per line: a fence line or inside a fenced block."""
        code = [False] * self.line_count
        for block in self.blocks:
            end = block.close + 1 if block.close is not None else self.line_count
            code[block.open : end] = [True] * (end - block.open)
        return tuple(code)

    @property
    def unclosed(self) -> FencedBlock | None:
        """The block never closed (only the last can be), or None."""
        return self.blocks[-1] if self.blocks and self.blocks[-1].close is None else None


def scan_fences(lines: list[str], max_indent: int = TOP_LEVEL_INDENT) -> FenceScan:
    """Where the fenced code blocks of ``lines`` are; an opening fence must be indented less than ``max_indent``."""
    blocks: list[FencedBlock] = []
    fence: Fence | None = None
    start = 0
    for index, line in enumerate(lines):
        if fence is None:
            if not MAY_OPEN_RE.match(line):
                continue
            opening = open_fence(line)
            if opening is not None and opening.indent < max_indent:
                fence, start = opening, index
            continue
        if fence.closes(line):
            blocks.append(FencedBlock(start, index, fence))
            fence = None
    if fence is not None:
        blocks.append(FencedBlock(start, None, fence))
    return FenceScan(tuple(blocks), len(lines))


class AtxHeading(NamedTuple):
    level: int
    text: str  # stripped, closing ``#`` run removed; may be ""


def atx_heading(line: str) -> AtxHeading | None:
    """The ATX heading ``line`` is, or None (see the module doc for the rules)."""
    match = ATX_RE.match(line)
    if match is None:
        return None
    return AtxHeading(len(match.group(1)), strip_closing_hashes(match.group(2) or "").strip())


def strip_closing_hashes(text: str) -> str:
    """``Title ##`` → ``Title`` (CommonMark: the closing run must follow a space, or be all there is)."""
    text = text.rstrip(" \t")
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1] in " \t"):
        return bare.rstrip(" \t")
    return text

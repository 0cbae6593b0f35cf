"""Tables of contents: runs of ``- [title](#anchor)`` links that name the headings below.

A table of contents is strong evidence of which headings are the entries of a
file (its leaves are the questions), and its lines are never imported, neither
as a question nor inside an answer. "Back to top" links (``[返回目录](#目录)``)
between questions are navigation, not answer text, and are dropped too.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from quizdesk.core.content.importer.headings import Heading, github_slug, loose_key
from quizdesk.core.content.importer.titles import Title, clean_title, strip_markup

# One entry per line: "- [title](#anchor)", "1. [t](#a)", "* **[t](#a)**", "[t](#a)<br>".
# No two quantifiers compete for the same characters (a long line of spaces
# costs one pass); what may follow the link is checked in :func:`_entry`.
_ENTRY_RE = re.compile(
    r"(?P<indent>[ \t]*)(?:(?:[-*+]|\d{1,4}[.)])[ \t]+)?(?:\*\*|__)?"
    r"\[(?P<text>(?:[^\[\]]|\[[^\]]*\])+)\]\([ \t]*<?#(?P<anchor>[^)\s>]*)>?(?P<title>[^)]*)\)(?P<tail>.*)"
)
_TAIL_OK = frozenset({"", "<br>", "<br/>"})
_MAX_ENTRY_CHARS = 1000


def _entry(line: str) -> re.Match[str] | None:
    """The link of a table-of-contents line, or None."""
    if "](" not in line or len(line) > _MAX_ENTRY_CHARS:
        return None
    match = _ENTRY_RE.match(line)
    if match is None:
        return None
    title = match.group("title").strip()
    if title and not (len(title) >= 2 and title[0] == title[-1] and title[0] in "\"'"):
        return None
    tail = "".join(match.group("tail").split()).lower()
    if tail.startswith(("**", "__")):
        tail = tail[2:]
    return match if tail in _TAIL_OK else None


_NAV_WORDS = ("返回目录", "回到目录", "返回顶部", "回到顶部", "back to top", "back to contents", "top")
_MIN_ENTRIES = 3


@dataclass(frozen=True)
class TocEntry:
    line: int  # 0-based
    indent: int
    text: str
    anchor: str
    leaf: bool


@dataclass
class Toc:
    entries: list[TocEntry] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)  # lines that are table of contents or navigation
    #: heading index → True if a leaf entry names it, False if only an entry with children does.
    listed: dict[int, bool] = field(default_factory=dict)


_TOC_TITLES = frozenset({"目录", "contents", "table of contents", "toc", "目 录"})


class _Resolver:
    """Finds the heading an anchor or a link text points at, the ways Markdown tools name anchors."""

    def __init__(self, headings: list[Heading], titles: list[Title]) -> None:
        self.by_key: dict[str, int] = {}
        counts: dict[str, int] = {}
        for index, (heading, title) in enumerate(zip(headings, titles)):
            shown = title.plain
            slug = github_slug(shown)
            # GitHub numbers repeated slugs: "a", "a-1", "a-2".
            seen = counts.get(slug, 0)
            counts[slug] = seen + 1
            keys = [heading.anchor, slug if seen == 0 else f"{slug}-{seen}", loose_key(shown), "t:" + loose_key(title.text)]
            for key in keys:
                if key and key != "t:":
                    self.by_key.setdefault(key.casefold(), index)

    def find(self, anchor: str, text: str) -> int | None:
        target = unquote(anchor).strip().casefold()
        for key in (target, github_slug(target), loose_key(target), "t:" + loose_key(clean_title(text).text)):
            if key and key != "t:" and key in self.by_key:
                return self.by_key[key]
        return None


def _runs(lines: list[str], opaque: list[bool]) -> list[list[tuple[int, re.Match[str]]]]:
    """Consecutive entry lines (single blank lines allowed inside a run)."""
    runs: list[list[tuple[int, re.Match[str]]]] = []
    current: list[tuple[int, re.Match[str]]] = []
    blanks = 0
    for index, line in enumerate(lines):
        match = None if opaque[index] else _entry(line)
        if match is not None:
            current.append((index, match))
            blanks = 0
        elif not line.strip() and current and blanks < 1:
            blanks += 1
        else:
            if current:
                runs.append(current)
            current, blanks = [], 0
    if current:
        runs.append(current)
    return runs


def _after_toc_heading(run_start: int, ends: list[int], toc_headings: set[int], lines: list[str]) -> bool:
    """Whether the run sits right under a 目录/Contents heading (blank lines between allowed)."""
    index = bisect.bisect_left(ends, run_start) - 1
    if index < 0 or index not in toc_headings:
        return False
    return all(not lines[i].strip() for i in range(ends[index] + 1, run_start))


def _is_nav(text: str, anchor: str, toc_anchors: set[str]) -> bool:
    folded = strip_markup(text).casefold().strip(" ⬆↑^")
    return folded in _NAV_WORDS or any(folded.startswith(w) for w in _NAV_WORDS[:4]) or anchor.casefold() in toc_anchors


def find_toc(lines: list[str], opaque: list[bool], headings: list[Heading], titles: list[Title]) -> Toc:
    """Tables of contents in a file, and which headings their entries name (``titles``: the headings cleaned)."""
    toc = Toc()
    resolver = _Resolver(headings, titles)
    toc_anchors = {"top", "目录", "table-of-contents", "contents", "toc"}
    toc_headings = {i for i, t in enumerate(titles) if t.plain.casefold() in _TOC_TITLES}
    ends = [h.end for h in headings]
    for index in toc_headings:
        toc_anchors.update({headings[index].anchor.casefold(), github_slug(titles[index].plain)})
    toc_anchors.discard("")
    for run in _runs(lines, opaque):
        entries = [(i, m) for i, m in run if not _is_nav(m.group("text"), m.group("anchor"), toc_anchors)]
        resolved = [resolver.find(m.group("anchor"), m.group("text")) for _, m in entries]
        hits = sum(r is not None for r in resolved)
        under_heading = _after_toc_heading(run[0][0], ends, toc_headings, lines)
        if len(entries) >= _MIN_ENTRIES and (hits * 2 >= len(entries) or under_heading) or (under_heading and entries):
            toc.lines.update(i for i, _ in run)
            indents = [len(m.group("indent").expandtabs(4)) for _, m in entries]
            for k, ((index, match), target) in enumerate(zip(entries, resolved)):
                leaf = k + 1 == len(entries) or indents[k + 1] <= indents[k]
                toc.entries.append(TocEntry(index, indents[k], match.group("text"), match.group("anchor"), leaf))
                if target is not None:
                    toc.listed[target] = toc.listed.get(target, False) or leaf
        else:
            # Lone "back to top" links between questions are navigation.
            for index, match in run:
                if _is_nav(match.group("text"), match.group("anchor"), toc_anchors):
                    toc.lines.add(index)
    return toc


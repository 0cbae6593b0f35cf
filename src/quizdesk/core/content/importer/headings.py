"""Find the headings of a Markdown file: ``#`` headings and HTML ``<h1>``–``<h6>``.

Lines inside fenced code, HTML comments, ``<pre>`` blocks and YAML front
matter are *opaque*: a ``# comment`` in a Python block is never a heading, and
later steps (table of contents, images) skip those lines too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from quizdesk.core.markdown_blocks import ATX_RE, Fence, open_fence, strip_closing_hashes

_HTML_OPEN_RE = re.compile(r"^\s*<h([1-6])(\s[^>]*)?>", re.IGNORECASE)
_ID_ATTR_RE = re.compile(r"""\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_INLINE_ANCHOR_RE = re.compile(r"""<a\s[^>]*?\b(?:id|name)\s*=\s*["']?([^"'\s>]+)["']?[^>]*>\s*</a>""", re.IGNORECASE)
_ATTR_LIST_RE = re.compile(r"\{#([^}\s]+)[^}]*\}$")
#: Longer lines are never headings (they are prose or garbage), which also
#: bounds the work spent cleaning a title.
MAX_HEADING_CHARS = 2000
_FRONT_MATTER_OPEN = ("---", "+++")
_FRONT_MATTER_KEY_RE = re.compile(r"^[A-Za-z_][\w.-]*\s*[:=]")
_MAX_HTML_HEADING_LINES = 8
_PRE_OPEN_RE = re.compile(r"<pre[\s>]", re.IGNORECASE)
_PRE_CLOSE_RE = re.compile(r"</pre\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class Heading:
    """A heading; ``start``/``end`` are 0-based line indexes (HTML ones may span lines)."""

    start: int
    end: int
    level: int
    text: str  # the raw inner text, tags and emphasis still in it
    anchor: str = ""  # an explicit id (``<h2 id=…>``, ``<a name=…>``, ``{#id}``)
    kind: str = "atx"  # "atx" | "html"


@dataclass
class Scan:
    lines: list[str]
    headings: list[Heading] = field(default_factory=list)
    opaque: list[bool] = field(default_factory=list)  # per line: code, comment, front matter
    front_matter_end: int = 0  # first line index after the front matter
    unclosed_fence: int | None = None  # 0-based line of a fence never closed


def _front_matter_end(lines: list[str]) -> int:
    """Index after a leading YAML/TOML front matter block, or 0 when there is none.

    The block must be closed and start with a ``key:`` (``key =`` for TOML);
    otherwise the first ``---`` is a thematic break and the text is content.
    """
    if not lines or lines[0].strip() not in _FRONT_MATTER_OPEN:
        return 0
    toml = lines[0].strip() == "+++"
    closers = ("+++",) if toml else ("---", "...")
    for index in range(1, min(len(lines), 200)):
        if lines[index].strip() in closers:
            inner = [line for line in lines[1:index] if line.strip()]
            if not inner or _FRONT_MATTER_KEY_RE.match(inner[0]):
                return index + 1
            return 0
    return 0


def _html_heading(lines: list[str], index: int) -> tuple[Heading, int] | None:
    match = _HTML_OPEN_RE.match(lines[index])
    if match is None:
        return None
    if len(lines[index]) > MAX_HEADING_CHARS:
        return None
    level = int(match.group(1))
    close_re = re.compile(rf"</h{level}\s*>", re.IGNORECASE)
    joined = lines[index][match.end():]
    for end in range(index, min(len(lines), index + _MAX_HTML_HEADING_LINES)):
        if end > index:
            joined += " " + lines[end]
        closing = close_re.search(joined)
        if closing is None:
            if len(joined) > MAX_HEADING_CHARS:
                return None
            continue
        if joined[closing.end():].strip():
            return None  # text after the heading on its line: leave it to the renderer
        attrs = match.group(2) or ""
        anchor = ""
        id_match = _ID_ATTR_RE.search(attrs)
        if id_match:
            anchor = next(g for g in id_match.groups() if g is not None)
        heading = Heading(index, end, level, joined[: closing.start()].strip(), anchor, "html")
        return heading, end
    return None


def _atx_heading(line: str, index: int) -> Heading | None:
    if len(line) > MAX_HEADING_CHARS:
        return None
    # The shared rule's regex itself, not atx_heading(): one call less per heading of a 4 MB import.
    match = ATX_RE.match(line)
    if match is None:
        return None
    text = strip_closing_hashes(match.group(2) or "").strip()
    anchor = ""
    brace = text.rfind("{#")
    if text.endswith("}") and brace >= 0:
        attr = _ATTR_LIST_RE.match(text, brace)
        if attr:
            anchor = attr.group(1)
            text = text[:brace].rstrip()
    inline = _INLINE_ANCHOR_RE.search(text) if "<a" in text else None
    if inline:
        anchor = anchor or inline.group(1)
    if not text:
        return None  # an empty "#" line: treat it as text, it names nothing
    return Heading(index, index, len(match.group(1)), text, anchor, "atx")


def scan(text: str) -> Scan:
    """Split ``text`` into lines and find its headings and opaque lines."""
    lines = text.split("\n")
    result = Scan(lines=lines, opaque=[False] * len(lines))
    opaque = result.opaque
    start = _front_matter_end(lines)
    result.front_matter_end = start
    for index in range(start):
        opaque[index] = True
    fence: Fence | None = None
    fence_line = 0
    in_comment = in_pre = False
    index = start
    while index < len(lines):
        line = lines[index]
        stripped = line.lstrip()
        # Cheap first-character tests keep this loop fast on megabytes of prose.
        first = stripped[:1]
        if fence is not None:
            opaque[index] = True
            if first == fence.char and fence.closes(line):
                fence = None
            index += 1
            continue
        if in_comment or in_pre:
            opaque[index] = True
            if in_comment and "-->" in line:
                in_comment = False
            if in_pre and _PRE_CLOSE_RE.search(line):
                in_pre = False
            index += 1
            continue
        if first in ("`", "~"):
            # At any indentation: the importer does not track list items, and a
            # fence in an item is indented like the item's text.
            opening = open_fence(line)
            if opening is not None:
                fence, fence_line = opening, index
                opaque[index] = True
                index += 1
                continue
        elif first == "<":
            if stripped.startswith("<!--") and "-->" not in stripped[4:]:
                in_comment = True
                opaque[index] = True
                index += 1
                continue
            if _PRE_OPEN_RE.match(stripped) and not _PRE_CLOSE_RE.search(stripped):
                in_pre = True
                opaque[index] = True
                index += 1
                continue
            html = _html_heading(lines, index)
            if html is not None:
                result.headings.append(html[0])
                index = html[1] + 1
                continue
        elif first == "#":
            heading = _atx_heading(line, index)
            if heading is not None:
                result.headings.append(heading)
        index += 1
    if fence is not None:
        result.unclosed_fence = fence_line
    return result


def github_slug(text: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces → ``-``."""
    kept = []
    for ch in text.strip().lower():
        category = unicodedata.category(ch)
        if ch in "-_" or category[0] in "LMN":
            kept.append(ch)
        elif ch == " ":
            kept.append("-")
    return "".join(kept)


def loose_key(text: str) -> str:
    """Letters and digits only, NFKC-folded: matches anchors made by other tools too."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN")

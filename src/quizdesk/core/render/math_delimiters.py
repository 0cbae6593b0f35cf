"""Find the formulas in Markdown and swap them for placeholders before Markdown runs.

Markdown would otherwise eat ``_``, ``*`` and ``\\`` inside formulas and split
table cells on ``|``. Rules (pandoc's, which authors already know):

* ``$$…$$`` and ``\\[…\\]`` are display math and may span lines;
* ``\\(…\\)`` is inline; ``$…$`` is inline when the opening ``$`` is not followed
  by a space, the closing one is not preceded by a space nor followed by a digit
  ("costs $5 and $10" stays prose), and no blank line lies between them;
* ``\\$`` is a literal dollar;
* what GitHub and docsify readers see drawn draws too: ``$ x^2 $`` with
  spaces inside the dollars when what is between them looks like TeX (a
  ``\\``, ``^``, ``_``, ``{``, ``=`` … or a short symbol: never prices
  like "$5 and $10"); inside a formula, ``\\(``/``\\)`` are Markdown's escapes
  for parentheses (``$\\( x \\)$`` draws "(x)"), ``eqnarray`` becomes an ``rcl`` array,
  ``\\newline`` a line break, and ``\\nonumber``/``\\notag``/``\\label{…}``
  (equation numbering the app does not show) are dropped — see
  :func:`reader_spelling`. The span keeps the source as written;
* nothing inside code spans, fenced or indented code blocks, HTML comments or
  raw ``<code>``/``<pre>`` elements is math.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from quizdesk.core.markdown_blocks import TOP_LEVEL_INDENT, Fence, open_fence

# Character entity Markdown passes through untouched and QTextBrowser shows as "$".
LITERAL_DOLLAR = "&#36;"


@dataclass(frozen=True)
class MathSpan:
    """One formula: its LaTeX (without delimiters), mode, and original text."""

    tex: str
    display: bool
    source: str


@dataclass(frozen=True)
class Protected:
    """Markdown with formulas replaced by ``token(i)`` placeholders."""

    text: str
    spans: tuple[MathSpan, ...]
    nonce: str

    def token(self, index: int) -> str:
        return placeholder(self.nonce, index)

    @property
    def token_pattern(self) -> re.Pattern[str]:
        """Matches any placeholder of this text; group 1 is the formula index."""
        return re.compile(rf"qzm{self.nonce}x(\d+)x")


# "\\(" inside a formula ("$\\sigma(x)\\(1-\\sigma(x)\\)$"): Markdown's escape for "(", which is what
# the reader saw once Markdown had run; not after another backslash ("\\\\(" is a line break, then "(").
_INNER_DELIMITER = re.compile(r"(?<!\\)((?:\\\\)*)\\[()]")
_EQNARRAY = re.compile(r"\\(begin|end)\{eqnarray\*?\}")
_NEWLINE = re.compile(r"\\newline(?![A-Za-z])")
_NUMBERING = re.compile(r"\\(?:nonumber|notag)(?![A-Za-z])|\\label\{[^{}]*\}")
# Between spaced dollars: TeX if it holds TeX syntax, or is one short symbol ("$ x $", "$ W_1 $").
_TEX_SIGNAL = re.compile(r"[\\^_{}=]")
_SHORT_SYMBOL = re.compile(r"[A-Za-z][A-Za-z0-9']{0,2}|[0-9]+[A-Za-z]{1,2}")


def reader_spelling(tex: str) -> str:
    """``tex`` as MathJax/KaTeX on GitHub and docsify read it, in the LaTeX the drawing code knows.

    ``\\(``/``\\)`` inside a formula are Markdown's escapes for parentheses and
    become ``(``/``)`` (what GitHub and docsify showed), ``eqnarray`` (``a &=& b``, three
    columns right/centre/left) becomes ``\\begin{array}{rcl}``, ``\\newline`` becomes
    ``\\\\``, equation numbering commands go (the app numbers no equation).
    """
    if "\\" not in tex:
        return tex
    tex = _INNER_DELIMITER.sub(lambda m: m.group(1) + m.group(0)[-1], tex)
    tex = _EQNARRAY.sub(lambda m: r"\begin{array}{rcl}" if m.group(1) == "begin" else r"\end{array}", tex)
    tex = _NEWLINE.sub(r"\\\\", tex)
    return _NUMBERING.sub("", tex)


def placeholder(nonce: str, index: int) -> str:
    # Letters and digits only: no Markdown syntax, no HTML escaping, survives nh3.
    return f"qzm{nonce}x{index}x"


_ITEM_MARKER = re.compile(r"\s*(?:[-*+]|\d+[.)])\s+")
# A line that may open a fence, with or without a list marker before it: one regex call per line.
_MAY_OPEN = re.compile(r"\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:```|~~~)")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])\s")
_RAW_SKIP = re.compile(r"<!--.*?-->|<(code|pre|kbd|samp)\b[^>]*>.*?</\1\s*>", re.S | re.I)


def _opening_fence(line: str) -> Fence | None:
    """The fence ``line`` opens at the top level or right after a list marker (``- ```py``), or None."""
    if line.lstrip(" \t")[:1] in ("`", "~"):
        fence = open_fence(line)
        return fence if fence is not None and fence.indent < TOP_LEVEL_INDENT else None
    marker = _ITEM_MARKER.match(line)
    if marker is None or line[marker.end() : marker.end() + 1] not in ("`", "~"):
        return None
    fence = open_fence(line[marker.end() :])
    # The item's text starts after the marker: the closing fence is measured from there.
    return fence._replace(indent=len(line[: marker.end()].expandtabs(4))) if fence is not None else None


def _code_block_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced or indented code block."""
    is_code = [False] * len(lines)
    fence: Fence | None = None
    previous_blank = True
    in_list = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if fence is not None:
            is_code[i] = True
            if fence.closes(line):
                fence = None
            continue
        opening = _opening_fence(line) if _MAY_OPEN.match(line) else None
        if opening is not None:
            fence = opening
            is_code[i] = True
            continue
        if not stripped:
            previous_blank = True
            continue
        indented = line.startswith(("    ", "\t"))
        if _LIST_ITEM.match(line):
            in_list = True
        elif not indented:
            in_list = False
        # Python-Markdown: an indented block after a blank line is code, unless it
        # continues a list item (list content is indented by four spaces too).
        if indented and not in_list and (previous_blank or (i > 0 and is_code[i - 1])):
            is_code[i] = True
        previous_blank = False
    return is_code


def _new_nonce(text: str) -> str:
    while True:
        nonce = secrets.token_hex(4)
        if f"qzm{nonce}x" not in text:
            return nonce


def _may_hold_code_block(text: str) -> bool:
    """False when no line of ``text`` can be code: no fence run anywhere and no line indented
    by four spaces or a tab (what :func:`_code_block_lines` looks for)."""
    return (
        "```" in text or "~~~" in text or "\n    " in text or "\n\t" in text or text.startswith(("    ", "\t"))
    )


def protect_math(text: str) -> Protected:
    """Replace every formula in ``text`` by a placeholder (see module doc for the rules)."""
    nonce = _new_nonce(text)
    spans: list[MathSpan] = []
    if not _may_hold_code_block(text):  # most answers: one prose chunk, no walk over the lines
        return Protected(_protect_prose(text, spans, nonce), tuple(spans), nonce)
    lines = text.split("\n")
    code = _code_block_lines(lines)
    out: list[str] = []
    chunk: list[str] = []

    def flush() -> None:
        if chunk:
            out.append(_protect_prose("\n".join(chunk), spans, nonce))
            chunk.clear()

    for line, is_code in zip(lines, code):
        if is_code:
            flush()
            out.append(line)
        else:
            chunk.append(line)
    flush()
    return Protected("\n".join(out), tuple(spans), nonce)


def _protect_prose(text: str, spans: list[MathSpan], nonce: str) -> str:
    """Protect math in text that holds no code blocks (code spans still possible)."""
    parts: list[str] = []
    position = 0
    for match in _RAW_SKIP.finditer(text):
        parts.append(_scan(text[position : match.start()], spans, nonce))
        parts.append(match.group(0))
        position = match.end()
    parts.append(_scan(text[position:], spans, nonce))
    return "".join(parts)


# Where a closing-``$`` search must stop and look: an escape, a line end, a dollar.
_DOLLAR_STOP = re.compile(r"[\\\n$]")


def _blank_line_after(text: str, newline: int) -> bool:
    """Whether the line after the ``\\n`` at ``newline`` is blank (the end of a paragraph)."""
    end = text.find("\n", newline + 1)
    return not text[newline + 1 : end if end >= 0 else len(text)].strip()


def _closing_single_dollar(text: str, start: int) -> int:
    """Index of the ``$`` closing an inline formula whose body starts at ``start``, or -1.

    Like pandoc, the first unescaped ``$`` decides: if it is preceded by a space
    or followed by a digit, there is no formula at this opener.
    """
    i = start
    while (stop := _DOLLAR_STOP.search(text, i)) is not None:
        i = stop.start()
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "\n":
            if _blank_line_after(text, i):
                return -1  # a blank line ends the paragraph, and the formula with it
            i += 1
            continue
        if text[i - 1].isspace() or text[i + 1 : i + 2].isdigit():
            return -1
        return i
    return -1


def _closing_spaced_dollar(text: str, start: int) -> int:
    """Index of the ``$`` closing ``$ x^2 $`` (spaces inside, as GitHub and docsify draw it), or -1.

    Only when what lies between looks like TeX, so "$5 and $10" stays prose;
    the closing ``$`` must not be followed by a digit nor be part of ``$$``.
    """
    i = start
    while (stop := _DOLLAR_STOP.search(text, i)) is not None:
        i = stop.start()
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "\n":
            if _blank_line_after(text, i):
                return -1
            i += 1
            continue
        if text[i + 1 : i + 2].isdigit() or text[i + 1 : i + 2] == "$":
            return -1
        inner = text[start:i].strip()
        if inner and (_TEX_SIGNAL.search(inner) or _SHORT_SYMBOL.fullmatch(inner)):
            return i
        return -1
    return -1


def _find_closing(text: str, start: int, closer: str) -> int:
    """Index of an unescaped ``closer`` at or after ``start``, or -1."""
    i = start
    while True:
        j = text.find(closer, i)
        if j < 0:
            return -1
        k = j
        while k > start and text[k - 1] == "\\":
            k -= 1
        if (j - k) % 2 == 0:  # an odd run of backslashes escapes the closer
            return j
        i = j + 1


# The characters that can start a formula or a code span, or escape one; the scan jumps between them.
_SPECIAL = re.compile(r"[`\\$]")
_NOT_BACKTICK = re.compile(r"[^`]")


def _scan(text: str, spans: list[MathSpan], nonce: str) -> str:
    out: list[str] = []
    i = 0
    n = len(text)

    def add(tex: str, display: bool, source: str) -> None:
        spans.append(MathSpan(reader_spelling(tex), display, source))
        out.append(placeholder(nonce, len(spans) - 1))

    while i < n:
        special = _SPECIAL.search(text, i)
        if special is None:
            out.append(text[i:])
            break
        if special.start() > i:
            out.append(text[i : special.start()])  # plain text, copied as it is
            i = special.start()
        c = text[i]
        if c == "`":
            after = _NOT_BACKTICK.search(text, i)
            run = (after.start() if after is not None else n) - i
            end = text.find("`" * run, i + run)
            while end >= 0 and text[end + run : end + run + 1] == "`":
                end = text.find("`" * run, end + run + 1)
            if end < 0:
                out.append(text[i : i + run])
                i += run
            else:
                out.append(text[i : end + run])
                i = end + run
            continue
        if c == "\\" and i + 1 < n:
            nxt = text[i + 1]
            if nxt == "$":
                out.append(LITERAL_DOLLAR)
                i += 2
                continue
            if nxt in "[(":
                closer = "\\]" if nxt == "[" else "\\)"
                end = _find_closing(text, i + 2, closer)
                if end >= 0 and (nxt == "[" or text.find("\n\n", i, end) < 0):
                    add(text[i + 2 : end], nxt == "[", text[i : end + 2])
                    i = end + 2
                    continue
            out.append(text[i : i + 2])  # "\\", "\*", …: Markdown's escapes
            i += 2
            continue
        if c == "$":
            if text.startswith("$$", i):
                end = _find_closing(text, i + 2, "$$")
                if end >= 0 and text[i + 2 : end].strip():
                    add(text[i + 2 : end], True, text[i : end + 2])
                    i = end + 2
                    continue
                out.append("$$")
                i += 2
                continue
            end = _closing_single_dollar(text, i + 1) if i + 1 < n and not text[i + 1].isspace() else -1
            if end < 0:
                end = _closing_spaced_dollar(text, i + 1)
            if end > i + 1:
                add(text[i + 1 : end], False, text[i : end + 1])
                i = end + 1
                continue
        out.append(c)
        i += 1
    return "".join(out)

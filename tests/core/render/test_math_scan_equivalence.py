"""The formula scan (math_delimiters._scan) jumps between the characters that matter; it finds what
the character-by-character scan it replaced found, on every input.

The old scan is kept below verbatim as the reference: its output text and formulas are compared
with the new one's on generated texts (delimiters, escapes, code spans, blank lines, prices), on
hand-picked corners, and on every body and answer of the bundled bank.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizdesk.core.content.bank_parser import parse_bank
from quizdesk.core.render.math_delimiters import (
    LITERAL_DOLLAR,
    _SHORT_SYMBOL,
    _TEX_SIGNAL,
    MathSpan,
    Protected,
    _find_closing,
    _scan,
    placeholder,
    protect_math,
    reader_spelling,
)

REPO = Path(__file__).resolve().parents[3]
NONCE = "0badf00d"


# ---- the reference: the character-by-character scan as it was before (commit 30fc38a) ----

def _old_closing_single_dollar(text: str, start: int) -> int:
    """Index of the ``$`` closing an inline formula whose body starts at ``start``, or -1.

    Like pandoc, the first unescaped ``$`` decides: if it is preceded by a space
    or followed by a digit, there is no formula at this opener.
    """
    i = start
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "\n" and not text[i + 1 :].split("\n", 1)[0].strip():
            return -1  # a blank line ends the paragraph, and the formula with it
        if c == "$":
            if text[i - 1].isspace() or text[i + 1 : i + 2].isdigit():
                return -1
            return i
        i += 1
    return -1


def _old_closing_spaced_dollar(text: str, start: int) -> int:
    """Index of the ``$`` closing ``$ x^2 $`` (spaces inside, as GitHub and docsify draw it), or -1.

    Only when what lies between looks like TeX, so "$5 and $10" stays prose;
    the closing ``$`` must not be followed by a digit nor be part of ``$$``.
    """
    i, n = start, len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "\n" and not text[i + 1 :].split("\n", 1)[0].strip():
            return -1
        if c == "$":
            if text[i + 1 : i + 2].isdigit() or text[i + 1 : i + 2] == "$":
                return -1
            inner = text[start:i].strip()
            if inner and (_TEX_SIGNAL.search(inner) or _SHORT_SYMBOL.fullmatch(inner)):
                return i
            return -1
        i += 1
    return -1


# _find_closing was already a str.find walk and is shared, unchanged.


def _old_scan(text: str, spans: list[MathSpan], nonce: str) -> str:
    out: list[str] = []
    i = 0
    n = len(text)

    def add(tex: str, display: bool, source: str) -> None:
        spans.append(MathSpan(reader_spelling(tex), display, source))
        out.append(placeholder(nonce, len(spans) - 1))

    while i < n:
        c = text[i]
        if c == "`":
            run = len(text[i:]) - len(text[i:].lstrip("`"))
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
                if end >= 0 and (nxt == "[" or "\n\n" not in text[i:end]):
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
            end = _old_closing_single_dollar(text, i + 1) if i + 1 < n and not text[i + 1].isspace() else -1
            if end < 0:
                end = _old_closing_spaced_dollar(text, i + 1)
            if end > i + 1:
                add(text[i + 1 : end], False, text[i : end + 1])
                i = end + 1
                continue
        out.append(c)
        i += 1
    return "".join(out)


# ---- the comparison ----


def _both(text: str) -> tuple[tuple[str, list[MathSpan]], tuple[str, list[MathSpan]]]:
    new_spans: list[MathSpan] = []
    old_spans: list[MathSpan] = []
    return (_scan(text, new_spans, NONCE), new_spans), (_old_scan(text, old_spans, NONCE), old_spans)


def _assert_same(text: str) -> None:
    new, old = _both(text)
    assert new == old, repr(text)


CORNERS = [
    "", "$", "$$", "\\", "`", "```", "a\\", "$a$", "$ a $", "$5 and $10", "costs $5, and $x$ is",
    "$x$5", "$a\n\nb$", "$a\nb$", "$a\n \t\nb$", "$a\n\u3000\nb$", "$a\n\x0b\nb$",
    "\\$5 and $a$", "$a\\$b$", "\\(a\\)", "\\(a\n\nb\\)", "\\[a\n\nb\\]", "\\[ a \\\\ b \\]",
    "\\\\(a\\)", "`$a$` $b$", "``a`b`` $c$", "```$a$``` $b$", "`` ` `` $x$", "`unclosed $a$", "``` ``",
    "$$ $$", "$$a$$", "$$a\n\nb$$", "$$\\$$ $$", "$ x^2 $", "$ W_1 $", "$ 5 $", "$ x $5", "$ x $$",
    "a $\\( x \\)$ b", "$\\sigma(x)\\(1-\\sigma(x)\\)$", "\\begin{eqnarray} $a$", "end\\", "$\\", "$a\\",
    "价格 \\$5 不是公式，`$x$ 在代码里` 也不是，$\\frac{a}{b}$ 是。",
    "x" * 5000 + "$a$" + "y" * 5000,
    "$" * 50, "`" * 7 + "a" + "`" * 7, "\\" * 31 + "$a$",
]


@pytest.mark.parametrize("text", CORNERS)
def test_corner_cases_match_the_old_scan(text: str) -> None:
    _assert_same(text)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab $$\\\\``()[]{}_^=\n\n \tx15\u3000")), max_size=120))
def test_generated_texts_match_the_old_scan(text: str) -> None:
    _assert_same(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([
    "$x^2$", "$ x $", "$5", " and ", "\\$", "\\(a_b\\)", "\\[c\\]", "$$\\sum$$", "`code $x$`", "``", "\n", "\n\n",
    "text", "公式", "\\\\", "$", "\\", "`", " ", "1",
]), max_size=40).map("".join))
def test_generated_prose_with_formulas_matches_the_old_scan(text: str) -> None:
    _assert_same(text)


def test_every_bank_text_matches_the_old_scan() -> None:
    texts = 0
    for q in parse_bank(REPO / "content").questions:
        for text in (q.body_md, q.answer_md, *q.key_points, *(c.text for c in q.choices)):
            if text:
                _assert_same(text)
                texts += 1
    assert texts > 1000


def test_protect_math_still_finds_the_formulas() -> None:
    """The public entry point over the new scan, on a text with every kind of formula."""
    protected = protect_math("a $x^2$ b $$\\sum_i$$ c \\(y\\) d \\[z\\] e \\$5 `$no$`")
    assert [(s.tex, s.display) for s in protected.spans] == [("x^2", False), ("\\sum_i", True), ("y", False), ("z", True)]
    assert LITERAL_DOLLAR in protected.text and "`$no$`" in protected.text
    assert protected.text.startswith("a " + placeholder(protected.nonce, 0))


def _protect_by_lines(text: str) -> tuple[str, list[tuple[str, bool, str]]]:
    """protect_math without its shortcut for texts with no possible code line: every line walked."""
    from unittest import mock

    import quizdesk.core.render.math_delimiters as md

    with mock.patch.object(md, "_may_hold_code_block", lambda text: True):
        return _normalised(protect_math(text))


def _normalised(protected: Protected) -> tuple[str, list[tuple[str, bool, str]]]:
    """The text with its random nonce replaced, and the formulas."""
    return protected.text.replace(protected.nonce, "N"), [(s.tex, s.display, s.source) for s in protected.spans]


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab $\\`~-*1.\n\n    \t<>/pre")), max_size=120))
def test_the_shortcut_for_texts_without_code_lines_changes_nothing(text: str) -> None:
    assert _normalised(protect_math(text)) == _protect_by_lines(text)


@pytest.mark.parametrize("text", [
    "a $x$\n\n    $y$ indented code", "\t$y$", "    $y$", "- item\n\n    $x$ continues the item", "```\n$x$\n```",
    "~~~\n$x$", "- ```\n  $x$\n  ```", "no code $x$ at all\n\nand more $y$", "<pre>$x$</pre> $y$", "",
])
def test_the_shortcut_on_each_kind_of_code_line(text: str) -> None:
    assert _normalised(protect_math(text)) == _protect_by_lines(text)

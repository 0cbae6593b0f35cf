"""The readable text the search index holds for bodies and answers (core/search_text.py)."""

from __future__ import annotations

import pytest

from quizdesk.core.search_text import indexed_text, readable_text

CASES = [
    # Highlighted code (QuizDesk's export, Anki add-ons): the tokens, not the spans.
    ('<pre><span style="color:#008000;font-weight:bold">import</span><span style="color:#BBB"> </span>torch</pre>',
     "\nimport torch\n"),
    # Block tags keep words apart; inline tags leave no gap.
    ("<div>first</div><div>second</div>", "\nfirst\n\nsecond\n"),
    ("line one<br>line two<br/>three<BR />", "line one\nline two\nthree\n"),
    ("x<sup>2</sup> + <b>y</b><i>z</i>", "x2 + yz"),
    ("<td>a</td><td>b</td>", "\na\n\nb\n"),
    # Tag names in any case (old Anki wrote <BR>), next to text that only looks like one.
    ("<BR>a<Div>b</DIV>", "\na\nb\n"),
    ("<SPAN STYLE='color: red'>c</SPAN> List<Int> <Sup>2</sUP>", "c List<Int> 2"),
    # Character references decoded: what the reader sees.
    ("a &lt; b &amp;&amp; c &gt; d, costs &#36;5&nbsp;now", "a < b && c > d, costs $5 now"),
    ("<p>&lt;span&gt; is a tag</p>", "\n<span> is a tag\n"),
    # Quoted attribute values may hold '>' and spaces.
    ('<span title="a > b" style="color: red">t</span>', "t"),
    ("<img src='x.png' alt=\"curve\">text", "text"),
    ("before<!-- a comment\nover lines -->after", "beforeafter"),
    # Not tags: unknown names, a lone '<', comparisons, special tokens.
    ("List<int> and Map<K, V>", "List<int> and Map<K, V>"),
    ("<eos> and <|endoftext|> and <pad>", "<eos> and <|endoftext|> and <pad>"),
    ("if a < b and c > d", "if a < b and c > d"),
    ("a<b", "a<b"),
    ("<spanner>x</spanner>", "<spanner>x</spanner>"),
    # Markdown code is kept as written: there markup is what the reader sees.
    ("use `<b>bold</b>` or <b>bold</b>", "use `<b>bold</b>` or bold"),
    ("`` a `<br>` b `` then <br>", "`` a `<br>` b `` then \n"),
    ("text <b>x</b>\n\n```html\n<b>bold</b> &amp;\n```\n\nafter <i>y</i>", "text x\n\n```html\n<b>bold</b> &amp;\n```\n\nafter y"),
    ("```\n<br>\n```", "```\n<br>\n```"),
    ("~~~\nnever closed <b>x</b>", "~~~\nnever closed <b>x</b>"),
    ("<b>a</b>\n```\ncode <b>\n```\n<b>b</b>\n~~~\n<i>\n~~~", "a\n```\ncode <b>\n```\nb\n~~~\n<i>\n~~~"),
    # Markdown and LaTeX stay (searchable as written before).
    ("**粗体** 和 $\\frac{a}{b}$", "**粗体** 和 $\\frac{a}{b}$"),
    ("", ""),
]


@pytest.mark.parametrize(("source", "expected"), CASES)
def test_readable_text(source: str, expected: str) -> None:
    assert readable_text(source) == expected


def test_no_second_copy_when_nothing_changes() -> None:
    assert indexed_text("限制梯度的范数，`x < y` 时 $a<b$") is None
    assert indexed_text("R&D 和 Q&A") is None  # a bare '&' is not a reference
    assert indexed_text("<b>范数</b>") == "范数"


def test_text_outside_fences_round_trips_line_for_line() -> None:
    """Fence detection never loses or duplicates a line: every line of a Markdown text without markup survives."""
    text = "a\n\n```py\nx = 1\n```\nb{}\n    indented\n~~~\n~~~\n```\nopen to the end {}"
    assert readable_text(text.format(" &amp;", "&amp;")) == text.format(" &", "&amp;")

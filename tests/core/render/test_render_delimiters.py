"""Finding formulas in Markdown: every delimiter, prices, escapes, and code that is never math."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizdesk.core.render.math_delimiters import LITERAL_DOLLAR, protect_math


def spans(text: str) -> list[tuple[str, bool]]:
    return [(s.tex, s.display) for s in protect_math(text).spans]


def test_every_delimiter_kind() -> None:
    text = r"a $x^2$ b $$\sum_i x_i$$ c \(a_b\) d \[c\] e"
    assert spans(text) == [("x^2", False), (r"\sum_i x_i", True), ("a_b", False), ("c", True)]


def test_display_math_spanning_lines() -> None:
    text = "before\n$$\nPE(pos) = \\sin x\n\\qquad y\n$$\nafter\n\\[\na\n\\]"
    assert spans(text) == [("\nPE(pos) = \\sin x\n\\qquad y\n", True), ("\na\n", True)]


def test_prices_in_prose_are_not_math() -> None:
    assert spans("It costs $5 and $10 today.") == []
    assert spans("$5, or $6.") == []
    assert spans("from $20,000 to $30,000") == []
    # A formula after a price still counts.
    assert spans("costs $5, and $x$ is the unknown") == [("x", False)]


def test_pandoc_rules_for_single_dollars() -> None:
    assert spans("$x$5") == []  # closing followed by a digit
    assert spans("$a\n\nb$") == []  # a blank line ends the paragraph
    assert spans("$a\nb$") == [("a\nb", False)]  # a soft line break does not


def test_escaped_dollar_is_a_literal_dollar() -> None:
    protected = protect_math(r"price \$5 and $a$")
    assert [s.tex for s in protected.spans] == ["a"]
    assert LITERAL_DOLLAR + "5" in protected.text


def test_escaped_dollar_inside_math_does_not_close_it() -> None:
    assert spans(r"$a\$b$") == [(r"a\$b", False)]


def test_code_spans_are_never_math() -> None:
    assert spans("code `$x$` and ``a ` $y$`` and $z$") == [("z", False)]


def test_fenced_and_indented_code_are_never_math() -> None:
    text = "```python\nx = '$a$'\n```\n\n~~~\n$$b$$\n~~~\n\npara\n\n    $indented code$\n\n$c$"
    assert spans(text) == [("c", False)]


def test_list_continuation_is_not_mistaken_for_code() -> None:
    assert spans("- item $d$\n\n    continued $e$") == [("d", False), ("e", False)]


def test_html_comments_and_raw_code_elements_are_never_math() -> None:
    assert spans("<!-- id: $x$ --> <code>$y$</code> <pre>$$z$$</pre> $w$") == [("w", False)]


def test_unclosed_delimiters_stay_text() -> None:
    assert spans("x $$ unclosed") == []
    assert spans(r"\( unclosed") == []


def test_double_backslash_before_closer() -> None:
    assert spans(r"\[ a \\ b \]") == [(r" a \\ b ", True)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab $\\`()[]{}_^\n x1")), max_size=60))
def test_placeholders_round_trip_to_the_source(text: str) -> None:
    protected = protect_math(text)
    restored = protected.token_pattern.sub(lambda m: protected.spans[int(m.group(1))].source, protected.text)
    assert restored.replace(LITERAL_DOLLAR, "\\$") == text

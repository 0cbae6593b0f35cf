"""Formulas as GitHub and docsify readers see them drawn (issue 15): the renderer draws them too.

Imported repositories write ``$ x^2 $`` with spaces inside the dollars,
``$\\( x \\)$``, ``eqnarray`` and ``\\newline``; the renderer (not the stored
text) accepts them, for the bundled bank as well.
"""

from __future__ import annotations

import pytest

from quizdesk.core.render import MathCache, render_markdown
from quizdesk.core.render.math_delimiters import protect_math, reader_spelling


def spans(text: str) -> list[tuple[str, bool]]:
    return [(s.tex, s.display) for s in protect_math(text).spans]


def test_spaces_inside_single_dollars_are_math_when_the_inside_is_tex() -> None:
    assert spans("面积 $ x^2 $ 与 $ \\alpha $，以及 $ W $") == [(" x^2 ", False), (" \\alpha ", False), (" W ", False)]
    assert spans("$ x$ and $x $") == [(" x", False), ("x ", False)]


@pytest.mark.parametrize(
    "prose",
    ["It costs $ 5 and $ 10 today.", "from $20,000 to $30,000", "$5, or $6.", "pay $ 12 $", "$ 5 $", "$ a\n\nb $", "$ x $5"],
)
def test_prices_and_blank_lines_stay_prose_with_spaces_too(prose: str) -> None:
    assert spans(prose) == []


def test_the_source_is_kept_as_written() -> None:
    (span,) = protect_math("见 $\\( x \\)$ 处").spans
    assert span.source == "$\\( x \\)$" and span.tex == "( x )"


@pytest.mark.parametrize(
    ("tex", "read"),
    [
        # Markdown's escapes for parentheses: readers saw "(x)" and "σ(x)(1−σ(x))".
        ("\\( x \\)", "( x )"),
        ("\\sigma(x)\\(1-\\sigma(x)\\)", "\\sigma(x)(1-\\sigma(x))"),
        ("a \\\\(b)", "a \\\\(b)"),  # a line break, then "(": not a delimiter
        ("\\begin{eqnarray} a &=& b \\\\ c &=& d \\end{eqnarray}", "\\begin{array}{rcl} a &=& b \\\\ c &=& d \\end{array}"),
        ("\\begin{eqnarray*} a &=& b \\end{eqnarray*}", "\\begin{array}{rcl} a &=& b \\end{array}"),
        ("a \\newline b", "a \\\\ b"),
        ("a = b \\nonumber \\label{eq:1}", "a = b  "),
        ("\\newlines", "\\newlines"),  # another command, left alone
    ],
)
def test_reader_spelling(tex: str, read: str) -> None:
    assert reader_spelling(tex) == read


@pytest.mark.parametrize(
    "markdown",
    [
        "面积是 $ x^2 $，不是 $ 2x $。",
        "见 $\\( \\frac{1}{2} \\)$ 与 $a \\( b \\)$",
        "$$\n\\begin{eqnarray}\nL &=& \\sum_i (y_i - \\hat y_i)^2 \\nonumber \\\\\n&=& \\|y - \\hat y\\|^2\n\\end{eqnarray}\n$$",
        "$$ a = b \\newline c = d $$",
        "$$\\( \\sigma(x) = \\frac{1}{1+e^{-x}} \\)$$",
    ],
)
def test_every_reader_spelling_draws_without_a_problem(markdown: str) -> None:
    answer = render_markdown(markdown, cache=MathCache())
    assert answer.problems == ()
    assert answer.html.count('src="math/') >= 1
    assert "$" not in answer.html.replace("&#36;", "").split("alt=")[0]

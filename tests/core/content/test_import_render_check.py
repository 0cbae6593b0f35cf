"""The import's render check says what the app's renderer will refuse, without laying formulas out."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizdesk.core.content.importer.render_check import AnswerCheck, _FormulaCheck, check_answers
from quizdesk.core.render.math_svg import MathError, render_tex

# Good and bad formulas, including ones only the layout refuses (a missing argument).
FORMULAS = [
    r"\foo", r"x^{", r"\begin{foo} x \end{foo}", r"\frac{1}", r"\left( x", r"\sqrt", r"\mathbb{R}",
    r"\begin{cases} a & b \end{cases}", r"\operatorname{argmax}_x", r"\boldsymbol{x}", r"\xrightarrow{a}",
    r"x_", r"\text{中文}", r"\left\| x \right\|", r"\underbrace{x}_{a}", r"\substack{a\\b}", r"}", r"x^^2",
    r"\sum\limits_{i}", r"\limits", r"\underset{a}", r"\underset{a}{b}", r"\label{x}", r"\newcommand{\a}{b}",
    r"\begin{array}{cc} 1 & 2 \end{array}", r"\begin{pmatrix} a \\ b \end{pmatrix}", r"\verb|x|", r"\cancel{x}",
    r"\frac{1}{1+e^{-x}}", r"\begin{array}{rcl} a &=& b \end{array}",
]


@pytest.mark.parametrize("tex", FORMULAS)
def test_the_check_agrees_with_drawing_the_formula(tex: str) -> None:
    try:
        render_tex(tex, display=False, size_px=16.0, color="#000000")
        drawn = True
    except MathError:
        drawn = False
    assert not isinstance(_FormulaCheck().verdict(tex, False), MathError) == drawn


def test_only_answers_with_an_image_go_through_the_whole_renderer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quizdesk.core.render as render

    calls: list[str] = []
    real = render.render_markdown
    monkeypatch.setattr(render, "render_markdown", lambda text, **kw: calls.append(text) or real(text, **kw))
    answers = [
        ("a", "f.md:1", "纯文本，价格 $5 和 $10", tmp_path),
        ("b", "f.md:5", "$\\foo$ 与\n\n```python\nx = '$\\bar$'\n```\n\n`$\\baz$`", tmp_path),
        ("c", "f.md:9", "![图](none.png) 与 $x^{$", tmp_path),
    ]
    issues = check_answers(answers)
    assert calls == ["![图](none.png) 与 $x^{$"]
    # Formulas in code are not formulas, as in the renderer.
    assert [(i.question_id, i.kind, i.message, i.source) for i in issues] == [
        ("b", "formula", "unknown command \\foo: $\\foo$", "f.md:5"),
        ("c", "image", "image file not found: none.png", "f.md:9"),
        ("c", "formula", "unbalanced braces: '{' never closed: $x^{$", "f.md:9"),
    ]


def test_images_resolve_against_the_base_given(tmp_path: Path) -> None:
    (tmp_path / "media" / "img").mkdir(parents=True)
    (tmp_path / "media" / "img" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    text = "![a](img/a.png) ![b](img/b.png) ![c](https://example.com/c.png)"
    issues = check_answers([("q", "f.md:1", text, tmp_path / "media")])
    assert [(i.kind, i.message) for i in issues] == [("image", "image file not found: img/b.png")]


TEXTS = [
    "$\\foo$ 与\n\n```python\nx = '$\\bar$'\n```\n\n$\\baz$",
    "~~~\n$\\foo$\n~~~\n\\(\\frac{1}\\)",
    "- 列表\n\n    ```\n    $\\foo$\n    ```\n- $x^{$",
    "\\[\\frac{1}\\]\r\n```\r\n$\\foo$\r\n```\r\n$\\bar$",
    "<div><pre>\\(\\frac{1}\\)</pre> and \\(\\frac{3}\\) `$\\code$` ``x`` ~~ \\(\\sqrt\\)</div>",
    "    indented $\\foo$ code\n\ntext $\\bar$",
    "no fence: `` ` `` and ~~ and $5 and $x^2$ and \\(\\left( x\\)",
]


@pytest.mark.parametrize("text", TEXTS)
def test_formula_problems_are_those_found_after_lifting_fences(text: str) -> None:
    """The check skips lifting fences from a text without a ``` or ~~~ run: it finds exactly the
    formulas it finds after lifting them (with fences in lists, CRLF, tildes, or none), and the
    renderer reports a problem for the same formulas."""
    from quizdesk.core.render import render_markdown
    from quizdesk.core.render.code_blocks import lift_fences
    from quizdesk.core.render.math_delimiters import protect_math

    formulas = _FormulaCheck()
    normal = text.replace("\r\n", "\n").replace("\r", "\n")
    lifted = [s for s in protect_math(lift_fences(normal).text).spans if isinstance(formulas.verdict(s.tex.strip(), s.display), MathError)]
    expected = list(dict.fromkeys(f"{formulas.verdict(s.tex.strip(), s.display)}: {s.source[:120]}" for s in lifted))
    assert [message for _kind, message in AnswerCheck().problems(text, None)] == expected
    assert {p.source for p in render_markdown(text).problems if p.kind == "math"} == {s.source for s in lifted}

"""Hostile input through the render path and the importer: nothing escapes, nothing hangs.

Inputs are built from the pieces that make each parser work hard (TeX
groups, fractions, roots, ``\\left…\\right``, environments; Markdown headings,
fences, tables of contents, HTML headings, images). Each input must come back
with a result, never an exception, and within :data:`HANG_GUARD_S` seconds of
the process's CPU time: a guard against runaway backtracking or exponential
layouts, far above what any input here really costs (speed itself is measured
in benchmarks/). CPU time, not wall time, so a machine busy with other work
cannot trip it.
"""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizdesk.core.content.importer import plan_import
from quizdesk.core.render import MathCache, render_markdown

HANG_GUARD_S = 10.0

_TEX_ATOMS = st.sampled_from(
    ["x", "y_i", "2", "\\alpha", "\\sum_{i=1}^{n}", "\\infty", "\\text{中文}", "\\,", "&", "\\\\", "^", "_", "'", "\\"]
)


def _tex_node(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        children.map(lambda c: "{" + c + "}"),
        st.tuples(children, children).map(lambda p: f"\\frac{{{p[0]}}}{{{p[1]}}}"),
        children.map(lambda c: f"\\sqrt{{{c}}}"),
        children.map(lambda c: f"\\left( {c} \\right)"),
        children.map(lambda c: f"x^{{{c}}}"),
        children.map(lambda c: f"\\begin{{bmatrix}} {c} & 1 \\\\ 0 & {c} \\end{{bmatrix}}"),
        children.map(lambda c: f"\\begin{{cases}} {c} & x>0 \\\\ 0 \\end{{cases}}"),
        st.lists(children, max_size=4).map(" + ".join),
        children.map(lambda c: c[: len(c) // 2]),  # cut anywhere: unbalanced braces, half commands
    )


TEX = st.recursive(_TEX_ATOMS, _tex_node, max_leaves=60)
DELIMITED = st.tuples(st.sampled_from(["$", "$$", "\\(", "\\["]), TEX).map(
    lambda p: p[0] + p[1] + {"$": "$", "$$": "$$", "\\(": "\\)", "\\[": "\\]"}[p[0]]
)


def _timed(function, *args, **kwargs):
    start = time.process_time()
    result = function(*args, **kwargs)
    elapsed = time.process_time() - start
    assert elapsed < HANG_GUARD_S, f"{elapsed:.1f} s of CPU for one input"
    return result


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(DELIMITED, st.sampled_from(["文字 ", "\n\n", "`$x$` ", "```\n$$\n```\n", "\\$5 "])), max_size=6))
def test_generated_formulas_render_or_are_reported(parts: list[str]) -> None:
    text = "".join(parts)
    answer = _timed(render_markdown, text, cache=MathCache())
    assert isinstance(answer.html, str)
    for problem in answer.problems:
        assert problem.message  # a refusal always says why


def test_a_100_kb_formula_and_deep_nesting_are_refused_with_a_message() -> None:
    for tex in ("a+" * 50_000 + "b", "{" * 5_000 + "x" + "}" * 5_000, "\\sqrt{" * 400 + "x" + "}" * 400):
        answer = _timed(render_markdown, f"前文\n\n$${tex}$$\n\n后文", cache=MathCache())
        assert [p.kind for p in answer.problems] == ["math"] and answer.problems[0].message
        assert "前文" in answer.html and "后文" in answer.html  # the rest of the answer still shows


_MD_LINES = st.sampled_from(
    [
        "## 1. 什么是梯度？",
        "### 【一】为什么要归一化？",
        "<h2 id=\"q\">12.标题</h2>",
        "# 第三章 基础",
        "- [什么是梯度？](#1-什么是梯度)",
        "```python",
        "# not a heading",
        "```",
        "$$\\frac{a}{b}$$",
        "![img](../../etc/passwd)",
        "![remote](http://example.com/x.png)",
        "<img src=\"a.png\">",
        "---",
        "答案正文，包含 $x^2$ 与 <font color=red>强调</font><br>",
        "",
    ]
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(_MD_LINES, st.text(max_size=40)), max_size=80), st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_generated_banks_import_without_raising(tmp_path: Path, lines: list[str], encoding: str) -> None:
    path = tmp_path / "bank.md"
    path.write_bytes("\r\n".join(lines).encode(encoding, "replace"))
    plan = _timed(plan_import, [path], media_root=tmp_path / "media")
    for question in plan.questions:
        assert question.title.strip()
    for problem in plan.problems:
        assert str(problem)

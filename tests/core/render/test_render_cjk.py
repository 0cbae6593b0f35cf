"""CJK inside \\text{} draws real glyphs from a system CJK font, or is reported when none exists."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from ziafont.svgpath import Moveto

from quizdesk.core.render import MathCache, render_markdown
from quizdesk.core.render import cjk_fallback
from quizdesk.core.render.cjk_font import CjkFont, collection_offsets
from quizdesk.core.render.math_svg import render_tex

FONT = cjk_fallback.fallback_font()
needs_cjk_font = pytest.mark.skipif(
    FONT is None, reason="no CJK font on this machine (install fonts-noto-cjk); " + cjk_fallback.font_status()
)


@pytest.fixture
def no_cjk_font() -> Iterator[None]:
    """Simulate a machine without any CJK font."""
    cjk_fallback.reset_for_tests(None, searched=True)
    yield
    cjk_fallback.reset_for_tests()


def path_data(svg: bytes) -> list[str]:
    return re.findall(r'<path d="([^"]+)"', svg.decode())


@needs_cjk_font
def test_cjk_text_uses_the_fallback_font_glyphs() -> None:
    assert FONT is not None
    image = render_tex(r"\text{中}", display=False, size_px=20, color="#000000")
    assert image.missing_glyphs == ""
    (d,) = path_data(image.svg)
    contours = sum(isinstance(op, Moveto) for op in FONT.glyph("中").operators)
    assert d.count("M") == contours  # the CJK outline, not the math font's .notdef box


@needs_cjk_font
def test_cjk_glyphs_are_drawn_not_notdef(no_cjk_font: None) -> None:
    notdef = render_tex(r"\text{损失函数}", display=False, size_px=20, color="#000000")
    assert notdef.missing_glyphs == "损失函数"
    cjk_fallback.reset_for_tests()
    real = render_tex(r"\text{损失函数}", display=False, size_px=20, color="#000000")
    ascii_only = render_tex(r"\text{abcd}", display=False, size_px=20, color="#000000")
    assert real.missing_glyphs == ""
    assert set(path_data(real.svg)).isdisjoint(path_data(notdef.svg))
    def commands(svg: bytes) -> int:
        return sum(len(re.findall(r"[MLCQ] ", d)) for d in path_data(svg))

    assert commands(real.svg) > commands(ascii_only.svg)  # CJK outlines are richer than Latin ones


@needs_cjk_font
def test_cjk_formula_in_an_answer_reports_no_problem() -> None:
    answer = render_markdown(r"$$\text{损失} = -\sum_i y_i \log p_i$$", cache=MathCache())
    assert answer.problems == ()
    assert len(answer.images) == 1


def test_without_a_cjk_font_the_formula_renders_and_a_warning_is_reported(no_cjk_font: None) -> None:
    answer = render_markdown(r"公式 $\text{损失} + x$", cache=MathCache())
    assert len(answer.images) == 1  # still drawn
    assert [(p.kind, p.source) for p in answer.problems] == [("font", r"$\text{损失} + x$")]
    assert "损失" in answer.problems[0].message


@needs_cjk_font
def test_collection_member_for_simplified_chinese_is_chosen() -> None:
    assert FONT is not None and FONT.fname is not None
    data = Path(FONT.fname).read_bytes()
    if len(collection_offsets(data)) > 1:
        names = " ".join(FONT.info.names)
        assert any(tag in names for tag in ("SC", "GB", "CN", "Hans")), names


@needs_cjk_font
def test_font_loads_from_the_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    assert FONT is not None and FONT.fname is not None
    monkeypatch.setenv(cjk_fallback.ENV_FONT, str(FONT.fname))
    assert next(iter(cjk_fallback.candidate_fonts())) == Path(FONT.fname)
    font = CjkFont(FONT.fname)
    assert font.has_char("中") and not font.has_char("\U0010fffd")

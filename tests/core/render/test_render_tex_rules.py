"""Delimiter sizes and unary signs drawn as TeX (and MathJax) draw them, measured in the SVG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from quizdesk.core.render.math_svg import render_tex

SIZE = 20.0
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
Box = tuple[float, float, float, float]  # xmin, xmax, ymin, ymax (SVG y grows downwards)


def _ink(element: ET.Element) -> Box:
    xs: list[float] = []
    ys: list[float] = []
    for node in element.iter():
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "path":
            numbers = [float(n) for n in _NUMBER.findall(node.get("d", ""))]
            xs += numbers[0::2]
            ys += numbers[1::2]
        elif tag == "rect":
            x, y, w, h = (float(node.get(k, "0")) for k in ("x", "y", "width", "height"))
            xs += [x, x + w]
            ys += [y, y + h]
    return min(xs), max(xs), min(ys), max(ys)


def glyph_boxes(tex: str, *, display: bool = True) -> list[Box]:
    """The ink box of every glyph (a stretched delimiter is one group), left to right."""
    svg = ET.fromstring(render_tex(tex, display=display, size_px=SIZE, color="#000").svg)
    return sorted((_ink(child) for child in svg), key=lambda b: (b[0], b[2]))


def height(box: Box) -> float:
    return box[3] - box[2]


@pytest.mark.parametrize("display", [True, False])
def test_a_plain_vert_next_to_a_fraction_keeps_its_text_size(display: bool) -> None:
    # The formula: ziamath stretched \Vert to the fraction's height.
    boxes = glyph_boxes(r"\frac{1}{2} D_{KL}(P\,\Vert\,Q)", display=display)
    vert, paren = boxes[-3], boxes[-5]
    alone = glyph_boxes(r"\Vert", display=display)[0]
    assert height(vert) == pytest.approx(height(alone), abs=0.3)
    assert height(vert) <= height(paren) + 0.3  # TeX draws ‖ no taller than (


@pytest.mark.parametrize(
    "tex",
    [
        r"\frac{a}{b} \vert x \vert",
        r"\frac{a}{b} \lvert x \rvert",
        r"\frac{a}{b} \lVert x \rVert",
        r"\frac{a}{b} \lfloor x \rfloor",
        r"\frac{a}{b} \langle x \rangle",
        r"\frac{a}{b} \lbrace x \rbrace",
    ],
)
def test_no_delimiter_without_left_right_stretches(tex: str) -> None:
    boxes = glyph_boxes(tex)
    alone = glyph_boxes(tex.replace(r"\frac{a}{b}", "x"))
    assert height(boxes[-1]) == pytest.approx(height(alone[-1]), abs=0.3)
    assert height(boxes[-3]) == pytest.approx(height(alone[-3]), abs=0.3)


@pytest.mark.parametrize(
    "tex",
    [
        r"\left\Vert \frac{a}{b} \right\Vert",
        r"\left( \frac{a}{b} \right)",
        r"\begin{pmatrix} a \\ b \\ c \end{pmatrix}",
        r"\begin{vmatrix} a \\ b \\ c \end{vmatrix}",
    ],
)
def test_left_right_and_matrix_delimiters_still_stretch(tex: str) -> None:
    boxes = glyph_boxes(tex)
    assert height(boxes[0]) > 1.5 * height(glyph_boxes("(")[0])
    assert height(boxes[-1]) > 1.5 * height(glyph_boxes(")")[0])


def _gaps_around_minus(tex: str) -> tuple[float, float]:
    """Space left and right of the (only) minus sign, the glyph as wide as it is flat."""
    boxes = glyph_boxes(tex)
    i = next(i for i, b in enumerate(boxes) if (b[1] - b[0]) > 4 * height(b) and height(b) < 2)
    return boxes[i][0] - boxes[i - 1][1], boxes[i + 1][0] - boxes[i][1]


# {-} is TeX's own spelling of a minus with no operator spacing (an ordinary atom).
@pytest.mark.parametrize(
    ("tex", "ordinary"),
    [
        (r"\max(-c, x)", r"\max({-}c, x)"),
        (r"\max(x, -c)", r"\max(x, {-}c)"),
        (r"y = -c", r"y = {-}c"),
        (r"y + -c", r"y + {-}c"),
        (r"y \times -c", r"y \times {-}c"),
        (r"[-1, 1]", r"[{-}1, 1]"),
        (r"\frac{-b}{2}", r"\frac{{-}b}{2}"),
        (r"\sum_i -x_i", r"\sum_i {-}x_i"),
    ],
)
def test_a_unary_minus_gets_no_operator_space(tex: str, ordinary: str) -> None:
    left, right = _gaps_around_minus(tex)
    want_left, want_right = _gaps_around_minus(ordinary)
    assert right == pytest.approx(want_right, abs=0.05)
    # the glyph before the minus keeps its own spacing (a comma's, a relation's)
    assert left == pytest.approx(want_left, abs=0.05)


@pytest.mark.parametrize("tex", [r"a - c", r"(a) - c", r"x_i - c", r"f(x) - c"])
def test_a_binary_minus_keeps_its_medium_spaces(tex: str) -> None:
    left, right = _gaps_around_minus(tex)
    plain_left, plain_right = _gaps_around_minus(tex.replace("- c", "{-}c"))
    medium = 4 / 18 * SIZE  # TeX's; ziamath's em is 4/3 of the size, so it draws a little more
    assert right - plain_right >= 0.95 * medium
    assert left - plain_left >= 0.95 * medium


def test_a_scripted_delimiter_does_not_stretch_either() -> None:
    # \rVert^2: the delimiter is the base of a superscript
    boxes = glyph_boxes(r"\frac{1}{2}\lVert w \rVert^2")
    alone = glyph_boxes(r"\lVert w \rVert^2")
    assert height(boxes[-2]) == pytest.approx(height(alone[-2]), abs=0.3)


@pytest.mark.parametrize("tex", [r"\max(a, b)", r"\min(a, b)", r"y = \max(a, b)"])
def test_no_space_between_an_operator_name_and_its_parenthesis(tex: str) -> None:
    def gap(formula: str) -> float:
        boxes = glyph_boxes(formula)
        paren = next(i for i, b in enumerate(boxes) if height(b) > 0.9 * height(glyph_boxes("(")[0]))
        return boxes[paren][0] - boxes[paren - 1][1]

    # {\max} is an ordinary atom: the letters' own side bearings and nothing more
    assert gap(tex) == pytest.approx(gap(tex.replace(r"\max", r"{\max}").replace(r"\min", r"{\min}")), abs=0.05)


@pytest.mark.parametrize(
    "tex",
    [r"\big\| x \big\|", r"\bigl\lVert x \bigr\rVert", r"\Big\langle a, b \Big\rangle", r"\bigg\Vert", r"\Bigg\lfloor x \Bigg\rfloor"],
)
def test_sized_named_delimiters_draw_at_their_size(tex: str) -> None:
    # latex2mathml left \| \lVert \langle … after \big as text: refused as
    # unknown commands, or (\|) drawn as a backslash and a bar
    plain_tex = re.sub(r"\\[Bb]igg?[lr]?(?![a-z])", "", tex)
    boxes, plain = glyph_boxes(tex), glyph_boxes(plain_tex)
    assert len(boxes) == len(plain)  # the same glyphs, one per delimiter
    assert height(boxes[0]) > 1.1 * height(plain[0])

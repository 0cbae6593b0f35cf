"""One formula to SVG: metrics, padding, refusals, colour."""

from __future__ import annotations

import re

import pytest

from quizdesk.core.render import layout_memo
from quizdesk.core.render.baseline import TextMetrics, inline_box
from quizdesk.core.render.math_svg import MAX_TEX_CHARS, MathError, check_tex, pad, recolor, render_tex


def test_metrics_match_the_viewbox() -> None:
    image = render_tex("y_i^2", display=False, size_px=20, color="#123456")
    assert image.ascent > 0 and image.depth > 0 and image.width > 0
    x, y, w, h = map(float, re.search(r'viewBox="([^"]+)"', image.svg.decode()).group(1).split())
    assert y == pytest.approx(-image.ascent, abs=0.01)
    assert h == pytest.approx(image.height, abs=0.02)
    assert b'fill="#123456"' in image.svg


def test_pad_keeps_the_baseline_at_zero() -> None:
    image = render_tex("x", display=False, size_px=16, color="#000")
    padded = pad(image, ascent=20, depth=7, width=30, left=2)
    view = re.search(r'viewBox="([^"]+)"', padded.svg.decode()).group(1).split()
    assert float(view[1]) == -20 and float(view[3]) == 27 and float(view[2]) == 30
    assert b'height="27"' in padded.svg and b'width="30"' in padded.svg


def test_recolor_changes_only_the_ink() -> None:
    image = render_tex(r"x + {\color{red} y}", display=False, size_px=16, color="#111111")
    again = recolor(image, "#111111", "#eeeeee")
    assert b"#111111" not in again.svg and b"#eeeeee" in again.svg and b"red" in again.svg


@pytest.mark.parametrize(
    ("tex", "message"),
    [
        ("x" * (MAX_TEX_CHARS + 1), "too long"),
        ("{" * 60 + "}" * 60, "nested too deeply"),
        (r"\frac{a}{b", "unbalanced"),
        (r"a}", "unbalanced"),
        (r"\nosuch{x}", "unknown command"),
        ("  ", "empty"),
    ],
)
def test_refusals_have_readable_messages(tex: str, message: str) -> None:
    with pytest.raises(MathError, match=message):
        check_tex(tex) if "nested" in message or "too long" in message else render_tex(tex, display=False, size_px=16, color="#000")


def test_runtime_budget_stops_exponential_layouts(monkeypatch: pytest.MonkeyPatch) -> None:
    # ziamath's own layout (without core/render/layout_memo.py, which makes this
    # one quick) measures nested rows 2**depth times.
    monkeypatch.setattr(layout_memo, "ENABLED", False)
    with pytest.raises(MathError, match="too complex|nested|too long to draw"):
        render_tex(r"\frac{1}{" * 20 + "x" + "}" * 20, display=True, size_px=16, color="#000")


def test_runtime_budget_still_stops_what_stays_too_costly() -> None:
    with pytest.raises(MathError, match="too complex|nested|too long to draw"):
        render_tex(r"\left( \frac{1}{a + " * 20 + "x" + r"} \right)" * 20, display=True, size_px=16, color="#000")


@pytest.mark.parametrize("cjk", [False, True])
@pytest.mark.parametrize(("ascent", "depth"), [(5.0, 0.0), (12.0, 3.0), (20.0, 11.0), (30.0, 0.5), (3.0, 15.0)])
def test_inline_box_dominates_the_text_line_with_a_constant_difference(ascent: float, depth: float, cjk: bool) -> None:
    metrics = TextMetrics.estimate(16)
    box = inline_box(10.2, ascent, depth, metrics, cjk=cjk)
    line_ascent = metrics.cjk_ascent if cjk else metrics.ascent
    line_descent = metrics.cjk_descent if cjk else metrics.descent
    assert box.ascent >= ascent and box.depth >= depth  # never clips ink
    assert box.ascent >= line_ascent - 0.5 and box.depth >= line_descent  # images set the line box
    assert box.ascent - box.depth == inline_box(1, 1, 0, metrics, cjk=cjk).ascent - inline_box(1, 1, 0, metrics, cjk=cjk).depth
    assert box.width == 11


@pytest.mark.parametrize("tex", [r"\left( \sum_{j<i} x_j \right)", r"\left[ \prod_{k=1} a_k \right]", r"\left( \int_0 f \right)"])
def test_operators_with_only_a_subscript_inside_fences_keep_their_size(tex: str) -> None:
    """ziamath alone draws the first of these about 2,000 px tall."""
    image = render_tex(tex, display=True, size_px=16, color="#000")
    assert image.ascent + image.depth < 6 * 16


def test_a_busy_machine_does_not_fail_a_valid_formula(monkeypatch: pytest.MonkeyPatch) -> None:
    """The time budget counts the drawing thread's CPU time: wall-clock time lost to
    other programs (here, a clock that jumps 10 s at every look) is not charged."""
    import itertools
    import time

    ticks = itertools.count()
    monkeypatch.setattr(time, "perf_counter", lambda: 10.0 * next(ticks))
    monkeypatch.setattr(time, "monotonic", lambda: 10.0 * next(ticks))
    rope = r"R_{\Theta,m}^d x = \begin{pmatrix} x_1 \\ x_2 \\ x_3 \\ x_4 \end{pmatrix} \otimes \begin{pmatrix} \cos m\theta_1 \\ \cos m\theta_1 \\ \cos m\theta_2 \\ \cos m\theta_2 \end{pmatrix} + \begin{pmatrix} -x_2 \\ x_1 \\ -x_4 \\ x_3 \end{pmatrix} \otimes \begin{pmatrix} \sin m\theta_1 \\ \sin m\theta_1 \\ \sin m\theta_2 \\ \sin m\theta_2 \end{pmatrix}"
    image = render_tex(rope, display=True, size_px=16, color="#000")
    assert image.width > 100 and b"<svg" in image.svg

"""core/render/layout_memo.py: ziamath's repeated measurements remembered — the same
SVG, byte for byte, with far fewer layout nodes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from ziamath.styles import MathStyle, MathVariant

from quizdesk.core.render import layout_memo, math_svg
from quizdesk.core.render.math_svg import MathError, render_tex

# Fenced, nested and scripted formulas from the bank, and the cases the key must
# keep apart.
FORMULAS = [
    # llm-dpo, the slowest before: \left[ … \left( … \frac … \right) \right]
    r"\mathcal{L}_{\mathrm{DPO}} = -\mathbb{E}_{(x,y_w,y_l)}\left[\log\sigma\left(\beta\log"
    r"\frac{\pi_\theta(y_w|x)}{\pi_{\mathrm{ref}}(y_w|x)} - \beta\log\frac{\pi_\theta(y_l|x)}"
    r"{\pi_{\mathrm{ref}}(y_l|x)}\right)\right]",
    r"\mathrm{PSNR} = 10\log_{10}\left(\mathrm{MAX}^2/\mathrm{MSE}\right)",
    # A stretched fence carrying a superscript inside a fraction: a first try
    # that laid rows out once while measuring (instead of remembering the
    # measurement) drew this one's outer parentheses shorter.
    r"d_{\min} = \max\left(0,\ v_r\rho + \frac{1}{2}a_{\max}\rho^2 + \frac{\left(v_r + \rho a_{\max}\right)^2}"
    r"{2b_{\min}} - \frac{v_f^2}{2b_{\max}}\right)",
    r"\left\| \sum_{i=1}^{n} \left( \frac{x_i}{\sqrt{1+\left| y_i \right|}} \right)^{2} \right\|_2",
    r"\begin{bmatrix} q'_{2i} \\ q'_{2i+1} \end{bmatrix} = \begin{bmatrix} \cos m\theta_i & -\sin m\theta_i \\"
    r" \sin m\theta_i & \cos m\theta_i \end{bmatrix}\begin{bmatrix} q_{2i} \\ q_{2i+1} \end{bmatrix}",
    r"\begin{aligned} a &= \left\{ \frac{b}{c} \right. \\ &\quad + \left. \frac{d}{e} \right\} \end{aligned}",
    r"f(x) = \begin{cases} \frac{1}{2} & x > 0 \\ -\left(\frac{x}{2}\right)^{3} & \text{otherwise} \end{cases}",
    r"\mathbf{x}\cdot\boldsymbol{\theta} + \mathrm{KL}\left(p \,\middle\|\, q\right) + 0.5\,\mathrm{em}",
]


def _draw(tex: str, display: bool, size: float) -> bytes | str:
    try:
        return render_tex(tex, display=display, size_px=size, color="#000000").svg
    except MathError as exc:
        return f"error: {exc}"


@pytest.mark.parametrize("display", [True, False])
@pytest.mark.parametrize("tex", FORMULAS, ids=range(len(FORMULAS)))
def test_the_drawing_is_the_same_with_and_without_the_memo(tex: str, display: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(layout_memo, "ENABLED", False)
    plain = _draw(tex, display, 19.04)
    monkeypatch.setattr(layout_memo, "ENABLED", True)
    assert isinstance(plain, bytes), plain
    assert _draw(tex, display, 19.04) == plain


def _nodes(tex: str) -> int:
    render_tex(tex, display=True, size_px=16, color="#000")
    return math_svg._budget.nodes  # layout nodes the formula made (the budget's count)


@pytest.mark.parametrize(
    "nest",
    [lambda d: r"\left( a + " * d + "x" + r" \right)" * d, lambda d: r"\frac{1}{" * d + "x" + "}" * d],
    ids=["fences", "fractions"],
)
def test_nesting_deeper_no_longer_doubles_the_work_per_level(
    nest: Callable[[int], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Three more levels: 2**3 = 8 times the nodes for ziamath alone.
    assert _nodes(nest(6)) < 4 * _nodes(nest(3))
    monkeypatch.setattr(layout_memo, "ENABLED", False)
    assert _nodes(nest(6)) > 6 * _nodes(nest(3))  # what the memo removes


def test_the_dpo_loss_makes_a_fraction_of_the_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    remembered = _nodes(FORMULAS[0])
    monkeypatch.setattr(layout_memo, "ENABLED", False)
    assert remembered * 3 < _nodes(FORMULAS[0])


def test_row_heights_stay_in_the_key_while_an_operator_could_stretch() -> None:
    import xml.etree.ElementTree as ET

    def may_stretch(xml: str) -> bool:
        return layout_memo._may_stretch([ET.fromstring(xml)])

    assert may_stretch("<mrow><mi>x</mi><mo>(</mo></mrow>")  # stretchy in ziamath's dictionary
    assert may_stretch('<mrow><mo stretchy="true">-</mo></mrow>')
    assert may_stretch("<msup><mi>lim</mi><mn>2</mn></msup>") is False  # an operator name, not stretchy
    assert may_stretch('<mrow><mo stretchy="false">(</mo><mi>x</mi><mo>+</mo></mrow>') is False
    assert may_stretch("<mfrac><mi>a</mi><mn>2</mn></mfrac>") is False


def test_the_memo_lives_for_one_formula() -> None:
    assert layout_memo._local.heights is None
    render_tex(FORMULAS[0], display=True, size_px=16, color="#000")
    assert layout_memo._local.heights is None


def test_the_style_copies_carry_every_field() -> None:
    """The style memo rebuilds MathStyle/MathVariant from these fields: a ziamath
    release that adds one must fail here, not draw without it."""
    assert tuple(f.name for f in dataclasses.fields(MathStyle)) == layout_memo.STYLE_FIELDS
    assert tuple(f.name for f in dataclasses.fields(MathVariant)) == layout_memo.VARIANT_FIELDS


def test_each_parsed_style_is_its_own_object() -> None:
    """ziamath sets mathvariant.italic on a node's style; a shared one would leak."""
    import xml.etree.ElementTree as ET

    element = ET.Element("mi", {"mathvariant": "bold"})
    first = layout_memo.parse_style(element, MathStyle())
    second = layout_memo.parse_style(element, MathStyle())
    assert first == second and first is not second and first.mathvariant is not second.mathvariant


def _bundled_formulas() -> list[tuple[str, bool]]:
    from quizdesk.core.content.bank_parser import parse_bank
    from quizdesk.core.paths import bundled_content_dir
    from quizdesk.core.render.math_delimiters import protect_math

    found: set[tuple[str, bool]] = set()
    for question in parse_bank(bundled_content_dir()).questions:
        for part in (question.body_md, question.answer_md):
            if part:
                found |= {(span.tex.strip(), span.display) for span in protect_math(part).spans}
    return sorted(found)


@pytest.mark.slow
def test_every_bundled_formula_is_drawn_the_same_with_and_without_the_memo(monkeypatch: pytest.MonkeyPatch) -> None:
    formulas = _bundled_formulas()
    assert len(formulas) > 500
    monkeypatch.setattr(layout_memo, "ENABLED", False)
    plain = {key: _draw(*key, 19.04) for key in formulas}
    monkeypatch.setattr(layout_memo, "ENABLED", True)
    differ = [tex for (tex, display), svg in plain.items() if _draw(tex, display, 19.04) != svg]
    assert differ == []

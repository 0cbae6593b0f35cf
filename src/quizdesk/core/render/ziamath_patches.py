"""Every ziamath internal QuizDesk replaces at import, in one place.

ziamath has no hook for what the renderer needs, so these are wrapped:

* ``MathFont.findglyph`` (core/render/cjk_fallback.py): the one place every
  node asks for a glyph; a glyph the math font lacks (CJK in ``\\text{…}``) is
  taken from a system CJK font instead;
* ``Mnode.fromelement`` (core/render/math_svg.py): every layout node is made
  there; the nodes are counted and the CPU time checked, so a formula that
  ziamath would lay out in exponential time is refused instead of hanging;
* ``Mrow._get_height_nostretch``, ``Mnode.size_px`` and ``styles.parse_style`` (bound by name in
  ``nodes.mnode`` and ``nodes.mfrac``; core/render/layout_memo.py): measurements
  ziamath repeats while laying out one formula are remembered (fenced rows were
  measured ``2**depth`` times). Same drawing, less time.

These are not public API and may change in any ziamath release, so the
version is pinned below the next minor one (pyproject.toml) and
tests/core/render/test_ziamath_patches.py checks that each target in
:data:`TARGETS` still exists with the parameters the wrappers pass on. The
wrappers call the originals kept here, so installing twice wraps once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from ziafont.glyph import SimpleGlyph
from ziamath import styles
from ziamath.mathfont import MathFont
from ziamath.nodes import mfrac, mnode
from ziamath.nodes.mnode import Mnode
from ziamath.nodes.mrow import Mrow


class Target(NamedTuple):
    """A replaced ziamath attribute and the parameters (names, in order) the wrapper relies on."""

    owner: Any  # a class, or a module for a function bound by name
    name: str
    parameters: tuple[str, ...]


TARGETS = (
    Target(MathFont, "findglyph", ("self", "char", "variant")),
    # A classmethod: its function's parameters, ``cls`` first.
    Target(Mnode, "fromelement", ("cls", "element", "parent", "kwargs")),
    Target(Mrow, "_get_height_nostretch", ("self", "line", "kwargs")),
    Target(Mnode, "size_px", ("self", "size", "fontsize")),
    # A function the node modules import by name: replaced where they look it up.
    Target(mnode, "parse_style", ("element", "parent_style")),
    Target(mfrac, "parse_style", ("element", "parent_style")),
)

#: Not replaced, but overridden by cjk_fallback.FallbackGlyph (a ziafont glyph that
#: ziamath lays out like its own): ziamath calls these with these parameters.
OVERRIDDEN = (
    Target(SimpleGlyph, "__init__", ("self", "index", "operators", "bbox", "font")),
    Target(SimpleGlyph, "advance", ("self", "nextchr")),
    Target(SimpleGlyph, "svgpath", ("self", "x0", "y0", "scale_factor")),
)

# The originals, taken before anything is replaced (module import runs once).
original_findglyph: Callable[..., Any] = MathFont.findglyph
original_fromelement: Callable[..., Any] = Mnode.fromelement.__func__  # type: ignore[attr-defined]
original_height_nostretch: Callable[..., Any] = Mrow._get_height_nostretch
original_size_px: Callable[..., Any] = Mnode.size_px
original_parse_style: Callable[..., Any] = styles.parse_style

#: The original each target's wrapper calls, by target name.
ORIGINALS: dict[str, Callable[..., Any]] = {
    "findglyph": original_findglyph,
    "fromelement": original_fromelement,
    "_get_height_nostretch": original_height_nostretch,
    "size_px": original_size_px,
    "parse_style": original_parse_style,
}


def replace_findglyph(wrapper: Callable[..., Any]) -> None:
    """Make ``wrapper(self, char, variant)`` ziamath's ``MathFont.findglyph``; it calls :data:`original_findglyph`."""
    MathFont.findglyph = wrapper  # type: ignore[method-assign]


def replace_fromelement(wrapper: Callable[..., Any]) -> None:
    """Make ``wrapper(cls, element, parent, **kwargs)`` ziamath's ``Mnode.fromelement`` classmethod;
    it calls :data:`original_fromelement`."""
    Mnode.fromelement = classmethod(wrapper)  # type: ignore[method-assign,assignment]


def replace_height_nostretch(wrapper: Callable[..., Any]) -> None:
    """Make ``wrapper(self, line, **kwargs)`` ziamath's ``Mrow._get_height_nostretch``;
    it calls :data:`original_height_nostretch`."""
    Mrow._get_height_nostretch = wrapper  # type: ignore[method-assign]


def replace_size_px(wrapper: Callable[..., Any]) -> None:
    """Make ``wrapper(self, size, fontsize=None)`` ziamath's ``Mnode.size_px``; it calls :data:`original_size_px`."""
    Mnode.size_px = wrapper  # type: ignore[method-assign]


def replace_parse_style(wrapper: Callable[..., Any]) -> None:
    """Make ``wrapper(element, parent_style)`` the ``parse_style`` ziamath's nodes call;
    it calls :data:`original_parse_style`."""
    mnode.parse_style = wrapper
    mfrac.parse_style = wrapper

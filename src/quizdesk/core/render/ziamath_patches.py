"""Every ziamath internal QuizDesk replaces at import, in one place.

ziamath has no hook for either thing the renderer needs, so two of its
methods are wrapped:

* ``MathFont.findglyph`` (core/render/cjk_fallback.py): the one place every
  node asks for a glyph; a glyph the math font lacks (CJK in ``\\text{…}``) is
  taken from a system CJK font instead;
* ``Mnode.fromelement`` (core/render/math_svg.py): every layout node is made
  there; the nodes are counted and the CPU time checked, so a formula that
  ziamath would lay out in exponential time is refused instead of hanging.

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
from ziamath.mathfont import MathFont
from ziamath.nodes.mnode import Mnode


class Target(NamedTuple):
    """A replaced ziamath attribute and the parameters (names, in order) the wrapper relies on."""

    owner: type
    name: str
    parameters: tuple[str, ...]


TARGETS = (
    Target(MathFont, "findglyph", ("self", "char", "variant")),
    # A classmethod: its function's parameters, ``cls`` first.
    Target(Mnode, "fromelement", ("cls", "element", "parent", "kwargs")),
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


def replace_findglyph(wrapper: Callable[..., Any]) -> None:
    """Make ``wrapper(self, char, variant)`` ziamath's ``MathFont.findglyph``; it calls :data:`original_findglyph`."""
    MathFont.findglyph = wrapper  # type: ignore[method-assign]


def replace_fromelement(wrapper: Callable[..., Any]) -> None:
    """Make ``wrapper(cls, element, parent, **kwargs)`` ziamath's ``Mnode.fromelement`` classmethod;
    it calls :data:`original_fromelement`."""
    Mnode.fromelement = classmethod(wrapper)  # type: ignore[method-assign,assignment]

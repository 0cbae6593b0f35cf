"""A drawn formula (SVG and baseline metrics) and what can be done to it without ziamath.

Kept apart from :mod:`math_svg`, which imports ziamath (~160 ms: it parses its
math font): a formula found in the cache is recoloured, padded and shown
through this module alone, so ziamath is imported only when a formula must be
drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Sentinel colour formulas are drawn in, swapped for the real one afterwards:
# a theme change then only rewrites a string.
INK = "#0b0c0d"
VIEWBOX = re.compile(r'viewBox="([-\d.e]+) ([-\d.e]+) ([-\d.e]+) ([-\d.e]+)"')


class MathError(Exception):
    """A formula that cannot be drawn; the message says why, for the author."""


@dataclass(frozen=True)
class MathImage:
    """An SVG formula; lengths in CSS px. The baseline is ``ascent`` below the top."""

    svg: bytes
    width: float
    ascent: float
    depth: float
    missing_glyphs: str = ""  # characters no installed font can draw

    @property
    def height(self) -> float:
        return self.ascent + self.depth


def recolor(image: MathImage, old: str, new: str) -> MathImage:
    """The same formula in another ink colour (explicit ``\\color`` parts keep theirs)."""
    if old == new:
        return image
    svg = image.svg.replace(f'fill="{old}"'.encode(), f'fill="{new}"'.encode())
    return replace(image, svg=svg)


def pad(image: MathImage, *, ascent: float, depth: float, width: float | None = None, left: float = 0.0) -> MathImage:
    """Grow the canvas to ``ascent`` above and ``depth`` below the baseline and to
    ``width`` (with ``left`` of it before the ink); never shrinks."""
    ascent = max(ascent, image.ascent)
    depth = max(depth, image.depth)
    width = max(width or 0.0, image.width + left)
    text = image.svg.decode("utf-8")
    match = VIEWBOX.search(text)
    if match is None:
        return image
    x0 = float(match.group(1)) - left
    head_end = text.index(">")
    head = VIEWBOX.sub(f'viewBox="{x0:g} {-ascent:g} {width:g} {ascent + depth:g}"', text[:head_end], count=1)
    head = re.sub(r'\swidth="[^"]*"', f' width="{width:g}"', head, count=1)
    head = re.sub(r'\sheight="[^"]*"', f' height="{ascent + depth:g}"', head, count=1)
    svg = (head + text[head_end:]).encode("utf-8")
    return replace(image, svg=svg, width=width, ascent=ascent, depth=depth)

"""Sit inline formula images on the text baseline inside QTextBrowser.

QTextBrowser cannot shift an image below the baseline by an arbitrary amount:
a default-aligned image stands on the baseline. It can centre one
(``vertical-align: middle``): the image then gets ascent ``(H + X/2)/2`` and
descent ``(H - X/2)/2``, with ``X`` the integer x-height of the image's *own*
font, and is drawn centred in the line box.

So each inline formula is padded (transparent) to ascent ``a`` and depth
``d`` with ``a - d = C`` for one constant ``C`` per text size, and its font size
is set so that ``X/2 = C``. Every such image then has ascent − descent = ``C``;
``d`` is at least the text's descent and ``a`` at least its ascent, so the
images, not the text, set the line box, and the line's ascent − descent is
``C`` too. Centring in that line box puts each formula's baseline exactly on
the text's, whatever else shares the line. Lines of Chinese text (whose
fallback font is taller) are the common case, so their metrics are used when
the answer contains CJK; a formula-free line is unaffected.

The view measures :class:`TextMetrics` with Qt; the defaults are DejaVu Sans
with Noto Sans CJK, the Linux defaults, for callers without Qt.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# STIX Two Math x-height / em: formulas are scaled so their x-height matches the text's.
MATH_X_HEIGHT = 0.473


@dataclass(frozen=True)
class TextMetrics:
    """Line metrics of the answer text at ``font_px``, in px."""

    font_px: float
    ascent: float
    descent: float
    x_height: float
    cjk_ascent: float  # line box of a line that also holds CJK characters
    cjk_descent: float
    # x_heights[px]: Qt's integer x-height of the text font at pixel size px,
    # when the view measured it; otherwise estimated from x_height.
    x_heights: tuple[int, ...] = ()

    @classmethod
    def estimate(cls, font_px: float) -> TextMetrics:
        return cls(font_px, 0.928 * font_px, 0.236 * font_px, 0.5625 * font_px, 1.16 * font_px, 0.288 * font_px)

    def scaled(self, factor: float) -> TextMetrics:
        return TextMetrics(
            self.font_px * factor, self.ascent * factor, self.descent * factor, self.x_height * factor,
            self.cjk_ascent * factor, self.cjk_descent * factor, self.x_heights,
        )

    def font_px_for_x_height(self, x: int) -> int | None:
        """A font pixel size whose integer x-height is exactly ``x`` (None if none is known)."""
        if self.x_heights:
            for px, value in enumerate(self.x_heights):
                if px and value == x:
                    return px
            return None
        return max(1, round(x / (self.x_height / self.font_px)))

    @property
    def math_px(self) -> float:
        """Formula size whose x-height matches the text's (within sane bounds)."""
        return self.font_px * min(max(self.x_height / self.font_px / MATH_X_HEIGHT, 1.0), 1.3)


@dataclass(frozen=True)
class InlineBox:
    """Padded geometry of an inline formula image, and the CSS that aligns it."""

    width: int
    ascent: int
    depth: int
    font_px: int  # font-size of the <img>, which fixes Qt's x-height for it

    @property
    def height(self) -> int:
        return self.ascent + self.depth

    @property
    def style(self) -> str:
        return f"vertical-align: middle; font-size: {self.font_px}px;"


def inline_box(width: float, ascent: float, depth: float, metrics: TextMetrics, *, cjk: bool) -> InlineBox:
    """Where to pad an inline formula of the given ink extent (see module doc)."""
    line_ascent = max(metrics.ascent, metrics.cjk_ascent) if cjk else metrics.ascent
    line_descent = max(metrics.descent, metrics.cjk_descent) if cjk else metrics.descent
    ideal = max(1, round(line_ascent - line_descent))
    # Any C works as long as the images dominate the line; prefer one Qt can hit exactly.
    c, font_px = ideal, None
    for candidate in (ideal, ideal + 1, ideal - 1, ideal + 2, ideal - 2):
        if candidate > 0 and (font_px := metrics.font_px_for_x_height(2 * candidate)) is not None:
            c = candidate
            break
    if font_px is None:
        font_px = max(1, round(2 * c / (metrics.x_height / metrics.font_px)))
    d = math.ceil(max(depth, line_descent, line_ascent - c, ascent - c) - 1e-6)
    return InlineBox(width=math.ceil(width - 1e-6), ascent=d + c, depth=d, font_px=font_px)

"""Formulas of one answer → ``<img>`` HTML and SVG resources, through the cache."""

from __future__ import annotations

import hashlib
import html
import math
from dataclasses import dataclass, field

from quizdesk.core.render.baseline import TextMetrics, inline_box
from quizdesk.core.render.math_cache import MathCache, MathKey
from quizdesk.core.render.math_delimiters import MathSpan
from quizdesk.core.render.math_image import INK as _INK
from quizdesk.core.render.math_image import MathError, MathImage, pad, recolor
from quizdesk.core.render.result import RenderProblem
from quizdesk.core.render.styling import muted

DISPLAY_SCALE = 1.0  # display formulas at the inline size: long derivations stay on screen


@dataclass
class FormulaOutput:
    images: dict[str, bytes] = field(default_factory=dict)
    problems: list[RenderProblem] = field(default_factory=list)
    pending: int = 0  # formulas in no cache, left undrawn (draw=False)


class NotDrawn(Exception):
    """A formula in no cache while drawing is deferred (``draw=False``)."""


def is_dark(color: str) -> bool:
    """Whether ``color`` is a light ink, i.e. the theme is dark."""
    raw = color.lstrip("#")
    if len(raw) == 3:
        raw = "".join(c * 2 for c in raw)
    try:
        r, g, b = (int(raw[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return 0.299 * r + 0.587 * g + 0.114 * b > 128


def formula_image(
    tex: str, display: bool, size_px: float, color: str, cache: MathCache, cjk_scale: float = 1.0,
    *, draw: bool = True,
) -> MathImage:
    """The formula in ``color``, from the cache when possible; raises MathError, or
    NotDrawn when it is in no cache and ``draw`` is False.

    Drawings are kept (in memory and on disk) in the sentinel ink; a colour is a
    string replacement of it, kept in memory only. So one stored drawing serves
    both themes, also on the next launch, without ziamath.
    """
    size_px, cjk_scale = round(size_px, 2), round(cjk_scale, 3)
    key = MathKey(tex, display, size_px, color, cjk_scale)
    entry = cache.peek(key)
    if entry is None:
        ink_key = MathKey(tex, display, size_px, _INK, cjk_scale)
        ink = cache.get(ink_key)
        if ink is None:
            if not draw:
                raise NotDrawn(tex)
            # Imported here, not above: ziamath (and its font) load only when a
            # formula is not in any cache.
            from quizdesk.core.render.math_svg import render_tex

            try:
                ink = render_tex(tex, display=display, size_px=size_px, color=_INK, cjk_scale=cjk_scale)
            except MathError as exc:
                ink = exc
            cache.put(ink_key, ink)  # failures and missing glyphs stay in memory (MathCache.put)
        entry = ink if isinstance(ink, MathError) else recolor(ink, _INK, color)
        cache.put(key, entry, persist=False)
    if isinstance(entry, MathError):
        raise entry
    return entry


def _resource(svg: bytes) -> str:
    return f"math/{hashlib.sha1(svg).hexdigest()}.svg"


def formula_html(
    span: MathSpan,
    *,
    metrics: TextMetrics,
    color: str,
    cache: MathCache,
    cjk: bool,
    block: bool,
    out: FormulaOutput,
    draw: bool = True,
) -> str:
    """HTML for one formula; ``block`` when it stands alone in its paragraph."""
    display = span.display
    size = metrics.math_px * (DISPLAY_SCALE if display else 1.0)
    try:
        image = formula_image(span.tex.strip(), display, size, color, cache, cjk_scale=metrics.font_px / size, draw=draw)
    except NotDrawn:
        out.pending += 1
        return _pending_html(span, color)
    except MathError as exc:
        out.problems.append(RenderProblem(span.source, str(exc), "math"))
        return _error_html(span, str(exc), color, block=block and display)
    if image.missing_glyphs:
        out.problems.append(RenderProblem(
            span.source, f"no installed font has these characters: {image.missing_glyphs}", "font"))
    alt = html.escape(span.source, quote=True)
    if block and display:
        margin = 3  # keeps antialiased edges off the image border
        width = math.ceil(image.width + 2 * margin - 1e-6)
        height = math.ceil(image.height + 2 * margin - 1e-6)
        top = image.ascent + margin
        image = pad(image, ascent=top, depth=height - top, width=width, left=margin)
        name = _resource(image.svg)
        out.images[name] = image.svg
        return f'<img src="{name}" width="{width}" height="{height}" alt="{alt}">'
    box = inline_box(image.width, image.ascent, image.depth, metrics, cjk=cjk)
    image = pad(image, ascent=box.ascent, depth=box.depth, width=box.width)
    name = _resource(image.svg)
    out.images[name] = image.svg
    return f'<img src="{name}" width="{box.width}" height="{box.height}" alt="{alt}" style="{box.style}">'


def _pending_html(span: MathSpan, color: str) -> str:
    """A formula not drawn yet: its source, muted, until the drawing replaces it."""
    source = html.escape(span.source, quote=False)
    return f'<span style="color: {muted(color)}; font-family: monospace;">{source}</span>'


def _error_html(span: MathSpan, message: str, color: str, *, block: bool) -> str:
    red = "#ff7b72" if is_dark(color) else "#c62828"
    source = html.escape(span.source, quote=False)
    tip = html.escape(message, quote=True)
    if block:
        return f'<pre style="color: {red};" title="{tip}">{source}</pre>'
    return f'<span style="color: {red}; font-family: monospace;" title="{tip}">{source}</span>'

"""One LaTeX formula → SVG with ziamath, plus the metrics needed to sit it on a baseline.

ziamath is pure Python and has global state, so calls are serialised. Qt's SVG
renderer only draws ziamath's SVG 1.1 output correctly (``svg2 = False``; with
SVG 2 ``<symbol>``/``<use>`` it draws only the fraction bars).
"""

from __future__ import annotations

import logging
import re
import threading
import time
import warnings
import xml.etree.ElementTree as ET
from dataclasses import replace
from typing import Any

import ziamath
from ziamath.nodes.mnode import Mnode  # for type hints; patched in ziamath_patches
from ziamath.tex import tex2mml

from quizdesk.core.render import cjk_fallback, layout_memo, tex_rules, ziamath_patches
from quizdesk.core.render.math_image import INK, VIEWBOX, MathError, MathImage, pad, recolor

__all__ = ["MathError", "MathImage", "check_tex", "pad", "recolor", "render_tex", "unknown_command"]

MAX_TEX_CHARS = 4000
MAX_NESTING = 24
# ziamath lays some structures out in exponential time (it rebuilds a row's
# children to measure them: ten nested \frac take seconds, thirty never end).
# Node creation is counted and timed, and the formula refused past either limit.
# The time is the drawing thread's CPU time, not the wall clock: a busy machine
# (or the GUI thread holding the GIL) must not turn a valid formula into an error.
MAX_NODES = 40_000
MAX_CPU_SECONDS = 2.0
_INK = INK  # drawn in this sentinel colour, swapped for the real one (math_image.py)
_INK_RE = re.compile(re.escape(_INK))

ziamath.config.svg2 = False
ziamath.config.precision = 2
cjk_fallback.install()
layout_memo.install()

_lock = threading.Lock()


class _Budget(threading.local):
    deadline: float | None = None
    nodes = 0


_budget = _Budget()


def _budgeted_fromelement(cls: type[Mnode], element: ET.Element, parent: Mnode, **kwargs: Any) -> Mnode:
    if _budget.deadline is not None:
        _budget.nodes += 1
        if _budget.nodes > MAX_NODES:
            raise MathError("formula too complex to draw (nested too deeply)")
        if _budget.nodes % 64 == 0 and time.thread_time() > _budget.deadline:
            raise MathError(f"formula takes too long to draw (over {MAX_CPU_SECONDS:g} s)")
    node: Mnode = ziamath_patches.original_fromelement(cls, element, parent, **kwargs)
    return node


ziamath_patches.replace_fromelement(_budgeted_fromelement)
# latex2mathml passes commands it does not know through as text, e.g. <mi>\foo</mi>.
_UNKNOWN_COMMAND = re.compile(r"(\\[A-Za-z]+)")
_VIEWBOX = VIEWBOX


def unknown_command(element: ET.Element) -> str | None:
    """The first command latex2mathml passed through as text (``<mi>\\foo</mi>``) in
    ``element``, after :func:`tex_rules.apply`; None when every command was known."""
    for node in element.iter():
        match = _UNKNOWN_COMMAND.match(node.text or "")
        if match:
            return match.group(1)
    return None


def check_tex(tex: str) -> None:
    """Refuse formulas too big or too deeply nested to render quickly."""
    if len(tex) > MAX_TEX_CHARS:
        raise MathError(f"formula too long ({len(tex):,} characters; limit {MAX_TEX_CHARS:,})")
    depth = deepest = 0
    escaped = False
    for c in tex:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif c == "}":
            depth -= 1
            if depth < 0:
                raise MathError("unbalanced braces: '}' without '{'")
    if depth > 0:
        raise MathError("unbalanced braces: '{' never closed")
    commands = len(re.findall(r"\\(?:left|frac|dfrac|tfrac|sqrt|begin)\b", tex))
    scripts = max((len(m) for m in re.findall(r"(?:[\^_]\\?\w*)+", tex)), default=0)
    if deepest > MAX_NESTING or commands > 400 or scripts > 2 * MAX_NESTING:
        raise MathError(f"formula nested too deeply (limit {MAX_NESTING} levels)")


class _LogCapture(logging.Filter):
    """ziamath reports unsupported MathML through the root logger; keep it for the problem list."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if "ziamath" in record.pathname:
            self.messages.append(record.getMessage())
            return False
        return True


#: A formula taller than this many text heights is taken for a ziamath
#: stretching bug and drawn again with its scripted operators unstretched.
RUNAWAY_HEIGHT_EM = 12
_SCRIPTED = {"msub", "msup", "msubsup", "munder", "mover", "munderover"}


def _fix_scripted_operators(element: ET.Element) -> bool:
    """Mark operators that carry scripts as not stretchy; True if any was changed."""
    changed = False
    for node in element.iter():
        if node.tag.rsplit("}", 1)[-1] in _SCRIPTED and len(node) and node[0].tag.rsplit("}", 1)[-1] == "mo":
            if node[0].get("stretchy") is None:
                node[0].set("stretchy", "false")
                changed = True
    return changed


def render_tex(tex: str, *, display: bool, size_px: float, color: str, cjk_scale: float = 1.0) -> MathImage:
    """Draw ``tex``; raises :class:`MathError` with a readable message on failure.

    ``cjk_scale`` sizes glyphs from the CJK fallback font relative to ``size_px``.
    """
    check_tex(tex)
    if not tex.strip():
        raise MathError("empty formula")
    capture = _LogCapture()
    root = logging.getLogger()
    with _lock, warnings.catch_warnings(), cjk_fallback.recording_missing(cjk_scale) as missing:
        warnings.simplefilter("ignore")
        root.addFilter(capture)
        _budget.deadline, _budget.nodes = time.thread_time() + MAX_CPU_SECONDS, 0
        try:
            element = ET.fromstring(tex2mml(tex, inline=not display))
            tex_rules.apply(element)  # delimiter sizes and unary signs as TeX draws them
            unknown = unknown_command(element)
            if unknown:
                raise MathError(f"unknown command {unknown}")
            element.attrib["mathcolor"] = _INK
            math = _layout(element, size_px)
            if math.node.bbox.ymax - math.node.bbox.ymin > RUNAWAY_HEIGHT_EM * size_px and _fix_scripted_operators(element):
                # ziamath stretches a large operator with only a subscript
                # (\left( \sum_{j<i} x_j \right)) to ~2000 px; drawn unstretched
                # it is the operator TeX would draw.
                math = _layout(element, size_px)
            svg = math.svg()
            bbox = math.node.bbox
        except MathError:
            raise
        except RecursionError:
            raise MathError("formula nested too deeply") from None
        except Exception as exc:
            raise MathError(_describe(exc)) from None
        finally:
            _budget.deadline = None
            root.removeFilter(capture)
    if capture.messages:
        raise MathError("unsupported: " + "; ".join(sorted(set(capture.messages)))[:200])
    svg = _INK_RE.sub(color, svg) if color != _INK else svg
    # ziamath's box can be narrower than its ink (a wide accent in an aligned
    # column drew outside it and was clipped), so take the union with the ink.
    ink = _ink_extent(svg)
    xmin, xmax = min(bbox.xmin, ink[0]), max(bbox.xmax, ink[1])
    ascent, depth = max(bbox.ymax, -ink[2], 0.0), max(-bbox.ymin, ink[3], 0.0)
    image = MathImage(
        svg=svg.encode("utf-8"),
        width=max(xmax - xmin, 0.0),
        ascent=ascent,
        depth=depth,
        missing_glyphs="".join(missing),
    )
    return _with_viewbox(image, xmin)


def _layout(element: ET.Element, size_px: float) -> ziamath.Math:
    with layout_memo.scope():  # one formula: its repeated measurements are remembered
        return ziamath.Math(element, size=size_px, margin=0)


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_PATH_D = re.compile(r'<path d="([^"]*)"')
_RECT = re.compile(r'<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"')


def _ink_extent(svg: str) -> tuple[float, float, float, float]:
    """(xmin, xmax, ymin, ymax) of every path point and bar in ziamath's absolute-coordinate SVG."""
    xs: list[float] = []
    ys: list[float] = []
    for d in _PATH_D.findall(svg):
        numbers = [float(n) for n in _NUMBER.findall(d)]
        xs += numbers[0::2]
        ys += numbers[1::2]
    for x, y, w, h in _RECT.findall(svg):
        xs += [float(x), float(x) + float(w)]
        ys += [float(y), float(y) + float(h)]
    if not xs:
        return (0.0, 0.0, 0.0, 0.0)
    return min(xs), max(xs), min(ys), max(ys)


def _with_viewbox(image: MathImage, xmin: float) -> MathImage:
    text = image.svg.decode("utf-8")
    head_end = text.index(">")
    view = f'viewBox="{xmin:g} {-image.ascent:g} {image.width:g} {image.height:g}"'
    head = _VIEWBOX.sub(view, text[:head_end], count=1)
    head = re.sub(r'\swidth="[^"]*"', f' width="{image.width:g}"', head, count=1)
    head = re.sub(r'\sheight="[^"]*"', f' height="{image.height:g}"', head, count=1)
    return replace(image, svg=(head + text[head_end:]).encode("utf-8"))


def _describe(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, KeyError):
        text = f"unknown command or symbol {text}"
    return text.splitlines()[0][:200]

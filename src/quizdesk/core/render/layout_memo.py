"""Two measurements ziamath repeats while laying out one formula, remembered.

Installed through core/render/ziamath_patches.py (the one module that replaces
ziamath internals); the drawing does not change, only how often it is computed.

* **A row's height without its stretchy operators** (``Mrow._get_height_nostretch``).
  Before placing its children a row builds a throw-away copy of each, with
  ``nostretch=True``, to learn how tall its fences must stretch; inside that copy
  every nested row does the same again. A node ``d`` rows deep is therefore
  built about ``2**d`` times: the DPO loss (a ``\\left[ … \\left( … \\frac … \\right)
  \\right]``) made ~2,600 nodes for ~90 visible ones and took 0.25–0.5 s. The
  measurement is a function of the row's context and its children, so while one
  formula is laid out (:func:`scope`) it is remembered under a key holding all of
  that: the row's class, tag, size, style and left neighbour, its parent's tag,
  the serialised children and the keyword arguments. The only arguments that
  differ between the repeats are ``rowymin``/``rowymax`` inherited from an outer
  row, and only a stretchy operator reads them (to pick a glyph variant, which
  can move a superscript on it: ``\\right)^2``). They are left out of the key only
  when no operator in the children can stretch — decided conservatively, from
  the attribute or else *any* form in ziamath's operator dictionary — so a key
  never joins two measurements that could differ.
* **Lengths** (``Mnode.size_px``): a length attribute ("0.2777em",
  "thinmathspace") in px at a font size; it rebuilt a table of 14 formatted
  strings on every call. A pure function of the two, kept per pair.
* **Style parsing** (``styles.parse_style``): every node copies its parent's style
  through ``dataclasses.asdict`` (a third of the layout time). The result depends
  only on the element's attributes, the parent style's values and three
  ``ziamath.config`` settings, so it is kept per such key; each call still gets its
  own ``MathStyle`` (ziamath mutates them: ``mathvariant.italic``).

:data:`ENABLED` turns all three off (the comparison test draws every bundled formula
with and without, and requires identical SVG).
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from ziamath import operators
from ziamath.config import config
from ziamath.nodes.mnode import Mnode
from ziamath.nodes.mrow import Mrow
from ziamath.nodes.nodetools import elementtext
from ziamath.styles import MathStyle, MathVariant

from quizdesk.core.render import ziamath_patches

#: False: layout as ziamath does it on its own (for comparisons).
ENABLED = True
_FORMS = ("prefix", "infix", "postfix")
#: The fields of MathStyle / MathVariant the style key and the copies carry
#: (tests/core/render/test_layout_memo.py checks these are all of them).
STYLE_FIELDS = ("mathvariant", "displaystyle", "mathcolor", "mathbackground", "mathsize", "scriptlevel")
VARIANT_FIELDS = ("style", "italic", "bold", "normal")


class _Local(threading.local):
    heights: dict[tuple[Any, ...], tuple[float, float]] | None = None


_local = _Local()


@contextmanager
def scope() -> Iterator[None]:
    """Remember row heights while one formula is laid out (nested scopes share the outer one)."""
    if not ENABLED or _local.heights is not None:
        yield
        return
    _local.heights = {}
    try:
        yield
    finally:
        _local.heights = None


@lru_cache(maxsize=1024)
def _operator_may_stretch(text: str, attribute: str | None) -> bool:
    # Moperator: params = dictionary entry for (text, form), updated by the
    # element's attributes; stretchy unless 'false'. The form is not known here
    # (ziamath infers it while building), so any form that stretches counts.
    if attribute is not None:
        return attribute != "false"
    return any(operators.operators.get((text, form), {}).get("stretchy", "false") != "false" for form in _FORMS)


def _may_stretch(elements: list[ET.Element]) -> bool:
    """Whether any operator in ``elements`` (or below) could read ``rowymin``/``rowymax``."""
    for element in elements:
        for node in element.iter():
            # ziamath turns an <mi> holding an operator name into an <mo> (Mnode.fromelement).
            if node.tag == "mo" or (node.tag == "mi" and elementtext(node) in operators.names):
                if _operator_may_stretch(elementtext(node), node.get("stretchy")):
                    return True
    return False


def _fingerprint(element: ET.Element) -> tuple[Any, ...]:
    """Everything ``ET.tostring`` would write of ``element`` (the copy ziamath measures), as a key."""
    return (element.tag, tuple(element.attrib.items()), element.text, element.tail,
            tuple(_fingerprint(child) for child in element))


def _style_key(style: MathStyle) -> tuple[Any, ...]:
    variant = style.mathvariant
    return (
        variant.style, variant.italic, variant.bold, variant.normal,
        style.displaystyle, style.mathcolor, style.mathbackground, style.mathsize, style.scriptlevel,
    )


def height_nostretch(self: Mrow, line: list[ET.Element], **kwargs: Any) -> tuple[float, float]:
    """``Mrow._get_height_nostretch``, remembered within :func:`scope`."""
    memo = _local.heights
    if memo is None:
        return ziamath_patches.original_height_nostretch(self, line, **kwargs)
    arguments = dict(kwargs, nostretch=True)  # what the original passes its children
    if not _may_stretch(line):
        arguments.pop("rowymin", None)
        arguments.pop("rowymax", None)
    key = (
        type(self), self.element.tag, len(self.element), self.parent.mtag, self.leftsibling() is not None,
        self.size, self.glyphsize, _style_key(self.style),
        tuple(_fingerprint(child) for child in line),
        tuple(sorted(arguments.items())),
    )
    found = memo.get(key)
    if found is None:
        found = memo[key] = ziamath_patches.original_height_nostretch(self, line, **kwargs)
    return found


@lru_cache(maxsize=4096)
def _parsed_style(attributes: tuple[tuple[str, str], ...], parent: tuple[Any, ...] | None,
                  settings: tuple[Any, ...]) -> tuple[Any, ...]:
    # Only called with settings == the current config (part of the key).
    element = ET.Element("mrow", dict(attributes))
    parent_style = None
    if parent is not None:
        parent_style = MathStyle(
            mathvariant=MathVariant(*parent[:4]), displaystyle=parent[4], mathcolor=parent[5],
            mathbackground=parent[6], mathsize=parent[7], scriptlevel=parent[8],
        )
    return _style_key(ziamath_patches.original_parse_style(element, parent_style))


def parse_style(element: ET.Element, parent_style: MathStyle | None = None) -> MathStyle:
    """``styles.parse_style``, remembered per attributes, parent style and settings."""
    if not ENABLED:
        return ziamath_patches.original_parse_style(element, parent_style)
    settings = (config.math.color, config.math.background, config.math.variant)
    parent = None if parent_style is None else _style_key(parent_style)
    values = _parsed_style(tuple(element.attrib.items()), parent, settings)
    return MathStyle(
        mathvariant=MathVariant(*values[:4]), displaystyle=values[4], mathcolor=values[5],
        mathbackground=values[6], mathsize=values[7], scriptlevel=values[8],
    )


@lru_cache(maxsize=4096)
def _length_px(size: str, fontsize: float) -> float:
    # The original reads ``self`` only for its glyph size when no fontsize is given.
    return ziamath_patches.original_size_px(None, size, fontsize)


def size_px(self: Mnode, size: str, fontsize: float | None = None) -> float:
    """``Mnode.size_px``, remembered per (length, font size)."""
    if fontsize is None:
        fontsize = self.glyphsize
    if not ENABLED or not isinstance(size, str):
        return ziamath_patches.original_size_px(self, size, fontsize)
    return _length_px(size, fontsize)


def install() -> None:
    """Make the functions above ziamath's (idempotent)."""
    ziamath_patches.replace_height_nostretch(height_nostretch)
    ziamath_patches.replace_size_px(size_px)
    ziamath_patches.replace_parse_style(parse_style)

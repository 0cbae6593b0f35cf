"""A one-line Markdown text with formulas (a question title, a choice, a key
point) as QLabel rich text with the formulas drawn.

Titles and choices are short Markdown; most have no formula and stay plain
labels. Those with ``$…$`` or ``\\(…\\)`` go through the answer renderer (same
formulas, same baseline alignment for the label's font and colour) and the
formula images are embedded as ``data:`` URLs, which a QLabel's document
loads (it has no resource table to add them to).
"""

from __future__ import annotations

import base64
import re

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QFont

from quizdesk.core.render import render_markdown
from quizdesk.ui.widgets.answer_view import measure_text
from quizdesk.ui.widgets.svg_images import svg_to_image

_MAYBE_MATH = re.compile(r"\$|\\\(")
# A line that Markdown would read as a heading, list item, quote or numbered item.
_BLOCK_START = re.compile(r"^(\s*)(#{1,6}\s|[-*+]\s|>|\d+[.)]\s)")
_IMG_SRC = re.compile(r'src="(math/[0-9a-f]+\.svg)"')


def has_math(text: str) -> bool:
    """Whether ``text`` may hold a formula (cheap; most titles have none)."""
    return bool(_MAYBE_MATH.search(text))


def _png_data_url(svg: bytes, dpr: float) -> str:
    image = svg_to_image(svg, dpr=dpr)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; PySide6 6.11 accepts only str here
    buffer.close()
    return "data:image/png;base64," + base64.b64encode(bytes(data.data())).decode("ascii")


def math_rich_text(text: str, font: QFont, color: str, dpr: float = 1.0) -> str | None:
    """``text`` as rich text with its formulas drawn in ``color`` for ``font``;
    None when it has no formula (show it as plain text then)."""
    if not has_math(text):
        return None
    # One line of inline text: never a heading or a list, whatever it starts with.
    source = _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text.replace("\n", " "))
    metrics = measure_text(font)
    rendered = render_markdown(source, font_px=metrics.font_px, color=color, metrics=metrics)
    if not rendered.images:
        return None  # "$5 and $10": prices, not formulas
    html = rendered.html.strip()
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]  # a label needs no paragraph margins
    return _IMG_SRC.sub(lambda m: f'src="{_png_data_url(rendered.images[m.group(1)], dpr)}"', html)

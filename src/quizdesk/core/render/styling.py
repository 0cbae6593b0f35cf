"""Explicit attributes QTextBrowser needs where a browser would use a stylesheet.

QTextBrowser ignores classes and most of CSS, and draws tables without
borders or padding unless the ``<table>`` tag says so.
"""

from __future__ import annotations

import re

from quizdesk.core.render.code_highlight import inline_code_style

HEADING_SCALE = {1: 1.5, 2: 1.3, 3: 1.15, 4: 1.0, 5: 0.95, 6: 0.9}
DISPLAY_MATH_STYLE = "margin-top: 8px; margin-bottom: 10px;"


def _rgb(color: str) -> tuple[int, int, int]:
    raw = color.lstrip("#")
    if len(raw) == 3:
        raw = "".join(c * 2 for c in raw)
    try:
        return int(raw[0:2], 16), int(raw[2:4], 16), int(raw[4:6], 16)
    except ValueError:
        return 31, 35, 40


def mix(color: str, other: str, t: float) -> str:
    """``color`` moved ``t`` of the way towards ``other``."""
    a, b = _rgb(color), _rgb(other)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b))


def _background_for(color: str) -> str:
    r, g, b = _rgb(color)
    return "#1b1c1f" if 0.299 * r + 0.587 * g + 0.114 * b > 128 else "#ffffff"


def muted(color: str) -> str:
    return mix(color, _background_for(color), 0.4)


def decorate(body: str, font_px: float, color: str, code_style: str) -> str:
    """Add the table, heading, quote and inline-code styling to sanitised HTML."""
    background = _background_for(color)
    border = mix(color, background, 0.75)
    header = mix(color, background, 0.93)

    def table(match: re.Match[str]) -> str:
        attrs = match.group(1)
        if "border=" not in attrs:
            attrs += ' border="1"'
        if "cellpadding=" not in attrs:
            attrs += ' cellpadding="6"'
        if "cellspacing=" not in attrs:
            attrs += ' cellspacing="0"'
        return f'<table{attrs} style="border-collapse: collapse; border-style: solid; border-color: {border}; margin-top: 10px; margin-bottom: 4px;">'

    body = re.sub(r"<table((?:\s[^>]*)?)>", table, body)
    body = re.sub(r"<th((?:\s[^>]*)?)>", lambda m: f'<th{m.group(1)} bgcolor="{header}">' if "bgcolor" not in m.group(1) else m.group(0), body)
    # Cells of one row share a baseline better centred than top-aligned when a
    # formula makes one cell's line taller.
    body = re.sub(r"<(t[dh])((?:\s[^>]*)?)>", lambda m: f'<{m.group(1)}{m.group(2)} valign="middle">' if "valign" not in m.group(2) else m.group(0), body)

    def heading(match: re.Match[str]) -> str:
        level, attrs = int(match.group(1)), match.group(2)
        size = round(font_px * HEADING_SCALE[level])
        top = round(font_px * (1.0 if level <= 2 else 0.8))
        return f'<h{level}{attrs} style="font-size: {size}px; margin-top: {top}px; margin-bottom: {round(font_px * 0.5)}px;">'

    body = re.sub(r"<h([1-6])((?:\s[^>]*)?)>", heading, body)
    quote_bar = mix(color, background, 0.7)
    quote_text = mix(color, background, 0.25)
    body = body.replace(
        "<blockquote>",
        f'<table cellspacing="0" cellpadding="0" style="margin-top: 8px; margin-bottom: 12px;"><tr>'
        f'<td width="3" bgcolor="{quote_bar}"></td><td style="padding-left: 12px; color: {quote_text};">',
    ).replace("</blockquote>", "</td></tr></table>")
    return body.replace("<code>", f'<code style="{inline_code_style(code_style, color)}">')

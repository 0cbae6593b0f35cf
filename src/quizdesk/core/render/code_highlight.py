"""Fenced code → HTML QTextBrowser draws well: inline colour styles inside a shaded box.

QTextBrowser knows no CSS classes, so Pygments writes ``style`` attributes
(``noclasses=True``). ``<pre>`` cannot have padding in Qt, so the box is a
one-cell table, which can. Long lines wrap (``white-space: pre-wrap``); the
view draws a ↪ in the box's left gutter on each continuation row
(``ui/widgets/answer_view.py``), so a wrapped line never reads as two.
"""

from __future__ import annotations

import functools
import html

from pygments import highlight  # type: ignore[import-untyped]
from pygments.formatters import HtmlFormatter  # type: ignore[import-untyped]
from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]
from pygments.style import StyleMeta  # type: ignore[import-untyped]
from pygments.styles import get_style_by_name  # type: ignore[import-untyped]
from pygments.token import Token  # type: ignore[import-untyped]
from pygments.util import ClassNotFound  # type: ignore[import-untyped]

from quizdesk.core.render.code_style import CODE_BLOCK_STATE, CODE_GUTTER, DARK_CODE_STYLE, LIGHT_CODE_STYLE

__all__ = ["CODE_BLOCK_STATE", "CODE_GUTTER", "DARK_CODE_STYLE", "LIGHT_CODE_STYLE", "box_colors", "highlight_block", "inline_code_style"]


@functools.lru_cache(maxsize=16)
def _style(name: str) -> StyleMeta:
    try:
        return get_style_by_name(name)
    except ClassNotFound:
        return get_style_by_name(LIGHT_CODE_STYLE)


@functools.lru_cache(maxsize=16)
def _formatter(name: str) -> HtmlFormatter:
    return HtmlFormatter(style=_style(name), noclasses=True, nowrap=True)


@functools.lru_cache(maxsize=64)
def _lexer(name: str) -> object:
    # Looking a lexer up by name scans Pygments' registry (~0.4 ms); a lexer is reusable.
    return get_lexer_by_name(name, stripnl=False, ensurenl=False)


def box_colors(style_name: str, text_color: str) -> tuple[str, str, str]:
    """(background, default text colour, border) of code boxes in ``style_name``."""
    style = _style(style_name)
    background = style.background_color or "#f6f8fa"
    foreground = style.style_for_token(Token.Text).get("color")
    border = _mix(background, text_color, 0.15)
    return background, f"#{foreground}" if foreground else text_color, border


def _mix(a: str, b: str, t: float) -> str:
    ca = [int(a.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)] if len(a.lstrip("#")) == 6 else [246, 248, 250]
    cb = [int(b.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4)] if len(b.lstrip("#")) == 6 else [31, 35, 40]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb))


def highlight_block(code: str, language: str | None, *, style_name: str, text_color: str) -> str:
    """A code block as HTML; unknown or missing languages come out as plain monospace."""
    code = code.expandtabs(4).rstrip("\n")
    body = None
    if language:
        try:
            lexer = _lexer(language.strip().lower())
        except ClassNotFound:
            lexer = None
        if lexer is not None:
            body = highlight(code, lexer, _formatter(style_name)).rstrip("\n")
    if body is None:
        body = html.escape(code, quote=False)
    background, foreground, border = box_colors(style_name, text_color)
    return (
        f'<table width="100%" cellspacing="0" cellpadding="10" bgcolor="{background}" '
        f'style="margin-top: 4px; margin-bottom: 12px; border: 1px solid {border}; border-collapse: collapse;">'
        # pre-wrap: a long line wraps inside the box instead of widening the whole
        # answer (a box as wide as its longest line made the prose scroll sideways).
        f'<tr><td><pre style="margin: 0; margin-left: {CODE_GUTTER}; white-space: pre-wrap; '
        f'-qt-user-state: {CODE_BLOCK_STATE}; color: {foreground};">{body}</pre></td></tr></table>'
    )


def inline_code_style(style_name: str, text_color: str) -> str:
    """CSS for inline ``code`` spans: the code box's shade, so both read as code."""
    background, _foreground, _border = box_colors(style_name, text_color)
    return f"background-color: {_mix(background, text_color, 0.04)};"

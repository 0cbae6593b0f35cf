"""Markdown + LaTeX + code → an HTML fragment and formula SVGs for QTextBrowser (no Qt here).

See docs/rendering.md for the pipeline and its rules.

The names below are loaded on first use (PEP 562): importing a light module of
this package (the answer cache, the code-style names) must not load Markdown
and Pygments, which the first answer after a start does not need when it is
cached (:mod:`quizdesk.core.render.answer_cache`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizdesk.core.lazy import lazy_getattr

if TYPE_CHECKING:
    from quizdesk.core.render.answer_cache import enable_disk_caches
    from quizdesk.core.render.baseline import TextMetrics
    from quizdesk.core.render.code_style import DARK_CODE_STYLE, LIGHT_CODE_STYLE
    from quizdesk.core.render.markdown_html import clear_answer_cache, render_markdown
    from quizdesk.core.render.math_cache import RENDERER_VERSION, MathCache, default_cache
    from quizdesk.core.render.result import RenderedAnswer, RenderProblem

_HOMES = {
    "DARK_CODE_STYLE": "code_style",
    "LIGHT_CODE_STYLE": "code_style",
    "RENDERER_VERSION": "math_cache",
    "MathCache": "math_cache",
    "default_cache": "math_cache",
    "RenderProblem": "result",
    "RenderedAnswer": "result",
    "TextMetrics": "baseline",
    "clear_answer_cache": "markdown_html",
    "render_markdown": "markdown_html",
    "enable_disk_caches": "answer_cache",
}

__all__ = [
    "DARK_CODE_STYLE",
    "LIGHT_CODE_STYLE",
    "RENDERER_VERSION",
    "MathCache",
    "RenderProblem",
    "RenderedAnswer",
    "TextMetrics",
    "clear_answer_cache",
    "default_cache",
    "enable_disk_caches",
    "render_markdown",
]


__getattr__ = lazy_getattr(__name__, _HOMES, globals())

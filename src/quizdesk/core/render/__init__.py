"""Markdown + LaTeX + code → an HTML fragment and formula SVGs for QTextBrowser (no Qt here).

See docs/rendering.md for the pipeline and its rules.
"""

from quizdesk.core.render.baseline import TextMetrics
from quizdesk.core.render.code_highlight import DARK_CODE_STYLE, LIGHT_CODE_STYLE
from quizdesk.core.render.markdown_html import clear_answer_cache, default_cache, enable_disk_cache, render_markdown
from quizdesk.core.render.math_cache import RENDERER_VERSION, MathCache
from quizdesk.core.render.result import RenderedAnswer, RenderProblem

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
    "enable_disk_cache",
    "render_markdown",
]

"""The pipeline: Markdown with formulas, code and raw HTML → RenderedAnswer.

1. formulas are swapped for placeholders (:mod:`math_delimiters`), so Markdown
   never sees LaTeX;
2. Python-Markdown (tables, fenced_code, sane_lists, footnotes) makes HTML;
3. code blocks are lifted out, the rest is sanitised (:mod:`sanitize`), local
   images resolved and remote ones replaced (:mod:`images`);
4. tags get the explicit attributes QTextBrowser needs (table borders and
   padding, heading sizes, inline-code shading);
5. code blocks come back highlighted (:mod:`code_highlight`) and formulas as
   ``<img>`` of cached SVGs (:mod:`formulas`).

Whole results are kept in a small LRU too, so showing a card again is a lookup.
"""

from __future__ import annotations

import html
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import markdown  # type: ignore[import-untyped]

from quizdesk.core.render import styling
from quizdesk.core.render.baseline import TextMetrics
from quizdesk.core.render.code_blocks import CodeBlock, lift_fences
from quizdesk.core.render.code_highlight import highlight_block
from quizdesk.core.render.code_style import LIGHT_CODE_STYLE
from quizdesk.core.render.formulas import FormulaOutput, formula_html
from quizdesk.core.render.images import rewrite_images
from quizdesk.core.render.list_indent import normalize_list_indent
from quizdesk.core.render.math_cache import MathCache, default_cache
from quizdesk.core.render.math_delimiters import MathSpan, Protected, protect_math
from quizdesk.core.render.result import RenderedAnswer, RenderProblem
from quizdesk.core.render.sanitize import sanitize_html

MAX_INPUT_CHARS = 2_000_000
_EXTENSIONS = ["tables", "fenced_code", "sane_lists", "footnotes"]
_CODE_BLOCK = re.compile(r'<pre><code(?: class="language-([^"]*)")?>(.*?)</code></pre>', re.S)
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_HEADING = re.compile(r"<h([1-6])([^>]*)>(.*?)</h\1>", re.S)
_CLOSING_PUNCTUATION = "，。、：；！？）」』】》〉”’"
_CELL = re.compile(r"<(td|th|li)\b[^>]*>.*?</\1>", re.S)
_PARAGRAPH = re.compile(r"<p((?:\s[^>]*)?)>(.*?)</p>", re.S)

_local = threading.local()
_answers: OrderedDict[tuple[object, ...], RenderedAnswer] = OrderedDict()
_answers_lock = threading.Lock()
ANSWER_CACHE_SIZE = 128


def _markdown() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
    md.reset()
    return md


def render_markdown(
    text: str,
    *,
    base_dir: Path | None = None,
    font_px: float = 16.0,
    color: str = "#1f2328",
    code_style: str = LIGHT_CODE_STYLE,
    cache: MathCache | None = None,
    metrics: TextMetrics | None = None,
    draw: bool = True,
) -> RenderedAnswer:
    """Render an answer for QTextBrowser (see :class:`RenderedAnswer`).

    ``color`` is the text colour (formulas are drawn in it), ``code_style`` a
    Pygments style name, ``metrics`` the text's line metrics as Qt measures
    them (estimated from ``font_px`` when omitted; see :mod:`baseline`).
    ``draw=False`` draws no formula that is in no cache (nor imports ziamath):
    those show as their source and are counted in ``pending``; the caller renders
    again with drawing, e.g. on a worker thread.
    """
    cache = cache if cache is not None else default_cache
    metrics = metrics or TextMetrics.estimate(font_px)
    if metrics.font_px != font_px:
        metrics = metrics.scaled(font_px / metrics.font_px)
    key = (text, str(base_dir) if base_dir else None, metrics, color, code_style, id(cache))
    with _answers_lock:
        hit = _answers.get(key)
        if hit is not None:
            _answers.move_to_end(key)
            return hit
    answer = _render(text, base_dir, metrics, color, code_style, cache, draw)
    if answer.pending:
        return answer  # not kept: the drawn one will be
    with _answers_lock:
        _answers[key] = answer
        while len(_answers) > ANSWER_CACHE_SIZE:
            _answers.popitem(last=False)
    return answer


def clear_answer_cache() -> None:
    with _answers_lock:
        _answers.clear()


def _render(
    text: str, base_dir: Path | None, metrics: TextMetrics, color: str, code_style: str, cache: MathCache,
    draw: bool = True,
) -> RenderedAnswer:
    problems: list[RenderProblem] = []
    if len(text) > MAX_INPUT_CHARS:
        problems.append(RenderProblem(text[:80], f"answer too long ({len(text):,} characters); cut", "html"))
        text = text[:MAX_INPUT_CHARS]
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "")
    lifted = lift_fences(text)
    protected = protect_math(lifted.text)
    body = _markdown().convert(normalize_list_indent(protected.text))

    blocks = list(lifted.blocks)

    def lift_indented(match: re.Match[str]) -> str:
        blocks.append(CodeBlock(match.group(1), html.unescape(match.group(2))))
        return f"<p>qzc{lifted.nonce}x{len(blocks) - 1}x</p>"

    body = _CODE_BLOCK.sub(lift_indented, body)  # indented blocks, raw <pre><code>
    body = sanitize_html(body)
    body, image_problems = rewrite_images(body, base_dir, muted=styling.muted(color))
    problems += image_problems
    body = styling.decorate(body, metrics.font_px, color, code_style)

    out = FormulaOutput()

    def code(index: int) -> str:
        block = blocks[index]
        return highlight_block(block.code, block.language, style_name=code_style, text_color=color)

    spans = list(protected.spans)
    body = _glue_punctuation(body, protected, spans)

    def formula(index: int, m: TextMetrics, block: bool, cjk: bool) -> str:
        return formula_html(spans[index], metrics=m, color=color, cache=cache, cjk=cjk, block=block, out=out, draw=draw)

    protected = Protected(protected.text, tuple(spans), protected.nonce)
    body = _place(body, lifted.token_pattern, protected.token_pattern, protected, code, formula, metrics)
    problems += out.problems
    return RenderedAnswer(html=body, images=dict(out.images), problems=tuple(problems), pending=out.pending)


def _place(
    body: str,
    code_token: re.Pattern[str],
    math_token: re.Pattern[str],
    protected: Protected,
    code: Callable[[int], str],
    formula: Callable[[int, TextMetrics, bool, bool], str],
    metrics: TextMetrics,
) -> str:
    """Put code blocks and formulas where their placeholders are.

    Code blocks and display formulas are blocks: a paragraph holding one is
    split around it. Inside a tag (alt text, a title) a formula is its source.
    Inline formulas take the line metrics of their block: with CJK text in it
    or not (see :mod:`baseline`).
    """
    either = re.compile(f"(?:{code_token.pattern})|(?:{math_token.pattern})")

    def in_tag(match: re.Match[str]) -> str:
        return math_token.sub(lambda t: html.escape(protected.spans[int(t.group(1))].source, quote=True), match.group(0))

    body = re.sub(r"<[^>]+>", in_tag, body)

    def heading(match: re.Match[str]) -> str:
        level, attrs, inner = match.groups()
        scaled = metrics.scaled(styling.HEADING_SCALE[int(level)])
        cjk = _has_cjk(inner)
        inner = math_token.sub(lambda t: formula(int(t.group(1)), scaled, False, cjk), inner)
        return f"<h{level}{attrs}>{inner}</h{level}>"

    body = _HEADING.sub(heading, body)

    def paragraph(match: re.Match[str]) -> str:
        attrs, content = match.group(1), match.group(2)
        cjk = _has_cjk(content)
        parts: list[str] = []
        run: list[str] = []

        def close_run() -> None:
            joined = re.sub(r"^(?:\s|<br\s*/?>)+|(?:\s|<br\s*/?>)+$", "", "".join(run))
            if joined:
                parts.append(f"<p{attrs}>{joined}</p>")
            run.clear()

        position = 0
        for token in either.finditer(content):
            run.append(content[position : token.start()])
            position = token.end()
            if token.group(1) is not None:
                close_run()
                parts.append(code(int(token.group(1))))
            elif protected.spans[int(token.group(2))].display:
                close_run()
                image = formula(int(token.group(2)), metrics, True, cjk)
                parts.append(f'<p align="center" style="{styling.DISPLAY_MATH_STYLE}">{image}</p>')
            else:
                run.append(formula(int(token.group(2)), metrics, False, cjk))
        run.append(content[position:])
        close_run()
        return "".join(parts)

    body = _PARAGRAPH.sub(paragraph, body)
    body = code_token.sub(lambda t: code(int(t.group(1))), body)

    def cell(match: re.Match[str]) -> str:
        cjk = _has_cjk(match.group(0))
        return math_token.sub(lambda t: formula(int(t.group(1)), metrics, False, cjk), match.group(0))

    body = _CELL.sub(cell, body)
    return math_token.sub(lambda t: formula(int(t.group(1)), metrics, False, True), body)


def _glue_punctuation(body: str, protected: Protected, spans: list[MathSpan]) -> str:
    """Draw CJK punctuation right after an inline formula into its image.

    Qt may always break a line after an inline image, which would start the
    next line with "，" or "。" (a line-breaking error in CJK typesetting).
    """

    def glue(match: re.Match[str]) -> str:
        span = spans[int(match.group(1))]
        if span.display:
            return match.group(0)
        mark = match.group(2)
        spans.append(MathSpan(span.tex + r"\text{" + mark + "}", False, span.source + mark))
        return protected.token(len(spans) - 1)

    return re.sub(protected.token_pattern.pattern + f"([{_CLOSING_PUNCTUATION}])", glue, body)


def _has_cjk(fragment: str) -> bool:
    return bool(_CJK.search(re.sub(r"<[^>]+>", "", fragment)))

"""A question's Markdown → the HTML an Anki field holds (Anki, AnkiDroid and AnkiMobile draw it).

The renderer's own steps, with two differences: formulas become Anki's
MathJax delimiters ``\\(…\\)`` / ``\\[…\\]`` instead of SVG images (found by
the renderer's scanner, so code spans and blocks are never touched and ``\\$``
stays a dollar), and local images become bare media names (the file goes
into the package). Code is highlighted with inline styles by the same
Pygments path the app uses.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from pathlib import Path

import markdown  # type: ignore[import-untyped]

from quizdesk.core.render.code_blocks import CodeBlock, lift_fences
from quizdesk.core.render.code_highlight import LIGHT_CODE_STYLE, highlight_block
from quizdesk.core.render.images import resolve_local
from quizdesk.core.render.list_indent import normalize_list_indent
from quizdesk.core.render.math_delimiters import protect_math
from quizdesk.core.render.sanitize import sanitize_html

_EXTENSIONS = ["tables", "fenced_code", "sane_lists", "footnotes"]
_CODE_BLOCK = re.compile(r'<pre><code(?: class="language-([^"]*)")?>(.*?)</code></pre>', re.S)
_IMG = re.compile(r"<img\b([^>]*)>", re.I)
_SRC = re.compile(r'\bsrc="([^"]*)"', re.I)
_QT_ONLY = re.compile(r"\s*-qt-user-state:\s*\d+;")
# Placeholders of any nonce, compiled once (a pattern per call thrashed re's cache: 1 ms a compile).
_CODE_TOKEN = re.compile(r"qzc([0-9a-f]+)x(\d+)x")
_CODE_PARAGRAPH = re.compile(r"<p>\s*qzc([0-9a-f]+)x(\d+)x\s*</p>")
_MATH_TOKEN = re.compile(r"qzm([0-9a-f]+)x(\d+)x")
#: Text with none of these is plain: no Markdown run needed.
_MARKUP = re.compile(r"[*_`\[\]<>#|\\$!&~\n]|^\s*(?:\d+[.)]|[-+>])(?:\s|$)|^\s{4}")
# Once code and formulas are lifted out, most answers' prose is plain paragraphs. Markdown
# (and the sanitiser after it) would only wrap them in <p> and escape them: ~60 % of an
# export's time for prose-heavy answers. Anything Markdown or the sanitiser could read
# differently sends the text down the full path: a character with inline meaning, an
# entity, a control character or no-break space, or a line that is indented, ends in
# spaces (a line break) or starts like a list, quote, heading, rule or setext underline.
# (Whitespace at a line's edge is any Unicode space: Markdown strips blocks with str.strip.)
_NOT_PLAIN_CHAR = re.compile(r"[*_`\[\]<>#|\\!&~\x00-\x09\x0b-\x1f\x7f-\xa0\u2028\u2029]")
_NOT_PLAIN_LINE = re.compile(r"^[^\S\n]|[^\S\n]$|^(?:\d+[.)]|[-+*>=#])", re.M)
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
TEXT_COLOR = "#1f2328"
_local = threading.local()

#: Called with a local image file; returns the name it has in the package.
AddMedia = Callable[[Path], str]


def _markdown() -> markdown.Markdown:
    md = getattr(_local, "md", None)
    if md is None:
        md = _local.md = markdown.Markdown(extensions=_EXTENSIONS, output_format="html")
    md.reset()
    return md


def plain_paragraphs(text: str) -> str | None:
    """The HTML Markdown + the sanitiser give for ``text`` when it is plain paragraphs, else None."""
    if _NOT_PLAIN_CHAR.search(text) or _NOT_PLAIN_LINE.search(text):
        return None
    blocks = [block for block in _PARAGRAPH_BREAK.split(text.strip("\n")) if block]
    return "\n".join(f"<p>{html.escape(block, quote=False)}</p>" for block in blocks)


def markdown_to_anki(text: str, base_dir: Path | None, add_media: AddMedia) -> tuple[str, list[str]]:
    """(field HTML, problems). Images that do not resolve inside ``base_dir`` stay as written and are reported."""
    problems: list[str] = []
    if not text.strip():
        return "", problems
    if not _MARKUP.search(text):
        return f"<p>{html.escape(text.strip(), quote=False)}</p>", problems
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "")
    lifted = lift_fences(text)
    protected = protect_math(lifted.text)
    source = normalize_list_indent(protected.text)
    blocks = list(lifted.blocks)

    def lift_indented(match: re.Match[str]) -> str:
        blocks.append(CodeBlock(match.group(1), html.unescape(match.group(2))))
        return f"<p>qzc{lifted.nonce}x{len(blocks) - 1}x</p>"

    plain = plain_paragraphs(source)
    body = plain if plain is not None else sanitize_html(_CODE_BLOCK.sub(lift_indented, _markdown().convert(source)))

    def image(match: re.Match[str]) -> str:
        attrs = match.group(1)
        src_match = _SRC.search(attrs)
        if src_match is None:
            return match.group(0)
        src = html.unescape(src_match.group(1))
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", src):
            return match.group(0)  # remote: Anki shows it when online; nothing to pack
        target, reason = resolve_local(src, base_dir)
        if target is None:
            problems.append(f"image {src}: {reason}")
            return match.group(0)
        name = add_media(target)
        return "<img" + attrs[: src_match.start()] + f'src="{html.escape(name, quote=True)}"' + attrs[src_match.end() :] + ">"

    body = _IMG.sub(image, body)

    def code(match: re.Match[str]) -> str:
        if match.group(1) != lifted.nonce:
            return match.group(0)
        block = blocks[int(match.group(2))]
        return _QT_ONLY.sub("", highlight_block(block.code, block.language, style_name=LIGHT_CODE_STYLE, text_color=TEXT_COLOR))

    if "qzc" in body:
        body = _CODE_TOKEN.sub(code, _CODE_PARAGRAPH.sub(code, body))

    def formula(match: re.Match[str]) -> str:
        if match.group(1) != protected.nonce:
            return match.group(0)
        span = protected.spans[int(match.group(2))]
        tex = html.escape(span.tex.strip(), quote=False)
        return f"\\[{tex}\\]" if span.display else f"\\({tex}\\)"

    if protected.spans:
        body = _MATH_TOKEN.sub(formula, body)
    return body.strip(), problems

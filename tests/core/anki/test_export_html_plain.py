"""The export's shortcut for plain prose gives exactly what Markdown and the sanitiser give.

``plain_paragraphs`` skips Python-Markdown and the sanitiser for text that is
only paragraphs (export_html.py). It must never change a field: every text it
accepts is also run through the full path here and the two compared — the
bundled bank's bodies, answers, choices and key points (with code and formulas
lifted out, as the export does), and thousands of generated texts built from
the characters and line shapes Markdown reads specially.
"""

from __future__ import annotations

import random
from pathlib import Path

import markdown  # type: ignore[import-untyped]

from quizdesk.core.anki.export_html import _EXTENSIONS, markdown_to_anki, plain_paragraphs
from quizdesk.core.content.bank_parser import parse_bank
from quizdesk.core.render.code_blocks import lift_fences
from quizdesk.core.render.list_indent import normalize_list_indent
from quizdesk.core.render.math_delimiters import protect_math
from quizdesk.core.render.sanitize import sanitize_html

REPO = Path(__file__).resolve().parents[3]
# Characters and fragments Markdown or the sanitiser read specially, and ordinary ones.
PIECES = [
    "a", "b", "word", "梯度", "下降", "。", "，", "：", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\n\n\n", "\n \n",
    "1.", "2)", "-", "+", "*", "_", ">", "<", "#", "=", "==", "---", "|", "`", "~", "!", "[", "]", "(", ")",
    "&", "&amp;", "&#36;", "\\", "$", '"', "'", "/", "http://x.y/z", ":", ";", "%", "^", "{", "}", "@",
    "\xa0", "\u3000", "1990.", "\x02", "\x03", "é", "😀", "\u2028", "...", "--", "<b>", "<script>", "[^1]", "[a](b)",
]


def _full(text: str) -> str:
    return sanitize_html(markdown.Markdown(extensions=_EXTENSIONS, output_format="html").convert(text))


def _as_exported(text: str) -> str:
    """The text Markdown sees in an export: code and formulas lifted out, list indents normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "")
    return normalize_list_indent(protect_math(lift_fences(text).text).text)


def _check(texts: list[str]) -> int:
    taken = 0
    for text in texts:
        plain = plain_paragraphs(text)
        if plain is not None:
            taken += 1
            assert plain == _full(text), repr(text)
    return taken


def test_the_shortcut_matches_markdown_on_the_bundled_bank() -> None:
    texts = []
    for q in parse_bank(REPO / "content").questions:
        texts += [q.body_md, q.answer_md, *q.key_points, *(c.text for c in q.choices)]
    taken = _check([_as_exported(t) for t in texts if t.strip()])
    assert taken > 200  # the shortcut is really exercised, not only the fallback


def test_the_shortcut_matches_markdown_on_generated_text() -> None:
    rng = random.Random(18)
    texts = []
    for _ in range(6000):
        # Mostly ordinary words (so many texts are plain), sometimes a special piece.
        parts = [rng.choice(PIECES) if rng.random() < 0.25 else rng.choice(PIECES[:7]) for _ in range(rng.randint(1, 30))]
        texts.append("".join(parts))
    taken = _check(texts)
    assert taken > 500


def test_a_prose_answer_with_code_and_a_formula_is_exported_as_before() -> None:
    text = "第一段，价格 $5。\n第二行\n\n$$a^2 + b^2 = c^2$$\n\n```python\nx = 1\n```\n\n最后一段"
    out, problems = markdown_to_anki(text, None, lambda path: path.name)
    assert problems == []
    assert out.startswith("<p>第一段，价格 $5。\n第二行</p>\n<p>\\[a^2 + b^2 = c^2\\]</p>")
    assert "<table" in out and out.endswith("<p>最后一段</p>")

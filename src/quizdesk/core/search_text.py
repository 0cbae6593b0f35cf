"""The readable text the full-text index holds for a body or an answer: markup out.

An answer imported from Anki is HTML, and its code comes highlighted by
Pygments: every token wrapped in ``<span style="color:#008000;font-weight:bold">``.
Indexed as stored, a search for ``span``, ``color`` or ``style`` matched every
such answer, and the index spent most of its work on the markup. The index
therefore reads, for bodies and answers, the text a reader sees:

* HTML tags of known element names are removed (a block element's tag and
  ``<br>`` become a line break, so the words on either side stay apart; an
  inline tag goes without trace: ``x<sup>2</sup>`` stays ``x2``); comments go;
* character references are decoded (``&lt;`` → ``<``, ``&#36;`` → ``$``,
  ``&nbsp;`` → a space);
* Markdown code — fenced blocks and code spans — is kept exactly as written:
  there ``<b>`` or ``&lt;`` is what the reader sees. Only known tag names are
  tags, so ``List<int>`` or ``<eos>`` in prose stay text as well.

Everything else (Markdown, LaTeX, the words of highlighted code) is kept:
searching a word from the code still finds the answer.

:func:`indexed_text` returns None when nothing would change (most Markdown
answers): the store keeps no second copy then, and the index reads the
Markdown itself (migration 0007's view: ``coalesce(answer_text, answer_md)``).
"""

from __future__ import annotations

import html
import re

from quizdesk.core.markdown_blocks import scan_fences

# Elements whose tags end a line of text (the rest are inline and leave nothing).
_BLOCK = (
    "address|article|aside|blockquote|br|caption|center|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|"
    "header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul"
)
_INLINE = (
    "a|abbr|b|bdi|bdo|big|cite|code|data|del|dfn|em|font|i|img|ins|kbd|mark|nobr|q|rp|rt|ruby|s|samp|small|"
    "span|strike|strong|sub|sup|time|tt|u|var|wbr|audio|source|track|video|picture|svg|math|col|colgroup|"
    "body|head|html|meta|link|label|input|button|form|fieldset|legend|option|select|textarea|iframe|object|"
    "embed|script|style|noscript|template|title"
)
# A tag: a known element name, then attributes (a quoted value may hold '>'), then '>' or '/>'.
_ATTRIBUTES = r"""(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>"""
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK})(?![\w-]){_ATTRIBUTES}")
_INLINE_TAG = re.compile(rf"<!--.*?-->|</?(?:{_INLINE})(?![\w-]){_ATTRIBUTES}", re.S)
# Tag names in any case (``<BR>``, ``<Div>``) cost twice the time to match: used only when
# a tag name holds a capital letter, which the HTML of nearly every answer does not.
_BLOCK_TAG_ANY_CASE = re.compile(_BLOCK_TAG.pattern, re.I)
_INLINE_TAG_ANY_CASE = re.compile(_INLINE_TAG.pattern, re.I | re.S)
_CAPITAL_TAG = re.compile(r"</?[a-z]*[A-Z]")
# Code spans: a run of backticks up to the same run (CommonMark; a longer run does not close it).
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


def _strip_prose(text: str) -> str:
    """Markup out of text that holds no fenced code: code spans kept, tags and references resolved."""
    if "<" not in text and "&" not in text:
        return text
    parts: list[str] = []
    position = 0
    if "`" in text:
        for match in _CODE_SPAN.finditer(text):
            parts.append(_strip_markup(text[position : match.start()]))
            parts.append(match.group(0))
            position = match.end()
    parts.append(_strip_markup(text[position:]))
    return "".join(parts)


def _strip_markup(text: str) -> str:
    if "<" in text:
        if _CAPITAL_TAG.search(text):
            text = _INLINE_TAG_ANY_CASE.sub("", _BLOCK_TAG_ANY_CASE.sub("\n", text))
        else:
            text = _INLINE_TAG.sub("", _BLOCK_TAG.sub("\n", text))
    if "&" in text:
        text = html.unescape(text).replace("\xa0", " ")
    return text


def readable_text(markdown: str) -> str:
    """``markdown`` (or the HTML it holds) as the index reads it; see the module doc."""
    if "<" not in markdown and "&" not in markdown:
        return markdown
    if "```" not in markdown and "~~~" not in markdown:
        return _strip_prose(markdown)
    lines = markdown.split("\n")
    out: list[str] = []
    prose_from = 0
    for block in scan_fences(lines).blocks:
        if prose_from < block.open:
            out.append(_strip_prose("\n".join(lines[prose_from : block.open])))
        end = len(lines) if block.close is None else block.close + 1
        out.append("\n".join(lines[block.open : end]))
        prose_from = end
    if prose_from < len(lines):
        out.append(_strip_prose("\n".join(lines[prose_from:])))
    return "\n".join(out)


def indexed_text(markdown: str) -> str | None:
    """What the store keeps beside ``markdown`` for the index: its readable text, or None when that is ``markdown`` itself."""
    text = readable_text(markdown)
    return None if text == markdown else text

"""Anki field HTML → what QuizDesk stores: a plain-text title, sanitised HTML the renderer draws.

Stored answers are Markdown; an Anki field is HTML, so it is stored wrapped in
a ``<div>`` — a raw HTML block, which Markdown leaves alone (``*`` and ``_``
in the text stay characters, as Anki showed them). On the way:

* the legacy LaTeX tags ``[$]…[/$]``, ``[$$]…[/$$]``, ``[latex]…[/latex]``
  become MathJax ``\\(…\\)`` / ``\\[…\\]`` (best effort: ``[latex]`` holds a
  LaTeX fragment that may need packages the renderer lacks);
* the HTML goes through the app's sanitiser (:func:`sanitize_html`);
* a ``$`` becomes ``&#36;``: Anki draws only ``\\(…\\)`` / ``\\[…\\]``, so
  "costs $5 and $10" must stay prose in QuizDesk too;
* inside ``\\(…\\)`` / ``\\[…\\]`` entities are decoded and tags dropped
  (``a &lt; b`` is what Anki's editor stores for ``a < b``; MathJax reads the
  decoded text, and so must the renderer);
* ``[sound:x.mp3]`` becomes ``[audio: x.mp3]`` (QuizDesk plays no sound).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from quizdesk.core.beside import run_beside
from quizdesk.core.render.sanitize import sanitize_html

TITLE_MAX = 200
_LEGACY = [
    (re.compile(r"\[\$\$\](.*?)\[/\$\$\]", re.S | re.I), "\\[", "\\]"),
    (re.compile(r"\[\$\](.*?)\[/\$\]", re.S | re.I), "\\(", "\\)"),
    (re.compile(r"\[latex\](.*?)\[/latex\]", re.S | re.I), "\\[", "\\]"),
]
_MATH = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.S)
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>|</(?:div|p|li|tr|h[1-6])\s*>", re.I)
_SOUND = re.compile(r"\[sound:([^\]]*)\]")
_CLOZE = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.S)
# What the passes below look for, found without a lowered copy of every field.
_LEGACY_MARK = re.compile(r"\[\$|\[latex\]", re.I)
_IMG_MARK = re.compile(r"<img", re.I)
_IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
CLOZE_STYLE = "color: #0969da; font-weight: bold;"


def _wrapper(opener: str, closer: str) -> Callable[[re.Match[str]], str]:
    return lambda match: f"{opener}{match.group(1)}{closer}"


def legacy_latex(text: str) -> str:
    if not _LEGACY_MARK.search(text):
        return text  # most fields: three passes saved ("[" alone is common, in code)
    for pattern, opener, closer in _LEGACY:
        text = pattern.sub(_wrapper(opener, closer), text)
    return text


def _decode_math(match: re.Match[str]) -> str:
    inline = match.group(1) is not None
    tex = match.group(1) if inline else match.group(2)
    tex = html.unescape(_TAG.sub("", _BREAK.sub(" ", tex)))
    return f"\\({tex}\\)" if inline else f"\\[{tex}\\]"


def field_html(raw: str, media_name: Callable[[str], str | None] | None = None) -> str:
    """One field's HTML as QuizDesk stores it (see the module doc); "" for an empty field.

    ``media_name``: Anki media file name → the name it has in QuizDesk's media
    folder (None: leave the reference as written).
    """
    text = _before_sanitiser(raw, media_name)
    if text is None:
        return ""
    return _after_sanitiser(sanitize_html(text) if "<" in text else text)


def fields_html(raws: Iterable[str], media_name: Callable[[str], str | None] | None = None) -> dict[str, str]:
    """:func:`field_html` of each distinct text of ``raws``, the sanitiser run on two threads.

    The sanitiser is most of a field's conversion, and nh3 lets go of Python's lock
    while it works: two threads doing nothing else keep both cores busy (the Anki
    import's 5,000 answers: ~0.35 s on one, ~0.2 s on two). The rest is done here.
    """
    before = {raw: _before_sanitiser(raw, media_name) for raw in dict.fromkeys(raws)}
    dirty = list(dict.fromkeys(t for t in before.values() if t is not None and "<" in t))
    clean = dict(zip(dirty, _sanitise_all(dirty)))
    return {
        raw: "" if text is None else _after_sanitiser(clean[text] if "<" in text else text) for raw, text in before.items()
    }


# Below this many fragments a second thread costs more than it saves.
_THREADED_FROM = 64


def _sanitise_all(fragments: list[str]) -> list[str]:
    if len(fragments) < _THREADED_FROM:
        return [sanitize_html(f) for f in fragments]
    half = len(fragments) // 2
    out: list[str] = [""] * len(fragments)

    def sanitise(start: int, stop: int) -> None:
        for i in range(start, stop):
            out[i] = sanitize_html(fragments[i])

    run_beside(lambda: sanitise(0, half), lambda: sanitise(half, len(fragments)), name="sanitise")
    return out


def _before_sanitiser(raw: str, media_name: Callable[[str], str | None] | None) -> str | None:
    """The field up to the sanitiser: legacy LaTeX, sounds and image names rewritten; None if empty.

    Text without tags needs no sanitiser run (~0.1 ms a call): it comes out escaped here.
    """
    if not raw.strip():
        return None
    text = legacy_latex(raw)
    if "[sound:" in text:
        text = _SOUND.sub(lambda m: f"[audio: {m.group(1)}]", text)
    if media_name is not None and has_image(text):
        text = _IMG_SRC.sub(lambda m: _image(m, media_name), text)
    return text if "<" in text else html.escape(html.unescape(text), quote=False)


def _after_sanitiser(text: str) -> str:
    """The sanitised (or escaped) field as stored: dollars as entities, formulas decoded, trimmed."""
    text = text.replace("$", "&#36;")
    if "\\(" in text or "\\[" in text:
        text = _MATH.sub(_decode_math, text)
    return text.strip()


def _image(match: re.Match[str], media_name: Callable[[str], str | None]) -> str:
    src = html.unescape(next(g for g in match.groups()[1:] if g is not None))
    stored = media_name(src)
    if stored is None:
        return match.group(0)
    return f'{match.group(1)}"{html.escape(stored, quote=True)}"'


def has_image(fragment: str) -> bool:
    """Whether ``fragment`` holds an ``<img`` tag (any case)."""
    return _IMG_MARK.search(fragment) is not None


def has_text(fragment: str) -> bool:
    """Whether :func:`html_to_text` of ``fragment`` would be non-empty (without building it)."""
    text = _TAG.sub("", _BREAK.sub(" ", fragment) if "<" in fragment else fragment)
    return bool((html.unescape(text) if "&" in text else text).strip())


def as_markdown(stored_html: str) -> str:
    """Stored HTML as an answer: one raw HTML block, which Markdown leaves as it is."""
    return f"<div>{stored_html}</div>" if stored_html else ""


def html_to_text(fragment: str) -> str:
    """Plain text of a field, for a title: breaks become spaces, tags go, entities are decoded."""
    text = _TAG.sub("", _BREAK.sub(" ", fragment))
    return " ".join(html.unescape(text).replace("\xa0", " ").split())


def make_title(text: str) -> str:
    return text if len(text) <= TITLE_MAX else text[: TITLE_MAX - 1].rstrip() + "…"


def cloze_numbers(*texts: str) -> list[int]:
    return sorted({int(m.group(1)) for text in texts for m in _CLOZE.finditer(text) if int(m.group(1)) > 0})


def _split(content: str) -> tuple[str, str | None]:
    if "::" in content:
        text, hint = content.split("::", 1)
        return text, hint
    return content, None


def cloze_front(text: str, number: int) -> str:
    """Deletions of ``number`` hidden as ``[…]`` (or ``[hint]``); the others shown."""

    def replace(match: re.Match[str]) -> str:
        content, hint = _split(match.group(2))
        if int(match.group(1)) == number:
            return f"[{hint}]" if hint else "[…]"
        return content

    return _CLOZE.sub(replace, text)


def cloze_back(text: str, number: int) -> str:
    """Every deletion shown; those of ``number`` marked, as Anki marks the answer."""

    def replace(match: re.Match[str]) -> str:
        content, _hint = _split(match.group(2))
        if int(match.group(1)) == number:
            return f'<span style="{CLOZE_STYLE}">{content}</span>'
        return content

    return _CLOZE.sub(replace, text)


def has_more_than_text(stored_html: str, title: str) -> bool:
    """Whether the first field shows more than its title (an image, a formula, a list, a longer text)."""
    lowered = stored_html.lower()
    if any(marker in lowered for marker in ("<img", "\\(", "\\[", "<table", "<ul", "<ol", "<pre")):
        return True
    return html_to_text(stored_html) != title

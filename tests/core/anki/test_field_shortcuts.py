"""The Anki field conversion's shortcuts (fields.py) give what the full passes give."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizdesk.core.anki import fields
from quizdesk.core.anki.fields import has_image, has_text, html_to_text, legacy_latex

_PIECES = st.sampled_from([
    "<br>", "<div>", "</div>", "<b>", "&nbsp;", "&amp;", "&#36;", " ", "\n", "\xa0", "\u3000", "x", "公式", "<img src=a.png>",
    "<IMG SRC='b.png'>", "<Img", "[$]", "[/$]", "[$$]", "[/$$]", "[latex]", "[/latex]", "[LaTeX]", "[/LATEX]", "[", "]", "$",
    "a^2", "<span style=\"color:red\">", "</span>", "&lt;", "<!-- c -->", "[sound:a.mp3]",
])
_FRAGMENTS = st.lists(_PIECES, max_size=25).map("".join)


@settings(max_examples=600, deadline=None)
@given(_FRAGMENTS)
def test_has_text_is_html_to_text_not_empty(fragment: str) -> None:
    assert has_text(fragment) == bool(html_to_text(fragment))


@settings(max_examples=600, deadline=None)
@given(_FRAGMENTS)
def test_legacy_latex_shortcut_changes_nothing(fragment: str) -> None:
    full = fragment
    for pattern, opener, closer in fields._LEGACY:
        full = pattern.sub(_wrap(opener, closer), full)
    assert legacy_latex(fragment) == full


def _wrap(opener: str, closer: str) -> Callable[[re.Match[str]], str]:
    return lambda match: f"{opener}{match.group(1)}{closer}"


@settings(max_examples=300, deadline=None)
@given(_FRAGMENTS)
def test_has_image_is_a_case_blind_img(fragment: str) -> None:
    assert has_image(fragment) == ("<img" in fragment.lower())


def _media(name: str) -> str | None:
    return None if name.startswith("b") else f"stored-{name}"


@settings(max_examples=60, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=200))
def test_fields_html_is_field_html_of_each_text(fragments: list[str]) -> None:
    """The batch conversion (sanitiser on two threads from 64 texts on) gives each text's own conversion."""
    assert fields.fields_html(fragments, _media) == {f: fields.field_html(f, _media) for f in fragments}


def test_fields_html_of_many_texts_uses_both_halves_and_raises_what_the_sanitiser_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [f"<b>answer {i}</b> $x$ \\(a &lt; b\\)" for i in range(fields._THREADED_FROM * 2)]
    assert fields.fields_html(texts) == {t: fields.field_html(t) for t in texts}
    real = fields.sanitize_html

    def broken(fragment: str) -> str:
        if "answer 127" in fragment:  # in the second thread's half
            raise RuntimeError("sanitiser failed")
        return real(fragment)

    monkeypatch.setattr(fields, "sanitize_html", broken)
    with pytest.raises(RuntimeError, match="sanitiser failed"):
        fields.fields_html(texts)

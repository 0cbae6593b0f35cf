"""The Anki field conversion's shortcuts (fields.py) give what the full passes give."""

from __future__ import annotations

import re
from collections.abc import Callable

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

"""Allow-list sanitising of the HTML that reaches QTextBrowser.

Answers may carry raw HTML (``<font color=…>``, ``<br>``, ``<h2 id=…>``,
``<sup>``, tables). Kept: tags and attributes QTextBrowser understands and that
cannot run code or load anything by themselves. Gone: scripts and styles with
their content, event handlers, iframes/objects, ``javascript:`` and ``file:``
URLs, and any inline CSS property outside :data:`STYLE_PROPERTIES`.
"""

from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "address", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "dd",
    "del", "dfn", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "nobr", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike", "strong",
    "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
}
# Removed together with everything inside them.
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "select", "title"}

_ALIGN = {"align", "valign"}
_CELL = {"colspan", "rowspan", "width", "bgcolor"} | _ALIGN
ATTRIBUTES = {
    "*": {"id", "title", "style", "dir"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "font": {"color", "size", "face"},
    "ol": {"start", "type"},
    "li": {"value"},
    "table": {"border", "cellpadding", "cellspacing", "width", "bgcolor", "align"},
    "td": _CELL,
    "th": _CELL,
    "tr": _ALIGN | {"bgcolor"},
    "p": _ALIGN,
    "div": _ALIGN,
    **{f"h{n}": _ALIGN for n in range(1, 7)},
}
STYLE_PROPERTIES = {
    "color", "background-color", "font-weight", "font-style", "text-decoration", "text-align", "vertical-align",
}
URL_SCHEMES = {"http", "https", "mailto"}


# Built once: nh3.clean builds a new cleaner from these sets on every call, which was half
# the cost of a short fragment and a third of a long one (an Anki import sanitises every field).
_CLEANER = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=DROP_WITH_CONTENT,
    attributes=ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    filter_style_properties=STYLE_PROPERTIES,
    strip_comments=True,
    link_rel=None,
)


def sanitize_html(fragment: str) -> str:
    """``fragment`` with only allowed tags, attributes, URL schemes and CSS properties."""
    return _CLEANER.clean(fragment)

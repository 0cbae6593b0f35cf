"""The sanitiser's cleaner, built once, cleans exactly as ``nh3.clean`` called with the same rules did."""

from __future__ import annotations

import threading

import nh3
from hypothesis import given, settings
from hypothesis import strategies as st

from quizdesk.core.render import sanitize
from quizdesk.core.render.sanitize import sanitize_html


def _per_call(fragment: str) -> str:
    """The sanitiser as it was: a cleaner made from the module's rules at every call."""
    return nh3.clean(
        fragment,
        tags=sanitize.TAGS,
        clean_content_tags=sanitize.DROP_WITH_CONTENT,
        attributes=sanitize.ATTRIBUTES,
        url_schemes=sanitize.URL_SCHEMES,
        filter_style_properties=sanitize.STYLE_PROPERTIES,
        strip_comments=True,
        link_rel=None,
    )


SAMPLES = [
    '<p onclick="x()">a<script>alert(1)</script><style>p{}</style>b</p>',
    '<a href="javascript:alert(1)">x</a><a href="https://example.org" rel="x" target="_blank">y</a>',
    '<img src="file:///etc/passwd"><img src="media/a.png" alt="a" width="3" onerror="x">',
    '<span style="color:#008000;font-weight:bold;position:fixed;background:url(x)">t</span>',
    '<font color="red" size="3" face="serif">f</font><iframe src="x">i</iframe><!-- c -->',
    '<table border="1" bgcolor="#eee"><tr align="left"><td colspan="2" valign="top">c</td></tr></table>',
    '<h2 id="x" align="center">h</h2><ol start="3" type="a"><li value="4">l</li></ol><textarea>t</textarea>',
    "a &lt; b &amp; c < d > e", "<unknown>u</unknown><svg><circle/></svg>", "", "plain",
]


def test_samples_clean_as_before() -> None:
    for fragment in SAMPLES:
        assert sanitize_html(fragment) == _per_call(fragment), fragment


_PIECES = st.sampled_from([
    "<p>", "</p>", "<b>", "</b>", "<span style=\"color:red;position:absolute\">", "</span>", "<script>", "</script>",
    "<a href=\"javascript:x\">", "<a href=\"http://x\">", "</a>", "<img src=\"x.png\" onerror=\"y\">", "<br>", "<style>",
    "</style>", "<!--", "-->", "<td rowspan=2>", "<font color=blue>", "&amp;", "&lt;", "<", ">", "\"", "text", "公式",
    " ", "\n", "<pre>", "</pre>", "<iframe>", "<div align=center>", "<u>", "<x-tag>",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_generated_fragments_clean_as_before(fragment: str) -> None:
    assert sanitize_html(fragment) == _per_call(fragment)


def test_one_cleaner_serves_threads_at_once() -> None:
    """The import sanitises on a worker thread while the window renders answers on the GUI thread."""
    fragment = '<p><span style="color:red">x</span><script>y</script></p>' * 200
    expected = _per_call(fragment)
    results: list[bool] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.extend(sanitize_html(fragment) == expected for _ in range(50))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and results == [True] * 200

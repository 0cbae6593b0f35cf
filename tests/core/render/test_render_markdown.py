"""render_markdown end to end with the real renderer: Markdown, code, formulas, HTML, images."""

from __future__ import annotations

import re
import socket
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizdesk.core.render import MathCache, RenderedAnswer, render_markdown
from quizdesk.core.render.code_highlight import DARK_CODE_STYLE


def render(text: str, **kwargs: object) -> RenderedAnswer:
    kwargs.setdefault("cache", MathCache())
    return render_markdown(text, **kwargs)  # type: ignore[arg-type]


def images_in(html: str) -> list[str]:
    return re.findall(r'<img src="(math/[0-9a-f]{40}\.svg)"', html)


def test_every_delimiter_becomes_an_svg_image() -> None:
    answer = render(r"a $x^2$ b \(y_1\) c" + "\n\n$$\\sum_i x_i$$\n\n\\[\\frac{a}{b}\\]\n")
    names = images_in(answer.html)
    assert len(names) == 4
    assert set(names) == set(answer.images)
    for svg in answer.images.values():
        assert svg.startswith(b"<svg") and b"<path" in svg
        assert b"<use" not in svg and b"<symbol" not in svg  # SVG 1.1, which Qt draws
    assert answer.problems == ()


def test_display_formula_is_a_centred_block_and_inline_one_is_aligned() -> None:
    html = render("text $x$ more\n\n$$y$$\n").html
    assert re.search(r'<p align="center"[^>]*><img src="math/', html)
    assert re.search(r'<img src="math/[^"]+" width="\d+" height="\d+" alt="\$x\$" style="vertical-align: middle; font-size: \d+px;">', html)


def test_display_formula_inside_a_paragraph_splits_it() -> None:
    html = render("before $$z$$ after").html
    assert re.search(r"<p>before</p><p align=\"center\"[^>]*><img[^>]+></p><p>after</p>", html)


def test_price_stays_prose() -> None:
    answer = render("It costs $5 and $10.")
    assert "costs $5 and $10." in answer.html
    assert answer.images == {}


def test_math_inside_code_is_left_alone() -> None:
    answer = render("`$x$` and\n\n```python\ny = '$z$'\n```\n")
    assert answer.images == {}
    assert "$x$" in answer.html and "$z$" in answer.html


def test_table_gets_borders_and_padding_qt_needs() -> None:
    html = render("| a | b |\n|---|---|\n| $x$ | 2 |\n").html
    table = re.search(r"<table[^>]*>", html)
    assert table is not None
    assert 'border="1"' in table.group(0) and 'cellpadding="6"' in table.group(0)
    assert "<th" in html and images_in(html)


def test_nested_lists_indented_like_on_github() -> None:
    html = render("1. first\n   - nested $a$\n   - nested two\n2. second\n").html
    assert re.search(r"<ol>\s*<li>first\s*<ul>\s*<li>nested <img", html)
    assert html.count("<li>") == 4


def test_fenced_python_is_highlighted_with_inline_styles() -> None:
    html = render("```python\ndef f(x):\n    return x  # note\n```\n").html
    assert re.search(r'<span style="color: #[0-9A-Fa-f]{3,6}; font-weight: bold">def</span>', html)
    assert 'class="' not in html
    assert "<pre" in html and "bgcolor=" in html


def test_dark_code_style_uses_its_own_colours() -> None:
    light = render("```python\nimport os\n```").html
    dark = render("```python\nimport os\n```", code_style=DARK_CODE_STYLE, color="#dfe1e5").html
    assert light != dark


def test_unknown_or_missing_language_is_plain_monospace() -> None:
    for fence in ("```nosuchlanguage", "```"):
        answer = render(f"{fence}\nplain <text> & $x$\n```\n")
        assert "<pre" in answer.html and "plain &lt;text&gt; &amp; $x$" in answer.html
        assert "<span style" not in answer.html
        assert answer.problems == ()


def test_fenced_code_inside_a_list_item() -> None:
    html = render("- item\n  ```python\n  x = 1\n  ```\n- next\n").html
    assert "<pre" in html and "x" in html and "```" not in html


def test_broken_formula_next_to_a_good_one() -> None:
    answer = render(r"good $a^2+b^2$ and broken $\frac{a}{b$ and $\nosuchcommand{x}$ end")
    assert len(answer.images) == 1
    kinds = [(p.kind, p.source) for p in answer.problems]
    assert kinds == [("math", r"$\frac{a}{b$"), ("math", r"$\nosuchcommand{x}$")]
    assert r"$\frac{a}{b$" in answer.html and "monospace" in answer.html
    assert "#c62828" in answer.html  # error red
    assert "end" in answer.html


def test_huge_formula_is_refused_quickly() -> None:
    start = time.perf_counter()
    answer = render("$$" + "x+" * 50_000 + "x$$")
    assert time.perf_counter() - start < 10  # a guard against hangs, not a budget
    assert answer.problems and answer.problems[0].kind == "math"
    assert "too long" in answer.problems[0].message


def test_pathologically_nested_formulas_are_refused() -> None:
    for tex in ("{" * 200 + "x" + "}" * 200, r"\frac{1}{" * 30 + "x" + "}" * 30):
        start = time.perf_counter()
        answer = render(f"$${tex}$$")
        assert time.perf_counter() - start < 10
        assert [p.kind for p in answer.problems] == ["math"]


def test_raw_html_kept_where_harmless() -> None:
    html = render('<font color="red">red</font> a<br>b <sup>2</sup> <sub>i</sub> <b>bold</b>\n\n<h2 id="q1">Q</h2>\n').html
    for fragment in ('<font color="red">red</font>', "<br>", "<sup>2</sup>", "<sub>i</sub>", "<b>bold</b>", 'id="q1"'):
        assert fragment in html


def test_script_event_handlers_iframes_and_style_injection_are_stripped() -> None:
    html = render(
        '<script>alert(1)</script><img src="x.png" onerror="alert(2)">'
        '<iframe src="https://evil.example"></iframe><a href="javascript:alert(3)">j</a>'
        '<p style="color: red; position: fixed; background-image: url(https://t.example/x)">s</p>'
    ).html
    lowered = html.lower()
    for bad in ("<script", "alert(1)", "onerror", "<iframe", "javascript:", "position", "url("):
        assert bad not in lowered
    assert "color:red" in lowered.replace(" ", "")


def test_local_image_inside_the_folder_becomes_a_file_url(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "a.png").write_bytes(b"\x89PNG")
    answer = render("![diagram](img/a.png)", base_dir=tmp_path)
    assert f'src="{(tmp_path / "img" / "a.png").resolve().as_uri()}"' in answer.html
    assert answer.problems == ()


def test_image_outside_the_source_folder_is_refused(tmp_path: Path) -> None:
    inside = tmp_path / "bank"
    inside.mkdir()
    (tmp_path / "secret.png").write_bytes(b"x")
    answer = render('![s](../secret.png) <img src="/etc/passwd">', base_dir=inside)
    assert [p.kind for p in answer.problems] == ["image", "image"]
    assert "secret.png" not in re.sub(r"\[[^\]]*\]", "", answer.html.split("src=")[0])
    assert "file:" not in answer.html


@pytest.mark.parametrize("tag", ['<img src="file:///etc/hostname" alt="h">', '<img src="javascript:alert(1)">', "<img alt='no address'>"])
def test_an_image_whose_address_was_refused_is_reported(tmp_path: Path, tag: str) -> None:
    answer = render(f"before {tag} after", base_dir=tmp_path)
    assert [p.kind for p in answer.problems] == ["image"]
    assert "not allowed" in answer.problems[0].message
    assert "file:" not in answer.html and "javascript:" not in answer.html and "after" in answer.html


def test_remote_image_is_never_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the renderer touched the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    answer = render("![架构图](https://example.com/arch.png)")
    assert '<a href="https://example.com/arch.png">https://example.com/arch.png</a>' in answer.html
    assert "架构图" in answer.html
    assert "<img" not in answer.html


def test_formula_in_heading_and_alt_text(tmp_path: Path) -> None:
    (tmp_path / "plot.png").write_bytes(b"\x89PNG")
    html = render("## Loss $L$\n\n![the $x$ plot](plot.png)", base_dir=tmp_path).html
    assert re.search(r"<h2[^>]*>Loss <img src=\"math/", html)
    assert 'alt="the $x$ plot"' in html  # inside an attribute a formula is its source


def test_colour_follows_the_theme() -> None:
    cache = MathCache()
    light = render_markdown("$x$", color="#1f2328", cache=cache)
    dark = render_markdown("$x$", color="#dfe1e5", cache=cache)
    assert b'fill="#1f2328"' in next(iter(light.images.values()))
    assert b'fill="#dfe1e5"' in next(iter(dark.images.values()))


def test_whole_answers_are_cached() -> None:
    cache = MathCache()
    first = render_markdown("cached $y$ answer", cache=cache)
    assert render_markdown("cached $y$ answer", cache=cache) is first


def test_bad_input_never_raises() -> None:
    for text in ("", "\0\0", "<" * 1000, "$" * 999, "```" * 50, "| a |\n|", "\\" * 101, "- " * 200, "[^1]\n\n[^1]: $x$"):
        assert isinstance(render(text), RenderedAnswer)


def test_showcase_answer_renders_without_problems() -> None:
    """The answer behind docs/img/render-*.png: attention, softmax, KL, Adam, positional encoding,
    bmatrix, cases, a table, a nested list, a quote with CJK in \\text, Python."""
    text = (Path(__file__).parent / "showcase.md").read_text(encoding="utf-8")
    answer = render(text)
    assert answer.problems == ()
    assert len(answer.images) >= 20


def test_wide_accents_in_aligned_columns_are_not_clipped() -> None:
    from quizdesk.core.render.math_svg import _ink_extent, render_tex

    image = render_tex(r"\begin{aligned}\hat m_t &= 1\\ x &= 2\end{aligned}", display=True, size_px=16, color="#000")
    view = re.search(r'viewBox="([^"]+)"', image.svg.decode()).group(1).split()
    xmin, xmax, ymin, ymax = _ink_extent(image.svg.decode())
    assert float(view[0]) <= xmin and float(view[0]) + float(view[2]) >= xmax - 0.01


def test_cjk_punctuation_after_a_formula_travels_with_it() -> None:
    # Qt may break a line after any inline image; "：" must not start the next line.
    answer = render("维度 $d_k$：下一句 $x$, ascii")
    assert 'alt="$d_k$："' in answer.html and "：下一句" not in answer.html
    assert 'alt="$x$"' in answer.html and ", ascii" in answer.html


def test_symlink_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    inside = tmp_path / "bank"
    inside.mkdir()
    (tmp_path / "outside.png").write_bytes(b"x")
    (inside / "link.png").symlink_to(tmp_path / "outside.png")
    answer = render("![l](link.png)", base_dir=inside)
    assert [p.kind for p in answer.problems] == ["image"] and "file:" not in answer.html


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 中$\\`*_[]()<>|#-\n{}^!/.:")), max_size=80))
def test_any_text_renders_without_raising(text: str) -> None:
    answer = render(text)
    assert isinstance(answer.html, str)
    assert "<script" not in answer.html.lower()
    assert all(name in answer.html for name in answer.images)


def test_the_dark_code_style_is_one_pygments_has() -> None:
    # code_style.py names it without importing Pygments; pyproject's Pygments floor ships it.
    from pygments.styles import get_all_styles  # type: ignore[import-untyped]

    assert DARK_CODE_STYLE in set(get_all_styles())

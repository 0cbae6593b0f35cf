"""AnswerView offscreen: formulas really drawn (light and dark), on the baseline, crisp, safe links."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage, QTextDocument

from quizdesk.core.render import MathCache
from quizdesk.ui.widgets.answer_view import DARK_COLORS, LIGHT_COLORS, AnswerView
from quizdesk.ui.widgets.svg_images import svg_to_image

ANSWER = r"""## 缩放点积注意力

输入 $X\in\mathbb{R}^{n\times d}$，注意力为

$$
\mathrm{Attention}(Q,K,V)=\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V
$$

| 方法 | 复杂度 |
|---|---|
| 自注意力 | $O(n^2 d)$ |

```python
def softmax(x):
    return np.exp(x) / np.exp(x).sum()
```
"""


@pytest.fixture
def view(qtbot) -> Iterator[AnswerView]:
    widget = AnswerView(cache=MathCache())
    qtbot.add_widget(widget)
    widget.resize(720, 600)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def formula_rects(view: AnswerView) -> list[QRect]:
    """Viewport rectangles of every formula image in the document."""
    rects = []
    doc = view.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name().startswith("math/"):
                image = fmt.toImageFormat()
                cursor = view.textCursor()
                cursor.setPosition(fragment.position())
                left = view.cursorRect(cursor)
                layout = block.layout()
                line = layout.lineForTextPosition(fragment.position() - block.position())
                top = int(layout.position().y() + line.y()) - view.verticalScrollBar().value()
                rects.append(QRect(left.x(), top, int(image.width()), int(line.height())))
            it += 1
        block = block.next()
    return rects


def ink_pixels(image: QImage, rect: QRect, background: str) -> int:
    bg = QColor(background)
    count = 0
    for y in range(max(rect.top(), 0), min(rect.bottom(), image.height() - 1) + 1):
        for x in range(max(rect.left(), 0), min(rect.right(), image.width() - 1) + 1):
            c = QColor(image.pixel(x, y))
            if abs(c.red() - bg.red()) + abs(c.green() - bg.green()) + abs(c.blue() - bg.blue()) > 60:
                count += 1
    return count


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_formulas_are_really_drawn(view: AnswerView, dark: bool, qtbot) -> None:
    view.set_dark(dark)
    view.set_markdown(ANSWER)
    rects = formula_rects(view)
    assert len(rects) == 3
    shot = view.viewport().grab().toImage()
    background = (DARK_COLORS if dark else LIGHT_COLORS)["base"]
    for rect in rects:
        assert rect.width() > 5
        assert ink_pixels(shot, rect, background) > 0.04 * rect.width() * rect.height(), rect
    assert view.problems() == ()


def test_dark_formulas_are_light_ink(view: AnswerView) -> None:
    view.set_dark(True)
    view.set_markdown(r"公式 $\mathrm{MMMM}$")
    (rect,) = formula_rects(view)
    shot = view.viewport().grab().toImage()
    brightest = max(
        QColor(shot.pixel(x, y)).lightness() for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom())
    )
    assert brightest > 150


def test_png_export_of_a_rendered_answer_is_not_blank(view: AnswerView, tmp_path: Path) -> None:
    view.set_markdown(ANSWER)
    out = tmp_path / "answer.png"
    assert view.grab().save(str(out))
    image = QImage(str(out))
    rect = formula_rects(view)[1].translated(view.viewport().pos())
    assert ink_pixels(image, rect, LIGHT_COLORS["base"]) > 100


@pytest.mark.parametrize("px", [13, 16, 21])
@pytest.mark.parametrize(
    "markdown",
    [r"HHHH $\mathrm{H}$ HHHH", r"中文 HHHH $\mathrm{H}$ HHHH", r"中文 HHHH $\mathrm{H}$ HHHH $\frac{a}{b}$ $x_{i_j}$"],
)
def test_inline_formulas_sit_on_the_text_baseline(view: AnswerView, px: int, markdown: str) -> None:
    view.set_font_px(px)
    view.set_markdown(markdown)
    shot = view.viewport().grab().toImage()
    found = view.document().find("HHHH")
    text_right = view.cursorRect(found).right()
    (rect, *_) = formula_rects(view)

    def lowest_ink(x0: int, x1: int) -> int:
        rows = [y for y in range(shot.height()) if any(QColor(shot.pixel(x, y)).lightness() < 110 for x in range(x0, x1))]
        return rows[-1]

    text_bottom = lowest_ink(text_right - 12, text_right - 2)  # the flat foot of an "H"
    math_bottom = lowest_ink(rect.left() + 1, rect.left() + 9)
    assert math_bottom == text_bottom


def test_broken_formula_is_listed_and_the_rest_renders(view: AnswerView) -> None:
    view.set_markdown(r"good $a^2$ bad $\frac{a}{b$")
    assert [p.kind for p in view.problems()] == ["math"]
    assert len(formula_rects(view)) == 1
    assert r"\frac{a}{b" in view.toPlainText()


def test_theme_change_redraws_formulas_in_the_text_colour(view: AnswerView) -> None:
    view.set_markdown("$x$")
    (name,) = [n for n in _resource_names(view)]
    light = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
    view.set_dark(True)
    (dark_name,) = [n for n in _resource_names(view)]
    assert dark_name != name
    assert isinstance(light, QImage)


def _resource_names(view: AnswerView) -> list[str]:
    names = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def test_font_size_scales_formulas(view: AnswerView) -> None:
    view.set_markdown(r"$\mathrm{wide}$")
    small = formula_rects(view)[0].width()
    view.set_font_px(24)
    assert formula_rects(view)[0].width() > small * 1.3


def test_images_match_the_screen_pixel_ratio(view: AnswerView) -> None:
    view.set_markdown("$x^2$")
    (name,) = _resource_names(view)
    image = view.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
    assert isinstance(image, QImage)
    assert image.devicePixelRatio() == view.devicePixelRatioF()


def test_svg_to_image_is_crisp_at_high_pixel_ratios() -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5" viewBox="0 0 10 5"><rect width="10" height="5"/></svg>'
    image = svg_to_image(svg, dpr=2.0)
    assert (image.width(), image.height(), image.devicePixelRatio()) == (20, 10, 2.0)
    assert svg_to_image(b"not svg").isNull()


def test_only_web_links_open_outside(view: AnswerView, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    assert not view.openExternalLinks() and not view.openLinks()
    for url in ("https://example.com/a", "file:///etc/passwd", "javascript:alert(1)", "other.md"):
        view.anchorClicked.emit(QUrl(url))
    assert opened == ["https://example.com/a"]


def test_never_loads_remote_resources(view: AnswerView) -> None:
    assert view.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl("https://example.com/x.png")) is None
    view.set_markdown("![x](https://example.com/x.png)")
    assert "https://example.com/x.png" in view.toPlainText()


def test_object_name_and_local_image(view: AnswerView, tmp_path: Path) -> None:
    assert view.objectName() == "answerView"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(tmp_path / "red.png"))
    view.set_markdown("![red](red.png)", tmp_path)
    assert view.problems() == ()
    assert any(n.startswith("file:") for n in _resource_names(view))


def test_new_answer_starts_at_top_and_theme_change_keeps_the_place(view: AnswerView) -> None:
    long_answer = "\n\n".join(f"段落 {i} $x_{i}$" for i in range(80))
    view.set_markdown(long_answer)
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    view.set_dark(True)
    assert bar.value() == bar.maximum() // 2
    view.set_markdown(long_answer + "\n\nmore")
    assert bar.value() == 0


LONG_CODE_ANSWER = (
    "梯度裁剪把梯度的全局范数限制在阈值以内，训练更稳定。\n\n"
    "```python\n"
    "clipped = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)  # "
    + "keep going " * 24 + "END_OF_LINE\n"
    "short = 1\n"
    "```\n\n"
    "代码块之后的正文。\n"
)


@pytest.mark.parametrize("dark", [False, True])
def test_a_long_code_line_wraps_with_a_mark_and_nothing_scrolls_sideways(qtbot, view, dark) -> None:
    """Issue 21, item 7: any code block made the whole answer scroll sideways."""
    code_line = LONG_CODE_ANSWER.split("\n")[3]
    assert len(code_line) >= 300
    view.set_dark(dark)
    view.resize(720, 600)
    view.set_markdown(LONG_CODE_ANSWER)
    qtbot.waitUntil(lambda: view.document().size().width() <= view.viewport().width())
    assert view.horizontalScrollBar().maximum() == 0
    text = view.document().toPlainText()
    assert code_line in text and "short = 1" in text  # every character is still there, in order
    assert "代码块之后的正文" in text
    # The wrapped line carries a continuation mark on each row after its first; the short line none.
    marks = view.continuation_marks()
    assert len(marks) >= 3
    code_rows = [block for block in view.code_blocks() if block.text() == code_line]
    assert len(code_rows) == 1 and code_rows[0].layout().lineCount() == len(marks) + 1
    # The mark is painted: in the box's gutter left of each wrapped row, something darker (light
    # theme) or lighter (dark theme) than the box; the short line's row has an empty gutter.
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()

    def inked(rect) -> int:
        background = image.pixelColor(int(rect.left() * ratio), int(rect.top() * ratio))
        return sum(
            1
            for x in range(int(rect.left() * ratio), int((rect.right() + 1) * ratio))
            for y in range(int(rect.top() * ratio), int((rect.bottom() + 1) * ratio))
            if _distance(image.pixelColor(x, y), background) > 90
        )

    for rect in marks:
        assert view.viewport().rect().contains(rect)
        assert inked(rect) > 5, rect
    short_row = next(b for b in view.code_blocks() if b.text() == "short = 1")
    top = view.document().documentLayout().blockBoundingRect(short_row).translated(0, -view.verticalScrollBar().value())
    assert inked(marks[0].translated(0, round(top.y()) - marks[0].y())) == 0


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def test_a_long_code_line_in_a_study_card_neither_scrolls_nor_is_cut(qtbot, gui_store, qids) -> None:
    """The study page's answer grows with its text (no inner scrolling): a code line must wrap there too."""
    from quizdesk.ui.widgets.markdown_pane import fit_height_to_document, make_markdown_view

    pane = make_markdown_view("studyAnswerView", framed=False, margin=0)
    qtbot.add_widget(pane)
    fit_height_to_document(pane)
    pane.resize(600, 100)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_markdown(LONG_CODE_ANSWER)
    qtbot.waitUntil(lambda: pane.height() > 100)
    assert pane.document().size().width() <= pane.viewport().width() + 1


WIDE_FORMULA_ANSWER = (
    "换算关系：\n\n"
    "$$\\text{物理尺寸(英寸)} = \\frac{\\text{像素数}}{\\text{DPI}},\\qquad "
    "\\text{所需像素} = \\text{物理尺寸(英寸)} \\times \\text{DPI} \\times \\text{缩放系数} + \\text{出血边距}$$\n\n"
    "公式之后的正文，行内还有一个很长的公式："
    "$\\mathrm{MultiHead}(X)=\\mathrm{Concat}(\\mathrm{head}_1,\\dots,\\mathrm{head}_h)W_O"
    "+\\mathrm{Concat}(\\mathrm{head}_1,\\dots,\\mathrm{head}_h)W_O$。\n"
)


def _formula_sizes(view: AnswerView) -> list[tuple[float, float]]:
    """(width, height) of each formula image as the document lays it out."""
    sizes = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name().startswith("math/"):
                sizes.append((fmt.toImageFormat().width(), fmt.toImageFormat().height()))
            it += 1
        block = block.next()
    return sizes


def test_a_formula_wider_than_the_pane_is_scaled_to_fit_and_back(qtbot, view) -> None:
    """At the largest text size a display formula made the whole answer scroll sideways (DPI)."""
    view.set_font_px(28)
    view.resize(1400, 600)
    view.set_markdown(WIDE_FORMULA_ANSWER)
    qtbot.waitUntil(lambda: bool(_formula_sizes(view)))
    natural = _formula_sizes(view)
    assert len(natural) == 2 and all(w > 520 for w, _h in natural)  # both wider than the narrow pane below
    view.resize(520, 600)
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)
    for (width, height), (natural_w, natural_h) in zip(_formula_sizes(view), natural):
        assert 400 <= width <= view.viewport().width()  # scaled to the width, not further
        assert abs(height / width - natural_h / natural_w) < 0.01  # in proportion
    assert all(rect.right() <= view.viewport().width() for rect in formula_rects(view))
    assert "公式之后的正文" in view.document().toPlainText()
    view.resize(1400, 600)  # room again: their natural size
    qtbot.waitUntil(lambda: _formula_sizes(view) == natural)

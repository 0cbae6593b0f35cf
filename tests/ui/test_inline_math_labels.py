"""Question titles, choices and key points draw their formulas instead of showing ``$z_t=…$``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from quizdesk.ui.widgets.question_widgets import ChoiceList, QuestionHeader
from quizdesk.ui.widgets.theme import apply_theme

TITLE = r"Rectified Flow 中 $z_t=(1-t)x_0+t\epsilon$，网络预测的是："
CHOICES = [r"$x_0 + \epsilon$", r"速度 $\epsilon - x_0$", "`v` 预测", "没有公式的选项"]


def _ink_columns(label) -> int:
    """Columns of the label's picture that hold any dark ink."""
    image = label.grab().toImage()
    return sum(
        1 for x in range(image.width()) if any(image.pixelColor(x, y).lightness() < 110 for y in range(image.height()))
    )


def test_a_title_with_a_formula_draws_it(qtbot) -> None:
    header = QuestionHeader()
    qtbot.add_widget(header)
    header.resize(900, 120)
    header.set_question("生成", "扩散", "single", TITLE, "3. ")
    assert header.title.textFormat() == Qt.TextFormat.RichText
    shown = header.title.text()
    assert shown.startswith("3. Rectified Flow 中 <img") and "data:image/png;base64," in shown
    assert "\\epsilon" not in shown.split('alt="')[0]  # the source is only the image's alt text
    header.show()
    qtbot.waitExposed(header)
    drawn = _ink_columns(header.title)
    header.set_question("生成", "扩散", "single", TITLE.replace("$", ""), "3. ")  # the same text without the formula
    assert header.title.textFormat() == Qt.TextFormat.PlainText
    # the formula is a picture narrower than its source letters ("z_t=(1-t)x_0+t\epsilon")
    assert 0 < drawn < _ink_columns(header.title)


def test_titles_without_formulas_stay_plain_text(qtbot) -> None:
    header = QuestionHeader()
    qtbot.add_widget(header)
    header.set_question("a", "b", "open", "<b>不是标签</b> 与 `code` 和 $5 的价格")
    assert header.title.textFormat() == Qt.TextFormat.PlainText
    assert header.title.text() == "<b>不是标签</b> 与 code 和 $5 的价格"


def test_choices_and_key_points_draw_their_formulas(qtbot) -> None:
    choices = ChoiceList()
    qtbot.add_widget(choices)
    choices.set_items(CHOICES)
    texts = [row.text.text() for row in choices.rows]
    assert all("<img" in t and "data:image/png" in t for t in texts[:2])
    assert texts[1].startswith("速度 <img")
    assert texts[2] == "<code style='font-family: monospace'>v</code> 预测" and texts[3] == "没有公式的选项"


def test_formulas_follow_the_theme(qtbot, qapp: QApplication) -> None:
    header = QuestionHeader()
    qtbot.add_widget(header)
    choices = ChoiceList()
    qtbot.add_widget(choices)
    try:
        apply_theme(qapp, "light")
        header.set_question("生成", "扩散", "single", TITLE)
        choices.set_items(CHOICES)
        light = (header.title.text(), choices.rows[0].text.text())
        apply_theme(qapp, "dark")  # the ink changes: drawn again
        assert header.title.text() != light[0] and choices.rows[0].text.text() != light[1]
    finally:
        apply_theme(qapp, "light")


def test_the_question_list_draws_formulas_in_titles(qtbot) -> None:
    from quizdesk.ui.library.question_list import QuestionListWidget

    listing = QuestionListWidget()
    qtbot.add_widget(listing)
    listing.resize(700, 200)
    listing.show()
    qtbot.waitExposed(listing)

    def ink_columns(title: str) -> int:
        listing.fill([(1, title, "single")])
        image = listing.viewport().grab().toImage()
        row = listing.visualRect(listing.model().index(0, 0))
        text_right = row.right() - 80  # left of the type badge
        return sum(
            1 for x in range(row.left(), text_right)
            if any(image.pixelColor(x, y).lightness() < 110 for y in range(row.top(), row.bottom()))
        )

    drawn, source = ink_columns(TITLE), ink_columns(TITLE.replace("$", ""))
    assert 0 < drawn < source  # the formula as a picture, not its letters

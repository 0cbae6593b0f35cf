"""Search results say why they matched (a marked line of text) and Esc clears the search."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage

from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.widgets.theme import colors

K = Qt.Key


def _window(qtbot, store) -> MainWindow:
    window = MainWindow(store)
    qtbot.add_widget(window)
    window.resize(1200, 800)
    return window


def test_esc_in_the_search_box_clears_it(qtbot, gui_store, type_text, activate, keyboard) -> None:
    window = _window(qtbot, gui_store)
    activate(window)
    keyboard.press(K.Key_F, modifier=Qt.KeyboardModifier.ControlModifier)
    type_text(window.search_box, "滑动平均")
    qtbot.waitUntil(lambda: window.library.question_list.count() == 2)
    keyboard.press(K.Key_Escape)
    assert window.search_box.text() == ""
    assert window.library.question_list.count() == 22  # the topic's questions again
    assert window.search_box.hasFocus()
    keyboard.press(K.Key_Escape)  # an empty box: nothing happens, nothing breaks
    assert window.library.question_list.count() == 22


def _accent_pixels(image: QImage, rect: QRect) -> int:
    accent = QColor(colors().accent)
    count = 0
    for y in range(rect.top(), rect.bottom(), 1):
        for x in range(rect.left(), rect.right(), 2):
            pixel = image.pixelColor(x, y)
            if abs(pixel.red() - accent.red()) + abs(pixel.green() - accent.green()) + abs(pixel.blue() - accent.blue()) < 60:
                count += 1
    return count


def test_each_result_shows_where_it_matched_with_the_term_marked(qtbot, gui_store, type_text) -> None:
    window = _window(qtbot, gui_store)
    window.show()
    qtbot.waitExposed(window)
    plain_height = window.library.question_list.sizeHintForRow(0)
    type_text(window.search_box, "滑动平均")  # only in answers and explanations, not in titles
    qtbot.waitUntil(lambda: window.library.question_list.count() == 2)
    listing = window.library.question_list
    for row in range(listing.count()):
        found = listing.snippet_at(row)
        assert found is not None, listing.title_at(row)
        assert [found.text[s:e] for s, e in found.spans] == ["滑动平均"]
        assert found.field in {"answer", "body"}
    # Two lines per result: the title and the marked line; the mark is drawn in the accent colour
    assert listing.sizeHintForRow(0) > plain_height + listing.fontMetrics().height() // 2
    image = listing.viewport().grab().toImage()
    first = listing.visualRect(listing.model().index(0, 0))
    second_line = QRect(first.left(), first.center().y(), first.width() - 80, first.height() // 2)
    assert _accent_pixels(image, second_line) > 10
    title_line = QRect(first.left(), first.top(), first.width() - 80, first.height() // 2)
    assert _accent_pixels(image, title_line) == 0  # the title does not contain the term
    # The title's own match is marked too
    window.search_box.clear()
    type_text(window.search_box, "梯度裁剪")
    qtbot.waitUntil(lambda: window.library.list_header.text().startswith("Search"))
    assert "梯度裁剪" in listing.title_at(0)
    image = listing.viewport().grab().toImage()
    first = listing.visualRect(listing.model().index(0, 0))
    assert _accent_pixels(image, QRect(first.left(), first.top(), first.width() - 80, first.height() // 2)) > 10
    # Back to browsing: one line per question, no marks
    window.search_box.clear()
    assert listing.snippet_at(0) is None and listing.sizeHintForRow(0) == plain_height

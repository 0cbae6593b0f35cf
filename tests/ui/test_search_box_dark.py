"""The toolbar's search box can be seen in the dark theme: its frame stands out from the toolbar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.widgets.theme import apply_theme


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_search_box_frame_stands_out_from_the_toolbar(qtbot, gui_store, qapp: QApplication, theme: str) -> None:
    try:
        apply_theme(qapp, theme)
        window = MainWindow(gui_store)
        qtbot.add_widget(window)
        window.resize(1200, 700)
        window.show()
        qtbot.waitExposed(window)
        window.library.question_list.setFocus()  # the box as it usually is: not focused
        box = window.search_box
        image = box.grab().toImage()
        y = image.height() // 2
        toolbar = box.parentWidget().grab().toImage().pixelColor(box.x() - 3, box.y() + y).lightness()
        field = image.pixelColor(6, y).lightness()
        frame = max(
            (image.pixelColor(x, y).lightness() for x in range(3)),
            key=lambda lightness: min(abs(lightness - toolbar), abs(lightness - field)),
        )
        # The frame differs from both the toolbar around it and the field inside it
        assert abs(frame - toolbar) >= 40 and abs(frame - field) >= 40, (frame, toolbar, field)
    finally:
        apply_theme(qapp, "light")


def test_a_text_box_frame_stands_out_in_the_dark_theme(qtbot, qapp: QApplication) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QWidget

    try:
        apply_theme(qapp, "dark")
        page = QWidget()
        qtbot.add_widget(page)
        layout = QHBoxLayout(page)
        button, notes = QPushButton("x"), QPlainTextEdit()  # the exam's answer field is a QPlainTextEdit
        layout.addWidget(button)
        layout.addWidget(notes)
        page.resize(400, 120)
        page.show()
        qtbot.waitExposed(page)
        button.setFocus()
        image = page.grab().toImage()
        y = notes.y() + notes.height() // 2
        around = image.pixelColor(notes.x() - 3, y).lightness()
        inside = image.pixelColor(notes.x() + 8, y).lightness()
        frame = max(image.pixelColor(notes.x() + dx, y).lightness() for dx in range(2))
        assert frame - around >= 40 and frame - inside >= 40, (frame, around, inside)
    finally:
        apply_theme(qapp, "light")

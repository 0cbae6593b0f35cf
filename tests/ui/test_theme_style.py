"""Check boxes stay visible in both themes (Fusion's own outline vanishes on a dark palette)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QTreeWidget, QTreeWidgetItem

from quizdesk.ui.widgets.theme import QuizDeskStyle, apply_theme


def _max_contrast(image, background: QColor, width: int) -> int:
    return max(
        abs(image.pixelColor(x, y).lightness() - background.lightness())
        for x in range(min(width, image.width()))
        for y in range(image.height())
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_an_unchecked_box_stands_out_from_its_background(qtbot, qapp, theme: str) -> None:
    try:
        apply_theme(qapp, theme)
        assert isinstance(qapp.style(), QuizDeskStyle)
        box = QCheckBox()  # no label: only the indicator is drawn
        tree = QTreeWidget()
        tree.setHeaderHidden(True)
        item = QTreeWidgetItem([""])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        tree.addTopLevelItem(item)
        for widget in (box, tree):
            qtbot.add_widget(widget)
            widget.resize(240, 60)
            widget.show()
            qtbot.waitExposed(widget)
        palette = qapp.palette()
        assert _max_contrast(box.grab().toImage(), palette.color(palette.ColorRole.Window), 22) > 40
        rect = tree.visualItemRect(item)
        row = tree.viewport().grab(rect).toImage()
        assert _max_contrast(row, palette.color(palette.ColorRole.Base), 26) > 40
    finally:
        apply_theme(qapp, "light")


def test_only_the_dark_theme_draws_through_python(qapp) -> None:
    # A Python drawPrimitive is a call into Python for every primitive Qt draws (and a
    # Python class for each kind of style option): the light theme needs none of it.
    from PySide6.QtWidgets import QProxyStyle

    try:
        apply_theme(qapp, "dark")
        assert type(qapp.style()).drawPrimitive is not QProxyStyle.drawPrimitive
        apply_theme(qapp, "light")
        assert isinstance(qapp.style(), QuizDeskStyle) and type(qapp.style()).drawPrimitive is QProxyStyle.drawPrimitive
        assert qapp.style().baseStyle().name().lower() == "fusion"
    finally:
        apply_theme(qapp, "light")

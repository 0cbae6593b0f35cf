"""Theme colours for Qt Charts: the results page and the weak-areas charts
share them, so a chart reads the same on every screen and in both themes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor

from quizdesk.ui.widgets.theme import ThemeColors

if TYPE_CHECKING:
    from PySide6.QtCharts import QAbstractAxis, QChart


def style_chart(chart: QChart, c: ThemeColors) -> None:
    """The card behind the chart, its title and legend text in the theme's colours."""
    chart.setBackgroundBrush(QColor(c.card))
    chart.setPlotAreaBackgroundVisible(False)
    chart.setTitleBrush(QColor(c.text))
    chart.legend().setLabelColor(QColor(c.text))


def style_axis(axis: QAbstractAxis, c: ThemeColors) -> None:
    """Labels in the text colour, grid and axis line in the border colour, the title muted."""
    axis.setLabelsColor(QColor(c.text))
    axis.setGridLineColor(QColor(c.border))
    axis.setLinePenColor(QColor(c.border))
    axis.setTitleBrush(QColor(c.muted))

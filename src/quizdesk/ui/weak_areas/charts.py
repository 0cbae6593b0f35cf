"""The weak-areas charts: mastery as horizontal bars (modules, or one module's
topics after a click), and the last weeks' reviews and accuracy on two axes.

Bars are coloured by band (weak / fair / strong, the core's thresholds, as the
dots and the ranking use them): each band is its own bar set in a stacked
series, so every bar has its band's colour and the legend names the bands. A
topic never practised gets a hatched grey bar across the whole scale with "—"
as its score: unknown, clearly not "0". The chart asks for the height that
gives every bar room for its label: Qt drops labels that would overlap, and
Chinese labels are taller than the UI font's line.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QMargins, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QFontMetricsF, QPainter, QPen, QTextDocument
from PySide6.QtWidgets import QToolTip, QWidget

from quizdesk.core.stats.history import DayStats
from quizdesk.core.stats.mastery import STRONG_MASTERY_FROM, WEAK_MASTERY_BELOW, TopicStats
from quizdesk.ui.widgets.chart_theme import style_axis, style_chart
from quizdesk.ui.widgets.mastery_indicator import UNKNOWN, band, band_color, display_name, mastery_text, mastery_tooltip
from quizdesk.ui.widgets.theme import ThemeColors, colors

LABEL_CHARS = 24  # category labels longer than this are cut with "…" (the table has the full name)
# The mastery chart's height: at least enough for one label per bar, but never more
# than MAX_CHART_HEIGHT (past it, a bank with dozens of modules, Qt thins the labels
# out; the table and the bars' tooltips still name every one).
MIN_CHART_HEIGHT, MAX_CHART_HEIGHT = 240, 460


def short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _base_chart(c: ThemeColors) -> QChart:
    chart = QChart()
    chart.setBackgroundRoundness(0)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    style_chart(chart, c)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def label_height(font: QFont, labels: list[str]) -> float:
    """The height Qt Charts gives the tallest of these category labels.

    Labels are text items laid out like a text document with a half-pixel
    margin, so a Chinese label is as tall as its CJK fallback font's line,
    taller than the UI font's own line that ``QFontMetrics`` reports.
    """
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(0.5)
    tallest = 0.0
    for label in labels:
        document.setPlainText(label)
        tallest = max(tallest, document.size().height())
    return tallest


def band_names() -> list[str]:
    """The legend's names of the bands, WEAK to UNKNOWN, with the core's thresholds in them."""
    weak, strong = f"{WEAK_MASTERY_BELOW:.0f}", f"{STRONG_MASTERY_FROM:.0f}"
    return [
        QCoreApplication.translate("MasteryChartView", "Weak (below %1)").replace("%1", weak),
        # Scores show rounded down, so the fair band reads up to one under "strong".
        QCoreApplication.translate("MasteryChartView", "Fair (%1–%2)").replace("%1", weak).replace("%2", f"{STRONG_MASTERY_FROM - 1:.0f}"),
        QCoreApplication.translate("MasteryChartView", "Strong (%1 and up)").replace("%1", strong),
        QCoreApplication.translate("MasteryChartView", "Not practised"),
    ]


class MasteryChartView(QChartView):
    """Mastery per module; clicking a module's bar shows its topics (``show_module(None)`` goes back)."""

    #: The chart now shows this module's topics (its id), or the modules (None).
    moduleShown = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weakMasteryChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(340, MIN_CHART_HEIGHT)
        self._stats: list[TopicStats] = []
        # Height of everything but the bars (title, legend, value axis, margins), as last laid out.
        self._chrome = 10 * QFontMetricsF(self.font()).height()
        self._row_height = 0.0
        self.module_id: int | None = None
        #: What each bar stands for, top to bottom (topic ids), as drawn.
        self.shown: list[TopicStats] = []
        self.redraw()

    def set_stats(self, stats: list[TopicStats]) -> None:
        self._stats = list(stats)
        if self.module_id is not None and not any(s.topic_id == self.module_id for s in stats):
            self.module_id = None
        self.redraw()

    def show_module(self, module_id: int | None) -> None:
        self.module_id = module_id
        self.redraw()
        self.moduleShown.emit(module_id)

    def module_name(self) -> str:
        return next((display_name(s) for s in self._stats if s.topic_id == self.module_id), "")

    def _rows(self) -> list[TopicStats]:
        if self.module_id is None:
            return [s for s in self._stats if s.parent_id is None]
        return [s for s in self._stats if s.parent_id == self.module_id]

    def redraw(self) -> None:
        c = colors()
        chart = _base_chart(c)
        chart.setMargins(QMargins(4, 4, 12, 4))
        self.shown = self._rows()
        nothing_known = all(s.mastery is None for s in self.shown)
        if self.module_id is None:
            chart.setTitle(self.tr("Mastery by module"))
        else:
            chart.setTitle(self.tr("%1: mastery by topic").replace("%1", self.module_name()))
        if nothing_known:
            # A wall of hatched bars would say nothing; the "—" after each name says it.
            chart.setTitle(chart.title() + " · " + self.tr("nothing practised yet"))
        rows = list(reversed(self.shown))  # the series draws its first category at the bottom
        sets = [QBarSet(name) for name in band_names()]
        for which, bar_set in enumerate(sets):
            fill = band_color(which, c)
            bar_set.setColor(fill)
            bar_set.setBorderColor(fill)
        unknown = sets[UNKNOWN]
        unknown.setBrush(QBrush(QColor(c.muted), Qt.BrushStyle.BDiagPattern))
        unknown.setPen(QPen(QColor(c.border), 1))
        for s in rows:
            which = band(s.mastery)
            for i, bar_set in enumerate(sets):
                if i != which or (nothing_known and which == UNKNOWN):
                    bar_set.append(0.0)
                else:
                    bar_set.append(100.0 if s.mastery is None else max(1.0, s.mastery))
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.62)
        for bar_set in sets:
            series.append(bar_set)
        series.clicked.connect(self._on_clicked)
        series.hovered.connect(self._on_hovered)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(self._labels(rows) or [""])
        values = QValueAxis()
        values.setRange(0, 100)
        values.setTickCount(6)
        values.setLabelFormat("%d")
        values.setTitleText(self.tr("Mastery (0–100)"))
        for axis in (categories, values):
            style_axis(axis, c)
        categories.setGridLineVisible(False)
        categories.setTruncateLabels(False)  # names are cut to LABEL_CHARS here; Qt would cut them to "…"
        small = categories.labelsFont()
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        categories.setLabelsFont(small)
        # Qt hides a category label that would overlap its neighbour: each bar gets
        # at least its label's height (plus a pixel Qt's overlap test wants).
        self._row_height = label_height(small, categories.categories()) + 1.0
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        series.attachAxis(values)
        # Only the bands that occur get a legend entry.
        for bar_set, marker in zip(sets, chart.legend().markers(series)):
            marker.setVisible(any(bar_set.at(i) > 0 for i in range(bar_set.count())))
        chart.legend().setVisible(not nothing_known)
        old = self.chart()
        chart.plotAreaChanged.connect(self._fit_height)
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        self._fit_height()

    def needed_height(self) -> int:
        """The height at which every bar has room for its label (capped, see MAX_CHART_HEIGHT)."""
        rows = max(1, len(self.shown))
        return max(MIN_CHART_HEIGHT, min(MAX_CHART_HEIGHT, math.ceil(self._chrome + rows * self._row_height)))

    def _fit_height(self, plot: QRectF | None = None) -> None:
        plot = plot if plot is not None else self.chart().plotArea()
        if plot.height() > 0:
            self._chrome = self.height() - plot.height()
        self.setMinimumHeight(self.needed_height())

    def _labels(self, rows: list[TopicStats]) -> list[str]:
        labels: list[str] = []
        for s in rows:
            label = f"{short(display_name(s))}  {mastery_text(s.mastery)}"
            while label in labels:  # categories must be unique; two topics may share a name
                label += " "
            labels.append(label)
        return labels

    def _on_hovered(self, status: bool, index: int, _bar_set: QBarSet) -> None:
        rows = list(reversed(self.shown))
        if not status or not 0 <= index < len(rows):
            QToolTip.hideText()
            return
        s = rows[index]
        text = display_name(s) + "\n" + mastery_tooltip(s)
        if self.module_id is None and any(t.parent_id == s.topic_id for t in self._stats):
            text += "\n" + self.tr("Click for its topics")
        QToolTip.showText(QCursor.pos(), text, self)

    def _on_clicked(self, index: int, _bar_set: QBarSet) -> None:
        if self.module_id is not None:
            return
        rows = list(reversed(self.shown))
        if 0 <= index < len(rows) and any(s.parent_id == rows[index].topic_id for s in self._stats):
            self.show_module(rows[index].topic_id)


# A Qt date pattern's pieces: a quoted literal, a run of d, M or y, or other literal text.
_PIECE = re.compile(r"'(?:[^']|'')*'|d+|M+|y+|[^'dMy]+")


def day_month_format(locale: QLocale | None = None) -> str:
    """The locale's short date without its year, for a date axis: "M/d" (en_US),
    "dd/MM" (en_GB), "M/d" (zh_CN), "dd.MM" (de_DE).

    A year at either end goes with everything up to the nearest day or month
    (its separator, and trailing text such as Bulgarian's "г."); a year in the
    middle with the separator after it. A pattern that does not leave both a
    day and a month falls back to ISO's "MM-dd".
    """
    pieces = _PIECE.findall((locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat))
    day_month = [i for i, p in enumerate(pieces) if p[0] in "dM" and not p.startswith("ddd")]
    if not day_month:
        return "MM-dd"
    first, last = day_month[0], day_month[-1]
    years = [i for i, p in enumerate(pieces) if p[0] == "y"]
    keep_head = not any(i < first for i in years)
    keep_tail = not any(i > last for i in years)
    kept = pieces[:first] if keep_head else []
    for i in range(first, last + 1):
        if pieces[i][0] != "y" and not (i > 0 and pieces[i - 1][0] == "y"):
            kept.append(pieces[i])
    kept += pieces[last + 1 :] if keep_tail else []
    result = "".join(kept)
    fields = {p[0] for p in _PIECE.findall(result) if p[0] in "dM"}
    return result if fields == {"d", "M"} else "MM-dd"


def _ms(day: date) -> float:
    return datetime.combine(day, time(12, 0)).timestamp() * 1000  # local noon: the point sits mid-day


class HistoryChartView(QChartView):
    """Reviews per day (left axis) and the day's accuracy (right axis, only days with reviews)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weakHistoryChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(340, 220)
        self.days: list[DayStats] = []
        self.redraw()

    def set_history(self, days: list[DayStats]) -> None:
        self.days = list(days)
        self.redraw()

    def redraw(self) -> None:
        c = colors()
        chart = _base_chart(c)
        chart.setMargins(QMargins(4, 4, 4, 4))
        total = sum(d.reviews for d in self.days)
        if self.days:
            title = self.tr("Last %1 days: %n review(s)", "", total).replace("%1", str(len(self.days)))
        else:
            title = self.tr("Daily reviews")
        chart.setTitle(title if total else self.tr("Last %1 days: no reviews yet").replace("%1", str(len(self.days) or 30)))

        reviews = QLineSeries()
        reviews.setName(self.tr("Reviews"))
        reviews.setPen(QPen(QColor(c.accent), 2))
        dots = QScatterSeries()  # a dot on each day that has an accuracy, so single days show
        dots.setName(self.tr("Accuracy"))
        dots.setMarkerSize(8)
        dots.setColor(QColor(c.success))
        dots.setBorderColor(QColor(c.success))
        # Accuracy is joined only across consecutive days: a line over a week
        # without reviews would show values nobody measured.
        runs: list[QLineSeries] = []
        previous: date | None = None
        for d in self.days:
            reviews.append(_ms(d.day), d.reviews)
            if d.accuracy is None:
                continue
            if previous is None or (d.day - previous).days > 1:
                runs.append(QLineSeries())
                runs[-1].setPen(QPen(QColor(c.success), 2))
            runs[-1].append(_ms(d.day), d.accuracy * 100)
            dots.append(_ms(d.day), d.accuracy * 100)
            previous = d.day
        for series in (reviews, *runs, dots):
            chart.addSeries(series)

        x_axis = QDateTimeAxis()
        x_axis.setFormat(day_month_format())  # the UI locale's order: 3/14, 14/03, 3/14
        x_axis.setTickCount(6)
        if self.days:
            first, last = _ms(self.days[0].day), _ms(self.days[-1].day)
            # Points sit at noon; 11 hours either side keeps the first and last dots
            # whole inside the plot while the end labels still name their own days.
            pad = 11 * 3_600_000
            x_axis.setRange(
                QDateTime.fromMSecsSinceEpoch(int(first - pad)),
                QDateTime.fromMSecsSinceEpoch(int(max(last, first + 86_400_000) + pad)),
            )
        left = QValueAxis()
        left.setLabelFormat("%d")
        top = max((d.reviews for d in self.days), default=0)
        left.setRange(0, max(5, top + max(1, top // 8)))
        left.setTickCount(6)
        left.applyNiceNumbers()
        left.setLabelFormat("%d")
        left.setTitleText(self.tr("Reviews"))
        right = QValueAxis()
        right.setRange(0, 100)
        right.setTickCount(6)
        right.setLabelFormat("%d%%")
        right.setTitleText(self.tr("Accuracy"))
        for axis in (x_axis, left, right):
            style_axis(axis, c)
        right.setGridLineVisible(False)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        reviews.attachAxis(x_axis)
        reviews.attachAxis(left)
        for series in (*runs, dots):
            series.attachAxis(x_axis)
            series.attachAxis(right)
        for run in runs:  # the legend names the dots; the lines are theirs
            for marker in chart.legend().markers(run):
                marker.setVisible(False)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

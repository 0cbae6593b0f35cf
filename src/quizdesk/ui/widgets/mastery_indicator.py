"""A small coloured dot for a mastery score, used by the topic tree and the weak-areas table.

The dot has its band's colour: red for weak, amber for fair, green for strong,
the theme's danger / warning / success colours so it reads on light and dark
backgrounds. The bands are the core's (:data:`WEAK_MASTERY_BELOW`,
:data:`STRONG_MASTERY_FROM`), so a dot, the dashboard's bar and legend, and
the "weakest topics" ranking never disagree about a topic. A topic never
practised is a hollow grey ring: it is unknown, not weak. Confidence (how much
evidence there is) sets how solid the fill is, so a score built on two answers
looks tentative next to one built on fifty; the ring in the full colour keeps
the hue readable even when the fill is faint.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItemIterator

from quizdesk.core.db.store import Store
from quizdesk.core.stats.mastery import STRONG_MASTERY_FROM, WEAK_MASTERY_BELOW, TopicStats, topic_stats
from quizdesk.ui.i18n import is_english
from quizdesk.ui.widgets.theme import ThemeColors, colors

ICON_SIZE = 16
#: Fill opacity for no evidence and for full confidence; never invisible.
MIN_FILL_ALPHA, MAX_FILL_ALPHA = 0.3, 1.0
# Mastery bands (:func:`band`); UNKNOWN is "never practised".
WEAK, FAIR, STRONG, UNKNOWN = range(4)


def band(score: float | None) -> int:
    """WEAK, FAIR or STRONG for a 0–100 score, by the core's thresholds; UNKNOWN for None."""
    if score is None:
        return UNKNOWN
    return WEAK if score < WEAK_MASTERY_BELOW else FAIR if score < STRONG_MASTERY_FROM else STRONG


def band_color(which: int, theme: ThemeColors | None = None) -> QColor:
    """A band's colour: the theme's danger, warning, success, or muted grey for UNKNOWN."""
    c = theme or colors()
    return QColor((c.danger, c.warning, c.success, c.muted)[which])


def mastery_color(score: float | None, theme: ThemeColors | None = None) -> QColor:
    """The indicator's colour for a 0–100 score: its band's (the muted grey for None, never practised).

    One colour per band rather than a gradient: a gradient made a score just
    under the weak threshold look orange next to a red bar and a "weak" headline.
    """
    return band_color(band(score), theme)


def mastery_text(score: float | None) -> str:
    """A score as the UI writes it: whole points, rounded down ("—" for None).

    Rounded down so the number never crosses a band's edge: 59.6 is weak and
    reads "59", not a "60" drawn red next to a legend that says "below 60".
    """
    return "—" if score is None else str(math.floor(score))


def mastery_pixmap(score: float | None, confidence: float = 1.0, size: int = ICON_SIZE, theme: ThemeColors | None = None) -> QPixmap:
    ratio = 2.0  # drawn at twice the size so the dot stays crisp on high-DPI screens
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    color = mastery_color(score, theme)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen_width = max(1.5, size / 9)
    inset = pen_width / 2 + size * 0.12
    rect = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
    if score is None:
        painter.setPen(QPen(color, pen_width, Qt.PenStyle.SolidLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        fill = QColor(color)
        fill.setAlphaF(_fill_alpha(confidence))
        painter.setPen(QPen(color, pen_width))
        painter.setBrush(fill)
    painter.drawEllipse(rect)
    painter.end()
    return pixmap


def _fill_alpha(confidence: float) -> float:
    return MIN_FILL_ALPHA + (MAX_FILL_ALPHA - MIN_FILL_ALPHA) * min(1.0, max(0.0, confidence))


#: Dots already drawn, by what their pixels depend on (see mastery_icon).
_icons: dict[tuple[str, int | None], QIcon] = {}
_ICONS_KEPT = 256


def mastery_icon(score: float | None, confidence: float = 1.0) -> QIcon:
    """A dot for a 0–100 mastery score (hollow grey ring for None); ``confidence`` 0..1 sets the fill.

    The same dot is the same icon: a tree of 120 topics draws a handful of
    distinct dots once, and :func:`decorate_topic_tree` sees by the icon's
    ``cacheKey()`` that a topic's dot did not change.
    """
    # The pixels depend on the band's colour (theme included) and, for a filled dot,
    # on the fill's alpha as QColor keeps it (16 bits), nothing else.
    key = (mastery_color(score).name(QColor.NameFormat.HexArgb), None if score is None else round(_fill_alpha(confidence) * 0xFFFF))
    icon = _icons.get(key)
    if icon is None:
        if len(_icons) >= _ICONS_KEPT:
            _icons.pop(next(iter(_icons)))
        icon = _icons[key] = QIcon(mastery_pixmap(score, confidence))
    return icon


def confidence_word(confidence: float) -> str:
    if confidence < 0.34:
        return QCoreApplication.translate("MasteryIndicator", "low")
    if confidence < 0.67:
        return QCoreApplication.translate("MasteryIndicator", "medium")
    return QCoreApplication.translate("MasteryIndicator", "high")


def mastery_tooltip(stats: TopicStats) -> str:
    """One line a user can read on hover: score, evidence, attempts."""
    if stats.mastery is None:
        return QCoreApplication.translate("MasteryIndicator", "Not practised yet · questions: %1").replace("%1", str(stats.questions))
    return (
        QCoreApplication.translate("MasteryIndicator", "Mastery %1 · confidence %2 · %3 of %4 questions tried")
        .replace("%1", mastery_text(stats.mastery))
        .replace("%2", confidence_word(stats.confidence))
        .replace("%3", str(stats.attempted))
        .replace("%4", str(stats.questions))
    )


def display_name(stats: TopicStats) -> str:
    """The topic's name in the UI's language (the Chinese name when it has no English one)."""
    return (stats.name_en or stats.name) if is_english() else stats.name


def load_topic_stats(store: Store) -> list[TopicStats]:
    with store.read() as connection:
        return topic_stats(connection)


def scores_of(stats: Iterable[TopicStats]) -> dict[int, float | None]:
    return {s.topic_id: s.mastery for s in stats}


def topic_scores(store: Store) -> dict[int, float | None]:
    """Mastery 0–100 by topic id (modules roll up their sub-topics); None where never practised."""
    return scores_of(load_topic_stats(store))


def decorate_topic_tree(tree: QTreeWidget, stats: Iterable[TopicStats]) -> None:
    """Give each topic of a :class:`TopicTreeWidget` with a mastery column its dot
    (with the confidence fill) and a tooltip in words."""
    from quizdesk.ui.widgets.topic_tree import MASTERY_COLUMN, TOPIC_ID_ROLE

    by_id = {s.topic_id: s for s in stats}
    iterator = QTreeWidgetItemIterator(tree)
    while iterator.value() is not None:
        item = iterator.value()
        found = by_id.get(item.data(0, TOPIC_ID_ROLE))
        if found is not None:
            # Only what changed: each change makes the tree measure its rows again
            # (~0.1 ms a topic), and most dots stay the same between refreshes.
            icon = mastery_icon(found.mastery, found.confidence)
            if item.icon(MASTERY_COLUMN).cacheKey() != icon.cacheKey():
                item.setIcon(MASTERY_COLUMN, icon)
            tooltip = mastery_tooltip(found)
            if item.toolTip(MASTERY_COLUMN) != tooltip:
                item.setToolTip(MASTERY_COLUMN, tooltip)
        iterator += 1

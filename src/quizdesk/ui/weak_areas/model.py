"""The weak-areas table: one row per topic, in words a user reads, sortable by the numbers.

Each cell has a display text and a sort key (:data:`SORT_ROLE`). A topic never
practised has no mastery, accuracy or last-seen date; :class:`TopicSortProxy`
puts such unknown values after the known ones in both sort directions, so
sorting by mastery shows the weakest practised topics first (or the strongest,
the other way round), never a block of blanks on top. Equal keys keep the
topic tree's order.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from quizdesk.core.stats.mastery import Reason, TopicStats
from quizdesk.ui.i18n import format_datetime, format_percent, is_english
from quizdesk.ui.widgets.mastery_indicator import (
    STRONG,
    UNKNOWN,
    band,
    band_color,
    confidence_word,
    display_name,
    mastery_icon,
    mastery_text,
    mastery_tooltip,
)
from quizdesk.ui.widgets.theme import colors

SORT_ROLE = Qt.ItemDataRole.UserRole
TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMNS = ("topic", "module", "mastery", "confidence", "accuracy", "coverage", "due", "last_seen", "reason")
TOPIC, MODULE, MASTERY, CONFIDENCE, ACCURACY, COVERAGE, DUE, LAST_SEEN, REASON = range(len(COLUMNS))
NUMERIC = {MASTERY, CONFIDENCE, ACCURACY, COVERAGE, DUE, LAST_SEEN}

Index = QModelIndex | QPersistentModelIndex


def reason_text(stats: TopicStats) -> str:
    """Why a topic is weak, in words: "Low accuracy: 42%", "Not reviewed for 20 days"…"""
    detail = stats.reason_detail
    reason = stats.reason
    if reason is Reason.NEVER_ATTEMPTED:
        return QCoreApplication.translate("WeakAreas", "Never practised")
    if reason is Reason.LOW_ACCURACY and detail is not None:
        return QCoreApplication.translate("WeakAreas", "Low accuracy: %1").replace("%1", format_percent(detail))
    if reason is Reason.FORGETTING and detail is not None:
        return QCoreApplication.translate("WeakAreas", "Fading: recall chance %1").replace("%1", format_percent(detail))
    if reason is Reason.NOT_REVIEWED and detail is not None:
        # Module-level text has no plural forms (lupdate sees none in translate());
        # this reason starts at two weeks, so "days" is always right.
        return QCoreApplication.translate("WeakAreas", "Not reviewed for %1 days").replace("%1", str(int(detail)))
    if reason is Reason.LOW_COVERAGE and detail is not None:
        return QCoreApplication.translate("WeakAreas", "Only %1 of the questions tried").replace("%1", format_percent(detail))
    if reason is Reason.DUE and detail is not None:
        return QCoreApplication.translate("WeakAreas", "Due: %1").replace("%1", str(int(detail)))
    if reason is Reason.LITTLE_EVIDENCE and detail is not None:
        # Module-level text has no plural forms (see above): the count stands alone.
        return QCoreApplication.translate("WeakAreas", "Too little evidence yet (answers: %1)").replace("%1", str(int(detail)))
    if reason is Reason.STRONG:
        return QCoreApplication.translate("WeakAreas", "Strong")
    # A code without its detail still says what kind of weakness it is.
    return {
        Reason.LOW_ACCURACY: QCoreApplication.translate("WeakAreas", "Low accuracy"),
        Reason.FORGETTING: QCoreApplication.translate("WeakAreas", "Fading from memory"),
        Reason.NOT_REVIEWED: QCoreApplication.translate("WeakAreas", "Not reviewed for a while"),
        Reason.LOW_COVERAGE: QCoreApplication.translate("WeakAreas", "Few questions tried"),
        Reason.DUE: QCoreApplication.translate("WeakAreas", "Questions due"),
        Reason.LITTLE_EVIDENCE: QCoreApplication.translate("WeakAreas", "Too little evidence yet"),
    }.get(reason, str(reason.value))


def reason_color(stats: TopicStats) -> QColor:
    """The colour a topic's reason is written in: its mastery band's, so the words
    agree with the dot and the bar (red only for a weak topic); muted for
    "never practised", for "strong", and for a note on a strong topic ("Due: 3")."""
    c = colors()
    which = band(stats.mastery)
    # Too little evidence is not a weakness: not red, whatever the few answers scored.
    if stats.reason in (Reason.NEVER_ATTEMPTED, Reason.STRONG, Reason.LITTLE_EVIDENCE) or which in (STRONG, UNKNOWN):
        return QColor(c.muted)
    return band_color(which)


def last_seen_text(last_seen: datetime | None, now: datetime) -> str:
    if last_seen is None:
        return QCoreApplication.translate("WeakAreas", "never")
    days = (now.astimezone().date() - last_seen.astimezone().date()).days
    if days <= 0:
        return QCoreApplication.translate("WeakAreas", "today")
    if days == 1:
        return QCoreApplication.translate("WeakAreas", "yesterday")
    return QCoreApplication.translate("WeakAreas", "%1 days ago").replace("%1", str(days))  # two or more


def table_rows(stats: list[TopicStats]) -> list[TopicStats]:
    """The rows of the table: every sub-topic, and modules that have no sub-topics of their own."""
    parents = {s.parent_id for s in stats if s.parent_id is not None}
    return [s for s in stats if s.parent_id is not None or s.topic_id not in parents]


class WeakAreasModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[TopicStats] = []
        self._modules: dict[int, str] = {}
        self._module_order: dict[int, int] = {}
        self._now = datetime.now(timezone.utc)

    def set_stats(self, stats: list[TopicStats], now: datetime) -> None:
        self.beginResetModel()
        self._modules = {s.topic_id: display_name(s) for s in stats if s.parent_id is None}
        self._module_order = {topic_id: i for i, topic_id in enumerate(self._modules)}
        self._rows = table_rows(stats)
        self._now = now
        self.endResetModel()

    def stats_at(self, row: int) -> TopicStats:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Topic"), self.tr("Module"), self.tr("Mastery"), self.tr("Confidence"), self.tr("Accuracy"),
                self.tr("Coverage"), self.tr("Due"), self.tr("Last seen"), self.tr("Why"),
            ][section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(
                (Qt.AlignmentFlag.AlignRight if section in NUMERIC - {LAST_SEEN} else Qt.AlignmentFlag.AlignLeft)
                | Qt.AlignmentFlag.AlignVCenter
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, column)
        if role == SORT_ROLE:
            return self._sort_key(s, column)
        if role == TOPIC_ID_ROLE:
            return s.topic_id
        if role == Qt.ItemDataRole.DecorationRole and column == MASTERY:
            return mastery_icon(s.mastery, s.confidence)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == MASTERY:
                return mastery_tooltip(s)
            if column == TOPIC:
                return s.name if is_english() else (s.name_en or s.name)
            if column == LAST_SEEN and s.last_seen is not None:
                return format_datetime(s.last_seen)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC - {LAST_SEEN}:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            c = colors()
            if column == REASON and s.reason is not Reason.STRONG:
                return reason_color(s)
            if column == DUE and s.due:
                return QColor(c.warning)
            if s.mastery is None and column in (MASTERY, ACCURACY, LAST_SEEN):
                return QColor(c.muted)
        if role == Qt.ItemDataRole.FontRole and column == TOPIC and s.parent_id is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, s: TopicStats, column: int) -> str:
        if column == TOPIC:
            return display_name(s)
        if column == MODULE:
            return self._modules.get(s.parent_id, display_name(s)) if s.parent_id is not None else display_name(s)
        if column == MASTERY:
            return mastery_text(s.mastery)
        if column == CONFIDENCE:
            return confidence_word(s.confidence)
        if column == ACCURACY:
            return "—" if s.accuracy is None else format_percent(s.accuracy)
        if column == COVERAGE:
            return f"{s.attempted}/{s.questions}"
        if column == DUE:
            return str(s.due)
        if column == LAST_SEEN:
            return last_seen_text(s.last_seen, self._now)
        return reason_text(s)

    def _sort_key(self, s: TopicStats, column: int) -> Any:
        if column == TOPIC:
            return display_name(s)
        if column == MODULE:  # modules in the order of the topic tree
            return self._module_order.get(s.parent_id if s.parent_id is not None else s.topic_id, -1)
        if column == MASTERY:
            return s.mastery
        if column == CONFIDENCE:
            return s.confidence
        if column == ACCURACY:
            return s.accuracy
        if column == COVERAGE:
            return s.coverage
        if column == DUE:
            return s.due
        if column == LAST_SEEN:
            return None if s.last_seen is None else s.last_seen.timestamp()
        return REASON_ORDER.get(s.reason, len(REASON_ORDER))


#: Sorting by "Why" groups the kinds of weakness, the most urgent kind first.
REASON_ORDER = {
    reason: i
    for i, reason in enumerate(
        (
            Reason.LOW_ACCURACY, Reason.FORGETTING, Reason.DUE, Reason.NOT_REVIEWED, Reason.LOW_COVERAGE,
            Reason.LITTLE_EVIDENCE, Reason.NEVER_ATTEMPTED, Reason.STRONG,
        )
    )
}


class TopicSortProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`; unknown (None) values go last in both directions, ties in tree order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 (Qt API)
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            if a is None and b is None:
                return self._tie(left, right)
            # An unknown value is "greater" ascending and "smaller" descending: last either way.
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return (b is None) == ascending
        if a == b:
            return self._tie(left, right)
        return bool(a < b)

    def _tie(self, left: Index, right: Index) -> bool:
        # Equal keys keep the table's own (tree) order, whichever way the column is sorted.
        ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
        return (left.row() < right.row()) == ascending

"""The topic tree (module → sub-topic) with question counts, used by the main
window (selectable, with a mastery column) and the exam setup (checkable)."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QWidget,
)

from quizdesk.core.catalog import TopicNode

SUBTREE_IDS_ROLE = Qt.ItemDataRole.UserRole
TOPIC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TOPIC_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3

NAME_COLUMN, COUNT_COLUMN, MASTERY_COLUMN = 0, 1, 2

MasteryIcon = Callable[[float | None], QIcon]


class _WrappingDelegate(QStyledItemDelegate):
    """Row heights for wrapped names.

    QTreeView asks for a size hint without the column's width, so Qt measures
    every name as one line and then draws a wrapped one cut to that height
    (and its own wrapped measure reserves room for an icon the name column
    does not have). Here the name is laid out as the style draws it: in the
    text rectangle of a row as wide as the column minus the indentation."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802 (Qt API)
        hint = super().sizeHint(option, index)  # one line: the rect has no width
        if index.column() != NAME_COLUMN:
            return hint
        tree = self._tree
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        probe = QStyleOptionViewItem(option)
        self.initStyleOption(probe, index)
        indent = tree.indentation() * (depth + (1 if tree.rootIsDecorated() else 0))
        probe.rect = QRect(0, 0, max(tree.columnWidth(NAME_COLUMN) - indent, 1), 4 * probe.fontMetrics.height())
        style = tree.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, probe, tree)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, probe, tree) + 1  # as QCommonStyle draws
        extra = _extra_wrapped_height(probe.text, probe.font, text_rect.width() - 2 * margin)
        if extra > 0:
            hint.setHeight(hint.height() + math.ceil(extra))
        return hint


def _extra_wrapped_height(text: str, font: QFont, width: int) -> float:
    """How much taller ``text`` is wrapped at ``width`` than on one line (the
    lines' own heights: CJK lines are taller than the Latin font's)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    heights = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1))
        heights.append(line.height())
    layout.endLayout()
    return sum(heights[1:])


class TopicTreeWidget(QTreeWidget):
    """Modules and their sub-topics; optionally checkable (tri-state parents)."""

    #: Emitted when the set of checked topics changes (checkable mode only).
    checkedChanged = Signal()

    def __init__(self, *, checkable: bool = False, mastery_icon: MasteryIcon | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checkable = checkable
        self._mastery_icon = mastery_icon
        self._filling = False
        self._english = False
        self._retranslate_headers()
        # Long topic names (English ones especially) wrap onto a second line
        # instead of ending in "…"; rows then differ in height.
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(_WrappingDelegate(self))
        self.setAlternatingRowColors(False)
        self.setAnimated(False)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        if mastery_icon is not None:
            header.setSectionResizeMode(MASTERY_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # QTreeView measures wrapped rows once; a wider or narrower name
        # column (the splitter, the dialog) must measure them again.
        header.sectionResized.connect(self._on_section_resized)
        self.itemChanged.connect(self._on_item_changed)

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == NAME_COLUMN:
            self.scheduleDelayedItemsLayout()

    def _retranslate_headers(self) -> None:
        labels = [self.tr("Topic"), self.tr("Questions")]
        if self._mastery_icon is not None:
            labels.append("")  # a column of coloured dots needs no title, only its tooltip
        self.setHeaderLabels(labels)
        if self._mastery_icon is not None:
            self.headerItem().setToolTip(MASTERY_COLUMN, self.tr("Mastery"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_headers()
        super().changeEvent(event)

    # -- filling -------------------------------------------------------------
    def set_tree(self, nodes: list[TopicNode], mastery: dict[int, float | None] | None = None, *, english: bool | None = None) -> None:
        """Replace the contents; keeps the current selection and checks where the keys survive.

        ``english``: show the topics' English names (the English UI); None keeps the last choice."""
        if english is not None:
            self._english = english
        current = self.current_key()
        checked = set(self.checked_keys()) if self._checkable else set()
        expanded = {key for key, item in self._items_by_key().items() if item.isExpanded()}
        self._filling = True
        try:
            self.clear()
            for node in nodes:
                self.addTopLevelItem(self._make_item(node, mastery or {}))
            for key, item in self._items_by_key().items():
                if key in expanded:
                    item.setExpanded(True)
                if self._checkable and key in checked and item.childCount() == 0:
                    item.setCheckState(NAME_COLUMN, Qt.CheckState.Checked)
        finally:
            self._filling = False
        if current is not None:
            self.select_key(current)
        if self._checkable:
            self.checkedChanged.emit()

    def _make_item(self, node: TopicNode, mastery: dict[int, float | None]) -> QTreeWidgetItem:
        item = QTreeWidgetItem([node.display_name(self._english), str(node.total_count)])
        item.setData(NAME_COLUMN, SUBTREE_IDS_ROLE, node.subtree_ids())
        item.setData(NAME_COLUMN, TOPIC_ID_ROLE, node.id)
        item.setData(NAME_COLUMN, TOPIC_KEY_ROLE, node.key)
        item.setData(NAME_COLUMN, COUNT_ROLE, node.total_count)
        item.setToolTip(NAME_COLUMN, node.name if self._english else node.name_en or node.name)
        item.setTextAlignment(COUNT_COLUMN, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if node.children:  # modules stand out from their sub-topics
            font = item.font(NAME_COLUMN)
            font.setBold(True)
            item.setFont(NAME_COLUMN, font)
        if self._mastery_icon is not None:
            score = mastery.get(node.id)
            item.setIcon(MASTERY_COLUMN, self._mastery_icon(score))
            item.setToolTip(
                MASTERY_COLUMN,
                self.tr("Mastery: %1").replace("%1", str(math.floor(score))) if score is not None else self.tr("Not studied yet"),
            )
        if self._checkable:
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if node.children:
                flags |= Qt.ItemFlag.ItemIsAutoTristate
            item.setFlags(flags)
            item.setCheckState(NAME_COLUMN, Qt.CheckState.Unchecked)
        for child in node.children:
            item.addChild(self._make_item(child, mastery))
        return item

    # -- lookup --------------------------------------------------------------
    def iter_items(self) -> Iterator[QTreeWidgetItem]:
        iterator = QTreeWidgetItemIterator(self)
        while iterator.value() is not None:
            yield iterator.value()
            iterator += 1

    def _items_by_key(self) -> dict[str, QTreeWidgetItem]:
        return {item.data(NAME_COLUMN, TOPIC_KEY_ROLE): item for item in self.iter_items()}

    def item_for_key(self, key: str) -> QTreeWidgetItem | None:
        return self._items_by_key().get(key)

    def current_key(self) -> str | None:
        item = self.currentItem()
        return item.data(NAME_COLUMN, TOPIC_KEY_ROLE) if item is not None and item.isSelected() else None

    def select_key(self, key: str) -> bool:
        item = self.item_for_key(key)
        if item is None:
            return False
        parent = item.parent()
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        self.setCurrentItem(item)
        self.scrollToItem(item)
        return True

    def selected_topic_ids(self) -> list[int] | None:
        """Ids of the selected topic and its sub-topics; None when nothing is selected."""
        items = self.selectedItems()
        return list(items[0].data(NAME_COLUMN, SUBTREE_IDS_ROLE)) if items else None

    def selected_label(self) -> str:
        items = self.selectedItems()
        return items[0].text(NAME_COLUMN) if items else ""

    # -- checking (exam setup) -----------------------------------------------
    def checked_topic_ids(self) -> list[int]:
        """Topics whose questions are included: every fully checked item."""
        return [
            item.data(NAME_COLUMN, TOPIC_ID_ROLE)
            for item in self.iter_items()
            if item.checkState(NAME_COLUMN) == Qt.CheckState.Checked
        ]

    def checked_keys(self) -> list[str]:
        return [
            item.data(NAME_COLUMN, TOPIC_KEY_ROLE)
            for item in self.iter_items()
            if item.checkState(NAME_COLUMN) == Qt.CheckState.Checked
        ]

    def set_checked_keys(self, keys: list[str]) -> None:
        wanted = set(keys)
        for key, item in self._items_by_key().items():
            if key in wanted:
                item.setCheckState(NAME_COLUMN, Qt.CheckState.Checked)

    def set_all_checked(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None:  # never None below topLevelItemCount(); the stubs cannot know
                item.setCheckState(NAME_COLUMN, state)

    def _on_item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if self._checkable and column == NAME_COLUMN and not self._filling:
            self.checkedChanged.emit()

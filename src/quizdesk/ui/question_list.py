"""The main window's question list: titles with a small question-type badge."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from quizdesk.ui.question_widgets import display_title
from quizdesk.ui.theme import colors

QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole
QTYPE_ROLE = Qt.ItemDataRole.UserRole + 1


def short_type(qtype: str) -> str:
    names = {
        "open": QCoreApplication.translate("QuestionList", "Open"),
        "single": QCoreApplication.translate("QuestionList", "Single"),
        "multi": QCoreApplication.translate("QuestionList", "Multi"),
        "truefalse": QCoreApplication.translate("QuestionList", "T/F"),
    }
    return names.get(qtype, qtype)


class _BadgeDelegate(QStyledItemDelegate):
    PADDING = 10

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), option.fontMetrics.height() + 16)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else None
        painter.save()
        if style is not None:
            opt.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        c = colors()
        badge_text = short_type(str(index.data(QTYPE_ROLE) or ""))
        metrics = option.fontMetrics
        badge_w = metrics.horizontalAdvance(badge_text) + 12
        badge_h = metrics.height() + 2
        rect = option.rect
        badge = QRect(rect.right() - self.PADDING - badge_w, rect.center().y() - badge_h // 2, badge_w, badge_h)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_rect = QRect(rect.left() + self.PADDING, rect.top(), badge.left() - rect.left() - 2 * self.PADDING, rect.height())
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.setPen(opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width()),
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 60) if selected else QColor(c.accent_bg if index.data(QTYPE_ROLE) == "open" else c.card_hover))
        painter.drawRoundedRect(badge, 4, 4)
        painter.setPen(QColor("#ffffff") if selected else QColor(c.muted))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), badge_text)
        painter.restore()


    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        # The full title as a tooltip (titles are elided), without a tooltip per item.
        if event is not None and event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), str(index.data(Qt.ItemDataRole.DisplayRole) or ""), view)
            return True
        return super().helpEvent(event, view, option, index)


class QuestionListWidget(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionList")
        self.setItemDelegate(_BadgeDelegate(self))
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fill(self, rows: list[tuple[int, str, str]]) -> None:
        """Replace the items with ``(question id, title, qtype)`` rows."""
        self.blockSignals(True)
        try:
            self.clear()
            for question_id, title, qtype in rows:
                item = QListWidgetItem(display_title(title))
                item.setData(QUESTION_ID_ROLE, question_id)
                item.setData(QTYPE_ROLE, qtype)
                self.addItem(item)
        finally:
            self.blockSignals(False)

    def current_question_id(self) -> int | None:
        item = self.currentItem()
        return int(item.data(QUESTION_ID_ROLE)) if item is not None else None

    def select_question(self, question_id: int) -> bool:
        for row in range(self.count()):
            if self.item(row).data(QUESTION_ID_ROLE) == question_id:
                self.setCurrentRow(row)
                return True
        return False

    def question_ids(self) -> list[int]:
        return [int(self.item(row).data(QUESTION_ID_ROLE)) for row in range(self.count())]

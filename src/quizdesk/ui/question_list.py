"""The main window's question list: titles with a small question-type badge."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
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


class QuestionListModel(QAbstractListModel):
    """``(question id, title, qtype)`` rows. Titles are cleaned when first shown:
    a view asks only for the rows on screen, so a 20,000-question list costs no
    more to fill than a 20-question one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, str]] = []
        self._titles: dict[int, str] = {}

    def set_rows(self, rows: list[tuple[int, str, str]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._titles = {}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API), B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        question_id, title, qtype = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self._titles.get(index.row())
            if shown is None:
                shown = self._titles[index.row()] = display_title(title)
            return shown
        if role == QUESTION_ID_ROLE:
            return question_id
        if role == QTYPE_ROLE:
            return qtype
        return None

    def question_id_at(self, row: int) -> int:
        return self._rows[row][0]

    def row_of(self, question_id: int) -> int | None:
        return next((row for row, r in enumerate(self._rows) if r[0] == question_id), None)


class QuestionListWidget(QListView):
    """The list of questions; says which question is current and which was opened."""

    #: The current question changed: its id, or None when there is none.
    currentQuestionChanged = Signal(object)
    #: A question was opened (Enter or double-click): its id.
    questionActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionList")
        self._model = QuestionListModel(self)
        self.setModel(self._model)
        self.setItemDelegate(_BadgeDelegate(self))
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self.activated.connect(lambda index: self.questionActivated.emit(self._model.question_id_at(index.row())))

    def fill(self, rows: list[tuple[int, str, str]]) -> None:
        """Replace the items with ``(question id, title, qtype)`` rows."""
        self.blockSignals(True)
        try:
            self._model.set_rows(rows)
        finally:
            self.blockSignals(False)

    def count(self) -> int:
        return self._model.rowCount()

    def title_at(self, row: int) -> str:
        return str(self._model.data(self._model.index(row), Qt.ItemDataRole.DisplayRole))

    def setCurrentRow(self, row: int) -> None:  # noqa: N802 (mirrors QListWidget)
        self.setCurrentIndex(self._model.index(row))

    def current_question_id(self) -> int | None:
        index = self.currentIndex()
        return self._model.question_id_at(index.row()) if index.isValid() else None

    def select_question(self, question_id: int) -> bool:
        row = self._model.row_of(question_id)
        if row is None:
            return False
        self.setCurrentRow(row)
        return True

    def question_ids(self) -> list[int]:
        return [self._model.question_id_at(row) for row in range(self.count())]

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self.signalsBlocked():
            self.currentQuestionChanged.emit(self._model.question_id_at(current.row()) if current.isValid() else None)

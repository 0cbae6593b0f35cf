"""The main window's question list: titles with a small question-type badge;
while a search is shown, the matched terms are marked and a second line shows
where in its text each question matched."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QTextLayout
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from quizdesk.ui.widgets.question_widgets import display_title
from quizdesk.ui.widgets.theme import colors

if TYPE_CHECKING:
    # Imported where used, not on the start path: the search modules with the first
    # search; the rich-text classes (each a dozen Python enums made on first use, ~3 ms)
    # with the first search mark, formula title or tooltip.
    from PySide6.QtGui import QHelpEvent, QTextDocument

    from quizdesk.core.search_snippet import Snippet

QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole
QTYPE_ROLE = Qt.ItemDataRole.UserRole + 1
#: While a search is shown: the matched terms' (start, end) in the title.
TITLE_SPANS_ROLE = Qt.ItemDataRole.UserRole + 2
#: While a search is shown: the :class:`Snippet` of why the question matched (or None).
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3

SnippetSource = Callable[[int, str], "Snippet | None"]


def short_type(qtype: str) -> str:
    names = {
        "open": QCoreApplication.translate("QuestionList", "Open"),
        "single": QCoreApplication.translate("QuestionList", "Single"),
        "multi": QCoreApplication.translate("QuestionList", "Multi"),
        "truefalse": QCoreApplication.translate("QuestionList", "T/F"),
    }
    return names.get(qtype, qtype)


def _draw_marked(painter: QPainter, rect: QRect, text: str, spans: tuple[tuple[int, int], ...], font: QFont, color: QColor, mark: QColor) -> None:
    """One line of ``text`` in ``rect`` (elided), the ``spans`` in bold ``mark`` colour."""
    metrics = QFontMetrics(font)
    if spans:
        # A narrow list: start later so that the first match is in view.
        start, end = spans[0]
        cut = 0
        while cut < start and metrics.horizontalAdvance("…" + text[cut:end]) > rect.width() * 0.9:
            cut += 1
        if cut:
            text = "…" + text[cut:]
            spans = tuple((s + 1 - cut, e + 1 - cut) for s, e in spans if s >= cut)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    kept = len(shown) if shown == text else max(0, len(shown) - 1)  # "…" replaced the rest
    from PySide6.QtGui import QTextCharFormat

    layout = QTextLayout(shown, font)
    ranges = []
    for start, end in spans:
        if start < kept:
            marked = QTextLayout.FormatRange()
            marked.start, marked.length = start, min(end, kept) - start
            char_format = QTextCharFormat()
            char_format.setFontWeight(QFont.Weight.Bold)
            char_format.setForeground(mark)
            marked.format = char_format
            ranges.append(marked)
    layout.setFormats(ranges)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(rect.width() + metrics.averageCharWidth())  # bold marks may widen the line a little
    layout.endLayout()
    painter.save()
    painter.setClipRect(rect)  # bold marks may push the last letters past the elided width
    painter.setPen(color)
    layout.draw(painter, rect.topLeft() + QPoint(0, max(0, round((rect.height() - line.height()) / 2))))
    painter.restore()


class _MathTitles:
    """Titles with formulas as small rich-text documents (the formulas drawn), kept
    per title and ink: a list shows a few dozen rows, most without a formula."""

    LIMIT = 256

    def __init__(self) -> None:
        self._documents: dict[tuple[str, str, str, float], QTextDocument | None] = {}

    def document(self, title: str, font: QFont, color: QColor, dpr: float) -> QTextDocument | None:
        if "$" not in title and "\\(" not in title:
            return None
        key = (title, font.key(), color.name(), dpr)
        if key not in self._documents:
            if len(self._documents) >= self.LIMIT:
                self._documents.pop(next(iter(self._documents)))
            from quizdesk.ui.widgets.inline_math import math_rich_text

            from PySide6.QtGui import QTextDocument

            rich = math_rich_text(title, font, color.name(), dpr)
            document = None
            if rich is not None:
                document = QTextDocument()
                document.setDocumentMargin(0)
                document.setDefaultFont(font)
                document.setDefaultStyleSheet(f"body {{ color: {color.name()}; }}")
                document.setHtml(f"<body>{rich}</body>")
            self._documents[key] = document
        return self._documents[key]


def _draw_document(painter: QPainter, rect: QRect, document: QTextDocument, background: QColor, color: QColor) -> None:
    """``document`` in ``rect``, centred vertically; cut with "…" when too wide."""
    painter.save()
    painter.setClipRect(rect)
    height = document.size().height()
    painter.translate(rect.left(), rect.top() + (rect.height() - height) / 2)
    document.drawContents(painter)
    painter.restore()
    if document.idealWidth() > rect.width():
        metrics = QFontMetrics(document.defaultFont())
        dots = metrics.horizontalAdvance("…") + 4
        cover = QRect(rect.right() - dots, rect.top(), dots + 1, rect.height())
        painter.fillRect(cover, background)
        painter.setPen(color)
        painter.drawText(cover, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), "…")


class _BadgeDelegate(QStyledItemDelegate):
    PADDING = 10

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._math = _MathTitles()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        lines = 2 if index.data(TITLE_SPANS_ROLE) is not None else 1  # a search shows why each question matched
        return QSize(size.width(), lines * option.fontMetrics.height() + 16 + (lines - 1) * 4)

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
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_color = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        title_spans = index.data(TITLE_SPANS_ROLE)
        background = opt.palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        math_title = self._math.document(title, opt.font, text_color, dpr)
        if title_spans is None:
            badge = QRect(rect.right() - self.PADDING - badge_w, rect.center().y() - badge_h // 2, badge_w, badge_h)
            text_rect = QRect(rect.left() + self.PADDING, rect.top(), badge.left() - rect.left() - 2 * self.PADDING, rect.height())
            if math_title is not None:  # formulas drawn, as in the answer
                _draw_document(painter, text_rect, math_title, background, text_color)
            else:
                painter.setPen(text_color)
                painter.drawText(
                    text_rect,
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                    metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width()),
                )
        else:
            # Two lines: the title with the matched terms marked, and the line
            # of text where the question matched (muted), terms marked too.
            line_h = metrics.height() + 2
            top = rect.top() + (rect.height() - 2 * line_h - 4) // 2
            badge = QRect(rect.right() - self.PADDING - badge_w, top + (line_h - badge_h) // 2, badge_w, badge_h)
            left = rect.left() + self.PADDING
            mark = QColor("#ffffff") if selected else QColor(c.accent)
            title_rect = QRect(left, top, badge.left() - left - self.PADDING, line_h)
            if math_title is not None:
                _draw_document(painter, title_rect, math_title, background, text_color)
            else:
                _draw_marked(painter, title_rect, title, tuple(title_spans), opt.font, text_color, mark)
            from quizdesk.core.search_snippet import Snippet

            found = index.data(SNIPPET_ROLE)
            if isinstance(found, Snippet):
                muted = text_color if selected else QColor(c.muted)
                snippet_rect = QRect(left, top + line_h + 4, rect.right() - self.PADDING - left, line_h)
                _draw_marked(painter, snippet_rect, found.text, found.spans, opt.font, muted, mark)
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
            from PySide6.QtWidgets import QToolTip

            QToolTip.showText(event.globalPos(), str(index.data(Qt.ItemDataRole.DisplayRole) or ""), view)
            return True
        return super().helpEvent(event, view, option, index)


class QuestionListModel(QStringListModel):
    """``(question id, title, qtype)`` rows. Titles are cleaned when first shown:
    a view asks only for the rows on screen, so a 20,000-question list costs no
    more to fill than a 20-question one.

    A string-list model so that ``rowCount`` stays in C++: a list view lays out
    every row when it is first shown and asks the model's row count twice per
    row (``index()`` checks it); answered in Python that was ~11,000 calls for
    5,500 questions, ~8 ms before the window's first paint.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, str]] = []
        self._titles: dict[int, str] = {}
        self._query = ""
        self._snippet_source: SnippetSource | None = None
        self._snippets: dict[int, Snippet | None] = {}

    def set_rows(self, rows: list[tuple[int, str, str]], query: str = "", snippets: SnippetSource | None = None) -> None:
        """``query``: the search these rows answer; ``snippets(question_id, query)``
        says where a question matched (asked only for the rows on screen)."""
        self._rows = rows
        self._titles = {}
        self._query = query.strip()
        self._snippet_source = snippets
        self._snippets = {}
        # The row count, as the raw titles (data() shows them cleaned); this resets the model.
        self.setStringList([row[1] for row in rows])

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        # A plain list model's flags: not editable, draggable or a drop target as a string list's rows are.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren

    @property
    def query(self) -> str:
        return self._query

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
        if role == TITLE_SPANS_ROLE and self._query:
            from quizdesk.core.search_snippet import find_spans

            return find_spans(self.data(index, Qt.ItemDataRole.DisplayRole), self._query.split())
        if role == SNIPPET_ROLE and self._query and self._snippet_source is not None:
            if index.row() not in self._snippets:
                self._snippets[index.row()] = self._snippet_source(question_id, self._query)
            return self._snippets[index.row()]
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

    def fill(self, rows: list[tuple[int, str, str]], query: str = "", snippets: SnippetSource | None = None) -> None:
        """Replace the items with ``(question id, title, qtype)`` rows; with a
        search ``query`` each row also shows why it matched (``snippets``)."""
        self.blockSignals(True)
        try:
            self._model.set_rows(rows, query, snippets)
        finally:
            self.blockSignals(False)

    def snippet_at(self, row: int) -> Snippet | None:
        """Why the question in ``row`` matched the search shown (None without a search)."""
        from quizdesk.core.search_snippet import Snippet

        found = self._model.data(self._model.index(row), SNIPPET_ROLE)
        return found if isinstance(found, Snippet) else None

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

"""The widget that shows an answer: Markdown with formulas, highlighted code and images.

Rendering happens in :mod:`quizdesk.core.render` (no Qt); this view measures
its font for baseline alignment, turns the formula SVGs into images at the
screen's pixel ratio, follows the light/dark theme (formulas are drawn in the
text colour, so a theme change re-renders) and opens only http(s) links, in
the system browser. It never loads anything remote.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QUrl, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

# Light modules only: a cached answer is shown without Markdown or Pygments (answer_cache).
from quizdesk.core.render.answer_cache import AnswerCache, default_answers, render_answer
from quizdesk.core.render.baseline import TextMetrics
from quizdesk.core.render.code_style import CODE_BLOCK_STATE, DARK_CODE_STYLE, LIGHT_CODE_STYLE
from quizdesk.core.render.math_cache import MathCache, default_cache
from quizdesk.core.render.result import RenderedAnswer, RenderProblem
from quizdesk.ui.widgets.svg_images import svg_to_image

if TYPE_CHECKING:
    from quizdesk.ui.tasks import TaskRunner

CONTINUATION_MARK = "↪"

LIGHT_COLORS = {"text": "#1f2328", "base": "#ffffff", "link": "#2f6fde"}
DARK_COLORS = {"text": "#dfe1e5", "base": "#1b1c1f", "link": "#6ea1ff"}


def measure_text(font: QFont) -> TextMetrics:
    """Line metrics Qt will use for ``font``, including its CJK fallback font."""
    fm = QFontMetricsF(font)
    px = font.pixelSize() if font.pixelSize() > 0 else fm.height() * 0.85

    def line_metrics(sample: str) -> tuple[float, float]:
        layout = QTextLayout(sample, font)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(10_000)
        layout.endLayout()
        return line.ascent(), line.descent()

    ascent, descent = line_metrics("Hxg")
    cjk_ascent, cjk_descent = line_metrics("Hxg中文")
    sized = QFont(font)
    x_heights = [0]
    for size in range(1, 4 * int(px) + 8):  # formulas set their own font size (see baseline.py)
        sized.setPixelSize(size)
        x_heights.append(QFontMetrics(sized).xHeight())
    return TextMetrics(float(px), ascent, descent, fm.xHeight(), cjk_ascent, cjk_descent, tuple(x_heights))


class AnswerView(QTextBrowser):
    """Read-only view of one rendered answer (objectName ``answerView``)."""

    rendered = Signal()  # after every (re-)render; problems() is up to date

    def __init__(self, parent: QWidget | None = None, *, cache: MathCache | None = None,
                 tasks: TaskRunner | None = None, answers: AnswerCache | None = None) -> None:
        """``tasks``: formulas in no cache are drawn there (a worker), the text shown at
        once with those formulas as their source; without, everything is drawn here.
        ``answers``: where rendered answers are kept; the app's own when ``cache`` is
        the app's too (a view with a cache of its own keeps nothing behind it)."""
        super().__init__(parent)
        self.setObjectName("answerView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)
        self._cache = cache if cache is not None else default_cache
        self._answers = answers if answers is not None or cache is not None else default_answers
        self._tasks = tasks
        self._shown = 0  # renders started; a drawing for an older one is dropped
        self._text = ""
        self._base_dir: Path | None = None
        self._dark = False
        self._problems: tuple[RenderProblem, ...] = ()
        self._metrics: TextMetrics | None = None
        self._dpr = 0.0
        self._code_blocks: list[QTextBlock] = []
        # Natural (width, height) of each image standing alone in its paragraph, by
        # document position, so one scaled down to fit grows back when there is room.
        self._natural_sizes: dict[int, tuple[float, float]] = {}
        font = self.font()
        font.setPixelSize(16)
        self.setFont(font)
        self._apply_palette()

    # -- public API -----------------------------------------------------------------
    def set_markdown(self, text: str, base_dir: Path | None = None) -> None:
        self._text = text
        self._base_dir = base_dir
        self._render()
        self.verticalScrollBar().setValue(0)  # a new answer starts at its top

    def set_dark(self, dark: bool) -> None:
        if dark == self._dark:
            return
        self._dark = dark
        self._apply_palette()
        self._render()

    def set_font_px(self, px: float) -> None:
        font = self.font()
        font.setPixelSize(max(6, round(px)))
        self.setFont(font)  # FontChange re-renders

    def font_px(self) -> int:
        return self.font().pixelSize()

    def is_dark(self) -> bool:
        return self._dark

    def problems(self) -> tuple[RenderProblem, ...]:
        return self._problems

    def markdown(self) -> str:
        return self._text

    # -- rendering ----------------------------------------------------------------------
    def _colors(self) -> dict[str, str]:
        return DARK_COLORS if self._dark else LIGHT_COLORS

    def _apply_palette(self) -> None:
        colors = self._colors()
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            palette.setColor(group, QPalette.ColorRole.Base, QColor(colors["base"]))
            palette.setColor(group, QPalette.ColorRole.Text, QColor(colors["text"]))
            palette.setColor(group, QPalette.ColorRole.Link, QColor(colors["link"]))
        self.setPalette(palette)

    def _render(self) -> None:
        if not self._text:  # nothing to show (a new view, a cleared pane): no metrics, no renderer
            self._shown += 1
            self._show(RenderedAnswer(html=""))
            return
        if self._metrics is None:
            self._metrics = measure_text(self.font())
        text = self._text
        metrics = self._metrics
        base_dir = self._base_dir
        color = self._colors()["text"]
        code_style = DARK_CODE_STYLE if self._dark else LIGHT_CODE_STYLE

        def render(draw: bool) -> RenderedAnswer:
            return render_answer(text, answers=self._answers, base_dir=base_dir, metrics=metrics, color=color,
                                 code_style=code_style, cache=self._cache, draw=draw)

        self._shown += 1
        if self._tasks is None:
            self._show(render(True))
            return
        # The text now, with every formula some cache holds; the rest (ziamath, its
        # font, the layout) on a worker, shown when drawn unless another render came first.
        answer = render(False)
        self._show(answer)
        if answer.pending:
            shown = self._shown
            self._tasks.run(
                lambda _task: render(True),
                on_done=lambda drawn: self._drawn(shown, drawn),
                channel=f"answer-formulas-{id(self)}",
                owner=self,
                name="draw-formulas",
            )

    def _drawn(self, shown: int, answer: RenderedAnswer) -> None:
        if shown == self._shown:
            self._show(answer)

    def pending_formulas(self) -> bool:
        """Whether formulas of the shown answer are still being drawn."""
        return self._tasks is not None and self._tasks.busy(f"answer-formulas-{id(self)}")

    def _show(self, answer: RenderedAnswer) -> None:
        doc = self.document()
        scroll = self.verticalScrollBar().value()
        doc.clear()  # also drops the previous answer's image resources
        self._dpr = self.devicePixelRatioF()
        for name, svg in answer.images.items():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), svg_to_image(svg, dpr=self._dpr))
        self.setHtml(answer.html)
        doc.setUndoRedoEnabled(False)  # formats change when wide images are fitted
        self._code_blocks = self._find_code_blocks()
        self._natural_sizes = {}
        self._fit_wide_images()
        self.verticalScrollBar().setValue(scroll)  # a re-render (theme, font) keeps the place
        self._problems = answer.problems
        self.rendered.emit()

    # -- images wider than the pane --------------------------------------------------------
    def _fit_wide_images(self) -> None:
        """Scale a formula or picture wider than the pane down to its width (in
        proportion), and back up when the pane widens again.

        Otherwise one wide formula (at a large text size, a narrow window) gives
        the whole answer a horizontal scrollbar and the prose scrolls out of view.
        An image that wide is alone on its line, so an inline formula's baseline
        offset no longer has neighbours to line up with. Images in tables are
        left alone: the table scrolls as a whole.
        """
        doc = self.document()
        layout = doc.documentLayout()
        right = self.viewport().width() - doc.documentMargin()
        cursor = QTextCursor(doc)
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            room = right - layout.blockBoundingRect(block).x() - 1
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                fmt = fragment.charFormat()
                if not fmt.isImageFormat() or fragment.length() != 1:
                    continue
                image = fmt.toImageFormat()
                position = fragment.position()
                natural = self._natural_sizes.setdefault(position, (image.width(), image.height()))
                if natural[0] <= 0 or natural[1] <= 0:
                    continue  # no size given: drawn at the image's own
                width = natural[0] if room >= natural[0] or room < 48 else room
                if abs(width - image.width()) < 0.5:
                    continue
                cursor.setPosition(position)
                if cursor.currentTable() is not None:
                    continue
                image.setWidth(width)
                image.setHeight(natural[1] * width / natural[0])
                cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(image)
            block = block.next()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        handled = super().viewportEvent(event)
        # The viewport, not the widget: a vertical scrollbar appearing narrows it too.
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent):
            if event.size().width() != event.oldSize().width():
                self._fit_wide_images()
        return handled

    # -- code lines that wrap --------------------------------------------------------------
    def _find_code_blocks(self) -> list[QTextBlock]:
        """The blocks (one per source line) of every code box.

        Qt gives the ``-qt-user-state`` of a ``<pre>`` to its first block only; the
        lines after it share that block's format, which is how they are found.
        """
        found: list[QTextBlock] = []
        block = self.document().begin()
        format_index = -1
        while block.isValid():
            if block.userState() == CODE_BLOCK_STATE:
                format_index = block.blockFormatIndex()
                found.append(block)
            elif format_index >= 0 and block.blockFormatIndex() == format_index:
                found.append(block)
            else:
                format_index = -1
            block = block.next()
        return found

    def code_blocks(self) -> list[QTextBlock]:
        return list(self._code_blocks)

    def continuation_marks(self) -> list[QRect]:
        """Viewport rectangles of the ↪ drawn on each wrapped row of a code line."""
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        layout_of = self.document().documentLayout()
        marks: list[QRect] = []
        for block in self._code_blocks:
            layout = block.layout()
            if layout is None or layout.lineCount() < 2:
                continue
            origin = layout_of.blockBoundingRect(block).topLeft() - offset
            gutter = block.blockFormat().leftMargin()
            for i in range(1, layout.lineCount()):
                line = layout.lineAt(i)
                rect = QRectF(origin.x() + line.x() - gutter, origin.y() + line.y(), gutter, line.height())
                marks.append(rect.toAlignedRect().adjusted(0, 0, -1, -1))
        return marks

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        super().paintEvent(event)
        marks = self.continuation_marks() if self._code_blocks else []
        if not marks:
            return
        painter = QPainter(self.viewport())
        color = QColor(self._colors()["text"])
        color.setAlphaF(0.55)  # quieter than the code itself
        painter.setPen(color)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPixelSize(max(6, round(self.font().pixelSize() * 0.85)))
        painter.setFont(font)
        for rect in marks:
            if rect.intersects(event.rect()):
                painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), CONTINUATION_MARK)
        painter.end()

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        # Only local files and our own registered resources; never the network.
        if QUrl(name).scheme() not in ("", "file", "qrc"):
            return None
        return super().loadResource(kind, name)

    # -- events ---------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._metrics = None
            self._render()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange and self.devicePixelRatioF() != self._dpr:
            self._render()
        if event.type() == QEvent.Type.ToolTip:
            # Formula errors carry their message as a tooltip (title attribute).
            pos = self.viewport().mapFromGlobal(event.globalPos())  # type: ignore[attr-defined]
            tip = self.cursorForPosition(pos).charFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)  # type: ignore[attr-defined]
                return True
        return super().event(event)

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
        elif not url.scheme() and url.hasFragment():
            self.scrollToAnchor(url.fragment())

"""The widget that shows question and answer Markdown, wherever one is needed.

Every screen gets :class:`quizdesk.ui.widgets.answer_view.AnswerView` (math, highlighted
code, images), imported when the first view is made: it loads QtSvg and the answer
cache, and the renderer itself when an answer is in no cache (a few hundred
milliseconds). ``FallbackMarkdownView`` is the plain
``QTextBrowser`` with the same methods that the library shows until the answer
view has loaded after the window's first paint (``defer_answer_view``).
"""

from __future__ import annotations

from pathlib import Path
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget


class MarkdownPane(Protocol):
    def set_markdown(self, text: str, base_dir: Path | None = None) -> None: ...
    def set_dark(self, dark: bool) -> None: ...
    def set_font_px(self, px: int) -> None: ...


class FallbackMarkdownView(QTextBrowser):
    """Plain Qt Markdown (no math, no highlighting): the library's placeholder until AnswerView loads."""

    def set_markdown(self, text: str, base_dir: Path | None = None) -> None:
        self.setSearchPaths([str(base_dir)] if base_dir else [])
        self.setMarkdown(text)

    def set_dark(self, dark: bool) -> None:  # the palette already follows the theme
        pass

    def set_font_px(self, px: int) -> None:
        font = self.font()
        font.setPixelSize(px)
        self.setFont(font)


def make_markdown_view(object_name: str, parent: QWidget | None = None, *, framed: bool = True, margin: int | None = None,
                       tasks: Any = None) -> Any:
    """An AnswerView named ``object_name``.

    ``margin``: space in pixels around the text (the document margin; Qt's default is 4).
    ``tasks``: the collection's TaskRunner, to draw formulas that are in no cache on
    a worker instead of the GUI thread (the text shows at once).
    """
    from quizdesk.ui.widgets.answer_view import AnswerView  # here, not at the top: off the first paint

    view = AnswerView(tasks=tasks)
    if parent is not None:
        view.setParent(parent)
    view.setObjectName(object_name)
    if not framed and isinstance(view, QFrame):
        view.setFrameShape(QFrame.Shape.NoFrame)
    if margin is not None:
        view.document().setDocumentMargin(margin)
    from quizdesk.ui.widgets.theme import is_dark

    view.set_dark(is_dark())
    return view


class _FitHeight(QObject):
    """Keeps a Markdown view exactly as tall as its document (no inner scrolling)."""

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self._view = view
        self._hooked: Any = None
        self._busy = False
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.refit()
        return False

    def refit(self) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            self._refit()
        finally:
            self._busy = False

    def _refit(self) -> None:
        document = self._view.document()
        layout = document.documentLayout()
        if layout is not self._hooked:  # set_markdown may swap the document
            self._hooked = layout
            layout.documentSizeChanged.connect(lambda _size: self.refit())
        document.setTextWidth(self._view.viewport().width())
        margins = self._view.contentsMargins()
        height = int(document.size().height()) + margins.top() + margins.bottom() + 2
        if self._view.height() != height:
            self._view.setFixedHeight(max(height, 8))


def fit_height_to_document(view: Any) -> Callable[[], None]:
    """Make ``view`` grow with its content (for views inside a scroll area); returns a refit function."""
    fitter = _FitHeight(view)
    return fitter.refit

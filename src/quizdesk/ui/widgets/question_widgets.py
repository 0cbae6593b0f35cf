"""Pieces shared by the study and exam screens: the question header, the list of
choices (also used for the 要点 checklist) and the names of question types."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from quizdesk.ui.events import app_events
from quizdesk.ui.i18n import content_name
from quizdesk.ui.widgets.named import named
from quizdesk.ui.widgets.theme import colors

_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def display_title(title: str) -> str:
    """A question title as it reads: code spans and bold markers dropped, their text kept.

    Titles are Markdown in the bank (``在 Midjourney 中，`--no cars` …``) but are
    shown as plain one-line labels, where the backticks would be noise.
    """
    if "`" not in title and "*" not in title and "_" not in title:
        return title  # most titles: no markup, and the list shows thousands of them
    parts: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(title):
        parts.append(_STRONG.sub(r"\2", title[last : match.start()]))
        parts.append(match.group(2))  # code keeps its underscores and stars
        last = match.end()
    parts.append(_STRONG.sub(r"\2", title[last:]))
    return "".join(parts)

LETTERS = "ABCDEFGHIJ"
DIGITS = "123456789"
CHOICE_FONT_PX = 14


def qtype_label(qtype: str) -> str:
    names = {
        "open": QCoreApplication.translate("QuestionType", "Open question"),
        "single": QCoreApplication.translate("QuestionType", "Single choice"),
        "multi": QCoreApplication.translate("QuestionType", "Multiple choice"),
        "truefalse": QCoreApplication.translate("QuestionType", "True / false"),
    }
    return names.get(qtype, qtype)


def inline_markup(text: str) -> str:
    """A choice's text as QLabel rich text: escaped, with `code` spans in a monospace font."""
    parts = html.escape(text).split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: show the text as it is
        return html.escape(text)
    return "".join(
        f"<code style='font-family: monospace'>{part}</code>" if i % 2 else part for i, part in enumerate(parts)
    )


def _math_rich_text(text: str, font: QFont, widget: QWidget) -> str | None:
    """``text`` with its formulas drawn (QLabel rich text), or None when it has none."""
    if "$" not in text and "\\(" not in text:
        return None  # most titles and choices: no need to load the renderer
    from quizdesk.ui.widgets.inline_math import math_rich_text

    return math_rich_text(text, font, colors().text, widget.devicePixelRatioF())


def format_seconds(seconds: float) -> str:
    """``mm:ss`` (``h:mm:ss`` from an hour on); never negative."""
    total = max(0, int(seconds + 0.999)) if seconds > 0 else 0
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class QuestionHeader(QWidget):
    """"Module › topic · type" above the question title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.meta = named(QLabel(), "questionMeta")
        self.title = named(QLabel(), "questionTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # an imported title may contain "<b>"
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.meta)
        layout.addWidget(self.title)
        self._shown: tuple[str, str, str, str, str, str, str] | None = None
        self._restyle()
        app_events().themeChanged.connect(self._restyle)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange and self._shown is not None:
            module, topic, qtype, title, prefix, module_en, topic_en = self._shown
            # The type's name is a UI text, and topic names follow the language.
            self.set_question(module, topic, qtype, title, prefix, module_en=module_en, topic_en=topic_en)
        super().changeEvent(event)

    def set_question(
        self, module: str, topic: str, qtype: str, title: str, prefix: str = "", *, module_en: str = "", topic_en: str = ""
    ) -> None:
        self._shown = (module, topic, qtype, title, prefix, module_en, topic_en)
        parts = [content_name(module, module_en)]
        if topic != module:
            parts.append(content_name(topic, topic_en))
        self.meta.setText(" › ".join(parts) + "  ·  " + qtype_label(qtype))
        rich = _math_rich_text(title, self.title.font(), self.title)
        if rich is None:
            self.title.setTextFormat(Qt.TextFormat.PlainText)  # an imported title may contain "<b>"
            self.title.setText(f"{prefix}{display_title(title)}")
        else:  # formulas drawn, as in the answer
            self.title.setTextFormat(Qt.TextFormat.RichText)
            self.title.setText(html.escape(prefix) + rich)

    def _restyle(self, _dark: bool = False) -> None:
        self.meta.setStyleSheet(f"color: {colors().muted};")
        if self._shown is not None and self.title.textFormat() == Qt.TextFormat.RichText:
            module, topic, qtype, title, prefix, module_en, topic_en = self._shown
            self.set_question(module, topic, qtype, title, prefix, module_en=module_en, topic_en=topic_en)  # formulas in the new ink


class ChoiceRow(QFrame):
    """One choice (or key point): a key badge and wrapped text; click to toggle."""

    clicked = Signal()

    def __init__(self, key: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = "normal"  # normal | selected | correct | wrong | missed
        self.locked = False
        self.badge = QLabel(key)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedSize(26, 26)
        self.source = text
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        font = self.text.font()
        font.setPixelSize(CHOICE_FONT_PX)
        self.text.setFont(font)
        self._ink = ""
        self._show_text()
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.mark = QLabel()
        self.mark.setFixedWidth(22)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 12, 8)
        layout.setSpacing(12)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.restyle()

    def _show_text(self) -> None:
        """The choice as rich text; formulas drawn in the theme's ink (again when it changes)."""
        ink = colors().text
        if ink == self._ink:
            return
        self._ink = ink
        rich = _math_rich_text(self.source, self.text.font(), self.text)
        self.text.setText(inline_markup(self.source) if rich is None else rich)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton and not self.locked:
            self.clicked.emit()
        event.accept()

    def set_state(self, state: str) -> None:
        self.state = state
        self.restyle()

    def restyle(self) -> None:
        c = colors()
        border, background, badge_fg, badge_bg, mark = c.border, c.card, c.muted, c.card_hover, ""
        if self.state == "selected":
            border, background, badge_fg, badge_bg = c.accent, c.accent_bg, "#ffffff", c.accent
        elif self.state == "correct":
            border, background, badge_fg, badge_bg, mark = c.success, c.success_bg, "#ffffff", c.success, "✓"
        elif self.state == "wrong":
            border, background, badge_fg, badge_bg, mark = c.danger, c.danger_bg, "#ffffff", c.danger, "✗"
        elif self.state == "missed":
            border, background, badge_fg, badge_bg, mark = c.success, c.card, c.success, c.success_bg, "✓"
        name = self.objectName() or "choiceRow"
        self.setObjectName(name)
        self.setStyleSheet(
            f"QFrame#{name} {{ border: 1px solid {border}; border-radius: 8px; background: {background}; }}"
            f"QFrame#{name} QLabel {{ background: transparent; border: none; color: {c.text}; }}"
        )
        self.badge.setStyleSheet(
            f"background: {badge_bg}; color: {badge_fg}; border-radius: 13px; font-weight: bold;"
        )
        self.mark.setText(mark)
        self._show_text()
        mark_color = c.danger if self.state == "wrong" else c.success
        self.mark.setStyleSheet(f"color: {mark_color}; font-weight: bold; font-size: 16px; background: transparent;")


class ChoiceList(QWidget):
    """Choices (single: one selected; multi: any) or a checklist of key points."""

    selectionChanged = Signal()

    def __init__(self, name_prefix: str = "choice", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prefix = name_prefix
        self._multi = False
        self._selected: set[int] = set()
        self.rows: list[ChoiceRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        app_events().themeChanged.connect(self._restyle_all)

    def set_items(self, texts: list[str] | tuple[str, ...], keys: str = LETTERS, *, multi: bool = False) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        self._multi = multi
        self._selected = set()
        for i, text in enumerate(texts):
            row = ChoiceRow(keys[i] if i < len(keys) else str(i + 1), text, self)
            row.setObjectName(f"{self._prefix}{i}")
            row.restyle()
            row.clicked.connect(lambda i=i: self.toggle(i))
            self._layout.addWidget(row)
            self.rows.append(row)

    def count(self) -> int:
        return len(self.rows)

    def selected(self) -> list[int]:
        return sorted(self._selected)

    def set_selected(self, indexes: list[int] | tuple[int, ...]) -> None:
        self._selected = {i for i in indexes if 0 <= i < len(self.rows)}
        if not self._multi and len(self._selected) > 1:
            self._selected = {min(self._selected)}
        self._paint_selection()

    def toggle(self, index: int) -> None:
        """Pick ``index`` (single) or flip it (multi); ignored when locked or out of range."""
        if not 0 <= index < len(self.rows) or self.rows[index].locked:
            return
        if self._multi:
            self._selected ^= {index}
        else:
            self._selected = {index}
        self._paint_selection()
        self.selectionChanged.emit()

    def set_locked(self, locked: bool) -> None:
        for row in self.rows:
            row.locked = locked
            row.setCursor(Qt.CursorShape.ArrowCursor if locked else Qt.CursorShape.PointingHandCursor)

    def show_feedback(self, correct: tuple[int, ...] | list[int]) -> None:
        """Colour the rows: chosen and right, chosen and wrong, right but missed."""
        right = set(correct)
        for i, row in enumerate(self.rows):
            if i in self._selected:
                row.set_state("correct" if i in right else "wrong")
            elif i in right:
                row.set_state("missed")
            else:
                row.set_state("normal")
        self.set_locked(True)

    def _paint_selection(self) -> None:
        for i, row in enumerate(self.rows):
            row.set_state("selected" if i in self._selected else "normal")

    def _restyle_all(self, _dark: bool = False) -> None:
        for row in self.rows:
            row.restyle()

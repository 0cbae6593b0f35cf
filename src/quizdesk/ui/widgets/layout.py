"""Page layout shared by the study, exam and self-grading pages."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from quizdesk.ui.widgets.named import named

#: Text wider than this is hard to read: pages centre a column at most this wide.
CONTENT_MAX_WIDTH = 880


def centered_column(inner: QWidget, max_width: int = CONTENT_MAX_WIDTH) -> QWidget:
    """``inner`` centred, at most ``max_width`` wide (long lines are hard to read)."""
    inner.setMaximumWidth(max_width)
    outer = QWidget()
    layout = QHBoxLayout(outer)
    layout.setContentsMargins(24, 16, 24, 16)
    layout.addStretch(1)
    layout.addWidget(inner, 100)
    layout.addStretch(1)
    return outer


def section_label(text: str, object_name: str) -> QLabel:
    """A bold heading over a section of a page (answer, key points, notes)."""
    label = named(QLabel(text), object_name)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label

"""Signals that concern the whole app but are not data: the theme, the answer font.

Data changes are not here: they are the collection's ``changed(Changes)``
(ui/collection.py, emitted by ui/ops.py after each committed write); each view
checks the flags and refreshes only for what concerns it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Signals that concern the whole app, not one widget."""

    #: The colour theme changed; the argument says whether it is now dark.
    themeChanged = Signal(bool)
    #: The answer text size changed (settings); the new pixel size.
    answerFontChanged = Signal(int)


_events: AppEvents | None = None


def app_events() -> AppEvents:
    """The process-wide :class:`AppEvents` instance."""
    global _events
    if _events is None:
        _events = AppEvents()
        _events.setObjectName("appEvents")
    return _events

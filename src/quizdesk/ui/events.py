"""One application-wide "data changed" signal (STYLE.md item 3).

Whoever writes to the database emits :func:`notify_data_changed` after the
transaction has committed; every view listens to ``dataChanged`` and decides
for itself whether (and when) to refresh. No view reaches into another.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class AppEvents(QObject):
    """Signals that concern the whole app, not one widget."""

    #: Something in the database changed (a grade, an answer, an import, a sync…).
    dataChanged = Signal()
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


def notify_data_changed() -> None:
    app_events().dataChanged.emit()

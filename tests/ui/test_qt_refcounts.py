"""Guard against a Qt binding that leaks references to None.

PySide6 6.12.0 drops a reference to ``None`` on every call that returns
nothing; before Python 3.12 (where None became immortal) a long session then
dies with "deallocating None". pyproject.toml excludes that release; this test
fails if a binding with the bug is installed anyway.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QListWidget


def test_void_calls_keep_none_alive(qtbot) -> None:
    label = QLabel()
    listing = QListWidget()
    qtbot.add_widget(label)
    qtbot.add_widget(listing)
    before = sys.getrefcount(None)
    for i in range(500):
        label.setText(str(i))
        listing.addItem(str(i))
    assert sys.getrefcount(None) - before > -50

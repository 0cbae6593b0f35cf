"""Shared fixtures: a real SQLite store in a temp dir, the fixture bank, offscreen Qt."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

# Before anything imports Qt: no display in CI, and none needed here.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("QUIZDESK_DATA_DIR", None)
# QSettings (and anything else under ~/.config) of this run, and of every app
# process a test starts, go to a throwaway folder, never the developer's own.
_CONFIG_HOME = tempfile.mkdtemp(prefix="quizdesk-test-config-")
atexit.register(shutil.rmtree, _CONFIG_HOME, True)
os.environ["XDG_CONFIG_HOME"] = _CONFIG_HOME

import pytest

from quizdesk.core.db.store import Store, open_store

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    return path


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """A writable copy of the small fixture bank (tests edit it)."""
    target = tmp_path / "bank"
    shutil.copytree(FIXTURES / "bank", target)
    return target


@pytest.fixture
def synced_store(store: Store, bank_dir: Path) -> Store:
    from quizdesk.core.content.bundled import sync_bundled_bank

    with store.session() as session:
        sync_bundled_bank(session, bank_dir)
    return store


def _type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` into ``widget`` as key events, one per character.

    ``qtbot.keyClicks`` asserts inside QtTest on non-ASCII characters, so
    Chinese is typed as key events that carry the character as their text,
    which is what an input method delivers to the widget in the end.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


@pytest.fixture
def type_text():  # type: ignore[no-untyped-def]
    return _type_text

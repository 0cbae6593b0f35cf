"""Shared fixtures: a real SQLite store in a temp dir, the fixture bank, offscreen Qt."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
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


#: Shanghai's rule as a POSIX TZ string (UTC+8, no daylight saving since 1991): the C library
#: understands it without a time zone database, so a machine without tzdata runs these tests alike.
SHANGHAI_TZ = "CST-8"
SHANGHAI = timezone(timedelta(hours=8), "CST")


@contextmanager
def local_time_zone(tz: str) -> Iterator[None]:
    """Run with the computer's clock in time zone ``tz`` (TZ and ``time.tzset``), as a user's is."""
    if not hasattr(time, "tzset"):
        pytest.skip("changing the time zone of a running process needs time.tzset (Unix)")
    old = os.environ.get("TZ")
    os.environ["TZ"] = tz
    time.tzset()
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()


@pytest.fixture
def shanghai_time() -> Iterator[None]:
    """Run with the computer's clock in UTC+8, as many users' are."""
    with local_time_zone(SHANGHAI_TZ):
        yield


@dataclass(frozen=True)
class LocalClock:
    """A stopped clock at a local hour in Shanghai: ``now`` is aware, in local time."""

    now: datetime

    @property
    def today(self) -> date:
        return self.now.date()

    def ago(self, days: float = 0, minutes: float = 0) -> datetime:
        return self.now - timedelta(days=days, minutes=minutes)


@pytest.fixture(params=[(7, 30), (21, 30)], ids=["morning", "evening"])
def local_clock(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalClock]:
    """The computer in Shanghai at 07:30 (23:30 UTC the day before) and at 21:30 (13:30 UTC).

    The core's own clock (``quizdesk.core.clock.utcnow``, what a function given
    no ``now`` uses) is stopped at the same moment. Tests pass these local, aware
    times to the core as a caller in Shanghai would; nothing may depend on the
    hour or the zone the test suite itself runs at.
    """
    from quizdesk.core import clock

    hour, minute = request.param
    now = datetime(2026, 3, 10, hour, minute, tzinfo=SHANGHAI)
    monkeypatch.setattr(clock, "utcnow", lambda: now.astimezone(timezone.utc))
    with local_time_zone(SHANGHAI_TZ):
        yield LocalClock(now)


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, start: float = 1000.0) -> None:
        self.t = start

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


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


def _type_text(widget, text: str) -> None:
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
def type_text():
    return _type_text

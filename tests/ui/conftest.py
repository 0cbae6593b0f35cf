"""UI test fixtures: QSettings isolated per test, the GUI fixture bank, a fake clock."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from quizdesk.core.db.store import Store

GUI_BANK = Path(__file__).resolve().parents[1] / "fixtures" / "bank_gui"


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path: Path) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """Every QSettings() of the test lands in a fresh folder under tmp_path.

    Window geometry, splitter state and the last selection are remembered in
    QSettings; without this, one test's leftovers would steer the next, and
    tests would write into the developer's real configuration.
    """
    folder = tmp_path / "qsettings"
    old_format = QSettings.defaultFormat()
    old_names = (QCoreApplication.organizationName(), QCoreApplication.applicationName())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "user"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder / "system"))
    QCoreApplication.setOrganizationName("QuizDeskTests")
    QCoreApplication.setApplicationName("QuizDeskTests")
    yield folder
    QSettings.setDefaultFormat(old_format)
    QCoreApplication.setOrganizationName(old_names[0])
    QCoreApplication.setApplicationName(old_names[1])


@pytest.fixture
def gui_bank_dir(tmp_path: Path) -> Path:
    """A copy of the 20-question GUI bank (2 modules, 4 topics, every question type)."""
    target = tmp_path / "bank_gui"
    shutil.copytree(GUI_BANK, target)
    return target


@pytest.fixture
def gui_store(store: Store, gui_bank_dir: Path) -> Store:
    from quizdesk.core.content.bundled import sync_bundled_bank

    with store.session() as session:
        sync_bundled_bank(session, gui_bank_dir)
    return store


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

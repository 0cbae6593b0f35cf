"""UI test fixtures: QSettings isolated per test, the GUI fixture bank, a fake clock."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QWidget

from quizdesk.core.db.store import Store

GUI_BANK = Path(__file__).resolve().parents[1] / "fixtures" / "bank_gui"


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path: Path) -> Iterator[Path]:
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


@pytest.fixture(autouse=True)
def source_language(qapp) -> Iterator[None]:
    """Every test starts and ends with the untranslated (English source) UI, whatever a test switched to."""
    from quizdesk.ui.i18n import remove_translations

    remove_translations(qapp)
    yield
    remove_translations(qapp)


@pytest.fixture
def parent(qtbot) -> QWidget:
    """A shown window standing in for the main window, for dialogs that open over one."""
    widget = QWidget()
    widget.setObjectName("testMainWindow")
    qtbot.add_widget(widget)
    widget.show()
    return widget


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


def ids_by_external(store: Store) -> dict[str, int]:
    with store.read() as connection:
        return {ext: qid for qid, ext in connection.execute("SELECT id, external_id FROM questions")}


def show_active(qtbot, widget) -> None:
    """Show ``widget`` as the active window, so its keyboard shortcuts work."""
    from PySide6.QtWidgets import QApplication

    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


class Keyboard:
    """Key presses delivered where a user's would go: to the focused widget."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self._last_window: QWidget | None = None

    def target(self):
        from PySide6.QtWidgets import QApplication

        modal = QApplication.activeModalWidget()  # an open dialog takes the keys, as on a desktop
        if modal is not None:
            if QApplication.activeWindow() is not modal:
                # No window manager offscreen: activate it as one would.
                modal.activateWindow()
                self.qtbot.waitUntil(lambda: QApplication.activeWindow() is modal)
            return modal.focusWidget() or modal
        if QApplication.activeWindow() is None and self._last_window is not None and self._last_window.isVisible():
            # A dialog closed and nothing got the activation back (no window manager).
            window = self._last_window
            window.activateWindow()
            self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        widget = QApplication.focusWidget() or QApplication.activeWindow()
        assert widget is not None, "no widget has the keyboard focus"
        if QApplication.activeModalWidget() is None:
            self._last_window = widget.window()
        return widget

    def press(self, *keys, modifier=None) -> None:
        from PySide6.QtCore import Qt

        for key in keys:
            self.qtbot.keyClick(self.target(), key, modifier or Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def keyboard(qtbot) -> Keyboard:
    return Keyboard(qtbot)


@pytest.fixture
def activate(qtbot):
    """``activate(widget)``: show it as the active window (keyboard shortcuts need that)."""
    return lambda widget: show_active(qtbot, widget)


@pytest.fixture
def qids():
    """``qids(store)``: {external id: question id}."""
    return ids_by_external

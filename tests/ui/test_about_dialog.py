"""Help → About: version, licence text, versions underneath, the data folder and its button."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton

from quizdesk import __version__
from quizdesk.ui.dialogs.about_dialog import AboutDialog, licence_text

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def opened_urls(monkeypatch) -> list[QUrl]:
    """URLs handed to the desktop; a test never starts a real file manager."""
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


def _dialog(qtbot, folder: Path) -> AboutDialog:
    dialog = AboutDialog(folder)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_shows_version_versions_and_the_data_folder(qtbot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    assert dialog.windowTitle() == "About QuizDesk"
    assert dialog.findChild(QLabel, "aboutTitle").text() == f"QuizDesk {__version__}"
    versions = dialog.findChild(QLabel, "aboutVersions").text()
    assert versions.startswith("Python 3.") and "Qt 6." in versions and "SQLite 3." in versions
    assert dialog.findChild(QLineEdit, "aboutDataDirEdit").text() == str(tmp_path)
    assert not dialog.findChild(QLabel, "aboutIcon").pixmap().isNull()


def test_every_control_is_named_and_documented(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QAbstractButton, QWidget

    doc = (REPO / "docs" / "ui-testing.md").read_text(encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path)
    controls = [w for w in dialog.findChildren(QWidget) if isinstance(w, (QAbstractButton, QLineEdit, QPlainTextEdit, QLabel))]
    names = {w.objectName() for w in controls}
    assert "" not in names
    assert all(f"`{name}`" in doc for name in names | {"aboutDialog", "aboutAction"}), sorted(n for n in names if f"`{n}`" not in doc)


def test_the_licence_text_is_the_repositorys_and_opens_on_demand(qtbot, tmp_path: Path) -> None:
    assert licence_text() == (REPO / "LICENSE").read_text(encoding="utf-8")
    dialog = _dialog(qtbot, tmp_path)
    text = dialog.findChild(QPlainTextEdit, "aboutLicenceText")
    button = dialog.findChild(QPushButton, "aboutLicenceButton")
    assert not text.isVisible() and "MIT" in dialog.findChild(QLabel, "aboutLicenceLabel").text()
    button.click()
    assert text.isVisible() and text.isReadOnly() and text.toPlainText().startswith("MIT License")
    assert button.text() == "Hide licence"
    button.click()
    assert not text.isVisible() and button.text() == "Show licence"


def test_open_data_folder_hands_the_folder_to_the_desktop(qtbot, tmp_path: Path, opened_urls: list[QUrl]) -> None:
    dialog = _dialog(qtbot, tmp_path)
    dialog.findChild(QPushButton, "aboutOpenDataButton").click()
    assert [u.toLocalFile() for u in opened_urls] == [str(tmp_path)]
    assert not dialog.findChild(QLabel, "aboutMessage").isVisible()


def test_a_folder_not_made_yet_or_no_file_manager_is_said_in_words(qtbot, tmp_path: Path, monkeypatch) -> None:
    dialog = _dialog(qtbot, tmp_path / "not-yet")
    message = dialog.findChild(QLabel, "aboutMessage")
    assert dialog.open_data_folder() is False
    assert message.isVisible() and "does not exist yet" in message.text()

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    dialog = _dialog(qtbot, tmp_path)
    message = dialog.findChild(QLabel, "aboutMessage")
    dialog.findChild(QPushButton, "aboutOpenDataButton").click()
    assert message.isVisible() and "Copy the path above" in message.text()


def test_help_menu_opens_it_on_the_stores_folder(qtbot, gui_store) -> None:
    from PySide6.QtGui import QAction

    from quizdesk.ui.app.main_window import MainWindow

    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    action = window.findChild(QAction, "aboutAction")
    assert action in window.help_menu.actions() and action.text() == "About QuizDesk"
    action.trigger()
    dialog = window.about_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.findChild(QLineEdit, "aboutDataDirEdit").text() == str(gui_store.path.parent)
    dialog.findChild(QPushButton, "aboutCloseButton").click()
    assert not dialog.isVisible()

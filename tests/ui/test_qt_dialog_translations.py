"""Qt's own dialogs speak the UI's language: the Chinese UI loads Qt's catalogue
(``qtbase_zh_CN.qm`` from PySide6) and our fixes to it, and the file dialogs the
app opens (Qt's own widgets, not the desktop's) have no English left in them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QTreeView

from quizdesk.ui import i18n
from quizdesk.ui.i18n import catalogue_files, install_language, installed_catalogues

LATIN = re.compile(r"[A-Za-z]")
ACCELERATOR = re.compile(r"\(&\w\)")


def _dialog(qtbot, folder: Path) -> QFileDialog:
    (folder / "笔记").mkdir()
    (folder / "a.md").write_text("# 标题\n", encoding="utf-8")
    dialog = QFileDialog(None, "导入笔记", str(folder), "Markdown (*.md)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # what the app gets on Linux without a portal
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 2)
    return dialog


def _texts(dialog: QFileDialog) -> dict[str, str]:
    """Every piece of Qt's own wording a user can read: labels, buttons and their tool tips,
    column headers, the Type column of a folder and the context menu."""
    texts = {}
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and label.text():
            texts[f"label {label.objectName()}"] = label.text()
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible():
            for kind, text in (("text", button.text()), ("tooltip", button.toolTip())):
                if text:
                    texts[f"button {button.objectName() or button.text()} {kind}"] = text
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    for column in range(model.columnCount()):
        texts[f"header {column}"] = model.headerData(column, Qt.Orientation.Horizontal)
    folder_row = next(r for r in range(model.rowCount(view.rootIndex())) if model.index(r, 0, view.rootIndex()).data() == "笔记")
    texts["type of a folder"] = model.index(folder_row, 2, view.rootIndex()).data()
    for action in dialog.findChildren(QAction):  # the list's context menu: rename, delete, new folder, …
        if action.text():
            texts[f"menu {action.objectName() or action.text()}"] = action.text()
    return texts


def test_the_file_dialog_is_chinese_in_the_chinese_ui(qtbot, tmp_path: Path) -> None:
    install_language("zh_CN")
    dialog = _dialog(qtbot, tmp_path)
    texts = _texts(dialog)
    assert texts["label lookInLabel"] == "查找范围(&L)："  # Qt 6's "&Look in:", missing from Qt's catalogue
    assert texts["label fileTypeLabel"] == "文件类型(&T)："  # "Files of &type:", likewise
    assert texts["label fileNameLabel"] == "文件名称(&N)："
    assert [texts[f"header {c}"] for c in range(4)] == ["名称", "大小", "类型", "修改日期"]  # 大小, not Qt's 体积
    assert texts["type of a folder"] == "文件夹"
    # Latin letters outside an accelerator mark such as (&L): English left over.
    english = {where: text for where, text in texts.items() if LATIN.search(ACCELERATOR.sub("", text))}
    # Sizes and dates in the list follow the system's locale, as in every Qt program; they are data, not wording.
    assert english == {}


def test_the_file_dialog_is_english_again_after_switching_back(qtbot, tmp_path: Path) -> None:
    install_language("zh_CN")
    install_language("en")
    texts = _texts(_dialog(qtbot, tmp_path))
    assert texts["label lookInLabel"] == "&Look in:" and texts["header 1"] == "Size"
    assert not any(Path(p).name.startswith("qtbase") for p in installed_catalogues())


def test_the_chinese_ui_installs_qts_catalogue_then_our_fixes_then_ours() -> None:
    install_language("zh_CN")
    assert [Path(p).name for p in installed_catalogues()] == ["qtbase_zh_CN.qm", "qtbase_fixes_zh_CN.qm", "quizdesk_zh_CN.qm"]
    assert [Path(p) for p in installed_catalogues()] == catalogue_files("zh_CN")


def test_the_catalogues_are_found_in_the_package(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """From a source install: Qt's in the PySide6 package, ours in resources/i18n. In a bundle
    the same two folders sit inside it (the bundle's self-test loads each; tests/packaging)."""
    import PySide6

    repo_i18n = Path(__file__).resolve().parents[2] / "resources" / "i18n"
    qt_file, fixes, ours = catalogue_files("zh_CN")
    assert qt_file.is_file() and qt_file.parent == Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert fixes == repo_i18n / "qtbase_fixes_zh_CN.qm" and fixes.is_file() and ours.is_file()
    # Where Qt's own idea of its translations folder is wrong (a relocated bundle), the package's is used.
    monkeypatch.setattr(i18n.QLibraryInfo, "path", lambda which: str(tmp_path))
    assert i18n.qt_translations_dir() == Path(PySide6.__file__).parent / "Qt" / "translations"

"""At 1440×900 no label, topic or option is cut with "…", in English (long names) and Chinese.

Topic names wrap in the trees (the main window's and the exam setup's): "Open
questions and car…" and the exam setup's sub-topics were cut.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QStyle, QStyleOptionViewItem, QWidget

from quizdesk.core.content.bundled import sync_bundled_bank
from quizdesk.core.db.store import Store, open_store
from quizdesk.core.paths import bundled_content_dir
from quizdesk.ui.exam.setup_dialog import ExamSetupDialog
from quizdesk.ui.i18n import install_language
from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.widgets.topic_tree import NAME_COLUMN, TopicTreeWidget


@pytest.fixture(scope="module")
def bank_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The bundled bank (in the repository): the real, long English topic names."""
    store = open_store(Path(tmp_path_factory.mktemp("bundled")))
    with store.session() as session:
        sync_bundled_bank(session, bundled_content_dir())
    yield store
    store.close()


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> str:
    install_language(request.param, qapp)
    return str(request.param)


def cut_topics(tree: TopicTreeWidget) -> list[str]:
    """Names whose lines, wrapped in the width the style gives them, need more than their row."""
    cut = []
    style = tree.style()
    for item in tree.iter_items():
        index = tree.indexFromItem(item, NAME_COLUMN)
        rect = tree.visualRect(index)
        if not rect.isValid() or rect.height() == 0:
            continue  # inside a collapsed module
        option = QStyleOptionViewItem()
        option.rect = rect
        option.text = item.text(NAME_COLUMN)
        option.font = item.font(NAME_COLUMN)
        option.features = QStyleOptionViewItem.ViewItemFeature.HasDisplay
        if item.data(NAME_COLUMN, Qt.ItemDataRole.CheckStateRole) is not None:  # the exam setup's boxes
            option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, tree)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, tree) + 1
        width = text_rect.width() - 2 * margin
        metrics = QFontMetrics(option.font)
        needed = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, option.text)
        one_line = metrics.elidedText(option.text, Qt.TextElideMode.ElideRight, width) == option.text
        if needed.height() > text_rect.height() or (not one_line and needed.height() <= metrics.height()):
            cut.append(option.text)
    return cut


def cut_labels(root: QWidget) -> list[str]:
    """Visible single-line labels and check boxes narrower than their text."""
    cut = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text() or label.textFormat() == Qt.TextFormat.RichText:
            continue
        text = label.text().replace("&", "") if label.buddy() else label.text()
        width = max(label.fontMetrics().horizontalAdvance(line) for line in text.splitlines())
        if width > label.contentsRect().width():
            cut.append(text)
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.width() < button.minimumSizeHint().width():
            cut.append(button.text())
    return cut


def test_the_main_window_cuts_no_topic_or_label(qtbot, bank_store: Store, language: str) -> None:
    window = MainWindow(bank_store)
    qtbot.add_widget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    window.library.topic_tree.expandAll()
    qtbot.waitUntil(lambda: not cut_topics(window.library.topic_tree))  # rows are measured when laid out
    assert cut_labels(window) == []
    # Narrower (the splitter dragged): names wrap again instead of being cut
    sizes = window.library.sizes()
    window.library.setSizes([sizes[0] - 60, sizes[1] + 60, *sizes[2:]])
    qtbot.waitUntil(lambda: window.library.topic_tree.width() < sizes[0] - 50)
    qtbot.waitUntil(lambda: not cut_topics(window.library.topic_tree))


def test_the_exam_setup_cuts_no_topic_or_option(qtbot, bank_store: Store, language: str) -> None:
    dialog = ExamSetupDialog(bank_store)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not cut_topics(dialog.tree))
    assert cut_labels(dialog) == []

"""The main window opens on a synced bank, lists topics and questions, and searches."""

from __future__ import annotations

from PySide6.QtCore import Qt

from quizdesk.core.db.store import Store
from quizdesk.ui.app.main_window import MainWindow


def test_topics_and_questions_are_listed(qtbot, synced_store: Store) -> None:
    window = MainWindow(synced_store)
    qtbot.add_widget(window)
    tree = window.library.topic_tree
    modules = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert modules == ["Deep learning", "Machine learning"]  # the English UI shows name_en
    assert tree.topLevelItem(0).text(1) == "4"
    assert window.library.question_list.count() == 5
    first_topic = tree.topLevelItem(1).child(0)
    assert first_topic is not None
    tree.setCurrentItem(first_topic)
    assert [window.library.question_list.title_at(i) for i in range(window.library.question_list.count())] == [
        "介绍一下Transformer中的Self-Attention机制"
    ]


def test_search_box_filters_as_you_type(qtbot, synced_store: Store, type_text) -> None:
    window = MainWindow(synced_store)
    qtbot.add_widget(window)
    type_text(window.search_box, "注意力")
    # Results come ~150 ms after the last keystroke (debounced), not per key.
    qtbot.waitUntil(lambda: window.library.question_list.count() == 1)
    window.search_box.clear()
    assert window.library.question_list.count() == 5
    window.library.question_list.setCurrentRow(0)
    assert "梯度裁剪" in window.answer_view.toPlainText()


def test_titles_show_without_markdown_markers() -> None:
    from quizdesk.ui.widgets.question_widgets import display_title

    assert display_title("在 Midjourney 中，`--no cars` 与 **负面** 提示") == "在 Midjourney 中，--no cars 与 负面 提示"
    assert display_title("`__init__` 与 `**kwargs` 的区别？") == "__init__ 与 **kwargs 的区别？"
    assert display_title("a ** b 与 2 * 3") == "a ** b 与 2 * 3"  # lone stars are text


def test_the_unsaved_answers_box_keeps_the_exam_unless_the_user_chooses_to_lose_them(qtbot, synced_store: Store) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    window = MainWindow(synced_store)
    qtbot.add_widget(window)
    seen: list[str] = []

    def answer(button_text: str) -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "unsavedQuitBox" and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(10, lambda: answer(button_text))
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()

    QTimer.singleShot(0, lambda: answer("Keep the exam open"))
    assert window._confirm_quit_unsaved() is False
    QTimer.singleShot(0, lambda: answer("Quit and lose them"))
    assert window._confirm_quit_unsaved() is True
    assert seen == ["Some answers of this exam could not be saved, so quitting now would lose them."] * 2

"""The main window: search in Chinese, remembered layout and selection, status bar,
refresh on data changes, actions for other engineers' dialogs, shortcuts help."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTreeWidget, QWidget

from quizdesk.core.study.reviews import record_choice
from quizdesk.ui import ops
from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from quizdesk.ui.study.study_view import StudyView

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def _window(qtbot, store, **kwargs) -> MainWindow:
    window = MainWindow(store, **kwargs)
    qtbot.add_widget(window)
    return window


def _menu(action: QAction) -> QMenu:
    """The menu an action opens. PySide types QAction.menu() as QObject (a template in C++)."""
    menu = action.menu()
    assert isinstance(menu, QMenu), f"{action.objectName() or action.text()} opens no menu"
    return menu


def _titles(window: MainWindow) -> list[str]:
    return [window.library.question_list.title_at(i) for i in range(window.library.question_list.count())]


def test_tree_shows_modules_topics_and_counts(qtbot, gui_store) -> None:
    window = _window(qtbot, gui_store)
    tree = window.library.topic_tree
    # The English UI names topics in English (the bank's name_en); the Chinese UI: see test_i18n.py.
    assert [(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1)) for i in range(2)] == [("Deep learning", "11"), ("Machine learning", "11")]
    dl = tree.topLevelItem(0)
    assert [(dl.child(i).text(0), dl.child(i).text(1)) for i in range(dl.childCount())] == [("Optimization", "6"), ("Normalization", "5")]
    assert window.library.list_header.text() == "All topics  ·  22 question(s)"
    normalization = dl.child(1)
    assert normalization is not None
    tree.setCurrentItem(normalization)
    assert window.library.list_header.text() == "Normalization  ·  5 question(s)"
    assert _titles(window)[0] == "BatchNorm 和 LayerNorm 有什么区别？"
    window.library.question_list.setCurrentRow(1)
    text = " ".join(window.answer_view.toPlainText().split())
    assert "Transformer 中通常使用哪种归一化？" in text and "LayerNorm ✓" in text and "RMSNorm" in text
    assert "Deep learning › Normalization" in text  # the answer's header names the topic in the UI's language


def test_the_answer_view_can_load_after_the_first_paint(qtbot, gui_store, isolated_settings) -> None:
    QSettings().setValue("mainWindow/questionId", 3)  # a question was selected last time
    window = _window(qtbot, gui_store, defer_answer_view=True)
    assert window.library.question_list.current_question_id() == 3
    assert window.answer_view.toPlainText() == ""  # nothing rendered before the window shows
    window.show()
    qtbot.waitUntil(lambda: window.library.answer_ready)
    assert window.findChild(QWidget, "answerView") is window.answer_view
    assert window.library.widget(2) is window.answer_view
    qtbot.waitUntil(lambda: "Adam" in window.answer_view.toPlainText())


def test_search_in_chinese_is_debounced_and_searches_answers(qtbot, gui_store, type_text, activate, keyboard) -> None:
    window = _window(qtbot, gui_store)
    activate(window)
    keyboard.press(K.Key_F, modifier=CTRL)
    assert window.search_box.hasFocus()
    type_text(window.search_box, "滑动平均")  # only in answers and explanations
    assert window.library.question_list.count() == 22  # not yet: results come ~150 ms after the last key
    qtbot.waitUntil(lambda: window.library.question_list.count() == 2)
    assert sorted(_titles(window)) == sorted(["BatchNorm 和 LayerNorm 有什么区别？", "BatchNorm 在推理时仍使用当前批次的均值和方差。"])
    assert window.library.list_header.text() == "Search: 2 result(s)"
    window.search_box.clear()
    type_text(window.search_box, "梯度")  # two characters: still found
    qtbot.waitUntil(lambda: window.library.question_list.count() >= 2 and "梯度" in _titles(window)[0])
    window.search_box.clear()
    assert window.library.question_list.count() == 22  # clearing is immediate


def test_layout_and_last_selection_are_remembered(qtbot, gui_store, isolated_settings) -> None:
    window = _window(qtbot, gui_store)
    window.show()
    window.resize(760, 560)  # the offscreen screen is 800×600; restoreGeometry keeps windows on it
    window.library.setSizes([200, 300, 500])
    tree_models = window.library.topic_tree.topLevelItem(1).child(1)
    assert tree_models is not None
    window.library.topic_tree.setCurrentItem(tree_models)
    window.library.question_list.setCurrentRow(2)
    chosen = window.library.question_list.current_question_id()
    sizes = window.library.sizes()
    window.close()
    assert (isolated_settings / "user").exists()  # written to the test's folder, nowhere else
    assert isinstance(QSettings().value("mainWindow/geometry"), QByteArray)

    again = _window(qtbot, gui_store)
    again.show()
    assert (again.size().width(), again.size().height()) == (760, 560)
    assert again.library.sizes() == sizes
    assert again.library.topic_tree.current_key() == window.library.topic_tree.current_key()
    assert again.library.list_header.text().startswith("Tree models")
    assert again.library.question_list.current_question_id() == chosen


def test_status_bar_counts_and_refresh_after_a_write(qtbot, gui_store, qids) -> None:
    window = _window(qtbot, gui_store)
    assert window.bank_status.text() == "22 question(s) in the bank  ·  0 due"
    ids = qids(gui_store)
    long_ago = datetime(2020, 1, 1, tzinfo=timezone.utc)
    # wrong: due again soon; written as the study page writes it (one operation, changed(ATTEMPTS))
    assert ops.record_choice(window, window.collection, ids["g-f1-q"], [0], now=long_ago, seconds=5).ok
    qtbot.waitUntil(lambda: window.bank_status.text().endswith("1 due"))


def test_study_due_cards_studies_what_is_due_in_every_topic(qtbot, gui_store, activate, keyboard, qids) -> None:
    """Ctrl+D: the due cards the status bar counts, whatever topic is selected (issue 21, item 5)."""
    ids = qids(gui_store)
    long_ago = datetime(2020, 1, 1, tzinfo=timezone.utc)
    with gui_store.session() as s:  # two wrong answers long ago: due now, both outside Normalization
        record_choice(s, ids["g-f1-q"], [0], now=long_ago, seconds=5)
        record_choice(s, ids["g-clip-q1"], [0], now=long_ago, seconds=5)
    window = _window(qtbot, gui_store)
    activate(window)
    assert window.bank_status.text().endswith("2 due")
    normalization = window.library.topic_tree.topLevelItem(0).child(1)
    assert normalization is not None
    window.library.topic_tree.setCurrentItem(normalization)  # Normalization selected
    keyboard.press(K.Key_D, modifier=CTRL)
    study = window.page
    assert isinstance(study, StudyView)
    assert {c.id for c in study.cards[:2]} == {ids["g-f1-q"], ids["g-clip-q1"]}  # the due ones first
    assert study.title_label.text() == "Due cards  ·  all topics"
    assert window.action("newExamAction").isEnabled()  # study does not lock the window
    keyboard.press(K.Key_Escape)
    assert window.mode == "browse"


def test_study_selected_topic_is_its_own_action(qtbot, gui_store, activate, keyboard, qids) -> None:
    """Ctrl+T studies the selected topic (its due cards, then new ones); the header names it."""
    ids = qids(gui_store)
    with gui_store.session() as s:
        record_choice(s, ids["g-f1-q"], [0], now=datetime(2020, 1, 1, tzinfo=timezone.utc), seconds=5)
    window = _window(qtbot, gui_store)
    activate(window)
    action = window.findChild(QAction, "studyTopicAction")
    assert action is not None and action in window.study_menu.actions()
    assert action.shortcut() == QKeySequence("Ctrl+T")
    normalization = window.library.topic_tree.topLevelItem(0).child(1)
    assert normalization is not None
    window.library.topic_tree.setCurrentItem(normalization)
    keyboard.press(K.Key_T, modifier=CTRL)
    study = window.page
    assert isinstance(study, StudyView) and len(study.cards) == 5 and {c.topic for c in study.cards} == {"归一化"}
    assert study.title_label.text() == "Study: Normalization"
    keyboard.press(K.Key_Escape)
    # A module studies all its topics.
    machine_learning = window.library.topic_tree.topLevelItem(1)
    assert machine_learning is not None
    window.library.topic_tree.setCurrentItem(machine_learning)
    keyboard.press(K.Key_T, modifier=CTRL)
    study = window.page
    assert isinstance(study, StudyView)
    assert len(study.cards) == 11 and study.cards[0].id == ids["g-f1-q"]  # its due card first
    assert study.title_label.text() == "Study: Machine learning"


def test_enter_on_a_question_studies_it(qtbot, gui_store, activate, keyboard) -> None:
    window = _window(qtbot, gui_store)
    activate(window)
    window.library.question_list.setFocus()
    window.library.question_list.setCurrentRow(3)
    chosen = window.library.question_list.current_question_id()
    keyboard.press(K.Key_Return)
    assert isinstance(window.page, StudyView) and [c.id for c in window.page.cards] == [chosen]


def test_exam_locks_the_library_actions(qtbot, gui_store, activate) -> None:
    from sqlalchemy import select

    from quizdesk.core.db.models import Topic
    from quizdesk.core.study.exams import ExamSpec, create_exam

    with gui_store.session() as s:
        exam_id = create_exam(s, ExamSpec(tuple(s.scalars(select(Topic.id))), count=2, seed=1), datetime.now(timezone.utc))
    window = _window(qtbot, gui_store)
    activate(window)
    window.run_exam(exam_id)
    assert not window.action("newExamAction").isEnabled() and not window.action("studyDueAction").isEnabled()
    assert not window.action("historyAction").isEnabled() and not window.search_box.isEnabled()
    assert window.action("settingsAction").isEnabled() and window.action("shortcutsAction").isEnabled()
    window.exam_runner.submit()
    assert window.mode in ("grading", "results")


def test_import_asks_for_paths_and_imports_them(qtbot, gui_store, monkeypatch, tmp_path) -> None:
    """File → Import folder, Import files and a drop on the window each import what was chosen."""
    import quizdesk.ui.dialogs.import_dialog as import_dialog

    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.md").write_text("## 什么是 A？\n\na\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("## 什么是 B？\n\nb\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("## 什么是 C？\n\nc\n", encoding="utf-8")
    window = _window(qtbot, gui_store)
    asked = []
    chosen = {True: [folder], False: [tmp_path / "b.md"]}  # what the user picks in the folder / file dialog
    monkeypatch.setattr(import_dialog, "choose_import_paths", lambda parent, folder: asked.append(folder) or chosen[folder])

    def imported(title: str) -> bool:
        with gui_store.read() as connection:
            return connection.execute("SELECT count(*) FROM questions WHERE title = ?", (title,)).fetchone()[0] == 1

    window.action("importFolderAction").trigger()
    qtbot.waitUntil(lambda: imported("什么是 A？"), timeout=20000)
    window.action("importAction").trigger()
    qtbot.waitUntil(lambda: imported("什么是 B？"), timeout=20000)
    assert asked == [True, False]

    # Dropping files on the window imports them too.
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "c.md"))])
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    qtbot.waitUntil(lambda: imported("什么是 C？"), timeout=20000)
    assert asked == [True, False]  # a drop asks nothing


def test_every_action_has_a_shortcut_listed_in_the_help(qtbot, gui_store, activate, keyboard) -> None:
    window = _window(qtbot, gui_store)
    activate(window)
    menus = [_menu(a) for a in window.menuBar().actions()]
    assert [m.objectName() for m in menus] == ["fileMenu", "studyMenu", "viewMenu", "helpMenu"]
    # File → Export is a submenu (progress as CSV, Anki deck): its entries count, not the submenu itself.
    entries = [a for menu in menus for a in menu.actions() if not a.isSeparator()]
    menu_actions = [leaf for a in entries for leaf in (_menu(a).actions() if a.menu() else [a]) if not leaf.isSeparator()]
    # Help → About is the one menu entry without a key, as in most apps.
    assert len(menu_actions) == 18 and [a.objectName() for a in menu_actions if not a.shortcuts()] == ["aboutAction"]
    names = [a.objectName() for a in window.main_actions()]
    assert len(names) == len(set(names))
    keys = [k.toString() for a in window.main_actions() for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), "a key is bound twice"
    keyboard.press(K.Key_F1)
    dialog = window.shortcuts_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert isinstance(dialog, ShortcutsDialog)
    listed = " ".join(dialog.all_keys())
    for action in window.main_actions():
        assert action.shortcuts()[0].toString(QKeySequence.SequenceFormat.NativeText) in listed
    for expected in ("Space", "1 / 2 / 3 / 4", "T / F", "Ctrl+M", "Ctrl+Enter", "Ctrl+P", "Alt+→", "Ctrl+R"):
        assert expected in listed
    tree = dialog.findChild(QTreeWidget, "shortcutsTree")
    assert tree.topLevelItemCount() == 5


def test_switching_the_theme_restyles_open_screens(qtbot, qapp, gui_store, qids) -> None:
    from quizdesk.ui.widgets.theme import DARK, LIGHT, apply_theme, is_dark

    window = _window(qtbot, gui_store)
    window.start_study([qids(gui_store)["g-clip-q1"]])
    study = window.page
    try:
        assert apply_theme(qapp, "dark") is True and is_dark()
        assert DARK.card in study.choices.rows[0].styleSheet()
        assert window.answer_view.is_dark() if hasattr(window.answer_view, "is_dark") else True
        assert apply_theme(qapp, "light") is False and not is_dark()
        assert LIGHT.card in study.choices.rows[0].styleSheet()
    finally:
        apply_theme(qapp, "light")

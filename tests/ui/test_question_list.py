"""The library's question list: rows of (id, title, type), titles shown cleaned,
and a model whose row count a view can ask without calling into Python."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt

from quizdesk.ui.library.question_list import QTYPE_ROLE, QUESTION_ID_ROLE, QuestionListModel, QuestionListWidget

ROWS = [(7, "什么是 `softmax`？", "open"), (3, "**L1** vs L2", "single"), (9, "Plain title", "truefalse")]


def test_the_list_shows_its_rows_with_clean_titles_ids_and_types(qtbot) -> None:
    view = QuestionListWidget()
    qtbot.add_widget(view)
    view.fill(ROWS)
    assert view.count() == 3 and view.question_ids() == [7, 3, 9]
    assert [view.title_at(row) for row in range(3)] == ["什么是 softmax？", "L1 vs L2", "Plain title"]
    model = view.model()
    assert isinstance(model, QuestionListModel)
    assert [model.index(row).data(QTYPE_ROLE) for row in range(3)] == ["open", "single", "truefalse"]
    assert model.index(1).data(QUESTION_ID_ROLE) == 3 and model.index(5).data(QUESTION_ID_ROLE) is None
    assert view.select_question(9) and view.current_question_id() == 9
    view.fill(ROWS[:1])  # a new fill replaces the rows
    assert view.count() == 1 and view.question_ids() == [7] and not view.select_question(9)


def test_rows_are_selectable_but_not_editable_draggable_or_drop_targets(qtbot) -> None:
    view = QuestionListWidget()
    qtbot.add_widget(view)
    view.fill(ROWS)
    model = view.model()
    assert isinstance(model, QuestionListModel)
    flags = model.flags(model.index(0))
    assert flags & Qt.ItemFlag.ItemIsSelectable and flags & Qt.ItemFlag.ItemIsEnabled
    for unwanted in (Qt.ItemFlag.ItemIsEditable, Qt.ItemFlag.ItemIsDragEnabled, Qt.ItemFlag.ItemIsDropEnabled):
        assert not flags & unwanted
    assert model.flags(model.index(-1)) == Qt.ItemFlag.NoItemFlags


def test_the_row_count_is_answered_in_cpp() -> None:
    # A list view lays out every row when first shown and asks the row count twice
    # per row: a Python rowCount made that ~11,000 calls into Python for 5,500
    # questions, on the way to the window's first paint.
    assert QuestionListModel.rowCount is QStringListModel.rowCount

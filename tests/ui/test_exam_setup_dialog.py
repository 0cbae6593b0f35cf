"""The mock-exam setup dialog: live match count, empty selections refused, the spec it creates."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer

from quizdesk.core.db.models import StudySession
from quizdesk.ui.exam.setup_dialog import ExamSetupDialog


def _dialog(qtbot, store, **kwargs):
    dialog = ExamSetupDialog(store, **kwargs)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _settle(qtbot, dialog) -> None:
    timer = dialog.findChild(QTimer, "examSetupRecountTimer")
    assert timer is not None
    qtbot.waitUntil(lambda: not timer.isActive())


def test_live_count_follows_topics_and_types(qtbot, gui_store) -> None:
    dialog = _dialog(qtbot, gui_store)
    assert dialog.match_count == 22  # everything checked by default
    assert "22" in dialog.match_label.text() and "20" in dialog.match_label.text()
    tree = dialog.tree
    ml = tree.topLevelItem(1)
    assert ml.text(0) == "Machine learning"
    ml.setCheckState(0, Qt.CheckState.Unchecked)  # a whole subtree off
    _settle(qtbot, dialog)
    assert dialog.match_count == 11
    dialog.type_checks["open"].setChecked(False)
    _settle(qtbot, dialog)
    assert dialog.match_count == 6  # deep learning without its 5 open questions
    ml.child(1).setCheckState(0, Qt.CheckState.Checked)  # one sub-topic of the other module
    _settle(qtbot, dialog)
    assert ml.checkState(0) == Qt.CheckState.PartiallyChecked
    assert dialog.match_count == 9  # + 3 objective questions of 树模型
    dialog.count_spin.setValue(5)
    _settle(qtbot, dialog)
    assert "the exam will have 5" in dialog.match_label.text()


def test_empty_selection_is_refused_with_a_clear_message(qtbot, gui_store) -> None:
    dialog = _dialog(qtbot, gui_store)
    qtbot.mouseClick(dialog.findChild(type(dialog.start_button), "examTopicsNoneButton"), Qt.MouseButton.LeftButton)
    _settle(qtbot, dialog)
    assert dialog.match_count == 0
    assert not dialog.start_button.isEnabled()
    assert dialog.match_label.text() == "Pick at least one topic."
    dialog.tree.set_all_checked(True)
    for check in dialog.type_checks.values():
        check.setChecked(False)
    _settle(qtbot, dialog)
    assert dialog.match_label.text() == "Pick at least one question type."
    dialog.accept()  # even if forced, nothing is created and the dialog stays
    assert dialog.exam_id is None and dialog.isVisible()
    with gui_store.session() as s:
        assert s.query(StudySession).count() == 0


def test_start_creates_the_exam_described_and_remembers_the_choices(qtbot, gui_store) -> None:
    dialog = _dialog(qtbot, gui_store)
    dialog.count_spin.setValue(6)
    dialog.type_checks["open"].setChecked(False)
    dialog.time_check.setChecked(False)
    dialog.order_combo.setCurrentIndex(dialog.order_combo.findData("weakest"))
    dialog.seed_edit.setText("42")
    _settle(qtbot, dialog)
    with qtbot.wait_signal(dialog.accepted):
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    with gui_store.session() as s:
        exam = s.get(StudySession, dialog.exam_id)
        assert exam is not None and exam.mode == "exam" and exam.state == "active"
        assert len(exam.question_ids) == 6 and exam.time_limit_s is None
        assert exam.spec["order"] == "weakest" and exam.spec["seed"] == 42
        assert sorted(exam.spec["qtypes"]) == ["multi", "single", "truefalse"]
    settings = QSettings()
    assert int(settings.value("examSetup/count")) == 6
    again = _dialog(qtbot, gui_store)
    assert again.count_spin.value() == 6 and not again.type_checks["open"].isChecked()
    assert not again.time_check.isChecked() and again.order_combo.currentData() == "weakest"


def test_unreadable_saved_choices_fall_back_to_the_defaults(qtbot, gui_store) -> None:
    # A hand-edited or damaged settings file: opening the dialog raised ValueError
    # (int("many")) before the saved values went through setting_int.
    settings = QSettings()
    settings.setValue("examSetup/count", "many")
    settings.setValue("examSetup/minutes", "")
    settings.sync()
    dialog = _dialog(qtbot, gui_store)
    assert dialog.count_spin.value() == 20 and dialog.minutes_spin.value() == 30


def test_topics_passed_in_are_preselected(qtbot, gui_store) -> None:
    with gui_store.read() as connection:
        key = connection.execute("SELECT key FROM topics WHERE name = '归一化'").fetchone()[0]
    dialog = _dialog(qtbot, gui_store, topic_keys=[key])
    assert dialog.match_count == 5
    dialog.count_spin.setValue(3)
    dialog.time_check.setChecked(True)
    dialog.minutes_spin.setValue(12)
    dialog.accept()
    with gui_store.session() as s:
        exam = s.get(StudySession, dialog.exam_id)
        assert exam.time_limit_s == 720 and exam.remaining_s == 720.0 and len(exam.question_ids) == 3


def test_enter_starts_the_exam_from_the_topic_tree_and_the_count(qtbot, gui_store) -> None:
    for focus in ("tree", "count_spin"):
        dialog = _dialog(qtbot, gui_store)
        _settle(qtbot, dialog)
        widget = getattr(dialog, focus)
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        assert dialog.start_button.isDefault()  # not Cancel, whatever Qt picked on show
        with qtbot.wait_signal(dialog.accepted, timeout=3000):
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        assert dialog.exam_id is not None, focus


def test_the_match_line_uses_plural_forms(qtbot, qapp, gui_store) -> None:
    from quizdesk.ui.i18n import install_language

    install_language("en", qapp)  # the English catalogue carries the plural forms
    dialog = _dialog(qtbot, gui_store)
    for qtype, check in dialog.type_checks.items():
        check.setChecked(qtype == "truefalse")
    dialog.tree.set_all_checked(False)
    dialog.tree.topLevelItem(1).child(1).setCheckState(0, Qt.CheckState.Checked)  # 树模型
    _settle(qtbot, dialog)
    assert dialog.match_count == 1
    assert dialog.match_label.text() == "1 question matches; the exam will have 1."
    dialog.type_checks["single"].setChecked(True)
    _settle(qtbot, dialog)
    assert dialog.match_label.text().startswith(f"{dialog.match_count} questions match;")

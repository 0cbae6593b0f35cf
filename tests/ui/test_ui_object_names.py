"""Every interactive control of every screen has a stable objectName listed in docs/ui-testing.md."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)
from sqlalchemy import select

from quizdesk.core.db.models import Topic
from quizdesk.core.study.exams import ExamSpec, create_exam
from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.exam.results import ExamResultsView
from quizdesk.ui.exam.self_grade import SelfGradeView
from quizdesk.ui.study.study_view import StudyView
from quizdesk.ui.widgets.question_widgets import ChoiceRow

DOC = Path(__file__).resolve().parents[2] / "docs" / "ui-testing.md"
INTERACTIVE = (QAbstractButton, QLineEdit, QAbstractItemView, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit, QTabWidget, ChoiceRow)
QT_PARTS = (QLineEdit, QAbstractSpinBox, QTabBar, QTabWidget, QToolBar, QMenuBar, QAbstractItemView, QComboBox)


def _inside_qt_part(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QT_PARTS):
            return True
        parent = parent.parentWidget()
    return False


def _controls(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        name = widget.objectName()
        if name.startswith("qt_") or name in ("ScrollLeftButton", "ScrollRightButton"):
            continue  # Qt's own parts of composite widgets
        if not name and _inside_qt_part(widget):
            continue  # e.g. the clear button inside a line edit, a combo box's popup list
        found.append(widget)
    return found


def _documented() -> str:
    return DOC.read_text(encoding="utf-8")


def _dialog(window: QWidget, name: str) -> QDialog:
    dialog = window.findChild(QDialog, name)
    assert dialog is not None, f"no dialog {name} is open"
    return dialog


def _check(root: QWidget, seen: dict[str, set[str]], screen: str) -> None:
    names = seen.setdefault(screen, set())
    for widget in _controls(root):
        name = widget.objectName()
        assert name, f"{screen}: an unnamed {type(widget).__name__} ({getattr(widget, 'text', lambda: '')()!r})"
        names.add(re.sub(r"\d+$", "<n>", name))


def test_every_control_is_named_and_documented(qtbot, gui_store, activate) -> None:
    seen: dict[str, set[str]] = {}
    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    activate(window)
    _check(window, seen, "main window")

    window.new_exam()
    _check(window.exam_setup_dialog, seen, "exam setup")
    window.exam_setup_dialog.reject()

    with gui_store.read() as connection:
        ids = [r[0] for r in connection.execute("SELECT id FROM questions ORDER BY id LIMIT 6")]
    window.start_study(ids)
    study = window.page
    assert isinstance(study, StudyView)
    for _ in ids:  # every kind of card and phase, each card answered as a user would
        _check(study, seen, "study")
        study.reveal()  # an open question's answer (a choice question has none to reveal)
        _check(study, seen, "study")
        card = study.card
        if card.qtype != "open":
            study.choices.toggle(0)
            study.check_choice()
            _check(study, seen, "study")
            study.go_on()
        elif card.key_points:
            study.submit_recall()
        else:
            study.grade(3)
    _check(study, seen, "study")

    with gui_store.session() as s:
        exam_id = create_exam(s, ExamSpec(tuple(s.scalars(select(Topic.id))), count=8, time_limit_s=None, seed=12), datetime.now(timezone.utc))
    window.run_exam(exam_id)
    runner = window.exam_runner
    assert runner is not None, "the exam is not on screen"
    for i in range(len(runner.questions)):
        runner.go_to(i)
        _check(runner, seen, "exam")
        if runner.questions[i].qtype == "open":  # a blank answer is not offered for self-grading
            runner.notes.setPlainText("要点")
            runner.flush_notes()
    runner.request_submit()
    box = _dialog(window, "examSubmitConfirm")
    _check(box, seen, "submit confirmation")
    box.reject()
    runner.submit()
    grading = window.page
    assert isinstance(grading, SelfGradeView)
    while (question := grading.question) is not None:
        _check(grading, seen, "self-grading")
        grading.record_rating(3) if not question.key_points else grading.record_points()
    assert isinstance(window.page, ExamResultsView)
    _check(window.page, seen, "results")

    window.show_history()
    _check(window.history_dialog, seen, "history")
    window.history_dialog.reject()
    window.show_shortcuts()
    _check(window.shortcuts_dialog, seen, "shortcuts")
    window.show_weak_areas()
    weak_areas = window.weak_areas_dialog
    assert weak_areas is not None
    qtbot.waitUntil(lambda: weak_areas.ready, timeout=5000)
    _check(weak_areas, seen, "weak areas")
    weak_areas.mastery_chart.show_module(weak_areas.stats[0].topic_id)
    _check(weak_areas, seen, "weak areas")
    weak_areas.close()
    window.export_data()
    export = _dialog(window, "exportDialog")
    _check(export, seen, "export")
    export.reject()
    window.export_anki()
    anki_export = _dialog(window, "ankiExportDialog")
    _check(anki_export, seen, "anki export")
    anki_export.reject()

    with gui_store.session() as s:
        create_exam(s, ExamSpec(tuple(s.scalars(select(Topic.id))), count=2, seed=1), datetime.now(timezone.utc))
    window.show_browse()
    window.offer_resume()
    _check(window.resume_dialog, seen, "resume")

    doc = _documented()
    missing = {screen: sorted(n for n in names if f"`{n}`" not in doc) for screen, names in seen.items()}
    assert {s: m for s, m in missing.items() if m} == {}
    for screen in ("main window", "exam setup", "study", "exam", "self-grading", "results", "history", "shortcuts", "resume", "weak areas", "export", "anki export"):
        assert seen.get(screen), screen

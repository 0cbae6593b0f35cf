"""The interview countdown's UI: the interview dialog writes through ops, the panel
shows the core's plan (computed on the task runner) and starts tonight's queue.

A real SQLite store with the GUI fixture bank, a fixed ``now`` and an explicit
zone (UTC+8): nothing depends on the hour or the zone the suite runs in.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QScrollArea

from quizdesk.core.plan.countdown import plan_interview
from quizdesk.core.plan.interviews import InterviewSpec, list_interviews, save_interview
from quizdesk.core.study.reviews import record_rating
from quizdesk.ui.collection import Collection
from quizdesk.ui.weak_areas.countdown_panel import CountdownCard, CountdownPanel
from quizdesk.ui.i18n import format_percent
from quizdesk.ui.weak_areas.interview_dialog import InterviewDialog

TZ = timezone(timedelta(hours=8))
NOW = datetime(2026, 3, 10, 21, 30, tzinfo=TZ)  # an evening in the user's zone
TODAY = date(2026, 3, 10)


def _module_keys(store) -> list[str]:
    with store.read() as connection:
        return [key for (key,) in connection.execute("SELECT key FROM topics WHERE parent_id IS NULL ORDER BY id")]


def _studied(store) -> None:
    """A few answers in the past days, so "if you stop now" is not zero."""
    with store.read() as connection:
        ids = [qid for (qid,) in connection.execute("SELECT id FROM questions WHERE qtype = 'open' ORDER BY id LIMIT 4")]
    with store.session() as session:
        for k, qid in enumerate(ids):
            record_rating(session, qid, 3, now=NOW - timedelta(days=3 + k), seconds=40.0)


def _panel(qtbot, store) -> CountdownPanel:
    panel = CountdownPanel(Collection(store), now=lambda: NOW, tz=TZ)
    qtbot.add_widget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.ready, timeout=10000)
    return panel


def _cards(panel: CountdownPanel) -> list[CountdownCard]:
    return [card for card in panel.findChildren(CountdownCard, "countdownCard") if card.parent() is panel]


def _saved(store) -> list[InterviewSpec]:
    with store.session() as session:
        return list_interviews(session)


def _core_plan(store, spec: InterviewSpec):
    with store.read() as connection:
        return plan_interview(connection, spec, now=NOW, tz=TZ)


def test_an_interview_made_in_the_dialog_shows_with_the_cores_figures(qtbot, gui_store) -> None:
    _studied(gui_store)
    panel = _panel(qtbot, gui_store)
    assert _cards(panel) == [] and panel.status_label.isVisible()  # the empty state says what to do

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.interview_dialog
    assert isinstance(dialog, InterviewDialog) and dialog.minutes_spin.value() == 45
    assert not dialog.delete_button.isVisible()  # nothing to delete yet
    assert dialog.date_edit.minimumDate() == QDate(2026, 3, 10)  # not in the past (the user's date)
    dialog.name_edit.setText("ACME")
    dialog.date_edit.setDate(QDate(2026, 3, 20))
    module = _module_keys(gui_store)[0]
    dialog.tree.set_checked_keys([module])
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    [spec] = _saved(gui_store)
    assert (spec.name, spec.date, spec.module_keys, spec.topic_keys, spec.daily_minutes) == ("ACME", date(2026, 3, 20), (module,), (), 45)
    qtbot.waitUntil(lambda: len(_cards(panel)) == 1 and panel.ready, timeout=10000)  # refreshed on Changes.INTERVIEWS
    card = _cards(panel)[0]
    plan = _core_plan(gui_store, spec)
    assert plan.days_left == 10 and plan.if_stopped > 0
    assert card.name_label.text() == "ACME"
    assert card.date_label.text().endswith(" · 10 day(s) left")  # the source text; the English catalogue says "days"
    assert card.readiness_label.text() == (
        f"Ready on the day: {format_percent(plan.if_stopped)} if you stop now, {format_percent(plan.if_planned)} if you follow the plan"
    )
    topic = plan.topics[0]
    assert f"{topic.name_en}: {format_percent(topic.if_stopped)} → {format_percent(topic.if_planned)}" in card.topics_label.text()
    line = card.chart_view.chart().series()[0]
    assert isinstance(line, QLineSeries) and line.count() == len(plan.days) + 1  # each evening, then the day itself
    assert [line.at(i).y() for i in range(line.count())] == [day.readiness * 100 for day in plan.days] + [plan.if_planned * 100]


def test_start_tonights_session_asks_for_exactly_the_plans_queue(qtbot, gui_store) -> None:
    with gui_store.session() as session:
        spec = save_interview(session, name="ACME", on=date(2026, 3, 20), module_keys=_module_keys(gui_store), now=NOW)
    panel = _panel(qtbot, gui_store)
    [card] = _cards(panel)
    queue = _core_plan(gui_store, spec).tonight.study_queue
    assert queue and card.start_button.isEnabled()
    with qtbot.waitSignal(panel.studyRequested) as blocker:
        qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [list(queue), "Tonight: ACME"]


def test_delete_from_the_dialog_removes_the_interview_and_its_card(qtbot, gui_store) -> None:
    with gui_store.session() as session:
        save_interview(session, name="ACME", on=date(2026, 3, 20), module_keys=_module_keys(gui_store), now=NOW)
    panel = _panel(qtbot, gui_store)
    [card] = _cards(panel)
    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    dialog = panel.interview_dialog
    assert dialog.name_edit.text() == "ACME" and dialog.delete_button.isVisible()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    box = dialog.findChild(QMessageBox, "interviewDeleteConfirm")
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert _saved(gui_store) == []
    qtbot.waitUntil(lambda: _cards(panel) == [] and panel.ready, timeout=10000)


def test_a_refused_write_shows_the_reason_and_changes_nothing(qtbot, gui_store) -> None:
    keys = _module_keys(gui_store)
    with gui_store.session() as session:
        save_interview(session, name="ACME", on=date(2026, 3, 20), module_keys=keys[:1], now=NOW)
        other = save_interview(session, name="Globex", on=date(2026, 3, 25), module_keys=keys[1:], now=NOW)
    before = _saved(gui_store)
    collection = Collection(gui_store)
    seen: list[object] = []
    collection.changed.connect(seen.append)

    dialog = InterviewDialog(collection, interview=other, now=lambda: NOW, tz=TZ)
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.name_edit.setText("ACME")  # another interview's name: the core refuses the rename
    dialog.minutes_spin.setValue(90)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "another interview is already called 'ACME'" in dialog.error_label.text()
    assert _saved(gui_store) == before and seen == []

    new = InterviewDialog(collection, now=lambda: NOW, tz=TZ)  # a new one under a taken name: not overwritten
    qtbot.add_widget(new)
    new.show()
    new.name_edit.setText("Globex")
    new.tree.set_checked_keys(keys[:1])
    qtbot.mouseClick(new.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert new.isVisible() and "already called “Globex”" in new.error_label.text()
    assert _saved(gui_store) == before and seen == []

    empty = InterviewDialog(collection, now=lambda: NOW, tz=TZ)  # nothing ticked
    qtbot.add_widget(empty)
    empty.name_edit.setText("Initech")
    qtbot.mouseClick(empty.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "at least one module or topic" in empty.error_label.text() and _saved(gui_store) == before


def test_read_interviews_on_a_raw_connection_matches_the_orm_list(gui_store) -> None:
    from quizdesk.core.plan.interviews import read_interviews

    keys = _module_keys(gui_store)
    with gui_store.session() as session:
        save_interview(session, name="B", on=date(2026, 3, 25), module_keys=keys[1:], topic_keys=["x"], daily_minutes=30, now=NOW)
        save_interview(session, name="A", on=date(2026, 3, 20), module_keys=keys[:1], now=NOW)
    with gui_store.read() as connection:
        assert read_interviews(connection) == _saved(gui_store)


def test_every_control_of_the_countdown_and_its_dialog_is_named_and_documented(qtbot, gui_store) -> None:
    from tests.ui.test_ui_object_names import _controls, _documented

    keys = _module_keys(gui_store)
    with gui_store.session() as session:
        save_interview(session, name="ACME", on=date(2026, 3, 20), module_keys=keys, now=NOW)
    panel = _panel(qtbot, gui_store)
    qtbot.mouseClick(_cards(panel)[0].edit_button, Qt.MouseButton.LeftButton)
    doc = _documented()
    for root in (panel, panel.interview_dialog):
        names = {w.objectName() for w in _controls(root)}
        assert [type(w).__name__ for w in _controls(root) if not w.objectName()] == []
        assert sorted(n for n in names if f"`{n}`" not in doc) == []


def test_tonights_session_from_the_weak_areas_page_studies_the_plans_queue_in_the_users_zone(qtbot, gui_store, activate) -> None:
    """The app's path: Weak areas → countdown → the study page, with the computer's zone (set to UTC+8 here)."""
    from tests.conftest import SHANGHAI_TZ, local_time_zone

    from quizdesk.ui.app.main_window import MainWindow
    from quizdesk.ui.study.study_view import StudyView

    _studied(gui_store)
    with gui_store.session() as session:
        spec = save_interview(session, name="ACME", on=date(2026, 3, 20), module_keys=_module_keys(gui_store), now=NOW)
    with local_time_zone(SHANGHAI_TZ):
        window = MainWindow(gui_store, now=lambda: NOW)
        qtbot.add_widget(window)
        activate(window)
        window.show_weak_areas()
        panel = window.weak_areas_dialog.countdown
        qtbot.waitUntil(lambda: panel.ready and len(_cards(panel)) == 1, timeout=10000)
        queue = _core_plan(gui_store, spec).tonight.study_queue
        qtbot.mouseClick(_cards(panel)[0].start_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.page, StudyView) and not window.weak_areas_dialog.isVisible()
    assert [card.id for card in window.page.cards] == list(queue)


def test_the_english_catalogue_counts_days(qtbot, gui_store, qapp) -> None:
    from quizdesk.ui.i18n import install_language

    install_language("en", qapp)  # the autouse fixture puts the source language back
    with gui_store.session() as session:
        save_interview(session, name="ACME", on=date(2026, 3, 11), module_keys=_module_keys(gui_store), now=NOW)
    panel = _panel(qtbot, gui_store)
    card = _cards(panel)[0]
    assert card.date_label.text().endswith(" · 1 day left") and panel.add_button.text() == "Add interview…"


def test_the_study_menu_action_opens_the_countdown_and_the_dialog_when_there_is_no_interview(qtbot, gui_store, activate) -> None:
    from PySide6.QtGui import QKeySequence

    from quizdesk.ui.app.main_window import MainWindow

    window = MainWindow(gui_store, now=lambda: NOW)
    qtbot.add_widget(window)
    activate(window)
    assert window.action("interviewAction") in window.study_menu.actions()
    assert window.action("interviewAction").shortcut() == QKeySequence("Ctrl+Shift+D")
    others = [a for a in window.actions() if a is not window.action("interviewAction")]
    assert all(QKeySequence("Ctrl+Shift+D") not in a.shortcuts() for a in others)  # the key is not taken twice
    window.action("interviewAction").trigger()
    dialog = window.weak_areas_dialog
    assert dialog.isVisible() and isinstance(dialog.countdown.interview_dialog, InterviewDialog)
    assert dialog.countdown.interview_dialog.isVisible()


def _eve_with_a_planned_exam(qtbot, store, activate):
    """Every question seen a week ago and the interview tomorrow: tonight (the eve) is for review
    and a mock exam. The main window, its countdown panel showing that plan, and the plan's exam."""
    from quizdesk.ui.app.main_window import MainWindow

    with store.read() as connection:
        ids = [qid for (qid,) in connection.execute("SELECT id FROM questions ORDER BY id")]
    with store.session() as session:
        for qid in ids:
            record_rating(session, qid, 3, now=NOW - timedelta(days=7), seconds=30.0)
        spec = save_interview(session, name="ACME", on=date(2026, 3, 11), module_keys=_module_keys(store), now=NOW)
    exam = _core_plan(store, spec).tonight.exam
    assert exam is not None and exam.count >= 10
    window = MainWindow(store, now=lambda: NOW)
    qtbot.add_widget(window)
    activate(window)
    window.show_weak_areas()
    assert window.weak_areas_dialog is not None
    panel = window.weak_areas_dialog.countdown
    qtbot.waitUntil(lambda: panel.ready and len(_cards(panel)) == 1, timeout=10000)
    return window, panel, exam


def test_on_a_mock_exam_evening_the_planned_exam_starts_with_the_plans_questions_and_time(qtbot, gui_store, activate) -> None:
    """The button makes the exam the plan names: its exact questions, in the plan's order, and its time limit."""
    from tests.conftest import SHANGHAI_TZ, local_time_zone

    from quizdesk.core.study.exams import load_exam

    with local_time_zone(SHANGHAI_TZ):
        window, panel, exam = _eve_with_a_planned_exam(qtbot, gui_store, activate)
        card = _cards(panel)[0]
        assert not card.exam_button.isHidden() and "mock exam tonight" in card.tonight_label.text()
        qtbot.mouseClick(card.exam_button, Qt.MouseButton.LeftButton)
    runner = window.exam_runner
    assert runner is not None
    snapshot = window.collection.read_orm(lambda s: load_exam(s, runner.exam_id))
    assert [q.id for q in snapshot.questions] == list(exam.question_ids)
    assert snapshot.time_limit_s == exam.time_limit_s and snapshot.spec["left_out"] == []


def test_a_planned_question_retired_since_the_plan_is_left_out_and_said(qtbot, gui_store, activate) -> None:
    """The plan on screen names a question retired since (by another program: no refresh came):
    the exam holds the others, in the plan's order, and the status bar says one was left out."""
    from tests.conftest import SHANGHAI_TZ, local_time_zone

    from quizdesk.core.db.models import Question
    from quizdesk.core.study.exams import load_exam

    with local_time_zone(SHANGHAI_TZ):
        window, panel, exam = _eve_with_a_planned_exam(qtbot, gui_store, activate)
        gone = exam.question_ids[1]
        with gui_store.session() as session:
            session.get(Question, gone).retired_at = NOW - timedelta(minutes=1)
        qtbot.mouseClick(_cards(panel)[0].exam_button, Qt.MouseButton.LeftButton)
    runner = window.exam_runner
    assert runner is not None
    snapshot = window.collection.read_orm(lambda s: load_exam(s, runner.exam_id))
    assert [q.id for q in snapshot.questions] == [q for q in exam.question_ids if q != gone]
    assert snapshot.spec["left_out"] == [gone]
    message = window.statusBar().currentMessage()
    assert message.startswith("1 of the planned questions are no longer in the question bank") and str(exam.count - 1) in message


def test_an_answer_recorded_through_ops_recomputes_the_forecast(qtbot, gui_store) -> None:
    from quizdesk.ui import ops

    with gui_store.session() as session:
        spec = save_interview(session, name="ACME", on=date(2026, 3, 20), module_keys=_module_keys(gui_store), now=NOW)
    panel = _panel(qtbot, gui_store)
    before = _core_plan(gui_store, spec)
    assert before.if_stopped == 0 and f"{format_percent(0.0)} if you stop now" in _cards(panel)[0].readiness_label.text()
    question = before.tonight.study_queue[0]
    with qtbot.waitSignal(panel.refreshed, timeout=10000):  # Changes.ATTEMPTS
        assert ops.record_rating(panel, panel.collection, question, 3, now=NOW, seconds=30.0).ok
    after = _core_plan(gui_store, spec)
    assert after.if_stopped > 0
    assert _cards(panel)[0].readiness_label.text().startswith(f"Ready on the day: {format_percent(after.if_stopped)} if you stop now")


def test_a_theme_switch_after_the_panel_is_gone_touches_nothing(qtbot, gui_store, qapp) -> None:
    """The panel listens to the app-wide themeChanged: a deleted panel must not be called
    (a lambda connection outlived it and raised on its deleted cards in other tests)."""
    import shiboken6

    from quizdesk.ui.events import app_events
    from quizdesk.ui.widgets.theme import apply_theme

    with gui_store.session() as session:
        save_interview(session, name="ACME", on=date(2026, 3, 20), module_keys=_module_keys(gui_store), now=NOW)
    panel = CountdownPanel(Collection(gui_store), now=lambda: NOW, tz=TZ)
    panel.show()
    qtbot.waitUntil(lambda: panel.ready and len(_cards(panel)) == 1, timeout=10000)
    panel.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(panel))
    errors: list[BaseException] = []
    import sys

    old_hook = sys.excepthook
    sys.excepthook = lambda _t, value, _tb: errors.append(value)
    try:
        app_events().themeChanged.emit(True)
        apply_theme(qapp, "light")
    finally:
        sys.excepthook = old_hook
    assert errors == []


def test_the_first_interviews_buttons_show_on_the_weak_areas_page_without_scrolling(qtbot, gui_store, activate) -> None:
    """On a real desktop the charts' minimum heights squeezed the countdown to a sliver."""
    from quizdesk.ui.weak_areas.page import WeakAreasDialog

    with gui_store.session() as session:
        save_interview(session, name="ACME", on=date(2026, 3, 20), module_keys=_module_keys(gui_store), now=NOW)
    dialog = WeakAreasDialog(gui_store, now=lambda: NOW)
    qtbot.add_widget(dialog)
    dialog.resize(1180, 800)
    activate(dialog)
    panel = dialog.countdown
    qtbot.waitUntil(lambda: panel.ready and len(_cards(panel)) == 1, timeout=10000)
    area = dialog.findChild(QScrollArea, "weakCountdownScroll")
    button = _cards(panel)[0].start_button
    qtbot.waitUntil(lambda: area.viewport().rect().contains(
        button.mapTo(area.viewport(), button.rect().bottomRight())), timeout=5000)


def _chart_days(series: QLineSeries) -> list[date]:
    days = [QDateTime.fromMSecsSinceEpoch(int(series.at(i).x())).date() for i in range(series.count())]
    return [date(d.year(), d.month(), d.day()) for d in days]


def test_with_one_evening_left_the_chart_still_draws_both_lines_to_the_interview(qtbot, gui_store) -> None:
    """Interview tomorrow: one evening to plan. Each line had a single x and drew nothing (bare axes)."""
    _studied(gui_store)
    with gui_store.session() as session:
        save_interview(session, name="ACME", on=TODAY + timedelta(days=1), module_keys=_module_keys(gui_store), now=NOW)
    panel = _panel(qtbot, gui_store)
    [card] = _cards(panel)
    planned, stopped = card.chart_view.chart().series()
    assert isinstance(planned, QLineSeries) and isinstance(stopped, QLineSeries)
    tomorrow = TODAY + timedelta(days=1)
    assert _chart_days(planned) == [TODAY, tomorrow] and _chart_days(stopped) == [TODAY, tomorrow]
    assert stopped.at(0).y() == stopped.at(1).y() > 0

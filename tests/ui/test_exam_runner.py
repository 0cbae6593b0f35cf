"""Taking a mock exam in the GUI: keyboard only, flags, submission, self-grading,
the deadline, pausing, and the clock saved as the exam goes."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TypedDict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from quizdesk.core.db.models import Attempt, Question, SessionAnswer, StudySession, Topic
from quizdesk.core.study.exams import ExamSpec, create_exam
from quizdesk.ui.exam.results import ExamResultsView
from quizdesk.ui.exam.runner import ExamRunner
from quizdesk.ui.exam.self_grade import SelfGradeView
from quizdesk.ui.app.main_window import MainWindow

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
LETTER_KEYS = [K.Key_A, K.Key_B, K.Key_C, K.Key_D, K.Key_E]


class _TopicRow(TypedDict):
    """One topic's expected row in the results table."""

    questions: int
    answered: int
    correct: int
    scores: list[float]


def _exam(store, *, count=10, qtypes=("open", "single", "multi", "truefalse"), limit=1800, seed=3) -> int:
    with store.session() as s:
        topics = tuple(s.scalars(select(Topic.id)))
        return create_exam(s, ExamSpec(topics, count=count, qtypes=qtypes, time_limit_s=limit, seed=seed), datetime.now(timezone.utc))


def _attempts(store, exam_id: int) -> dict[int, Attempt]:
    with store.session() as s:
        return {a.question_id: a for a in s.scalars(select(Attempt).where(Attempt.session_id == exam_id))}


def _stored_answers(store, exam_id: int) -> dict[int, object]:
    with store.session() as s:
        rows = s.scalars(select(SessionAnswer).where(SessionAnswer.session_id == exam_id))
        return {r.question_id: r.given for r in rows if r.given is not None}


def _confirm_submit(qtbot, window, keyboard) -> None:
    keyboard.press(K.Key_Return, modifier=CTRL)
    box = window.findChild(QMessageBox, "examSubmitConfirm")
    qtbot.waitUntil(lambda: box.isVisible())
    assert "unanswered" in box.informativeText() and "flagged" in box.informativeText()
    keyboard.press(K.Key_Return)  # the default button is Submit


def test_ten_question_mixed_exam_by_keyboard(qtbot, gui_store, fake_clock, keyboard, activate, type_text) -> None:
    window = MainWindow(gui_store, clock=fake_clock)
    qtbot.add_widget(window)
    activate(window)

    # Ctrl+N: the setup dialog; ten questions, seed 12 (every type, 4 topics), 30 minutes; Enter starts.
    keyboard.press(K.Key_N, modifier=CTRL)
    dialog = window.exam_setup_dialog
    activate(dialog)
    dialog.count_spin.setValue(10)
    dialog.seed_edit.setText("12")
    dialog.time_check.setChecked(True)
    dialog.minutes_spin.setValue(30)
    dialog.start_button.setFocus()
    keyboard.press(K.Key_Return)
    qtbot.waitUntil(lambda: window.exam_runner is not None)
    activate(window)  # offscreen there is no window manager to re-activate the parent
    runner = window.exam_runner
    assert runner is not None
    questions = runner.questions
    assert len(questions) == 10 and {q.qtype for q in questions} == {"open", "single", "multi", "truefalse"}
    assert runner.countdown.text() == "30:00"

    # The plan: most right, some wrong, one objective question left unanswered,
    # open questions answered with notes except one.
    objective = [q for q in questions if q.qtype != "open"]
    skipped_id = objective[-1].id
    open_ids = [q.id for q in questions if q.qtype == "open"]
    no_notes_id = open_ids[-1]
    expected_given: dict[int, object] = {}
    for i, q in enumerate(questions):
        assert runner.index == i
        fake_clock.advance(9)
        if i == 2:
            if q.qtype == "open":
                qtbot.waitUntil(runner.notes.hasFocus)  # Ctrl+M works while typing, too
            keyboard.press(K.Key_M, modifier=CTRL)  # flag for review
            assert runner.flag_button.isChecked()
        if q.qtype == "open":
            qtbot.waitUntil(runner.notes.hasFocus)  # typing goes straight into the notes
            if q.id != no_notes_id:
                text = f"第{i + 1}题：先给定义，再讲原因。"
                type_text(runner.notes, text)
                expected_given[q.id] = text
            keyboard.press(K.Key_Right, modifier=ALT)  # Alt+→ leaves the notes and saves them
            continue
        if q.id != skipped_id:
            if q.qtype == "truefalse":
                right = q.correct[0] == 0
                wrong = i % 4 == 1
                keyboard.press(K.Key_T if right != wrong else K.Key_F)
                given = [0] if right != wrong else [1]
            elif q.qtype == "single":
                pick = q.correct[0] if i % 3 else (q.correct[0] + 1) % len(q.choices)
                keyboard.press(LETTER_KEYS[pick])
                given = [pick]
            else:
                for index in q.correct:
                    keyboard.press(LETTER_KEYS[index])
                given = sorted(q.correct)
            expected_given[q.id] = given
            assert runner.answers[q.id] == given
        keyboard.press(K.Key_Right)
    assert runner.index == 9  # Right on the last page stays there

    flagged_id = questions[2].id
    assert _stored_answers(gui_store, runner.exam_id) == expected_given  # each saved as given
    palette = runner.palette_widget
    assert palette.buttons[2].property("flagged") is True
    assert [b.property("answered") for b in palette.buttons] == [q.id in expected_given for q in questions]
    assert "1 flagged" in palette.summary.text()

    # Back to the flagged one from the palette, then submit with Ctrl+Enter.
    qtbot.mouseClick(palette.buttons[2], Qt.MouseButton.LeftButton)
    assert runner.index == 2
    _confirm_submit(qtbot, window, keyboard)
    qtbot.waitUntil(lambda: isinstance(window.page, SelfGradeView))
    with gui_store.session() as s:
        assert s.get(StudySession, runner.exam_id).state == "grading"

    # Self-grade every open question: tick the first two key points, or rate 3 (Good).
    grading = window.page
    assert isinstance(grading, SelfGradeView)
    assert no_notes_id not in {q.id for q in grading.pending}  # a blank answer scores 0 without asking
    expected_open: dict[int, dict[str, object] | None] = {no_notes_id: None}
    while grading.question is not None:
        q = grading.question
        if q.key_points:
            keyboard.press(K.Key_1, K.Key_2)
            keyboard.press(K.Key_Return)
            expected_open[q.id] = {"recalled": [0, 1]}
        else:
            keyboard.press(K.Key_3)
            expected_open[q.id] = {"rating": 3}
    qtbot.waitUntil(lambda: isinstance(window.page, ExamResultsView))
    results = window.page
    assert isinstance(results, ExamResultsView)

    # The attempts are exactly what was answered.
    attempts = _attempts(gui_store, runner.exam_id)
    assert set(attempts) == {q.id for q in questions}
    for q in questions:
        a = attempts[q.id]
        assert a.mode == "exam"
        if q.qtype == "open":
            assert a.given == expected_open[q.id]
        else:
            assert a.given == expected_given.get(q.id, [])
            assert a.correct == (a.given == sorted(q.correct))
    assert attempts[skipped_id].score == 0.0 and attempts[skipped_id].correct is False
    assert attempts[no_notes_id].score == 0.0 and attempts[no_notes_id].correct is False

    # The results' per-topic numbers, recomputed from the stored attempts.
    with gui_store.session() as s:
        # The English UI names topics in English.
        topic_of = dict(s.execute(select(Question.id, Topic.name_en).join(Topic, Topic.id == Question.topic_id)).all())
    expected_rows: dict[str, _TopicRow] = {}
    for q in questions:
        topic = topic_of[q.id]
        row = expected_rows.setdefault(topic, {"questions": 0, "answered": 0, "correct": 0, "scores": []})
        row["questions"] += 1
        row["answered"] += q.id in expected_given
        row["correct"] += bool(attempts[q.id].correct)
        row["scores"].append(attempts[q.id].score)
    table = results.topic_table
    shown = {
        table.item(r, 0).text(): tuple(table.item(r, c).text() for c in range(2, 6)) for r in range(table.rowCount())
    }
    assert shown == {
        topic: (
            str(v["questions"]),
            str(v["answered"]),
            str(v["correct"]),
            f"{sum(v['scores']) / len(v['scores']) * 100:.0f}%",
        )
        for topic, v in expected_rows.items()
    }
    overall = sum(a.score for a in attempts.values()) / 10
    assert results.score_label.text() == f"{round(overall * 100)}%"
    correct = sum(1 for a in attempts.values() if a.correct)
    assert results.summary_label.text().startswith(f"{correct} of 10 correct")
    assert "time used 01:30 of 30:00" in results.summary_label.text()  # ten pages × 9 s on the fake clock
    flagged_row = [q.id for q in questions].index(flagged_id)
    assert results.question_table.item(flagged_row, 0).text().startswith("⚑")
    wrong_ids = sorted(q for q, a in attempts.items() if a.correct is False)
    assert sorted(results.result.wrong_question_ids) == wrong_ids
    assert results.drill_button.isEnabled() == bool(wrong_ids)


def test_deadline_submits_the_exam_by_itself(qtbot, gui_store, fake_clock, keyboard, activate) -> None:
    exam_id = _exam(gui_store, count=4, qtypes=("single", "truefalse"), limit=120, seed=1)
    runner = ExamRunner(gui_store, exam_id, clock=fake_clock)
    qtbot.add_widget(runner)
    activate(runner)
    first = runner.questions[0]
    keyboard.press(K.Key_T if first.qtype == "truefalse" else K.Key_A)
    keyboard.press(K.Key_Right)
    fake_clock.advance(61)
    qtbot.waitUntil(lambda: runner.countdown.text() == "00:59")
    assert runner.countdown.property("warning") is True  # the last minute shows in the warning colour
    with qtbot.wait_signal(runner.submitted, timeout=3000) as blocker:
        fake_clock.advance(60)  # the timer's next tick finds the deadline passed: no sleeping here
    assert blocker.args == [exam_id] and runner.time_up and runner.is_submitted
    with gui_store.session() as s:
        exam = s.get(StudySession, exam_id)
        assert exam.state == "finished" and exam.remaining_s == 0.0
    attempts = _attempts(gui_store, exam_id)
    given = [0] if first.qtype == "truefalse" else [0]
    assert {q: a.given for q, a in attempts.items()} == {q.id: (given if q.id == first.id else []) for q in runner.questions}
    keyboard.press(K.Key_A)  # too late: nothing changes any more
    assert _stored_answers(gui_store, exam_id) == {first.id: given}


def test_clock_is_saved_every_few_seconds_and_with_each_change(qtbot, gui_store, fake_clock, keyboard, activate) -> None:
    exam_id = _exam(gui_store, count=3, qtypes=("single",), limit=600, seed=2)
    runner = ExamRunner(gui_store, exam_id, clock=fake_clock)
    qtbot.add_widget(runner)
    activate(runner)
    with qtbot.wait_signal(runner.clockSaved, timeout=3000) as blocker:
        fake_clock.advance(6)
    assert blocker.args == [594.0]
    with gui_store.session() as s:
        exam = s.get(StudySession, exam_id)
        assert (exam.remaining_s, exam.elapsed_s) == (594.0, 6.0)
    fake_clock.advance(1.5)
    keyboard.press(K.Key_B)
    with gui_store.session() as s:
        exam = s.get(StudySession, exam_id)
        assert (exam.remaining_s, exam.elapsed_s) == (592.5, 7.5)
        answer = s.scalars(select(SessionAnswer).where(SessionAnswer.session_id == exam_id)).one()
        assert answer.given == [1] and answer.seconds_spent == 7.5


def test_notes_are_saved_shortly_after_typing(qtbot, gui_store, fake_clock, activate, type_text) -> None:
    exam_id = _exam(gui_store, count=2, qtypes=("open",), limit=None, seed=4)
    runner = ExamRunner(gui_store, exam_id, clock=fake_clock)
    qtbot.add_widget(runner)
    activate(runner)
    assert runner.notes.hasFocus() and runner.countdown.text() == "00:00"
    with qtbot.wait_signal(runner.answerSaved, timeout=3000) as blocker:
        type_text(runner.notes, "梯度裁剪：按范数缩放")
    assert blocker.args == [runner.questions[0].id, "梯度裁剪：按范数缩放"]
    assert _stored_answers(gui_store, exam_id) == {runner.questions[0].id: "梯度裁剪：按范数缩放"}
    runner.notes.clear()  # clearing the notes clears the answer
    qtbot.waitUntil(lambda: _stored_answers(gui_store, exam_id) == {})


def test_pause_only_without_time_limit(qtbot, gui_store, fake_clock, keyboard, activate) -> None:
    timed = ExamRunner(gui_store, _exam(gui_store, count=2, qtypes=("single",), limit=300), clock=fake_clock)
    qtbot.add_widget(timed)
    activate(timed)
    assert not timed.pause_button.isVisible()
    keyboard.press(K.Key_P, modifier=CTRL)
    assert timed.clock.running and timed.main_stack.currentIndex() == 0
    timed.close()

    exam_id = _exam(gui_store, count=2, qtypes=("single",), limit=None)
    runner = ExamRunner(gui_store, exam_id, clock=fake_clock)
    qtbot.add_widget(runner)
    activate(runner)
    assert runner.pause_button.isVisible()
    fake_clock.advance(10)
    keyboard.press(K.Key_P, modifier=CTRL)
    assert not runner.clock.running and runner.main_stack.currentWidget() is runner.paused_page
    with gui_store.session() as s:
        exam = s.get(StudySession, exam_id)
        assert (exam.state, exam.elapsed_s) == ("paused", 10.0)
    fake_clock.advance(500)  # paused: the clock does not move, answers cannot change
    keyboard.press(K.Key_A)
    assert runner.clock.elapsed() == 10.0 and _stored_answers(gui_store, exam_id) == {}
    keyboard.press(K.Key_P, modifier=CTRL)
    assert runner.clock.running and runner.main_stack.currentIndex() == 0
    with gui_store.session() as s:
        assert s.get(StudySession, exam_id).state == "active"
    fake_clock.advance(5)
    assert runner.clock.elapsed() == 15.0


def test_keep_working_cancels_the_submission(qtbot, gui_store, fake_clock, keyboard, activate) -> None:
    exam_id = _exam(gui_store, count=2, qtypes=("single",), limit=300)
    runner = ExamRunner(gui_store, exam_id, clock=fake_clock)
    qtbot.add_widget(runner)
    activate(runner)
    keyboard.press(K.Key_Return, modifier=CTRL)
    box = runner.findChild(QMessageBox, "examSubmitConfirm")
    qtbot.waitUntil(lambda: box.isVisible())
    assert "2 question(s) unanswered" in box.informativeText()
    keyboard.press(K.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert not runner.is_submitted and _attempts(gui_store, exam_id) == {}


def test_closing_the_window_mid_exam_keeps_it_resumable(qtbot, gui_store, fake_clock, keyboard, activate) -> None:
    exam_id = _exam(gui_store, count=3, qtypes=("single", "multi"), limit=900, seed=5)
    window = MainWindow(gui_store, clock=fake_clock)
    qtbot.add_widget(window)
    activate(window)
    window.run_exam(exam_id)
    keyboard.press(K.Key_A)
    fake_clock.advance(100)
    window.close()
    with gui_store.session() as s:
        exam = s.get(StudySession, exam_id)
        assert exam.state == "active" and exam.remaining_s == 800.0

    again = MainWindow(gui_store, clock=fake_clock)
    qtbot.add_widget(again)
    activate(again)
    again.offer_resume()
    dialog = again.resume_dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    assert "13:20 left" in dialog.informativeText() and "did not run while QuizDesk was closed" in dialog.informativeText()
    qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.exam_runner is not None)
    assert again.exam_runner.clock.remaining() == 800.0
    assert again.exam_runner.answers == _stored_answers(gui_store, exam_id) and len(again.exam_runner.answers) == 1


def test_a_locked_database_keeps_the_answer_on_screen_and_saves_it_when_free(qtbot, gui_store, fake_clock, keyboard, activate, monkeypatch) -> None:
    import sqlite3

    exam_id = _exam(gui_store, count=3, qtypes=("single",), limit=600, seed=2)
    window = MainWindow(gui_store, clock=fake_clock)
    qtbot.add_widget(window)
    activate(window)
    window.run_exam(exam_id)
    runner = window.exam_runner
    first = runner.questions[0]
    from quizdesk.core.study.exam_session import QUICK_WRITE_TIMEOUT_MS  # the documented 200 ms a routine save waits

    timeouts: list[int | None] = []
    real_session = gui_store.session

    def recording_session(**kwargs):
        timeouts.append(kwargs.get("busy_timeout_ms"))
        return real_session(**kwargs)

    monkeypatch.setattr(gui_store, "session", recording_session)
    other = sqlite3.connect(gui_store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        keyboard.press(K.Key_B)
        # A routine save gives up after a short wait instead of freezing the window.
        assert timeouts and timeouts[-1] == QUICK_WRITE_TIMEOUT_MS
        assert runner.answers == {first.id: [1]} and runner.has_unsaved_changes
        assert runner.error_label.isVisible() and "another program" in runner.error_label.text()
        assert "kept" in runner.error_label.text()
        assert _stored_answers(gui_store, exam_id) == {}

        # Quitting now would lose the answer: the window asks, and staying keeps the exam going.
        asked: list[bool] = []
        monkeypatch.setattr(window, "_confirm_quit_unsaved", lambda: asked.append(True) or False)
        window.close()
        assert asked and window.isVisible() and window.exam_runner is runner
    finally:
        other.execute("ROLLBACK")
        other.close()
    with qtbot.wait_signal(runner.answerSaved, timeout=5000) as blocker:
        fake_clock.advance(3)  # the next tick retries
    assert blocker.args == [first.id, [1]]
    assert _stored_answers(gui_store, exam_id) == {first.id: [1]}
    assert not runner.has_unsaved_changes and not runner.error_label.isVisible()


def test_save_errors_are_explained_in_words() -> None:
    import sqlite3

    from quizdesk.ui.exam.runner import describe_write_error

    assert "disk is full" in describe_write_error(sqlite3.OperationalError("database or disk is full"))
    assert "read-only" in describe_write_error(sqlite3.OperationalError("attempt to write a readonly database"))
    assert "another program" in describe_write_error(sqlite3.OperationalError("database is locked"))
    assert "I/O" in describe_write_error(sqlite3.OperationalError("disk I/O error"))


def test_t_on_a_choice_question_does_nothing(qtbot, gui_store, fake_clock, keyboard, activate) -> None:
    """T answers true/false; on a single or multiple choice question (choices A–J, no T) it is ignored."""
    exam_id = _exam(gui_store, count=6, qtypes=("single", "multi"), limit=None)
    runner = ExamRunner(gui_store, exam_id, clock=fake_clock)
    qtbot.add_widget(runner)
    activate(runner)
    for i, q in enumerate(runner.questions):
        assert runner.index == i and q.qtype in ("single", "multi")
        keyboard.press(K.Key_T)
        assert runner.choices.selected() == []
        keyboard.press(K.Key_Right)
    assert _stored_answers(gui_store, exam_id) == {}


def test_a_blank_open_answer_is_not_offered_for_self_grading(qtbot, gui_store, fake_clock, keyboard, activate, type_text) -> None:
    """Issue 21, item 8: a blank answer ("（未作答）") scores 0 without asking."""
    window = MainWindow(gui_store, clock=fake_clock)
    qtbot.add_widget(window)
    activate(window)
    exam_id = _exam(gui_store, count=3, qtypes=("open",), limit=None)
    window.run_exam(exam_id)
    runner = window.exam_runner
    answered = runner.questions[1]
    keyboard.press(K.Key_Right, modifier=ALT)
    qtbot.waitUntil(runner.notes.hasFocus)
    type_text(runner.notes, "先定义，再举例。")
    keyboard.press(K.Key_Right, modifier=ALT)
    type_text(runner.notes, "   ")  # only spaces: blank
    keyboard.press(K.Key_Return, modifier=CTRL)
    box = window.findChild(QMessageBox, "examSubmitConfirm")
    qtbot.waitUntil(lambda: box.isVisible())
    keyboard.press(K.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.page, SelfGradeView))
    view = window.page
    assert [q.id for q in view.pending] == [answered.id]
    assert view.title_label.text() == "Grade your open answers: 1 of 1"
    assert view.notes_view.text() == "先定义，再举例。"
    attempts = _attempts(gui_store, exam_id)
    assert set(attempts) == {q.id for q in _exam_questions(gui_store, exam_id)} - {answered.id}
    assert all(a.score == 0.0 and a.given is None for a in attempts.values())
    if view.points.count():
        keyboard.press(K.Key_1, K.Key_Return)
    else:
        keyboard.press(K.Key_3)
    qtbot.waitUntil(lambda: isinstance(window.page, ExamResultsView))
    assert len(_attempts(gui_store, exam_id)) == 3


def _exam_questions(store, exam_id: int):
    with store.session() as s:
        ids = s.get(StudySession, exam_id).question_ids
        return list(s.scalars(select(Question).where(Question.id.in_(ids))))


def test_a_saved_answer_says_only_exam_answer_and_submitting_says_exam_and_attempts(qtbot, gui_store, fake_clock, keyboard, activate) -> None:
    """Issue 17: each saved answer used to make every view re-count (dataChanged); now it names what changed."""
    from quizdesk.ui.ops import Changes

    exam_id = _exam(gui_store, count=2, qtypes=("single",), limit=600, seed=2)
    runner = ExamRunner(gui_store, exam_id, clock=fake_clock)
    qtbot.add_widget(runner)
    activate(runner)
    changes: list[object] = []
    runner.collection.changed.connect(changes.append)
    keyboard.press(K.Key_B)  # an answer
    keyboard.press(K.Key_M, modifier=CTRL)  # a flag
    keyboard.press(K.Key_Right)  # a page: the clock is saved with it
    fake_clock.advance(6)
    runner.tick()  # the periodic clock save
    assert _stored_answers(gui_store, exam_id) == {runner.questions[0].id: [1]}
    assert len(changes) == 4 and set(changes) == {Changes.EXAM_ANSWER}
    changes.clear()
    assert runner.submit()
    assert changes[-1] == Changes.EXAM | Changes.ATTEMPTS and Changes.EXAM_ANSWER not in changes[-1]

"""The results page, the drill of wrong answers, and the exam history."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import TypedDict

from PySide6.QtCharts import QHorizontalBarSeries
from PySide6.QtCore import Qt
from sqlalchemy import select

from quizdesk.core.db.models import Attempt, StudySession, Topic
from quizdesk.core.study.exams import ExamSpec, create_exam, load_exam, save_answer, self_grade, submit_exam
from quizdesk.ui.exam.results import ExamResultsView
from quizdesk.ui.exam.history_view import HistoryDialog
from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.study.study_view import StudyView

NOW = datetime(2026, 5, 1, 9, 0, tzinfo=timezone.utc)


class _Clock(TypedDict):
    """save_answer's clock keywords, as the runner saves them with each answer."""

    remaining_s: float
    elapsed_s: float
    current_index: int


CLOCK: _Clock = {"remaining_s": 500.0, "elapsed_s": 100.0, "current_index": 0}


def _finished_exam(store, qids) -> tuple[int, dict[str, int]]:
    """An exam over the 优化方法 topic: 2 right, 1 wrong, open questions graded 1/3, 4/4 and Hard."""
    ids = qids(store)
    with store.session() as s:
        topic = s.scalars(select(Topic.id).where(Topic.name == "优化方法")).one()
        exam_id = create_exam(s, ExamSpec((topic,), count=10, time_limit_s=600, seed=1), NOW)
    with store.session() as s:
        save_answer(s, exam_id, ids["g-clip-q1"], [1], **CLOCK)  # right
        save_answer(s, exam_id, ids["g-clip-q2"], [0, 1, 3], **CLOCK)  # right
        save_answer(s, exam_id, ids["g-momentum-tf"], [1], **CLOCK)  # wrong (it is true)
        save_answer(s, exam_id, ids["g-clip"], "按范数缩放", **CLOCK)
        save_answer(s, exam_id, ids["g-adam"], "一阶矩、二阶矩、偏差修正、各参数学习率", **CLOCK)
        save_answer(s, exam_id, ids["g-warmup"], "开始时学习率从小变大", **CLOCK)
        submit_exam(s, exam_id, NOW + timedelta(minutes=2))
    with store.session() as s:
        self_grade(s, exam_id, ids["g-clip"], recalled=[1], now=NOW + timedelta(minutes=3))
        self_grade(s, exam_id, ids["g-adam"], recalled=[0, 1, 2, 3], now=NOW + timedelta(minutes=3))
        self_grade(s, exam_id, ids["g-warmup"], rating=2, now=NOW + timedelta(minutes=3))
    return exam_id, ids


def test_results_show_score_topics_and_every_answer(qtbot, gui_store, qids) -> None:
    exam_id, ids = _finished_exam(gui_store, qids)
    view = ExamResultsView(gui_store, exam_id)
    qtbot.add_widget(view)
    view.resize(1100, 700)
    view.show()
    # 1 + 1 + 0 + 1/3 + 1 + 0.5 over 6 questions
    assert view.score_label.text() == f"{round((3 + 1 / 3 + 0.5) / 6 * 100)}%"
    assert view.summary_label.text() == "4 of 6 correct  ·  time used 01:40 of 10:00"
    assert view.topic_table.rowCount() == 1
    assert [view.topic_table.item(0, c).text() for c in range(6)] == ["Optimization", "Deep learning", "6", "6", "4", "64%"]  # the English UI shows the English names
    chart_series = view.chart.series()
    assert len(chart_series) == 1 and isinstance(chart_series[0], QHorizontalBarSeries)
    assert chart_series[0].barSets()[0].at(0) == 64

    rows = {view.question_table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(view.question_table.rowCount())}
    tf_row = rows[ids["g-momentum-tf"]]
    assert view.question_table.item(tf_row, 2).text() == "错误"
    assert view.question_table.item(tf_row, 3).text() == "正确"
    assert view.question_table.item(tf_row, 4).text() == "✗ 0%"
    view.question_table.selectRow(tf_row)
    detail = view.detail_view.toPlainText()
    assert "动量（momentum）" in detail and "动量累积历史梯度" in detail
    assert sorted(view.result.wrong_question_ids) == sorted([ids["g-momentum-tf"], ids["g-clip"]])
    assert view.drill_button.text() == "Drill the wrong ones (2)"


def test_the_review_marks_each_key_point_covered_or_missed(qtbot, gui_store, qids) -> None:
    """Issue 21, item 10: the results did not show which key points were ticked."""
    exam_id, ids = _finished_exam(gui_store, qids)
    view = ExamResultsView(gui_store, exam_id)
    qtbot.add_widget(view)
    rows = {view.question_table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(view.question_table.rowCount())}

    view.question_table.selectRow(rows[ids["g-clip"]])  # graded by ticking the second of three points
    lines = [line.strip() for line in view.detail_view.toPlainText().splitlines() if line.strip()]
    assert "Covered 1 of 3:" in lines
    assert "✗ missed · 反向传播后、更新前限制梯度" in lines
    assert "✓ covered · 按范数裁剪保持方向" in lines
    assert "✗ missed · 主要用于防止梯度爆炸" in lines

    view.question_table.selectRow(rows[ids["g-adam"]])  # all four ticked
    text = view.detail_view.toPlainText()
    assert "Covered 4 of 4:" in text and text.count("✓ covered") == 4 and "✗" not in text

    view.question_table.selectRow(rows[ids["g-warmup"]])  # no key points, graded Hard: nothing to mark
    text = view.detail_view.toPlainText()
    assert "Covered" not in text and "✓ covered" not in text


def test_drill_wrong_ones_starts_a_study_session_on_them(qtbot, gui_store, qids, activate, keyboard) -> None:
    exam_id, ids = _finished_exam(gui_store, qids)
    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    activate(window)
    window.show_results(exam_id)
    results = window.page
    assert isinstance(results, ExamResultsView)
    assert results.drill_action.shortcut().toString() == "Ctrl+R"
    keyboard.press(Qt.Key.Key_R, modifier=Qt.KeyboardModifier.ControlModifier)  # the keyboard way; a click does the same
    study = window.page
    assert isinstance(study, StudyView)
    assert sorted(c.id for c in study.cards) == sorted([ids["g-momentum-tf"], ids["g-clip"]])
    assert window.mode == "study"
    qtbot.mouseClick(study.end_button, Qt.MouseButton.LeftButton)
    assert window.mode == "browse" and window.page is None


def test_an_exam_waiting_for_self_grading_says_so(qtbot, gui_store, qids) -> None:
    ids = qids(gui_store)
    with gui_store.session() as s:
        topic = s.scalars(select(Topic.id).where(Topic.name == "归一化")).one()
        exam_id = create_exam(s, ExamSpec((topic,), count=10, seed=2), NOW)
        save_answer(s, exam_id, ids["g-norm-q1"], [1], **CLOCK)
        save_answer(s, exam_id, ids["g-bn-ln"], "BN 按批，LN 按样本", **CLOCK)
        save_answer(s, exam_id, ids["g-rmsnorm"], "不减均值", **CLOCK)
        submit_exam(s, exam_id, NOW)
    view = ExamResultsView(gui_store, exam_id)
    qtbot.add_widget(view)
    assert "2 open question(s) still wait for your grade" in view.note_label.text()
    not_graded = [view.question_table.item(r, 4).text() for r in range(view.question_table.rowCount())].count("not graded")
    assert not_graded == 2


def test_history_lists_exams_and_opens_them(qtbot, gui_store, qids, activate) -> None:
    finished_id, _ids = _finished_exam(gui_store, qids)
    with gui_store.session() as s:
        topics = tuple(s.scalars(select(Topic.id)))
        unfinished_id = create_exam(s, ExamSpec(topics, count=3, qtypes=("single", "truefalse"), seed=3), NOW + timedelta(days=1))
    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    activate(window)
    window.show_history()
    dialog = window.history_dialog
    qtbot.waitUntil(dialog.isVisible)
    table = dialog.table
    assert table.rowCount() == 2
    assert table.item(0, 4).text() == "unfinished" and table.item(1, 4).text() == "finished"
    assert table.item(1, 3).text() == "64%"
    assert table.item(1, 1).text() == "Optimization"  # topics in the UI's language
    assert dialog.open_button.text() == "Continue"
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.exam_runner is not None)
    assert window.exam_runner.exam_id == unfinished_id

    window.exam_runner.submit()
    window.show_history()
    dialog = window.history_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.table.selectRow(1)
    assert dialog.open_button.text() == "Open results"
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.page, ExamResultsView))
    assert window.page.exam_id == finished_id
    with gui_store.session() as s:
        assert s.get(StudySession, unfinished_id).state == "finished"
        assert len(list(s.scalars(select(Attempt).where(Attempt.session_id == unfinished_id)))) == 3
        assert len(load_exam(s, unfinished_id).questions) == 3


def test_an_imported_questions_images_show_in_the_review(qtbot, gui_store, qids, tmp_path) -> None:
    from PySide6.QtGui import QImage

    from quizdesk.core.db.models import Question

    from quizdesk.core.content.importer.images import media_base

    exam_id, ids = _finished_exam(gui_store, qids)
    bank = tmp_path / "my-bank"
    # The import copied the image into the root's media folder; the answer names it from there.
    media = media_base(gui_store.path.parent, f"import:{bank}")
    assert media is not None, "an imported question has a media folder"
    (media / "notes" / "img").mkdir(parents=True)
    picture = QImage(40, 20, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkCyan)
    assert picture.save(str(media / "notes" / "img" / "momentum.png"))
    with gui_store.session() as s:
        question = s.get(Question, ids["g-momentum-tf"])
        question.origin, question.source_path = f"import:{bank}", "notes/optim.md"
        question.answer_md += "\n\n![动量示意](notes/img/momentum.png)"
    view = ExamResultsView(gui_store, exam_id)
    qtbot.add_widget(view)
    rows = {view.question_table.item(r, 0).data(Qt.ItemDataRole.UserRole): r for r in range(view.question_table.rowCount())}
    view.question_table.selectRow(rows[ids["g-momentum-tf"]])
    assert list(view.detail_view.problems()) == []  # resolved against the import's media folder
    assert (media / "notes" / "img" / "momentum.png").resolve().as_uri() in view.detail_view.toHtml()

"""Chinese and English UI: switching live from the settings keeps the exam on
screen (answers, flag, page, clock), topic names follow the language, and
dates / numbers follow the locale."""

from __future__ import annotations

from datetime import date, datetime, timezone

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from quizdesk.core.db.models import SessionAnswer, Topic
from quizdesk.core.study.exams import ExamSpec, create_exam
from quizdesk.ui.i18n import (
    LANGUAGE_SETTING,
    format_date,
    format_percent,
    formatting_locale,
    install_language,
    installed_catalogues,
    resolve_language,
)
from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.widgets.theme import THEME_SETTING, apply_theme, is_dark


def _exam(store) -> int:
    with store.session() as s:
        topics = tuple(s.scalars(select(Topic.id)))
        spec = ExamSpec(topics, count=10, qtypes=("open", "single", "multi", "truefalse"), time_limit_s=1800, seed=12)
        return create_exam(s, spec, datetime.now(timezone.utc))


def _stored(store, exam_id: int) -> dict[int, object]:
    with store.session() as s:
        rows = s.scalars(select(SessionAnswer).where(SessionAnswer.session_id == exam_id))
        return {r.question_id: r.given for r in rows if r.given is not None}


def _apply(qtbot, window, *, language: str | None = None, theme: str | None = None):
    window.show_settings()
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    if language is not None:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData(language))
    if theme is not None:
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData(theme))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    return dialog


def test_switching_language_and_theme_keeps_the_exam(qtbot, qapp, gui_store, fake_clock, type_text) -> None:
    window = MainWindow(gui_store, clock=fake_clock)
    qtbot.add_widget(window)
    window.show()
    exam_id = _exam(gui_store)
    window.run_exam(exam_id)
    runner = window.exam_runner
    # Answer a choice question, write notes on an open one, flag one, spend time.
    choice_index = next(i for i, q in enumerate(runner.questions) if q.qtype == "single")
    open_index = next(i for i, q in enumerate(runner.questions) if q.qtype == "open")
    runner.go_to(choice_index)
    runner.choices.toggle(1)
    runner.go_to(open_index)
    type_text(runner.notes, "梯度裁剪")
    runner.flush_notes()
    runner.toggle_flag()
    fake_clock.advance(125)
    runner.tick()
    answers, flags, remaining = dict(runner.answers), set(runner.flags), runner.clock.remaining()
    assert len(answers) == 2 and remaining == 1800 - 125
    assert runner.top_bar.title_label.text() == "Mock exam"

    try:
        dialog = _apply(qtbot, window, language="zh_CN", theme="dark")
        # The same exam object, untouched.
        assert window.exam_runner is runner and runner.exam_id == exam_id
        assert runner.answers == answers and runner.flags == flags and runner.index == open_index
        assert runner.clock.remaining() == remaining
        assert runner.notes.toPlainText() == "梯度裁剪"
        assert _stored(gui_store, exam_id) == answers
        # Its texts, in Chinese.
        assert runner.top_bar.title_label.text() == "模拟考试"
        assert runner.position_label.text() == f"第 {open_index + 1} 题，共 10 题"
        assert runner.submit_button.text() == "交卷"
        assert runner.flag_button.text() == "已标记"
        assert runner.palette_widget.summary.text() == "已答 2/10 · 标记 1"
        assert runner.countdown.toolTip() == "剩余时间"
        assert runner.header.meta.text().endswith("问答题")
        assert runner.header.meta.text().startswith(runner.question.module)  # the bank's Chinese names
        assert runner.notes_label.text().startswith("你的回答")
        assert window.action("newExamAction").text() == "新建模拟考试…"
        assert window.file_menu.title() == "文件(&F)"
        assert window.bank_status.text() == "题库共 22 道题  ·  0 张到期"
        assert dialog.windowTitle() == "设置" and dialog.tabs.tabText(0) == "外观"
        assert is_dark()
        assert QSettings().value(LANGUAGE_SETTING) == "zh_CN" and QSettings().value(THEME_SETTING) == "dark"
        assert any(path.endswith("quizdesk_zh_CN.qm") for path in installed_catalogues())

        # The exam goes on: the clock runs and answers are still saved.
        fake_clock.advance(5)
        runner.tick()
        assert runner.clock.remaining() == remaining - 5
        runner.next()
        assert runner.index == open_index + 1

        # And back to English with the light theme.
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert window.exam_runner is runner and runner.answers == answers
        assert runner.top_bar.title_label.text() == "Mock exam"
        assert runner.position_label.text() == f"Question {open_index + 2} of 10"
        assert runner.header.meta.text().startswith(runner.question.module_en + " › " + runner.question.topic_en)
        assert window.bank_status.text() == "22 questions in the bank  ·  0 due"  # English plural forms
        assert not is_dark()
    finally:
        apply_theme(qapp, "light")


def test_topic_names_follow_the_language(qtbot, gui_store) -> None:
    install_language("zh_CN")
    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    tree = window.library.topic_tree
    assert [tree.topLevelItem(i).text(0) for i in range(2)] == ["深度学习", "机器学习"]
    assert tree.headerItem().text(0) == "主题"
    assert window.library.list_header.text() == "全部主题  ·  22 道题"
    topic = tree.topLevelItem(0).child(1)
    assert topic is not None
    tree.setCurrentItem(topic)
    install_language("en")
    assert [tree.topLevelItem(i).text(0) for i in range(2)] == ["Deep learning", "Machine learning"]
    assert tree.headerItem().text(0) == "Topic"
    assert window.library.topic_tree.current_key() is not None  # the selection survives the switch
    assert window.library.list_header.text() == "Normalization  ·  5 questions"


def test_the_system_language_decides_unless_overridden() -> None:
    assert resolve_language("system", QLocale("zh_CN")) == "zh_CN"
    assert resolve_language("system", QLocale("zh_TW")) == "zh_CN"  # the only Chinese we have
    assert resolve_language("system", QLocale("de_DE")) == "en"
    assert resolve_language("en", QLocale("zh_CN")) == "en"
    assert resolve_language("zh_CN", QLocale("en_US")) == "zh_CN"
    assert resolve_language("klingon", QLocale("en_US")) == "en"


def test_dates_and_numbers_follow_the_locale() -> None:
    # A British English system keeps its day/month order; Chinese on a German system uses Chinese forms.
    assert formatting_locale("en", QLocale("en_GB")).name() == "en_GB"
    assert formatting_locale("en", QLocale("de_DE")).name() == "en_US"
    assert formatting_locale("zh_CN", QLocale("de_DE")).name() == "zh_CN"
    install_language("zh_CN")
    if QLocale.system().language() != QLocale.Language.Chinese:
        assert format_date(date(2025, 3, 4)) == "2025/3/4"
    assert format_percent(0.873) == "87%"
    assert format_percent(0.5, 1) == "50.0%"

"""The weak-areas dashboard: the headline answers "what to study tonight" from a
constructed week of use, the table sorts by numbers, the drill buttons start the
right exam setup and study session, it refreshes on writes, and a fresh install
reads well."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCharts import QBarCategoryAxis, QChartView, QDateTimeAxis, QHorizontalStackedBarSeries
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsTextItem, QLabel, QPushButton
from sqlalchemy import text

from quizdesk.core.db.models import Question
from quizdesk.core.stats.history import DayStats
from quizdesk.core.stats.mastery import WEAK_MASTERY_BELOW, Reason, TopicStats
from quizdesk.core.study.reviews import record_choice, record_rating, record_recall
from quizdesk.ui.ops import Changes
from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.widgets.mastery_indicator import display_name
from quizdesk.ui.study.study_view import StudyView
from quizdesk.ui.widgets.theme import colors
from quizdesk.ui.weak_areas.charts import MAX_CHART_HEIGHT, HistoryChartView, day_month_format, label_height
from quizdesk.ui.weak_areas.page import WeakAreasDialog
from quizdesk.ui.weak_areas.model import (
    LAST_SEEN,
    MASTERY,
    REASON,
    SORT_ROLE,
    TOPIC,
    TopicSortProxy,
    WeakAreasModel,
    reason_text,
)

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 3, 14, 20, 0, tzinfo=timezone.utc)
OPTIMIZATION, NORMALIZATION, METRICS, TREES = 3, 4, 5, 6  # topic ids of the GUI fixture bank
TEXT_ITEM_TYPE = 8  # QGraphicsTextItem::Type (the binding does not expose the enum value)


def answer(session, question_id: int, right: bool, when: datetime) -> None:
    """Answer one question right or wrong, as study mode records it."""
    q = session.get(Question, question_id)
    if q.qtype == "open":
        if q.key_points:
            record_recall(session, q.id, list(range(len(q.key_points))) if right else [], now=when, seconds=40)
        else:
            record_rating(session, q.id, 3 if right else 1, now=when, seconds=40)
        return
    correct = [i for i, c in enumerate(q.choices) if c["correct"]]
    wrong = [i for i, c in enumerate(q.choices) if not c["correct"]][:1]
    record_choice(session, q.id, correct if right else wrong, now=when, seconds=12)


def make_week(store) -> None:
    """A week of use: optimisation mastered, normalisation mostly wrong, metrics
    seen once a month ago, trees never touched."""
    with store.read() as connection:
        by_topic: dict[int, list[int]] = {}
        for qid, topic_id in connection.execute("SELECT id, topic_id FROM questions ORDER BY id"):
            by_topic.setdefault(topic_id, []).append(qid)
    with store.session() as session:
        for day in range(7, 0, -1):
            when = NOW - timedelta(days=day, hours=1)
            for qid in by_topic[OPTIMIZATION]:
                answer(session, qid, True, when)
            if day % 2:
                for i, qid in enumerate(by_topic[NORMALIZATION]):
                    answer(session, qid, i == 0 and day == 1, when)
        for qid in by_topic[METRICS]:
            answer(session, qid, True, NOW - timedelta(days=25))


def _dialog(qtbot, store) -> WeakAreasDialog:
    dialog = WeakAreasDialog(store, now=lambda: NOW)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: dialog.ready, timeout=5000)  # the figures are read on a worker
    return dialog


def _headline(dialog: WeakAreasDialog) -> list[tuple[str, str]]:
    rows = []
    for i in range(len(dialog.weakest)):
        name = dialog.findChild(QLabel, f"weakHeadlineTopic{i}")
        reason = dialog.findChild(QLabel, f"weakHeadlineReason{i}")
        rows.append((name.text(), reason.text()))
    return rows


def _scene_texts(view) -> list[str]:
    """The texts a chart view draws (axis labels, titles, legend), as laid out now."""
    return [item.toPlainText() for item in _text_items(view)]


def _text_items(view) -> list[QGraphicsTextItem]:
    # The charts' labels are QGraphicsTextItem subclasses private to Qt; the
    # binding sees them as plain QGraphicsItems, so they are rewrapped here.
    items = []
    for item in view.scene().items():
        if item.type() == TEXT_ITEM_TYPE and item.toGraphicsObject() is not None:
            pointer = shiboken6.getCppPointer(item.toGraphicsObject())[0]
            text_item = shiboken6.wrapInstance(pointer, QGraphicsTextItem)  # the stubs say shiboken's Object
            assert isinstance(text_item, QGraphicsTextItem)
            items.append(text_item)
    return items


def _mastery_bars(view: QChartView) -> QHorizontalStackedBarSeries:
    """The mastery chart's one series: a bar set per band, a bar per module or topic."""
    series = view.chart().series()[0]
    assert isinstance(series, QHorizontalStackedBarSeries)
    return series


def _category_axis(view: QChartView) -> QBarCategoryAxis:
    """The mastery chart's vertical axis: a category per module or topic shown."""
    axis = view.chart().axes(Qt.Orientation.Vertical)[0]
    assert isinstance(axis, QBarCategoryAxis)
    return axis


def _date_axis(view: QChartView) -> QDateTimeAxis:
    """The history chart's horizontal axis: the days."""
    axis = view.chart().axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(axis, QDateTimeAxis)
    return axis


def test_a_week_of_use_puts_the_weak_topic_first_with_its_reason(qtbot, gui_store) -> None:
    make_week(gui_store)
    dialog = _dialog(qtbot, gui_store)
    assert dialog.title_label.text() == "Tonight: study these topics"
    first = dialog.weakest[0]
    assert first.topic_id == NORMALIZATION and first.reason is Reason.LOW_ACCURACY
    assert first.reason_detail is not None and first.reason_detail < 0.5
    headline = _headline(dialog)
    assert "Normalization" in headline[0][0] and "Deep learning" in headline[0][0]
    assert headline[0][1] == f"Low accuracy: {first.reason_detail * 100:.0f}%"
    # The mastered topic is not suggested; the untouched one is, as never practised.
    suggested = [s.topic_id for s in dialog.weakest]
    assert OPTIMIZATION not in suggested
    assert TREES in suggested
    trees = next(s for s in dialog.weakest if s.topic_id == TREES)
    assert _headline(dialog)[suggested.index(TREES)][1] == "Never practised"
    assert dialog.findChild(QPushButton, "weakDrillExamButton").text() == "Mock exam on these 3 topic(s)"
    assert not dialog.hint_label.isVisible()
    # The summary counts what the table shows.
    assert "1 of 4 topics never practised" in dialog.summary_label.text()
    assert trees.mastery is None


def test_table_sorts_mastery_as_numbers_with_never_practised_last_both_ways(qtbot, gui_store) -> None:
    make_week(gui_store)
    dialog = _dialog(qtbot, gui_store)
    table, proxy = dialog.table, dialog.proxy

    def column(col: int, role: int = SORT_ROLE) -> list:
        return [proxy.index(r, col).data(role) for r in range(proxy.rowCount())]

    assert proxy.rowCount() == 4  # the four sub-topics; modules are in the chart
    table.sortByColumn(MASTERY, Qt.SortOrder.AscendingOrder)
    values = column(MASTERY)
    known = [v for v in values if v is not None]
    assert values == known + [None] and known == sorted(known)
    assert column(TOPIC, Qt.ItemDataRole.DisplayRole)[0] == "Normalization"
    assert column(TOPIC, Qt.ItemDataRole.DisplayRole)[-1] == "Tree models"
    table.sortByColumn(MASTERY, Qt.SortOrder.DescendingOrder)
    values = column(MASTERY)
    assert values == sorted(known, reverse=True) + [None]
    assert column(MASTERY, Qt.ItemDataRole.DisplayRole)[-1] == "—"
    # Last seen sorts by time, not by its words ("7 days ago" < "today" as text).
    table.sortByColumn(LAST_SEEN, Qt.SortOrder.DescendingOrder)
    assert column(TOPIC, Qt.ItemDataRole.DisplayRole)[:2] == ["Normalization", "Optimization"] or column(
        TOPIC, Qt.ItemDataRole.DisplayRole
    )[:2] == ["Optimization", "Normalization"]
    assert column(TOPIC, Qt.ItemDataRole.DisplayRole)[2:] == ["Metrics", "Tree models"]
    assert column(LAST_SEEN, Qt.ItemDataRole.DisplayRole)[2:] == ["25 days ago", "never"]
    # The "why" column says it in words.
    reasons = dict(zip(column(TOPIC, Qt.ItemDataRole.DisplayRole), column(REASON, Qt.ItemDataRole.DisplayRole)))
    assert reasons["Tree models"] == "Never practised"
    assert reasons["Normalization"].startswith("Low accuracy: ")


def _stats(topic_id: int, mastery: float | None) -> TopicStats:
    return TopicStats(
        topic_id=topic_id, parent_id=1, name=f"t{topic_id}", name_en="", questions=10, attempted=0 if mastery is None else 5,
        attempts=0 if mastery is None else 9, accuracy=None if mastery is None else mastery / 100, coverage=0.5,
        retrievability=None, mastery=mastery, confidence=0.5, due=0, last_seen=None,
        reason=Reason.NEVER_ATTEMPTED if mastery is None else Reason.STRONG, reason_detail=None,
    )


def test_sort_proxy_is_numeric_and_stable(qapp) -> None:
    model = WeakAreasModel()
    module = TopicStats(
        topic_id=1, parent_id=None, name="m", name_en="", questions=50, attempted=20, attempts=40, accuracy=0.5,
        coverage=0.4, retrievability=None, mastery=50.0, confidence=0.5, due=0, last_seen=None,
        reason=Reason.STRONG, reason_detail=None,
    )
    # As text "100" < "42" < "9"; as numbers the other way round. Equal scores keep tree order.
    model.set_stats([module, _stats(2, 42.0), _stats(3, None), _stats(4, 9.0), _stats(5, 100.0), _stats(6, 42.0), _stats(7, None)], NOW)
    proxy = TopicSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(MASTERY, Qt.SortOrder.AscendingOrder)
    order = [proxy.index(r, TOPIC).data() for r in range(proxy.rowCount())]
    assert order == ["t4", "t2", "t6", "t5", "t3", "t7"]
    proxy.sort(MASTERY, Qt.SortOrder.DescendingOrder)
    order = [proxy.index(r, TOPIC).data() for r in range(proxy.rowCount())]
    assert order == ["t5", "t2", "t6", "t4", "t3", "t7"]


def _centre_hue(label: QLabel) -> int:
    image = label.pixmap().toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2).hue()


def test_weak_means_one_thing_in_the_headline_the_dots_the_bars_and_the_legend(qtbot, gui_store) -> None:
    """At the edge of the weak band the ranking, the headline's dot and reason, the
    bar and the legend agree: 59.99 is weak everywhere, 60 is fair everywhere."""
    from dataclasses import replace

    dialog = _dialog(qtbot, gui_store)
    module = replace(_stats(1, 60.0), parent_id=None, name="m")
    just_weak = replace(_stats(2, WEAK_MASTERY_BELOW - 0.01), reason=Reason.LOW_COVERAGE, reason_detail=0.4)
    just_fair = replace(_stats(3, WEAK_MASTERY_BELOW), reason=Reason.LOW_COVERAGE, reason_detail=0.4)
    never = _stats(4, None)
    dialog.show_figures([module, just_weak, just_fair, never], dialog.history, NOW)
    # The ranking: weak before never practised, fair after it.
    assert [s.topic_id for s in dialog.weakest] == [2, 4, 3]
    c = colors()
    danger, warning = QColor(c.danger), QColor(c.warning)
    for row, expected in ((0, danger), (2, warning)):
        dot = dialog.findChild(QLabel, f"weakHeadlineDot{row}")
        reason = dialog.findChild(QLabel, f"weakHeadlineReason{row}")
        assert dot is not None, row
        assert abs(_centre_hue(dot) - expected.hue()) <= 3, row
        assert f"color: {expected.name()}" in reason.styleSheet(), row
    assert "Only 40% of the questions tried" == _headline(dialog)[0][1] == _headline(dialog)[2][1]
    # The bars: the chart's topics of the module, each in its band's bar set, named by the legend.
    chart = dialog.mastery_chart
    chart.show_module(1)
    rows = list(reversed(chart.shown))
    sets = _mastery_bars(chart).barSets()
    band_of = {s.topic_id: next(i for i, b in enumerate(sets) if b.at(rows.index(s)) > 0) for s in rows if s.mastery is not None}
    assert sets[band_of[2]].label() == f"Weak (below {WEAK_MASTERY_BELOW:.0f})" == "Weak (below 60)"
    assert sets[band_of[3]].label() == "Fair (60–74)"
    assert sets[band_of[2]].color() == danger and sets[band_of[3]].color() == warning
    assert _category_axis(chart).categories()[-2:] == ["t3  60", "t2  59"]


def test_drill_these_starts_an_exam_on_the_weakest_topics_in_one_click(qtbot, gui_store, activate, isolated_settings) -> None:
    from PySide6.QtCore import QSettings

    from quizdesk.core.db.models import StudySession

    QSettings().setValue("examSetup/order", "random")  # the user's usual choices stay theirs
    make_week(gui_store)
    window = MainWindow(gui_store, now=lambda: NOW)
    qtbot.add_widget(window)
    activate(window)
    window.action("weakAreasAction").trigger()
    dialog = window.weak_areas_dialog
    qtbot.waitUntil(lambda: dialog.ready, timeout=5000)
    assert dialog.isVisible() and not dialog.isModal()
    expected = sorted(s.topic_id for s in dialog.weakest)
    qtbot.mouseClick(dialog.findChild(QPushButton, "weakDrillExamButton"), Qt.MouseButton.LeftButton)
    runner = window.exam_runner  # no setup dialog in between
    assert runner is not None and window.mode == "exam" and not dialog.isVisible()
    with gui_store.read() as connection:
        topics = {qid: tid for qid, tid in connection.execute("SELECT id, topic_id FROM questions")}
    assert {topics[q.id] for q in runner.questions} <= set(expected)
    with gui_store.session() as session:
        spec = session.get(StudySession, runner.exam_id).spec
    assert spec["order"] == "weakest"
    assert QSettings().value("examSetup/order") == "random"


def test_drill_these_shows_the_setup_when_no_question_is_left_to_ask(qtbot, gui_store, activate) -> None:
    make_week(gui_store)
    with gui_store.session() as session:  # the topic's questions were retired (an import removed them) since the page was drawn
        key = session.execute(text("SELECT key FROM topics WHERE name = '树模型'")).scalar_one()
        session.execute(text("UPDATE questions SET retired_at = '2026-05-01 00:00:00' WHERE topic_id = (SELECT id FROM topics WHERE key = :k)"), {"k": key})
    window = MainWindow(gui_store, now=lambda: NOW)
    qtbot.add_widget(window)
    activate(window)
    window.action("weakAreasAction").trigger()
    qtbot.waitUntil(lambda: window.weak_areas_dialog.ready, timeout=5000)
    window.weak_areas_dialog.examRequested.emit([key])  # what its drill button sends, for this topic
    setup = window.exam_setup_dialog
    assert window.exam_runner is None and setup.isVisible()  # the dialog says why instead of nothing happening
    assert setup.match_label.text() in ("Pick at least one topic.", "No question of the chosen types is in the chosen topics. Add topics or question types.")


def test_study_these_starts_a_session_on_the_weakest_topics(qtbot, gui_store, activate) -> None:
    make_week(gui_store)
    window = MainWindow(gui_store, now=lambda: NOW)
    qtbot.add_widget(window)
    activate(window)
    window.show_weak_areas()
    dialog = window.weak_areas_dialog
    qtbot.waitUntil(lambda: dialog.ready, timeout=5000)
    weakest = {s.topic_id for s in dialog.weakest}
    qtbot.mouseClick(dialog.findChild(QPushButton, "weakDrillStudyButton"), Qt.MouseButton.LeftButton)
    assert isinstance(window.page, StudyView) and not dialog.isVisible()
    with gui_store.read() as connection:
        expected = [qid for qid, tid in connection.execute("SELECT id, topic_id FROM questions") if tid in weakest]
    ids = [q.id for q in window.page.cards]
    assert sorted(ids) == sorted(expected)  # every question of those topics, each once
    assert window.page.title_label.text().startswith("Drill: Normalization")


def test_dashboard_refreshes_when_data_changes(qtbot, gui_store) -> None:
    dialog = _dialog(qtbot, gui_store)
    assert all(s.mastery is None for s in dialog.stats)
    with gui_store.session() as session:
        for qid in (19, 20, 21):  # the objective questions of 树模型, all wrong
            answer(session, qid, False, NOW - timedelta(hours=2))
    dialog.collection.changed.emit(Changes.ATTEMPTS)  # what an operation announces after such a write
    qtbot.waitUntil(lambda: dialog.weakest and dialog.weakest[0].topic_id == TREES)
    assert dialog.weakest[0].reason is not Reason.NEVER_ATTEMPTED
    assert dialog.title_label.text() == "Tonight: study these topics"
    assert sum(d.reviews for d in dialog.history) == 3


def test_figures_are_read_off_the_gui_thread_with_a_loading_state_first(qtbot, gui_store) -> None:
    make_week(gui_store)
    dialog = WeakAreasDialog(gui_store, now=lambda: NOW)
    qtbot.add_widget(dialog)
    # Until the worker answers, the page says it is working and offers no drill on stale figures.
    assert not dialog.loaded and dialog.title_label.text() == "Working out your weak areas…"
    assert not dialog.exam_button.isEnabled() and not dialog.study_button.isEnabled()
    with qtbot.wait_signal(dialog.refreshed, timeout=5000):
        dialog.show()
    assert dialog.title_label.text() == "Tonight: study these topics" and dialog.exam_button.isEnabled()


def test_a_read_failure_is_reported_and_keeps_the_figures(qtbot, gui_store, tmp_path) -> None:
    make_week(gui_store)
    dialog = _dialog(qtbot, gui_store)
    shown = [s.topic_id for s in dialog.weakest]
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    dialog.collection.replace_store(type(gui_store)(broken))  # as a restore swaps the file
    with qtbot.wait_signal(dialog.readFailed, timeout=5000):
        dialog.refresh()
    assert "Could not read your progress" in dialog.summary_label.text()
    assert [s.topic_id for s in dialog.weakest] == shown and dialog.exam_button.isEnabled()


def test_a_fresh_install_reads_well(qtbot, gui_store) -> None:
    dialog = _dialog(qtbot, gui_store)
    assert dialog.title_label.text() == "Tonight: start with these topics"
    assert dialog.hint_label.isVisible() and "Ctrl+D" in dialog.hint_label.text()
    assert all(reason == "Never practised" for _name, reason in _headline(dialog))
    texts = [dialog.proxy.index(r, REASON).data() for r in range(dialog.proxy.rowCount())]
    assert texts == ["Never practised"] * 4
    assert "4 of 4 topics never practised" in dialog.summary_label.text()
    assert "0 review(s)" in dialog.summary_label.text()
    assert dialog.history_chart.chart().title() == "Last 30 days: no reviews yet"
    assert len(dialog.mastery_chart.shown) == 2  # both modules, named with "—" and no bars
    assert dialog.mastery_chart.chart().title() == "Mastery by module · nothing practised yet"
    assert _category_axis(dialog.mastery_chart).categories() == ["Machine learning  —", "Deep learning  —"]
    assert dialog.findChild(QPushButton, "weakDrillStudyButton").isEnabled()
    image = dialog.grab().toImage()
    assert not image.isNull()


def test_clicking_a_module_shows_its_topics(qtbot, gui_store) -> None:
    make_week(gui_store)
    dialog = _dialog(qtbot, gui_store)
    chart = dialog.mastery_chart
    assert [display_name(s) for s in chart.shown] == ["Deep learning", "Machine learning"]
    series = _mastery_bars(chart)
    # What a click on a bar emits; bars are drawn bottom-up: the last index is the top bar.
    series.clicked.emit(len(chart.shown) - 1, series.barSets()[0])
    assert [display_name(s) for s in chart.shown] == ["Optimization", "Normalization"]
    assert "Deep learning" in chart.chart().title()
    back = dialog.findChild(QPushButton, "weakChartBackButton")
    assert back.isVisible()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert [display_name(s) for s in chart.shown] == ["Deep learning", "Machine learning"] and not back.isVisible()


@pytest.mark.parametrize("reason,detail,text", [
    (Reason.NOT_REVIEWED, 20.4, "Not reviewed for 20 days"),
    (Reason.FORGETTING, 0.553, "Fading: recall chance 55%"),
    (Reason.LOW_COVERAGE, 0.3, "Only 30% of the questions tried"),
    (Reason.DUE, 5.0, "Due: 5"),
    (Reason.STRONG, None, "Strong"),
])
def test_reasons_in_words(qapp, reason, detail, text) -> None:
    stats = _stats(2, 40.0)
    from dataclasses import replace

    assert reason_text(replace(stats, reason=reason, reason_detail=detail)) == text


def test_the_dashboard_follows_a_language_switch(qtbot, qapp, gui_store) -> None:
    from quizdesk.ui.i18n import install_language

    make_week(gui_store)
    dialog = _dialog(qtbot, gui_store)
    assert "Normalization" in _headline(dialog)[0][0]
    install_language("zh_CN", qapp)  # the autouse fixture puts the source language back
    qtbot.waitUntil(lambda: dialog.title_label.text() == "今晚：学习这些主题")
    first_name, first_reason = _headline(dialog)[0]
    assert "归一化" in first_name and "深度学习" in first_name  # topic names in the UI's language
    assert first_reason.startswith("正确率低")
    assert dict(zip(
        [dialog.proxy.index(r, TOPIC).data() for r in range(dialog.proxy.rowCount())],
        [dialog.proxy.index(r, REASON).data() for r in range(dialog.proxy.rowCount())],
    ))["树模型"] == "从未练习"
    assert dialog.windowTitle() != "Weak areas" and dialog.close_button.text() == "关闭"


@pytest.fixture
def bundled_store(store):
    """The real bundled bank (content/: a dozen modules with long Chinese names), a few answers in each topic."""
    from quizdesk.core.content.bundled import sync_bundled_bank

    with store.session() as session:
        sync_bundled_bank(session, REPO / "content")
    with store.read() as connection:
        first_three: dict[int, list[int]] = {}
        for qid, topic_id in connection.execute("SELECT id, topic_id FROM questions WHERE qtype != 'open' ORDER BY id"):
            first_three.setdefault(topic_id, []).append(qid)
    with store.session() as session:
        for topic_id, ids in first_three.items():
            for i, qid in enumerate(ids[:3]):
                answer(session, qid, (i + topic_id) % 3 != 0, NOW - timedelta(days=2))
    return store


def _normal(text: str) -> str:
    return " ".join(text.split())  # the chart's text items draw HTML: runs of spaces collapse


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_module_gets_its_label_at_the_default_size(qtbot, qapp, bundled_store, language) -> None:
    """Qt hides a category label that would overlap the one below it; Chinese labels
    are taller than the UI font's line (a CJK fallback font), so the chart must make
    room for every one of them."""
    from quizdesk.ui.i18n import install_language

    install_language(language, qapp)
    dialog = _dialog(qtbot, bundled_store)
    assert (dialog.width(), dialog.height()) == (1180, 800)  # the default size
    chart = dialog.mastery_chart
    axis = _category_axis(chart)
    categories = axis.categories()
    modules = [s for s in dialog.stats if s.parent_id is None]
    assert len(categories) == len(modules) >= 12
    if language == "zh_CN":
        assert any("\u4e00" <= ch <= "\u9fff" for ch in "".join(categories))
    wanted = {_normal(c) for c in categories}

    def labels() -> list[QGraphicsTextItem]:
        return [item for item in _text_items(chart) if _normal(item.toPlainText()) in wanted]

    # The chart asks for the height its labels need; the dialog lays that out.
    qtbot.waitUntil(lambda: len([item for item in labels() if item.isVisible()]) == len(categories), timeout=3000)
    rows = sorted((item.sceneBoundingRect() for item in labels()), key=lambda r: r.top())
    for upper, lower in zip(rows, rows[1:]):
        assert upper.bottom() <= lower.top() + 0.01, (upper, lower)  # laid out one under the other, no overlap
    row = chart.chart().plotArea().height() / len(categories)
    assert row >= label_height(axis.labelsFont(), categories)
    assert chart.height() <= MAX_CHART_HEIGHT and dialog.table.height() > 150  # the table keeps room too


def _month(reviews_on_last_day: int) -> list[DayStats]:
    first = date(2026, 2, 13)
    days = [DayStats(first + timedelta(days=i), 0, 0, None) for i in range(29)]
    return days + [DayStats(date(2026, 3, 14), reviews_on_last_day, reviews_on_last_day, 1.0 if reviews_on_last_day else None)]


@pytest.mark.parametrize("locale,pattern,march_14", [
    ("en_US", "M/d", "3/14"),
    ("en_GB", "dd/MM", "14/03"),
    ("zh_CN", "M/d", "3/14"),
])
def test_the_history_axis_writes_dates_the_locales_way_without_the_year(qtbot, locale, pattern, march_14) -> None:
    QLocale.setDefault(QLocale(locale))  # the autouse fixture puts the system's locale back
    assert day_month_format() == pattern
    view = HistoryChartView()
    qtbot.add_widget(view)
    view.set_history(_month(3))
    view.resize(520, 300)
    view.show()
    qtbot.waitExposed(view)
    axis = _date_axis(view)
    assert axis.format() == pattern
    assert axis.max().toString(axis.format()) == march_14
    assert march_14 in _scene_texts(view)  # the last tick, as drawn


def test_the_history_axis_follows_the_ui_language(qtbot, qapp) -> None:
    from quizdesk.ui.i18n import install_language

    install_language("zh_CN", qapp)
    view = HistoryChartView()
    qtbot.add_widget(view)
    view.set_history(_month(1))
    assert _date_axis(view).format() == day_month_format(QLocale()) != "MM-dd"
    assert QLocale().language() == QLocale.Language.Chinese


@pytest.mark.parametrize("language,reviews,title", [
    ("en", 1, "Last 30 days: 1 review"),
    ("en", 2, "Last 30 days: 2 reviews"),
    ("zh_CN", 1, "最近 30 天：复习 1 次"),
    ("zh_CN", 12, "最近 30 天：复习 12 次"),
])
def test_the_history_title_has_plural_forms(qtbot, qapp, language, reviews, title) -> None:
    from quizdesk.ui.i18n import install_language

    install_language(language, qapp)
    view = HistoryChartView()
    qtbot.add_widget(view)
    view.set_history(_month(reviews))
    assert view.chart().title() == title


def test_drill_these_shares_the_exam_by_the_ranking(qtbot, gui_store, activate) -> None:
    """Issue 21, item 9: the weakest topic got 1 question of 10, the third 7."""
    from PySide6.QtCore import QSettings

    from quizdesk.core.study.drill import drill_quotas

    QSettings().setValue("examSetup/count", 10)
    make_week(gui_store)
    window = MainWindow(gui_store, now=lambda: NOW)
    qtbot.add_widget(window)
    activate(window)
    window.show_weak_areas()
    dialog = window.weak_areas_dialog
    qtbot.waitUntil(lambda: dialog.ready, timeout=5000)
    ranked = [s.topic_id for s in dialog.weakest][:3]
    assert len(ranked) == 3
    qtbot.mouseClick(dialog.findChild(QPushButton, "weakDrillExamButton"), Qt.MouseButton.LeftButton)
    runner = window.exam_runner
    assert runner is not None and len(runner.questions) == 10
    with gui_store.read() as connection:
        topic_of = dict(connection.execute("SELECT id, topic_id FROM questions WHERE retired_at IS NULL"))
    available = [sum(1 for t in topic_of.values() if t == topic) for topic in ranked]
    quotas = drill_quotas(10, available)
    assert quotas[0] >= quotas[1] >= quotas[2] and quotas[0] >= 4
    expected = [topic for topic, quota in zip(ranked, quotas) for _ in range(quota)]
    assert [topic_of[q.id] for q in runner.questions] == expected  # weakest first, 50/30/20


def test_one_answer_reads_as_too_little_evidence_and_blank_exam_answers_as_nothing(qtbot, gui_store, qids) -> None:
    """Issue 21, item 11: one "Good" read "Low accuracy: 60 %"; blank exam answers read as "10/10 covered"."""
    from quizdesk.core.study.exams import ExamSpec, create_exam, submit_exam
    from quizdesk.core.study.reviews import record_rating

    ids = qids(gui_store)
    with gui_store.session() as session:
        record_rating(session, ids["g-warmup"], 3, now=NOW - timedelta(days=1), seconds=20)  # Good, once
        exam_id = create_exam(session, ExamSpec((TREES,), count=10, time_limit_s=None, seed=1), NOW - timedelta(hours=2))
        submit_exam(session, exam_id, NOW - timedelta(hours=1))  # every question of 树模型 left blank
    dialog = _dialog(qtbot, gui_store)
    model = dialog.table.model()
    rows = {}
    for r in range(model.rowCount()):
        cells = [model.index(r, c).data() for c in range(model.columnCount())]
        rows[cells[0]] = cells
    optimization, trees = rows["Optimization"], rows["Tree models"]
    assert optimization[-1] == "Too little evidence yet (answers: 1)"
    assert "Low accuracy" not in " ".join(str(c) for c in optimization)
    assert trees[-1] == "Never practised" and trees[5] == "0/5"  # coverage: the blanks are not tried questions
    stats = {s.topic_id: s for s in dialog.stats}
    assert stats[TREES].attempted == 0 and stats[TREES].confidence == 0.0

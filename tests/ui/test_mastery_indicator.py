"""The mastery dot: red for weak, amber for fair, green for strong (the core's
bands), a hollow ring for never practised, fainter with less evidence, readable
in both themes; the main window's topic tree shows it for every topic."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage

from quizdesk.core.study.reviews import record_choice
from quizdesk.core.stats.mastery import STRONG_MASTERY_FROM, WEAK_MASTERY_BELOW
from quizdesk.ui.widgets.mastery_indicator import (
    FAIR,
    ICON_SIZE,
    STRONG,
    UNKNOWN,
    WEAK,
    band,
    mastery_color,
    mastery_pixmap,
    mastery_text,
    topic_scores,
)
from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.widgets.theme import DARK, LIGHT
from quizdesk.ui.widgets.topic_tree import MASTERY_COLUMN, TOPIC_ID_ROLE


def _centre(image: QImage) -> QColor:
    return image.pixelColor(image.width() // 2, image.height() // 2)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_colours_go_from_red_to_green_and_unknown_is_a_hollow_grey_ring(qapp, theme) -> None:
    weak, fair, strong = mastery_color(10, theme), mastery_color(62, theme), mastery_color(95, theme)
    assert weak.red() > weak.green() and strong.green() > strong.red()
    assert weak == QColor(theme.danger) and strong == QColor(theme.success)
    assert fair.red() > fair.blue() and fair.green() > fair.blue()  # amber
    background = QColor(theme.card)
    for color in (weak, fair, strong):  # every dot stands out from the card behind it
        assert abs(color.lightness() - background.lightness()) > 40 or abs(color.hue() - background.hue()) > 30
    never = mastery_pixmap(None, theme=theme).toImage()
    assert _centre(never).alpha() == 0  # hollow
    ring = never.pixelColor(never.width() // 2, int(never.height() * 0.16))
    assert ring.alpha() > 0 and ring.rgb() == QColor(theme.muted).rgb()
    solid = _centre(mastery_pixmap(80, 1.0, theme=theme).toImage())
    faint = _centre(mastery_pixmap(80, 0.0, theme=theme).toImage())
    assert solid.alpha() == 255 and 0 < faint.alpha() < 128


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_the_dot_has_its_bands_colour_on_both_sides_of_each_edge(qapp, theme) -> None:
    below_weak, at_weak = WEAK_MASTERY_BELOW - 0.01, WEAK_MASTERY_BELOW
    below_strong, at_strong = STRONG_MASTERY_FROM - 0.01, STRONG_MASTERY_FROM
    assert [band(s) for s in (0.0, below_weak, at_weak, below_strong, at_strong, 100.0, None)] == [
        WEAK, WEAK, FAIR, FAIR, STRONG, STRONG, UNKNOWN
    ]
    assert mastery_color(below_weak, theme) == mastery_color(0.0, theme) == QColor(theme.danger)
    assert mastery_color(at_weak, theme) == mastery_color(below_strong, theme) == QColor(theme.warning)
    assert mastery_color(at_strong, theme) == QColor(theme.success)
    # The number written never crosses an edge its colour does not.
    assert [mastery_text(s) for s in (below_weak, at_weak, below_strong, at_strong, None)] == ["59", "60", "74", "75", "—"]


def test_topic_tree_shows_a_dot_per_topic(qtbot, gui_store) -> None:
    now = datetime.now(timezone.utc) - timedelta(hours=1)
    with gui_store.session() as session:
        for qid in (8, 9, 10):  # 归一化: wrong every time
            record_choice(session, qid, [], now=now, seconds=10)
        for qid, right in ((4, [1]), (6, [0])):  # 优化方法: right
            record_choice(session, qid, right, now=now, seconds=10)
    scores = topic_scores(gui_store)
    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    # Mastery is computed on a worker thread; the dots follow the tree.
    qtbot.waitUntil(lambda: not window.library.mastery_pending, timeout=5000)
    tree = window.library.topic_tree
    assert tree.columnCount() == 3 and tree.headerItem().toolTip(MASTERY_COLUMN) == "Mastery"
    items = {item.data(0, TOPIC_ID_ROLE): item for item in tree.iter_items()}
    assert set(items) == {1, 2, 3, 4, 5, 6}
    for topic_id, item in items.items():
        icon = item.icon(MASTERY_COLUMN)
        assert not icon.isNull()
        centre = _centre(icon.pixmap(ICON_SIZE, ICON_SIZE).toImage())
        if scores[topic_id] is None:
            assert centre.alpha() == 0, topic_id
            assert "Not practised yet" in item.toolTip(MASTERY_COLUMN)
        else:
            assert centre.alpha() > 0, topic_id
            assert f"Mastery {mastery_text(scores[topic_id])}" in item.toolTip(MASTERY_COLUMN)
    assert scores[5] is None and scores[6] is None  # 机器学习 untouched
    assert scores[4] is not None and scores[3] is not None and scores[4] < scores[3]
    for topic_id in (3, 4, 1):  # each dot in its band's colour (two right answers of six are still weak)
        centre = _centre(items[topic_id].icon(MASTERY_COLUMN).pixmap(ICON_SIZE, ICON_SIZE).toImage())
        assert abs(centre.hue() - mastery_color(scores[topic_id]).hue()) <= 3, topic_id
    assert mastery_color(scores[4]) == QColor(LIGHT.danger)


def test_topic_tree_dots_follow_new_answers_without_blocking_the_refresh(qtbot, gui_store) -> None:
    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    qtbot.waitUntil(lambda: not window.library.mastery_pending, timeout=5000)

    def centre_of(topic_id: int) -> QColor:
        item = next(i for i in window.library.topic_tree.iter_items() if i.data(0, TOPIC_ID_ROLE) == topic_id)
        return _centre(item.icon(MASTERY_COLUMN).pixmap(ICON_SIZE, ICON_SIZE).toImage())

    assert centre_of(4).alpha() == 0  # 归一化: never practised, a hollow ring
    now = datetime.now(timezone.utc) - timedelta(hours=1)
    with gui_store.session() as session:
        for qid in (8, 9, 10):
            record_choice(session, qid, [], now=now, seconds=10)
    with qtbot.wait_signal(window.library.masteryShown, timeout=5000):
        window.refresh()
        # The tree is rebuilt at once with the dots it had; the new ones come from the worker.
        assert centre_of(4).alpha() == 0
    weak = centre_of(4)
    assert weak.alpha() > 0 and weak.red() > weak.green()


def test_the_same_dot_is_one_icon_drawn_once(qapp) -> None:
    from quizdesk.ui.widgets.mastery_indicator import mastery_icon

    assert mastery_icon(None).cacheKey() == mastery_icon(None, 0.2).cacheKey()  # a ring has no fill
    assert mastery_icon(80, 0.5).cacheKey() == mastery_icon(90, 0.5).cacheKey()  # one band, one fill
    keys = {mastery_icon(s, c).cacheKey() for s, c in ((None, 1.0), (10, 1.0), (65, 1.0), (80, 1.0), (80, 0.0))}
    assert len(keys) == 5
    # A shared icon has the pixels a freshly drawn dot has.
    for score, confidence in ((None, 1.0), (10, 0.3), (80, 1.0)):
        shared = mastery_icon(score, confidence).pixmap(QSize(ICON_SIZE, ICON_SIZE), 2.0).toImage()
        drawn = mastery_pixmap(score, confidence).toImage()
        assert shared.convertToFormat(QImage.Format.Format_ARGB32) == drawn.convertToFormat(QImage.Format.Format_ARGB32)


def test_redecorating_touches_only_the_topics_whose_dot_or_words_changed(qtbot, gui_store) -> None:
    from dataclasses import replace

    from quizdesk.ui.widgets.mastery_indicator import decorate_topic_tree, load_topic_stats

    window = MainWindow(gui_store)
    qtbot.add_widget(window)
    qtbot.waitUntil(lambda: not window.library.mastery_pending, timeout=5000)
    tree = window.library.topic_tree
    stats = load_topic_stats(gui_store)
    changed: list[int] = []
    tree.model().dataChanged.connect(lambda first, _last, _roles: changed.append(first.data(TOPIC_ID_ROLE) if first.column() == 0 else
                                                                            first.siblingAtColumn(0).data(TOPIC_ID_ROLE)))
    decorate_topic_tree(tree, stats)  # what the tree already shows: each change re-measures the rows
    assert changed == []
    target = next(s for s in stats if s.topic_id == 4)
    decorate_topic_tree(tree, [replace(target, mastery=30.0, confidence=0.9, attempted=3)] + [s for s in stats if s.topic_id != 4])
    assert set(changed) == {4}
    item = next(i for i in tree.iter_items() if i.data(0, TOPIC_ID_ROLE) == 4)
    assert "Mastery 30" in item.toolTip(MASTERY_COLUMN)
    assert _centre(item.icon(MASTERY_COLUMN).pixmap(ICON_SIZE, ICON_SIZE).toImage()).alpha() > 0

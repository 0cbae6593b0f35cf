"""Study mode, driven with the keyboard (and one mouse click) like a user."""

from __future__ import annotations

from sqlalchemy import select

from PySide6.QtCore import Qt

from quizdesk.core.db.models import Attempt, ReviewState
from quizdesk.core.db.store import Store
from quizdesk.ui.events import app_events
from quizdesk.ui.ops import Changes
from quizdesk.ui.study.study_view import StudyView

K = Qt.Key


def _attempts(store: Store) -> list[Attempt]:
    with store.session() as s:
        return list(s.scalars(select(Attempt).order_by(Attempt.id)))


def test_five_cards_with_all_four_grades(qtbot, gui_store, fake_clock, keyboard, activate, qids) -> None:
    ids = qids(gui_store)
    order = ["g-warmup", "g-clip", "g-clip-q1", "g-bn-tf", "g-lgbm"]
    view = StudyView(gui_store, [ids[e] for e in order], clock=fake_clock)
    qtbot.add_widget(view)
    activate(view)
    changes: list[object] = []
    view.collection.changed.connect(changes.append)

    # 1. open question without key points: Space shows the answer, 4 = Easy.
    assert view.card.id == ids["g-warmup"] and not view.answer_view.isVisible()
    keyboard.press(K.Key_Space)
    assert view.answer_view.isVisible() and view.grade_buttons[4].isVisible()
    fake_clock.advance(12)
    keyboard.press(K.Key_4)
    assert len(_attempts(gui_store)) == 1  # stored the moment it was given

    # 2. open question with three key points: tick 1 and 2, Enter records 2/3 (Hard).
    assert view.card.id == ids["g-clip"]
    keyboard.press(K.Key_Space)
    assert view.points.isVisible() and view.points.count() == 3
    keyboard.press(K.Key_1, K.Key_2, K.Key_3, K.Key_3)  # 3 toggled on and off again
    assert view.points.selected() == [0, 1]
    assert "2 of 3" in view.recall_button.text()
    fake_clock.advance(30)
    keyboard.press(K.Key_Return)

    # 3. single choice answered right but slowly: Good; the explanation is shown.
    assert view.card.id == ids["g-clip-q1"]
    keyboard.press(K.Key_A, K.Key_B)  # single choice: the last pick wins
    assert view.choices.selected() == [1]
    fake_clock.advance(20)
    keyboard.press(K.Key_Return)
    assert view.phase == "answered" and view.answer_view.isVisible()
    assert [r.state for r in view.choices.rows] == ["normal", "correct", "normal", "normal"]
    keyboard.press(K.Key_Space)

    # 4. true/false answered wrong ("T" for a false statement): Again.
    assert view.card.id == ids["g-bn-tf"]
    keyboard.press(K.Key_T)
    fake_clock.advance(3)
    keyboard.press(K.Key_Return)
    assert [r.state for r in view.choices.rows] == ["wrong", "missed"]
    keyboard.press(K.Key_Return)  # Enter also goes on

    # 5. open question without key points, graded with the mouse: Good.
    assert view.card.id == ids["g-lgbm"]
    keyboard.press(K.Key_Space)
    fake_clock.advance(45)
    qtbot.mouseClick(view.grade_buttons[3], Qt.MouseButton.LeftButton)

    assert view.phase == "done" and view.stack.currentWidget() is view.summary
    assert "5" in view.summary_text.text()
    attempts = _attempts(gui_store)
    got = [(a.question_id, a.mode, a.rating, round(a.score, 3), a.correct, a.given, a.seconds_spent) for a in attempts]
    assert got == [
        (ids["g-warmup"], "study", 4, 1.0, True, {"rating": 4}, 12.0),
        (ids["g-clip"], "study", 2, 0.667, True, {"recalled": [0, 1]}, 30.0),
        (ids["g-clip-q1"], "study", 3, 1.0, True, [1], 20.0),
        (ids["g-bn-tf"], "study", 1, 0.0, False, [0], 3.0),
        (ids["g-lgbm"], "study", 3, 0.8, True, {"rating": 3}, 45.0),
    ]
    assert sorted(a.rating or 0 for a in attempts) == [1, 2, 3, 3, 4]  # a missing rating (0) fails
    view.collection.changed.disconnect(changes.append)
    assert len(changes) == 5  # one change signal per grade
    assert set(changes) == {Changes.ATTEMPTS}  # saying what changed: the library re-counts, nothing else
    with gui_store.session() as s:
        assert len(list(s.scalars(select(ReviewState)))) == 5

    with qtbot.wait_signal(view.finished):
        keyboard.press(K.Key_Return)


def test_multi_choice_toggles_and_needs_every_right_choice(qtbot, gui_store, keyboard, activate, qids) -> None:
    ids = qids(gui_store)
    view = StudyView(gui_store, [ids["g-clip-q2"]])
    qtbot.add_widget(view)
    activate(view)
    assert not view.check_button.isEnabled()
    keyboard.press(K.Key_Return)  # nothing picked: nothing recorded
    assert _attempts(gui_store) == []
    keyboard.press(K.Key_1, K.Key_2, K.Key_3, K.Key_3, K.Key_D)
    assert view.choices.selected() == [0, 1, 3]
    keyboard.press(K.Key_Return)
    [attempt] = _attempts(gui_store)
    assert (attempt.given, attempt.correct) == ([0, 1, 3], True)
    assert "✓" in view.feedback_label.text()


def test_escape_ends_the_session_and_keeps_grades(qtbot, gui_store, keyboard, activate, qids) -> None:
    ids = qids(gui_store)
    view = StudyView(gui_store, [ids["g-warmup"], ids["g-adam"]])
    qtbot.add_widget(view)
    activate(view)
    keyboard.press(K.Key_Space, K.Key_1)
    with qtbot.wait_signal(view.finished):
        keyboard.press(K.Key_Escape)
    [attempt] = _attempts(gui_store)
    assert (attempt.question_id, attempt.rating) == (ids["g-warmup"], 1)


def test_a_failed_write_is_reported_and_the_card_stays(qtbot, gui_store, keyboard, activate, qids, monkeypatch) -> None:
    import quizdesk.core.study.reviews as reviews

    ids = qids(gui_store)
    view = StudyView(gui_store, [ids["g-warmup"]])
    qtbot.add_widget(view)
    activate(view)

    def locked(*_args, **_kwargs):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(reviews, "record_rating", locked)
    keyboard.press(K.Key_Space, K.Key_3)
    assert view.error_label.isVisible() and "locked" in view.error_label.text()
    assert view.phase == "revealed" and _attempts(gui_store) == []
    monkeypatch.undo()
    keyboard.press(K.Key_3)
    assert view.phase == "done" and len(_attempts(gui_store)) == 1


def test_t_on_a_choice_question_does_nothing(qtbot, gui_store, fake_clock, keyboard, activate, qids) -> None:
    """T answers true/false; on a single or multiple choice question (choices A–J, no T) it is ignored."""
    ids = qids(gui_store)
    view = StudyView(gui_store, [ids["g-clip-q1"], ids["g-clip-q2"]], clock=fake_clock)
    qtbot.add_widget(view)
    activate(view)
    for qtype in ("single", "multi"):
        assert view.card.qtype == qtype
        keyboard.press(K.Key_T)
        assert view.choices.selected() == [] and view.phase == "question"
        keyboard.press(K.Key_A, K.Key_Return)
        assert view.phase == "answered"
        keyboard.press(K.Key_T)  # after checking, too
        keyboard.press(K.Key_Space)
    assert view.phase == "done"


def _clipped_labels(root) -> list[str]:
    """Visible labels under ``root`` not given the room their text needs (word-wrapped: the
    height for their width; else their size hint), with what they got and needed."""
    from PySide6.QtWidgets import QLabel

    clipped = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        hint = label.sizeHint()
        if label.wordWrap():
            # Qt's size hint of a wrapped label is a squarish guess (two rows for a short
            # line); what counts is the height its text needs at the width it got.
            need_h = label.heightForWidth(label.width())
            ok = label.height() >= need_h
            need = f"h>={need_h}"
        else:
            ok = label.height() >= hint.height() and label.width() >= hint.width()
            need = f"{hint.width()}x{hint.height()}"
        if not ok:
            clipped.append(f"{label.objectName()} {label.text()!r}: got {label.width()}x{label.height()}, needs {need}")
    return clipped


def test_session_summary_sizes_to_its_text_at_every_font_size_in_both_languages(qtbot, qapp, gui_store, fake_clock, keyboard, activate, qids) -> None:
    """Issue 21, item 6: "本轮学习完成" then a line squeezed into two half-visible rows."""
    from quizdesk.ui.i18n import install_language, remove_translations
    from quizdesk.ui.preferences import MAX_ANSWER_FONT_PX, MIN_ANSWER_FONT_PX

    ids = qids(gui_store)
    view = StudyView(gui_store, [ids["g-warmup"], ids["g-clip-q1"]], clock=fake_clock)
    qtbot.add_widget(view)
    view.resize(1000, 640)
    activate(view)
    keyboard.press(K.Key_Space, K.Key_3)  # Good
    keyboard.press(K.Key_B, K.Key_Return, K.Key_Space)
    assert view.phase == "done" and view.summary.isVisible()
    try:
        for language in ("en", "zh_CN"):
            install_language(language, qapp)
            assert ("本轮" in view.summary_title.text() or "完成" in view.summary_title.text()) == (language == "zh_CN")
            for px in range(MIN_ANSWER_FONT_PX, MAX_ANSWER_FONT_PX + 1):
                app_events().answerFontChanged.emit(px)
                for width in (1000, 520):  # a wide window and a narrow one
                    view.resize(width, 640)
                    qtbot.waitUntil(lambda: view.summary.width() == width)
                    qapp.processEvents()
                    assert view.summary_text.font().pixelSize() == px  # the summary follows the text size setting
                    assert not _clipped_labels(view.summary), (language, px, width, _clipped_labels(view.summary))
    finally:
        remove_translations(qapp)

"""A study round and an exam's self-grading without a widget: every phase change, each grade written as given."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Any

import pytest
from sqlalchemy import select

from quizdesk.core.db.models import Attempt, SessionAnswer, StudySession, Topic
from quizdesk.core.db.store import Store
from quizdesk.core.study.exam_grading import ExamGrading
from quizdesk.core.study.exam_state import ExamState
from quizdesk.core.study.exams import ExamSpec, create_exam, submit_exam
from quizdesk.core.study.study_session import StudyPhase, StudyRound

NOW = datetime(2026, 3, 10, 13, 30, tzinfo=timezone.utc)
Q, R, A, D = StudyPhase.QUESTION, StudyPhase.REVEALED, StudyPhase.ANSWERED, StudyPhase.DONE


def _attempts(store: Store) -> list[tuple[int, int | None, float, bool | None, Any, float]]:
    with store.session() as s:
        return [
            (a.question_id, a.rating, round(a.score, 3), a.correct, a.given, a.seconds_spent)
            for a in s.scalars(select(Attempt).order_by(Attempt.id))
        ]


def _round(store: Store, ids: dict[str, int], order: list[str], clock: Any) -> tuple[StudyRound, list[tuple[int, float]]]:
    graded: list[tuple[int, float]] = []
    study = StudyRound.open(store, [ids[e] for e in order], clock=clock, now=lambda: NOW,
                            on_graded=lambda q, score: graded.append((q, score)))
    return study, graded


# Each row: the card, the steps (action, argument) with the phase after each (None: refused, phase unchanged),
# and the attempt written: (rating, score, correct, given).
CARDS = [
    ("g-warmup", "open without key points, graded Easy", [
        ("grade", 3, None), ("check", [0], None), ("recall", [0], None),  # nothing before the answer is shown
        ("reveal", None, R), ("reveal", None, None), ("recall", [0], None), ("grade", 9, None), ("grade", 4, D),
    ], (4, 1.0, True, {"rating": 4})),
    ("g-clip", "open with key points, two of three recalled", [
        ("reveal", None, R), ("grade", 3, None), ("recall", [0, 1], D),
    ], (2, 0.667, True, {"recalled": [0, 1]})),
    ("g-clip-q1", "single choice, right", [
        ("reveal", None, None), ("check", [], None), ("go on", None, None), ("check", [1], A), ("check", [1], None), ("go on", None, D),
    ], (3, 1.0, True, [1])),
    ("g-bn-tf", "true/false, wrong", [("check", [0], A), ("go on", None, D)], (1, 0.0, False, [0])),
    ("g-clip-q2", "multiple choice needs every right choice", [("check", [0], A), ("go on", None, D)], (1, 0.0, False, [0])),
]


@pytest.mark.parametrize(("external", "name", "steps", "attempt"), CARDS, ids=[c[1] for c in CARDS])
def test_one_card_through_its_phases(gui_bank_store, external_ids, fake_clock, external, name, steps, attempt) -> None:
    study, graded = _round(gui_bank_store, external_ids, [external], fake_clock)
    assert study.phase == Q and study.card is not None and study.card.id == external_ids[external]
    for action, argument, expected in steps:
        before = study.phase
        fake_clock.advance(5)
        done = {
            "reveal": lambda: study.reveal(),
            "check": lambda: study.check_choice(argument),
            "recall": lambda: study.submit_recall(argument),
            "grade": lambda: study.grade(argument),
            "go on": lambda: study.go_on(),
        }[action]()
        if expected is None:
            assert done in (None, False), (action, argument)
            assert study.phase == before, (action, argument)
        else:
            assert done not in (None, False), (action, argument)
            assert study.phase == expected, (action, argument)
    rating, score, correct, given = attempt
    [(qid, got_rating, got_score, got_correct, got_given, seconds)] = _attempts(gui_bank_store)
    assert (qid, got_rating, got_score, got_correct, got_given) == (external_ids[external], rating, score, correct, given)
    # The time on the card up to the grade (5 s a step; steps after the grade do not count).
    grade_step = next(i for i, (action, _, expected) in enumerate(steps) if action in ("grade", "recall", "check") and expected)
    assert seconds == 5.0 * (grade_step + 1)
    assert graded == [(qid, pytest.approx(score, abs=1e-3))]
    assert study.phase == D and study.card is None and study.next_card() == D  # the summary stays


def test_a_round_of_five_cards_and_its_summary(gui_bank_store, external_ids, fake_clock) -> None:
    study, graded = _round(gui_bank_store, external_ids, ["g-warmup", "g-clip", "g-clip-q1", "g-bn-tf"], fake_clock)
    assert study.mean_score is None
    study.reveal()
    study.grade(1)
    assert study.index == 1 and study.phase == Q
    study.reveal()
    study.submit_recall([0, 1, 2])
    result = study.check_choice([1])
    assert result is not None and result.correct and result.correct_indexes == (1,) and study.last_correct is True
    study.go_on()
    result = study.check_choice([0])
    assert result is not None and not result.correct and study.last_correct is False
    study.go_on()
    assert study.phase == D and [r.score for r in study.results] == [0.0, 1.0, 1.0, 0.0]
    assert study.mean_score == 0.5 and len(graded) == 4 and len(_attempts(gui_bank_store)) == 4


def test_nothing_to_study_goes_straight_to_the_summary(gui_bank_store, fake_clock) -> None:
    study = StudyRound.open(gui_bank_store, [], clock=fake_clock)
    assert study.phase == D and study.card is None and study.mean_score is None
    assert not study.reveal() and study.check_choice([0]) is None


def test_a_refused_grade_keeps_the_card_and_can_be_given_again(gui_bank_store, external_ids, fake_clock) -> None:
    study, graded = _round(gui_bank_store, external_ids, ["g-warmup", "g-clip-q1"], fake_clock)
    study.reveal()
    other = sqlite3.connect(gui_bank_store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        assert study.grade(3) is None
        assert study.phase == R and study.index == 0 and "locked" in str(study.last_error)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _attempts(gui_bank_store) == [] and graded == []
    assert study.grade(3) == 0.8 and study.last_error is None and study.index == 1


# -- self-grading after an exam ----------------------------------------------------------------
def _submitted_exam(store: Store, ids: dict[str, int], notes: dict[str, Any]) -> int:
    from quizdesk.core.study.exams import save_answer

    order = ["g-clip", "g-warmup", "g-adam", "g-clip-q1"]
    with store.session() as s:
        topics = tuple(s.scalars(select(Topic.id)))
        exam_id = create_exam(s, ExamSpec(topics, count=20, time_limit_s=None, seed=1), NOW)
        exam = s.get(StudySession, exam_id)
        assert exam is not None
        exam.question_ids = [ids[e] for e in order]
    with store.session() as s:
        for external, given in notes.items():
            save_answer(s, exam_id, ids[external], given, remaining_s=None, elapsed_s=1.0, current_index=0)
    with store.session() as s:
        submit_exam(s, exam_id, NOW)
    return exam_id


def test_self_grading_each_answered_open_question(gui_bank_store, external_ids) -> None:
    ids = external_ids
    exam_id = _submitted_exam(gui_bank_store, ids, {"g-clip": "范数裁剪", "g-warmup": "先小后大", "g-adam": "  "})
    grading = ExamGrading.open(gui_bank_store, exam_id, now=lambda: NOW)
    # The blank g-adam scored 0 on submitting: not asked for.
    assert [q.id for q in grading.pending] == [ids["g-clip"], ids["g-warmup"]] and grading.total_open == 2
    assert grading.number == 1 and grading.notes[ids["g-clip"]] == "范数裁剪"
    assert grading.record_rating(3) is False  # g-clip has key points: tick them
    assert grading.record_points([0, 2]) is True and grading.number == 2
    assert grading.record_points([0]) is False  # g-warmup has none: rate it
    assert grading.record_rating(0) is False
    with gui_bank_store.session() as s:
        assert s.get(StudySession, exam_id).state == ExamState.GRADING
    assert grading.record_rating(4) is True and grading.done and grading.question is None
    with gui_bank_store.session() as s:
        assert s.get(StudySession, exam_id).state == ExamState.FINISHED
        scores = dict(s.execute(select(Attempt.question_id, Attempt.score).where(Attempt.session_id == exam_id)).all())
    assert scores == {ids["g-clip"]: pytest.approx(2 / 3), ids["g-warmup"]: 1.0, ids["g-adam"]: 0.0, ids["g-clip-q1"]: 0.0}


def test_self_grading_resumed_counts_the_grades_given_before(gui_bank_store, external_ids) -> None:
    ids = external_ids
    exam_id = _submitted_exam(gui_bank_store, ids, {"g-clip": "a", "g-warmup": "b", "g-adam": "c"})
    first = ExamGrading.open(gui_bank_store, exam_id, now=lambda: NOW)
    assert first.record_points([0]) is True  # then the app closes ("grade later")
    again = ExamGrading.open(gui_bank_store, exam_id, now=lambda: NOW)
    assert [q.id for q in again.pending] == [ids["g-warmup"], ids["g-adam"]] and again.number == 2 and again.total_open == 3


def test_a_refused_self_grade_keeps_the_question(gui_bank_store, external_ids) -> None:
    exam_id = _submitted_exam(gui_bank_store, external_ids, {"g-warmup": "b"})
    grading = ExamGrading.open(gui_bank_store, exam_id, now=lambda: NOW)
    assert [q.id for q in grading.pending] == [external_ids["g-warmup"]]
    other = sqlite3.connect(gui_bank_store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert grading.record_rating(2) is False and "locked" in str(grading.last_error)
        assert grading.question is not None and grading.position == 0
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert grading.record_rating(2) is True and grading.done and grading.last_error is None
    with gui_bank_store.session() as s:
        assert s.scalars(select(SessionAnswer.given).where(SessionAnswer.session_id == exam_id)).all() == ["b"]

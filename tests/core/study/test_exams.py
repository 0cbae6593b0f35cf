"""Mock exams in the core: creation from a spec, answers saved as given, grading, resume."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from quizdesk.core.db.models import Attempt, Question, ReviewState, StudySession, Topic, utcnow
from quizdesk.core.db.store import Store, open_store
from quizdesk.core.study.exam_results import exam_history, exam_result
from quizdesk.core.study.exams import (
    EmptySelectionError,
    ExamSpec,
    create_exam,
    find_resumable,
    load_exam,
    matching_count,
    save_answer,
    save_clock,
    self_grade,
    set_flag,
    submit_exam,
)


def _all_topic_ids(store: Store) -> tuple[int, ...]:
    with store.session() as s:
        return tuple(s.scalars(select(Topic.id)))


def _ids_by_external(store: Store) -> dict[str, int]:
    with store.session() as s:
        return {q.external_id: q.id for q in s.scalars(select(Question))}


def test_spec_filters_by_topic_and_type(synced_store: Store) -> None:
    topics = _all_topic_ids(synced_store)
    with synced_store.session() as s:
        assert matching_count(s, ExamSpec(topics)) == 5
        assert matching_count(s, ExamSpec(topics, qtypes=("single", "multi"))) == 2
        assert matching_count(s, ExamSpec(())) == 0
        with pytest.raises(EmptySelectionError):
            create_exam(s, ExamSpec(topics, qtypes=()), utcnow())


def test_same_seed_repeats_the_exam(synced_store: Store) -> None:
    topics = _all_topic_ids(synced_store)
    with synced_store.session() as s:
        a = create_exam(s, ExamSpec(topics, count=4, seed=7), utcnow())
        b = create_exam(s, ExamSpec(topics, count=4, seed=7), utcnow())
        assert s.get(StudySession, a).question_ids == s.get(StudySession, b).question_ids
        assert len(s.get(StudySession, a).question_ids) == 4


def test_full_exam_round_trip(synced_store: Store) -> None:
    ids = _ids_by_external(synced_store)
    now = utcnow()
    with synced_store.session() as s:
        exam_id = create_exam(s, ExamSpec(_all_topic_ids(synced_store), count=10, time_limit_s=600, seed=1), now)
    clock: dict[str, Any] = {"remaining_s": 590.0, "elapsed_s": 10.0, "current_index": 1}
    with synced_store.session() as s:
        save_answer(s, exam_id, ids["t-clip-q1"], [1], seconds_spent=30, **clock)  # right
        save_answer(s, exam_id, ids["t-clip-q2"], [0], seconds_spent=20, **clock)  # wrong (needs 0 and 1)
        save_answer(s, exam_id, ids["t-clip-tf"], [1], seconds_spent=3, **clock)  # right and fast
        save_answer(s, exam_id, ids["t-clip"], "先说范数裁剪", seconds_spent=60, **clock)
        set_flag(s, exam_id, ids["t-clip-q2"], True, **clock)
    with synced_store.session() as s:
        state = load_exam(s, exam_id)
        assert state.answers[ids["t-clip-q1"]] == [1] and state.flags == {ids["t-clip-q2"]}
        assert state.remaining_s == 590.0
        submit_exam(s, exam_id, now + timedelta(minutes=5))
    with synced_store.session() as s:
        attempts = {a.question_id: a for a in s.scalars(select(Attempt).where(Attempt.session_id == exam_id))}
        assert {q: (a.score, a.rating) for q, a in attempts.items()} == {
            ids["t-clip-q1"]: (1.0, 3),
            ids["t-clip-q2"]: (0.0, 1),
            ids["t-clip-tf"]: (1.0, 4),
            ids["t-attn"]: (0.0, 1),  # the open question left blank: 0 without asking
        }
        assert attempts[ids["t-attn"]].given is None
        assert s.get(StudySession, exam_id).state == "grading"
        self_grade(s, exam_id, ids["t-clip"], recalled=[0, 1], now=now)
        assert s.get(StudySession, exam_id).state == "finished"
        assert s.get(ReviewState, ids["t-clip-q1"]) is not None
    with synced_store.session() as s:
        result = exam_result(s, exam_id)
        assert (result.total, result.graded, result.correct) == (5, 5, 3)
        assert result.score == pytest.approx((1 + 0 + 1 + 2 / 3 + 0) / 5)
        assert set(result.wrong_question_ids) == {ids["t-clip-q2"], ids["t-attn"]}
        by_topic = {t.topic: t for t in result.per_topic}
        assert (by_topic["优化"].questions, by_topic["优化"].correct) == (4, 3)
        assert (by_topic["注意力机制"].questions, by_topic["注意力机制"].correct) == (1, 0)
        assert exam_history(s)[0].session_id == exam_id


def test_answers_cannot_change_after_submission(synced_store: Store) -> None:
    ids = _ids_by_external(synced_store)
    with synced_store.session() as s:
        exam_id = create_exam(s, ExamSpec(_all_topic_ids(synced_store), qtypes=("single",)), utcnow())
        submit_exam(s, exam_id, utcnow())
        with pytest.raises(ValueError):
            save_answer(s, exam_id, ids["t-clip-q1"], [1], remaining_s=1, elapsed_s=1, current_index=0)


def test_exam_resumes_after_reopening_the_store(synced_store: Store) -> None:
    ids = _ids_by_external(synced_store)
    with synced_store.session() as s:
        exam_id = create_exam(s, ExamSpec(_all_topic_ids(synced_store), time_limit_s=900, seed=3), utcnow())
        save_answer(s, exam_id, ids["t-clip-q1"], [1], remaining_s=700, elapsed_s=200, current_index=2)
        save_clock(s, exam_id, remaining_s=650, elapsed_s=250, current_index=2)
    synced_store.close()
    reopened = open_store(synced_store.path.parent)
    with reopened.session() as s:
        info = find_resumable(s)
        assert info is not None and (info.session_id, info.remaining_s, info.answered, info.total) == (exam_id, 650, 1, 5)
        assert load_exam(s, exam_id).answers == {ids["t-clip-q1"]: [1]}
    reopened.close()


def test_blank_open_answers_score_zero_without_self_grading(synced_store: Store) -> None:
    """Issue 21, item 8: self-grading asked to grade "（未作答）"."""
    ids = _ids_by_external(synced_store)
    now = utcnow()
    with synced_store.session() as s:
        exam_id = create_exam(s, ExamSpec(_all_topic_ids(synced_store), qtypes=("open",), time_limit_s=None, seed=1), now)
        save_answer(s, exam_id, ids["t-clip"], "  \n ", seconds_spent=12, remaining_s=None, elapsed_s=12, current_index=0)
        submit_exam(s, exam_id, now)
    with synced_store.session() as s:
        attempts = list(s.scalars(select(Attempt).where(Attempt.session_id == exam_id)))
        assert sorted((a.question_id, a.score, a.given, a.correct, a.seconds_spent) for a in attempts) == sorted(
            [(ids["t-clip"], 0.0, None, False, 12.0), (ids["t-attn"], 0.0, None, False, 0.0)]
        )
        exam = s.get(StudySession, exam_id)
        assert exam is not None and exam.state == "finished" and exam.finished_at is not None  # nothing left to grade
        assert exam_result(s, exam_id).score == 0.0


def test_an_exam_submitted_earlier_has_its_blank_answers_scored_when_grading_opens(synced_store: Store) -> None:
    """Exams left waiting for self-grading by an older version: the blank ones are scored, the rest still asked."""
    from quizdesk.core.study.exams import score_blank_open_answers

    ids = _ids_by_external(synced_store)
    now = utcnow()
    with synced_store.session() as s:
        exam_id = create_exam(s, ExamSpec(_all_topic_ids(synced_store), qtypes=("open",), time_limit_s=None, seed=1), now)
        save_answer(s, exam_id, ids["t-clip"], "范数裁剪", remaining_s=None, elapsed_s=12, current_index=0)
        exam = s.get(StudySession, exam_id)
        assert exam is not None
        exam.state = "grading"  # as submit_exam left it before blank answers were scored
    with synced_store.session() as s:
        assert score_blank_open_answers(s, exam_id, now) == [ids["t-attn"]]
        assert score_blank_open_answers(s, exam_id, now) == []  # once only
        assert s.get(StudySession, exam_id).state == "grading"
        assert {q.id for q in load_exam(s, exam_id).questions} - load_exam(s, exam_id).graded == {ids["t-clip"]}

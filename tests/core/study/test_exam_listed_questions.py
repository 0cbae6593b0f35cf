"""An exam of exactly the questions listed (the interview plan's mock exam): ``ExamSpec.question_ids``."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from quizdesk.core.db.models import Question, StudySession, Topic, utcnow
from quizdesk.core.db.store import Store
from quizdesk.core.study.exams import EmptySelectionError, ExamSpec, create_exam, left_out_questions, load_exam


def _questions(store: Store) -> list[tuple[int, str, int]]:
    """(id, type, topic id) of every question, in id order."""
    with store.session() as s:
        return [(q.id, q.qtype, q.topic_id) for q in s.scalars(select(Question).order_by(Question.id))]


def test_an_exam_of_listed_questions_holds_exactly_those_in_the_order_given(synced_store: Store) -> None:
    ids = [q for q, _, _ in _questions(synced_store)]
    listed = (ids[3], ids[0], ids[4])
    with synced_store.session() as s:
        # The other fields would choose differently (another topic, one type, two questions,
        # random order): with a list, they are not used to choose.
        other_topic = s.scalars(select(Topic.id)).first()
        spec = ExamSpec(topic_ids=(other_topic or 0,), count=2, qtypes=("single",), order="random", seed=3,
                        time_limit_s=600, question_ids=listed)
        exam_id = create_exam(s, spec, utcnow())
    with synced_store.session() as s:
        exam = s.get(StudySession, exam_id)
        assert exam is not None and exam.question_ids == list(listed)
        assert exam.time_limit_s == 600 and exam.spec["question_ids"] == list(listed)
        assert left_out_questions(s, exam_id) == []
        assert [q.id for q in load_exam(s, exam_id).questions] == list(listed)


def test_the_same_list_makes_the_same_exam_whatever_the_seed(synced_store: Store) -> None:
    ids = tuple(q for q, _, _ in _questions(synced_store))[::-1]
    with synced_store.session() as s:
        a = create_exam(s, ExamSpec((), question_ids=ids, seed=1), utcnow())
        b = create_exam(s, ExamSpec((), question_ids=ids), utcnow())
        assert s.get(StudySession, a).question_ids == s.get(StudySession, b).question_ids == list(ids)


def test_retired_missing_and_repeated_ids_are_left_out_and_said(synced_store: Store) -> None:
    ids = [q for q, _, _ in _questions(synced_store)]
    with synced_store.session() as s:
        retired = s.get(Question, ids[1])
        assert retired is not None
        retired.retired_at = utcnow() - timedelta(days=1)
    missing = max(ids) + 100
    with synced_store.session() as s:
        exam_id = create_exam(s, ExamSpec((), question_ids=(ids[2], missing, ids[1], ids[2], ids[0])), utcnow())
    with synced_store.session() as s:
        exam = s.get(StudySession, exam_id)
        assert exam is not None and exam.question_ids == [ids[2], ids[0]]  # each once, in the order given
        assert left_out_questions(s, exam_id) == [missing, ids[1]]


def test_a_list_with_no_question_left_in_the_bank_makes_no_exam(synced_store: Store) -> None:
    ids = [q for q, _, _ in _questions(synced_store)]
    with synced_store.session() as s:
        before = len(s.scalars(select(StudySession)).all())
        with pytest.raises(EmptySelectionError, match="deleted or retired"):
            create_exam(s, ExamSpec((), question_ids=(max(ids) + 1, max(ids) + 2)), utcnow())
        assert len(s.scalars(select(StudySession)).all()) == before

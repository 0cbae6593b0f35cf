"""The exam's "weakest first" order uses the weak-area model per question."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from quizdesk.core.db.models import StudySession
from quizdesk.core.stats.mastery import PRIOR_MEAN, question_knowledge
from quizdesk.core.study.exams import ExamSpec, create_exam

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)


def test_weakest_first_puts_wrong_then_forgotten_then_unknown_then_known(bank) -> None:
    q = bank.questions["t1"]
    bank.answer("t1", 0, False, NOW - timedelta(days=1))  # wrong yesterday
    for day in range(5, 0, -1):
        bank.answer("t1", 1, True, NOW - timedelta(days=day))  # right five times this week
    bank.answer("t1", 2, True, NOW - timedelta(days=90))  # right once, three months ago: mostly forgotten
    # q[3] never attempted
    with bank.store.read() as connection:
        knowledge = question_knowledge(connection, q, now=NOW)
    assert knowledge[q[3]] == PRIOR_MEAN
    assert knowledge[q[0]] < knowledge[q[2]] < knowledge[q[3]] < knowledge[q[1]]
    for seed in (1, 2, 3):
        with bank.store.session() as session:
            exam_id = create_exam(session, ExamSpec((bank.topics["t1"],), count=4, order="weakest", seed=seed), NOW)
            exam = session.get(StudySession, exam_id)
            assert exam is not None and exam.question_ids == [q[0], q[2], q[3], q[1]]


def test_question_knowledge_of_nothing_is_empty(bank) -> None:
    with bank.store.read() as connection:
        assert question_knowledge(connection, [], now=NOW) == {}

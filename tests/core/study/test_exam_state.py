"""The exam states: the strings the database already holds, and one resumable set for every reader."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from quizdesk.core.db.models import StudySession, Topic
from quizdesk.core.db.store import Store
from quizdesk.core.queries.counts import has_resumable_exam
from quizdesk.core.study.exam_state import ANSWERABLE, RESUMABLE, ExamState
from quizdesk.core.study.exams import ExamSpec, create_exam, find_resumable, load_exam

NOW = datetime(2026, 3, 10, 13, 30, tzinfo=timezone.utc)


def test_the_values_are_the_strings_stored_before_the_enum() -> None:
    # Databases written by earlier versions hold these exact strings: renaming one would need a migration.
    assert [state.value for state in ExamState] == ["active", "paused", "grading", "finished", "abandoned"]
    assert ExamState("grading") is ExamState.GRADING and "grading" == ExamState.GRADING
    assert f"{ExamState.PAUSED}" == "paused"  # messages show the stored word on every Python version


@pytest.mark.parametrize("state", list(ExamState), ids=[s.value for s in ExamState])
def test_every_reader_agrees_on_what_can_be_resumed(synced_store: Store, state: ExamState) -> None:
    with synced_store.session() as s:
        exam_id = create_exam(s, ExamSpec(tuple(s.scalars(select(Topic.id))), count=2, seed=1), NOW)
        exam = s.get(StudySession, exam_id)
        assert exam is not None
        exam.state = state.value
    with synced_store.read() as connection:
        quick = has_resumable_exam(connection)  # the start-up path's raw read
    with synced_store.session() as s:
        found = find_resumable(s)
        loaded = load_exam(s, exam_id).state
    assert quick == (found is not None) == (state in RESUMABLE) == state.resumable
    assert loaded is state and state.answerable == (state in ANSWERABLE) == (state in (ExamState.ACTIVE, ExamState.PAUSED))

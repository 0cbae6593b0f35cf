"""``quizdesk plan``: save an interview, print tonight's plan and the forecast, --json."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from quizdesk.cli import main
from quizdesk.core.clock import utcnow
from quizdesk.core.db.models import Question, Topic
from quizdesk.core.db.store import open_store
from quizdesk.core.study.reviews import record_rating


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["plan", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_saves_an_interview_and_prints_its_plan_and_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    on = (date.today() + timedelta(days=12)).isoformat()
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--interview", on, "--modules", "大模型,Deep learning", "--minutes", "30")
    assert code == 0, err
    assert f"Interview on {on}: 大模型, 深度学习基础" in out and "30 min a day" in out
    assert "if you follow the plan" in out and "Tonight:" in out and "Day by day:" in out

    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["version"] == 1 and len(data["interviews"]) == 1
    plan = data["interviews"][0]
    assert plan["modules"] == ["bank:09-llm", "bank:03-deep-learning"] and plan["daily_minutes"] == 30
    assert plan["status"] in ("on_track", "behind") and 0 <= plan["readiness"]["if_stopped"] <= plan["readiness"]["if_planned"] <= 1
    assert plan["days_left"] == len(plan["days"]) >= 11 and plan["days"][-1]["review_only"]
    tonight = plan["tonight"]
    assert tonight["date"] == plan["days"][0]["date"] and tonight["new"] and isinstance(tonight["new"][0], int)
    assert set(plan["seconds_per_card"]) == {"open", "single", "multi", "truefalse"}
    assert {t["key"].split("/")[0] for t in plan["topics_forecast"]} == {"bank:09-llm", "bank:03-deep-learning"}

    # Updating by name keeps the scope and changes the budget.
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--interview", on, "--minutes", "60", "--json")
    plan = json.loads(out)["interviews"][0]
    assert code == 0 and plan["daily_minutes"] == 60 and plan["modules"] == ["bank:09-llm", "bank:03-deep-learning"]

    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--delete", f"interview {on}")
    assert code == 0 and "No interview" not in err
    code, out, err = _run(capsys, "--data-dir", str(data_dir))
    assert code == 0 and out == "" and "No interview saved yet" in err


def test_unknown_names_and_bad_dates_give_clear_errors(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--interview", "2026-12-20", "--modules", "大模形")
    assert code == 2 and "unknown module '大模形'" in err and "大模型 / Large language models" in err
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--interview", "20.12.2026", "--modules", "大模型")
    assert code == 2 and "YYYY-MM-DD" in err
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--modules", "大模型")
    assert code == 2 and "go with --interview" in err
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--interview", "2026-12-20")
    assert code == 2 and "--modules" in err
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--json")
    assert code == 0 and json.loads(out)["interviews"] == []  # nothing was saved by the failures


def test_the_json_names_the_planned_mock_exams_exact_questions(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """On the eve (a mock-exam evening) with 15 cards due: tonight's exam and the day's entry list
    the same question ids, all of them among the evening's reviews."""
    eve_of = (date.today() + timedelta(days=1)).isoformat()
    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--interview", eve_of, "--modules", "大模型", "--json")
    assert code == 0, err
    store = open_store(data_dir)
    now = utcnow()
    with store.session() as session:
        module = session.scalars(select(Topic).where(Topic.key == "bank:09-llm")).one()
        children = [t.id for t in session.scalars(select(Topic).where(Topic.parent_id == module.id))]
        ids = list(session.scalars(select(Question.id).where(Question.topic_id.in_(children)).order_by(Question.id).limit(15)))
    for days_ago in (3, 2):
        for qid in ids:
            with store.session() as session:  # forgotten twice: due again now
                record_rating(session, qid, 1, now=now - timedelta(days=days_ago), seconds=20.0)
    store.close()

    code, out, err = _run(capsys, "--data-dir", str(data_dir), "--json")
    assert code == 0, err
    plan = json.loads(out)["interviews"][0]
    assert json.loads(out)["version"] == 1
    tonight = plan["tonight"]
    exam = tonight["mock_exam"]
    assert exam is not None and exam["count"] == len(exam["question_ids"]) == 15
    assert set(exam["question_ids"]) == set(ids) <= set(tonight["due"]) | set(tonight["extra"])
    assert plan["days"][0]["mock_exam"] == exam  # the day-by-day entry names the same exam
    assert not set(exam["question_ids"]) & set(tonight["study_queue"])

"""``quizdesk stats [--json] [--limit N]``: the weak-area table in the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import fields
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from quizdesk.cli import main
from quizdesk.commands.stats import display_width, fit
from quizdesk.core.db.models import Question, Topic, utcnow
from quizdesk.core.db.store import open_store
from quizdesk.core.stats.mastery import TopicStats
from quizdesk.core.study.reviews import record_rating
from quizdesk.core.study.scheduler import AGAIN, EASY

IMPORT_REPO = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "repo"


@pytest.fixture
def studied(data_dir: Path) -> dict[str, int]:
    """An imported bank where one topic was answered well and one badly; returns topic ids by name."""
    assert main(["import", str(IMPORT_REPO), "--data-dir", str(data_dir)]) == 0
    store = open_store(data_dir)
    now = utcnow()
    with store.session() as session:
        topics = {t.name: t.id for t in session.scalars(select(Topic).where(Topic.parent_id.is_not(None)))}
        by_topic: dict[int, list[int]] = {}
        for question in session.scalars(select(Question).where(Question.origin.startswith("import:")).order_by(Question.id)):
            by_topic.setdefault(question.topic_id, []).append(question.id)
        good, bad = sorted(by_topic, key=lambda t: -len(by_topic[t]))[:2]
        for day in range(6):
            for question_id in by_topic[good]:
                record_rating(session, question_id, EASY, now=now - timedelta(days=6 - day, hours=1), seconds=20)
            record_rating(session, by_topic[bad][0], AGAIN, now=now - timedelta(days=6 - day, hours=1), seconds=20)
    store.close()
    names = {v: k for k, v in topics.items()}
    return {"good": good, "bad": bad, "good_name": names[good], "bad_name": names[bad]}  # type: ignore[dict-item]


def test_json_has_every_field_and_the_weakest_first(studied, data_dir: Path, capsys) -> None:
    assert main(["stats", "--json", "--limit", "3", "--data-dir", str(data_dir)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"generated_at", "weakest", "topics"}
    expected_keys = {f.name for f in fields(TopicStats)}
    assert all(set(row) == expected_keys for row in out["topics"] + out["weakest"])
    assert len(out["weakest"]) == 3 and all(row["parent_id"] is not None for row in out["weakest"])
    worst = out["weakest"][0]
    assert worst["topic_id"] == studied["bad"] and worst["reason"] == "low_accuracy"
    assert 0 < worst["mastery"] < 40 and 0 < worst["reason_detail"] < 0.3
    by_id = {row["topic_id"]: row for row in out["topics"]}
    good = by_id[studied["good"]]
    assert good["mastery"] > 80 and good["coverage"] == 1.0 and good["reason"] in ("strong", "due")
    assert good["last_seen"].endswith("+00:00") and good["attempts"] == 6 * good["questions"]
    never = [row for row in out["topics"] if row["attempts"] == 0]
    assert never and all(row["mastery"] is None and row["reason"] == "never_attempted" for row in never)
    # Modules come before their sub-topics.
    seen: set[int] = set()
    for row in out["topics"]:
        assert row["parent_id"] is None or row["parent_id"] in seen
        seen.add(row["topic_id"])


def test_text_table_lines_up_chinese_and_latin_names(studied, data_dir: Path, capsys) -> None:
    assert main(["stats", "--data-dir", str(data_dir)]) == 0
    text = capsys.readouterr().out
    lines = text.splitlines()
    assert lines[0] == "Weakest topics — study these first"
    assert studied["bad_name"] in lines[2] and "low accuracy" in lines[2]
    header_at = next(i for i, line in enumerate(lines) if line.startswith("module / topic"))
    header = lines[header_at]
    mastery_end = display_width(header[: header.index("mastery") + len("mastery")])
    due_end = display_width(header[: header.index(" due") + len(" due")])
    rows = lines[header_at + 1 :]
    assert any(any("\u4e00" <= c <= "\u9fff" for c in row[:10]) for row in rows)  # Chinese names are there
    for row in rows:
        for end in (mastery_end, due_end):
            prefix, used = "", 0
            for char in row:
                if used >= end:
                    break
                prefix, used = prefix + char, used + display_width(char)
            assert used == end and (prefix[-1].isdigit() or prefix[-1] == "—"), row
            assert row[len(prefix)] == " ", row


def test_width_helpers() -> None:
    assert display_width("注意力 ab") == 9 and display_width("ｆｕｌｌ") == 8 and display_width("é") == 1
    assert fit("注意力机制与多头注意力", 9) == "注意力机…" and display_width(fit("注意力机制与多头注意力", 9)) == 9
    assert fit("short", 9) == "short"


def test_limit_zero_and_negative(studied, data_dir: Path, capsys) -> None:
    assert main(["stats", "--json", "--limit", "0", "--data-dir", str(data_dir)]) == 0
    assert json.loads(capsys.readouterr().out)["weakest"] == []
    assert main(["stats", "--limit", "-1", "--data-dir", str(data_dir)]) == 2
    assert "--limit must be 0 or more" in capsys.readouterr().err


def test_unusable_data_dir_is_a_message_not_a_traceback(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert main(["stats", "--data-dir", str(blocker)]) == 2
    assert "quizdesk: QuizDesk cannot create its data folder" in capsys.readouterr().err


def test_as_a_user_runs_it(studied, data_dir: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "quizdesk", "stats", "--json", "--data-dir", str(data_dir)],
        capture_output=True, text=True, env=env, timeout=120, encoding="utf-8",
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["weakest"][0]["topic_id"] == studied["bad"] and out["weakest"][0]["name"] == studied["bad_name"]
    text = subprocess.run(
        [sys.executable, "-m", "quizdesk", "stats", "--data-dir", str(data_dir)],
        capture_output=True, text=True, env=env, timeout=120, encoding="utf-8",
    )
    assert text.returncode == 0 and "Traceback" not in text.stderr
    assert studied["good_name"] in text.stdout and "module / topic" in text.stdout


def test_a_damaged_database_points_to_the_app_and_its_backups(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from quizdesk.core.paths import DB_FILENAME

    (tmp_path / "backups").mkdir()
    damaged = tmp_path / DB_FILENAME
    damaged.write_bytes(b"this is not sqlite" * 200)
    before = damaged.read_bytes()
    assert main(["stats", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "not a QuizDesk database" in err
    assert "quizdesk gui" in err and str(tmp_path / "backups") in err
    assert damaged.read_bytes() == before  # the command line changes nothing


def test_a_reader_that_goes_away_ends_the_output_quietly(tmp_path: Path) -> None:
    """``quizdesk stats | head -1``: no BrokenPipeError traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "quizdesk", "stats", "--data-dir", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first line is written
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 1
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


def test_too_little_evidence_is_said_in_words() -> None:
    from dataclasses import replace

    from quizdesk.commands.stats import reason_text
    from quizdesk.core.stats.mastery import Reason

    base = TopicStats(
        topic_id=1, parent_id=None, name="t", name_en="t", questions=4, attempted=1, attempts=1, accuracy=0.6,
        coverage=0.25, retrievability=None, mastery=37.5, confidence=0.17, due=0, last_seen=None,
        reason=Reason.LITTLE_EVIDENCE, reason_detail=1.0,
    )
    assert reason_text(base) == "too little evidence yet (1 answer)"
    assert reason_text(replace(base, reason_detail=2.0)) == "too little evidence yet (2 answers)"

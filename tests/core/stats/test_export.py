"""CSV export: every column read back with ``csv``, Excel safety, all three files or none."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from fsrs import Card
from sqlalchemy import select

from quizdesk.core.db.models import Question, ReviewState, StudySession
from quizdesk.core.stats.export import (
    ATTEMPT_COLUMNS,
    BLOCKED,
    FULL,
    MISSING,
    QUESTION_COLUMNS,
    READONLY,
    TOPIC_COLUMNS,
    ExportError,
    export_csv,
    make_folder,
    neutralise,
)
from quizdesk.core.stats.mastery import topic_stats
from quizdesk.core.study.reviews import record_choice
from quizdesk.core.study.scheduler import make_scheduler

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=timezone.utc)
AWKWARD_TITLE = '=HYPERLINK("http://x"),"引号" 与逗号,\n第二行'


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no byte-order mark"
    assert raw.count(b"\xef\xbb\xbf") == 1
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def as_dicts(path: Path) -> list[dict[str, str]]:
    header, *rows = read_csv(path)
    return [dict(zip(header, row, strict=True)) for row in rows]


def when(cell: str) -> datetime:
    moment = datetime.fromisoformat(cell)
    assert moment.tzinfo is not None, f"{cell} has no UTC offset"
    return moment


@pytest.fixture
def history(bank):
    """Three graded answers, one in an exam, one on a question with an awkward title."""
    awkward = bank.questions["t1"][0]
    with bank.store.session() as session:
        session.get(Question, awkward).title = AWKWARD_TITLE
        exam = StudySession(mode="exam", spec={}, question_ids=[awkward], started_at=NOW)
        session.add(exam)
        session.flush()
        record_choice(session, awkward, [0], now=NOW - timedelta(days=3), seconds=5.0)  # right and fast: Easy
        record_choice(session, awkward, [1], now=NOW - timedelta(days=1), seconds=42.25, session_id=exam.id, mode="exam")
        record_choice(session, bank.questions["t5"][2], [0], now=NOW - timedelta(hours=2), seconds=30.0)
        bank.exam_id = exam.id
    return bank


def test_every_column_of_every_file(history, tmp_path: Path) -> None:
    out = tmp_path / "export"
    out.mkdir()
    with history.store.read() as connection:
        result = export_csv(connection, out, now=NOW)
        stats = topic_stats(connection, now=NOW)
    assert result.files == [out / "attempts.csv", out / "questions.csv", out / "topics.csv"]
    assert result.rows == {"attempts.csv": 3, "questions.csv": 20, "topics.csv": len(stats)}
    assert sorted(p.name for p in out.iterdir()) == ["attempts.csv", "questions.csv", "topics.csv"]  # no temp left

    assert read_csv(out / "attempts.csv")[0] == list(ATTEMPT_COLUMNS)
    first, second, third = as_dicts(out / "attempts.csv")
    assert when(first["time"]) == NOW - timedelta(days=3) and when(third["time"]) == NOW - timedelta(hours=2)
    assert first == {
        "time": first["time"], "session": "", "mode": "study", "question_id": "t1-q0", "title": "'" + AWKWARD_TITLE,
        "module": "模块m1", "topic": "主题t1", "type": "single", "score": "1", "correct": "1", "seconds": "5", "rating": "4",
    }
    assert second == {
        **first, "time": second["time"], "session": str(history.exam_id), "mode": "exam", "score": "0", "correct": "0",
        "seconds": "42.2", "rating": "1",
    }
    assert (third["question_id"], third["module"], third["topic"], third["rating"]) == ("t5-q2", "模块m2", "主题t5", "3")

    assert read_csv(out / "questions.csv")[0] == list(QUESTION_COLUMNS)
    questions = {row["question_id"]: row for row in as_dicts(out / "questions.csv")}
    assert list(questions)[:4] == ["t1-q0", "t1-q1", "t1-q2", "t1-q3"]  # bank order
    with history.store.session() as session:
        state = session.get(ReviewState, history.questions["t1"][0])
        assert state is not None
        card = Card.from_dict(state.card)
    row = questions["t1-q0"]
    assert row["title"] == "'" + AWKWARD_TITLE and (row["module"], row["topic"], row["type"]) == ("模块m1", "主题t1", "single")
    assert (row["attempts"], row["accuracy"]) == ("2", "0.5")
    assert when(row["last_seen"]) == NOW - timedelta(days=1)
    assert when(row["next_due"]) == state.due_at
    assert float(row["stability"]) == pytest.approx(state.stability, abs=1e-4)
    assert float(row["retrievability"]) == pytest.approx(make_scheduler().get_card_retrievability(card, NOW), abs=1e-4)
    untouched = questions["t2-q1"]
    assert untouched["attempts"] == "0" and all(untouched[c] == "" for c in QUESTION_COLUMNS[6:])

    assert read_csv(out / "topics.csv")[0] == list(TOPIC_COLUMNS)
    topics = as_dicts(out / "topics.csv")
    assert [(r["level"], r["module"], r["topic"]) for r in topics] == [
        ("module", "模块m1", ""), ("topic", "模块m1", "主题t1"), ("topic", "模块m1", "主题t2"), ("topic", "模块m1", "主题t3"),
        ("topic", "模块m1", "主题t4"), ("module", "模块m2", ""), ("topic", "模块m2", "主题t5"),
    ]
    for written, s in zip(topics, stats, strict=True):
        assert int(written["questions"]) == s.questions and int(written["attempted"]) == s.attempted
        assert int(written["attempts"]) == s.attempts and int(written["due"]) == s.due
        assert written["reason"] == s.reason.value
        for column in ("confidence", "accuracy", "coverage", "retrievability", "reason_detail"):
            value = getattr(s, column)
            assert (written[column] == "") if value is None else float(written[column]) == pytest.approx(value, abs=1e-4)
        assert (written["mastery"] == "") if s.mastery is None else float(written["mastery"]) == pytest.approx(s.mastery, abs=0.05)
        assert (written["last_seen"] == "") if s.last_seen is None else when(written["last_seen"]) == s.last_seen.replace(microsecond=0)
    t2 = topics[2]
    assert (t2["mastery"], t2["accuracy"], t2["reason"]) == ("", "", "never_attempted")


def test_rows_end_with_crlf_and_quote_what_needs_it(history, tmp_path: Path) -> None:
    with history.store.read() as connection:
        export_csv(connection, tmp_path, now=NOW)
    raw = (tmp_path / "attempts.csv").read_bytes().decode("utf-8-sig")
    assert raw.startswith("time,session,mode,") and raw.count("\r\n") == 4  # header and three rows
    # Quoted as a whole, inner quotes doubled, the newline kept inside the cell.
    assert ',"\'=HYPERLINK(""http://x""),""引号"" 与逗号,\n第二行",模块m1,' in raw


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_formula_starts_are_neutralised(start: str) -> None:
    assert neutralise(f"{start}1+2") == f"'{start}1+2"


def test_ordinary_text_is_left_alone() -> None:
    for text in ("梯度裁剪", "a=b", "1-2", "", " =x", "'quoted"):
        assert neutralise(text) == text


def test_since_limits_attempts_only(history, tmp_path: Path) -> None:
    with history.store.read() as connection:
        result = export_csv(connection, tmp_path, since=NOW - timedelta(days=2), now=NOW)
    assert result.rows["attempts.csv"] == 2
    assert [r["question_id"] for r in as_dicts(tmp_path / "attempts.csv")] == ["t1-q0", "t5-q2"]
    assert {r["question_id"]: r["attempts"] for r in as_dicts(tmp_path / "questions.csv")}["t1-q0"] == "2"


def test_a_second_export_replaces_the_files(history, tmp_path: Path) -> None:
    (tmp_path / "attempts.csv").write_text("old", encoding="utf-8")
    with history.store.read() as connection:
        export_csv(connection, tmp_path, now=NOW)
        export_csv(connection, tmp_path, now=NOW)
    assert len(as_dicts(tmp_path / "attempts.csv")) == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["attempts.csv", "data", "questions.csv", "topics.csv"]


def test_missing_folder_or_a_file_in_the_way_is_a_clear_error(history, tmp_path: Path) -> None:
    with history.store.read() as connection:
        with pytest.raises(ExportError, match="does not exist") as missing:
            export_csv(connection, tmp_path / "nowhere", now=NOW)
        assert (missing.value.kind, missing.value.path) == (MISSING, tmp_path / "nowhere")
        (tmp_path / "file").write_text("x", encoding="utf-8")
        with pytest.raises(ExportError, match="is not a folder") as not_folder:
            export_csv(connection, tmp_path / "file", now=NOW)
        assert (not_folder.value.kind, not_folder.value.path) == (BLOCKED, tmp_path / "file")
        (tmp_path / "out").mkdir()
        (tmp_path / "out" / "topics.csv").mkdir()
        with pytest.raises(ExportError, match="is in the way") as in_the_way:
            export_csv(connection, tmp_path / "out", now=NOW)
        assert (in_the_way.value.kind, in_the_way.value.path) == (BLOCKED, tmp_path / "out" / "topics.csv")
    assert not (tmp_path / "nowhere").exists()
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["topics.csv"]


def test_a_failed_rename_puts_the_old_files_back(history, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A rename failing halfway (say, a file held open by another program on
    # Windows) cannot be produced on Linux, so the third rename is made to fail.
    out = tmp_path / "out"
    out.mkdir()
    (out / "attempts.csv").write_text("old attempts", encoding="utf-8")
    (out / "questions.csv").write_text("old questions", encoding="utf-8")
    real_replace = os.replace
    calls = []

    def failing_replace(src, dst):
        calls.append((Path(src).name, Path(dst).name))
        if Path(dst).name == "questions.csv" and Path(src).name.endswith(".tmp"):
            raise PermissionError(13, "Permission denied", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with history.store.read() as connection, pytest.raises(ExportError, match="Cannot write to .*nothing was exported") as failed:
        export_csv(connection, out, now=NOW)
    assert (failed.value.kind, failed.value.path) == (READONLY, out)
    assert sorted(p.name for p in out.iterdir()) == ["attempts.csv", "questions.csv"]
    assert (out / "attempts.csv").read_text(encoding="utf-8") == "old attempts"
    assert (out / "questions.csv").read_text(encoding="utf-8") == "old questions"
    assert len(calls) >= 4  # the new attempts.csv was in place before it was rolled back


def _run_isolated(folder: Path, mount: str, code: str) -> dict[str, object]:
    """Run ``code`` with ``folder`` re-mounted (read-only, or a tiny tmpfs) in a private mount namespace.

    File modes do not stop root (CI runs as root), so the folder is made
    read-only or full for real; as an ordinary user, a user namespace allows
    the same mounts.
    """
    prefix = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    script = f'{mount} && exec "$@"'
    result = subprocess.run(
        [*prefix, "sh", "-c", script, str(folder), sys.executable, "-c", code, str(folder)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


EXPORT_IN_CHILD = """
import json, os, sqlite3, sys
from datetime import datetime, timezone
from pathlib import Path
from quizdesk.core.stats.export import ExportError, export_csv
folder = Path(sys.argv[1])
connection = sqlite3.connect({db!r})
try:
    export_csv(connection, folder, now=datetime(2026, 6, 1, 12, tzinfo=timezone.utc))
    error = None
    kind = path = None
except ExportError as exc:
    error, kind, path = str(exc), exc.kind, str(exc.path)
print(json.dumps({{"error": error, "kind": kind, "path": path, "left": sorted(os.listdir(folder))}}))
"""


def test_read_only_folder_fails_clearly_and_leaves_nothing(history, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    outcome = _run_isolated(folder, 'mount --bind -o ro "$0" "$0"', EXPORT_IN_CHILD.format(db=str(history.store.path)))
    assert outcome["left"] == []
    assert isinstance(outcome["error"], str) and outcome["error"].startswith(f"Cannot write to {folder}")
    assert "Read-only file system" in outcome["error"] and "nothing was exported" in outcome["error"]
    assert (outcome["kind"], outcome["path"]) == (READONLY, str(folder))


def test_full_disk_fails_clearly_and_leaves_nothing(history, tmp_path: Path) -> None:
    with history.store.session() as session:
        for question in session.scalars(select(Question)):
            question.title = "很长的标题" * 400  # 20 questions of ~6 kB: more than the 16 kB disk holds
    folder = tmp_path / "small"
    folder.mkdir()
    outcome = _run_isolated(folder, 'mount -t tmpfs -o size=16k tmpfs "$0"', EXPORT_IN_CHILD.format(db=str(history.store.path)))
    assert outcome["left"] == []
    assert outcome["error"] == f"The disk holding {folder} is full; nothing was exported. Free some space or choose another folder."
    assert (outcome["kind"], outcome["path"]) == (FULL, str(folder))


MAKE_FOLDER_IN_CHILD = """
import json, sys
from pathlib import Path
from quizdesk.core.stats.export import ExportError, make_folder
try:
    make_folder(Path(sys.argv[1]) / "new" / "export")
    outcome = {}
except ExportError as exc:
    outcome = {"kind": exc.kind, "path": str(exc.path), "error": str(exc)}
print(json.dumps(outcome))
"""


def test_make_folder_names_what_is_in_the_way_or_read_only(tmp_path: Path) -> None:
    make_folder(tmp_path / "a" / "b")
    make_folder(tmp_path / "a" / "b")  # already there: fine
    assert (tmp_path / "a" / "b").is_dir()
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for target in (tmp_path / "file", tmp_path / "file" / "below" / "deeper"):
        with pytest.raises(ExportError) as blocked:
            make_folder(target)
        assert (blocked.value.kind, blocked.value.path) == (BLOCKED, tmp_path / "file")
    assert (tmp_path / "file").read_text(encoding="utf-8") == "x"
    folder = tmp_path / "ro"
    folder.mkdir()
    outcome = _run_isolated(folder, 'mount --bind -o ro "$0" "$0"', MAKE_FOLDER_IN_CHILD)
    assert (outcome["kind"], outcome["path"]) == (READONLY, str(folder))  # the folder the new one would go into
    assert str(outcome["error"]).startswith(f"Cannot write to {folder} (Read-only file system)")

"""``quizdesk export --out DIR [--since YYYY-MM-DD]``, in Shanghai at a morning and an evening hour."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from quizdesk.cli import main
from quizdesk.core.db.models import Question
from quizdesk.core.db.store import open_store
from quizdesk.core.study.reviews import record_rating
from quizdesk.core.study.scheduler import GOOD

IMPORT_REPO = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "repo"


@pytest.fixture
def answered(data_dir: Path, local_clock) -> list[datetime]:
    """An imported bank with three answers: ten days ago, two days ago and a minute ago.

    The times are local (Shanghai, UTC+8) and aware, as a caller there passes them;
    the clock stands at 07:30 or at 21:30 (``local_clock``).
    """
    assert main(["import", str(IMPORT_REPO), "--data-dir", str(data_dir)]) == 0
    store = open_store(data_dir)
    times = [local_clock.ago(days=10), local_clock.ago(days=2), local_clock.ago(minutes=1)]
    with store.session() as session:
        question_id = session.scalars(select(Question.id).where(Question.origin.startswith("import:")).order_by(Question.id)).first()
        for moment in times:
            record_rating(session, question_id, GOOD, now=moment, seconds=12)  # type: ignore[arg-type]
    store.close()
    return times


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_writes_three_files_and_says_so(answered, data_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    assert main(["export", "--out", str(out), "--data-dir", str(data_dir)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == f"{out / 'attempts.csv'}\t3 rows" and printed[2].startswith(f"{out / 'topics.csv'}\t")
    assert [datetime.fromisoformat(r["time"]) for r in rows(out / "attempts.csv")] == answered
    assert int(printed[1].rsplit("\t", 1)[1].split()[0]) == len(rows(out / "questions.csv")) > 16


def test_since_is_a_local_date(answered, local_clock, data_dir: Path, tmp_path: Path) -> None:
    since = (local_clock.today - timedelta(days=2)).isoformat()
    assert main(["export", "--out", str(tmp_path), "--since", since, "--data-dir", str(data_dir)]) == 0
    assert [datetime.fromisoformat(r["time"]) for r in rows(tmp_path / "attempts.csv")] == answered[1:]


def test_bad_since_is_refused_by_the_parser(data_dir: Path, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--out", str(tmp_path), "--since", "1.5.2026", "--data-dir", str(data_dir)])
    assert exit_info.value.code == 2
    assert "'1.5.2026' is not a date; use YYYY-MM-DD" in capsys.readouterr().err


def test_a_missing_folder_is_made_with_its_parents(answered, data_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "exports" / "2026" / "march"
    assert main(["export", "--out", str(out), "--data-dir", str(data_dir)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["attempts.csv", "questions.csv", "topics.csv"]
    assert capsys.readouterr().out.startswith(f"{out / 'attempts.csv'}\t3 rows")


def test_a_file_where_the_folder_should_be_exits_1_with_a_message(answered, data_dir: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    for out in (tmp_path / "notes.txt", tmp_path / "notes.txt" / "export"):
        assert main(["export", "--out", str(out), "--data-dir", str(data_dir)]) == 1
        assert capsys.readouterr().err == (
            f"quizdesk: export failed: {tmp_path / 'notes.txt'} is a file, so the folder {out} cannot be made. "
            "Move it or choose another folder.\n"
        )
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_read_only_folder_as_a_user_runs_it(answered, data_dir: Path, tmp_path: Path) -> None:
    """The real command in a subprocess, its folder really read-only (a read-only bind mount; root ignores file modes):
    neither writing into it nor making a folder inside it works, and both say so."""
    folder = tmp_path / "ro"
    folder.mkdir()
    prefix = ["unshare", "--mount"] if os.geteuid() == 0 else ["unshare", "--user", "--map-root-user", "--mount"]
    script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
    for out in (folder, folder / "new" / "export"):
        command = [sys.executable, "-m", "quizdesk", "export", "--out", str(out), "--data-dir", str(data_dir)]
        result = subprocess.run([*prefix, "sh", "-c", script, str(folder), *command], capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, result.stderr
        assert result.stderr.startswith(f"quizdesk: export failed: Cannot write to {folder} (Read-only file system)")
        assert "Traceback" not in result.stderr and result.stdout == ""
        assert list(folder.iterdir()) == []
    command = [sys.executable, "-m", "quizdesk", "export", "--out", str(folder), "--data-dir", str(data_dir)]
    ok = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["attempts.csv", "questions.csv", "topics.csv"]


def test_something_in_the_way_exits_1_with_the_same_message(answered, data_dir: Path, tmp_path: Path, capsys) -> None:
    """The command line keeps the core's English message (the GUI words it from the error's kind)."""
    (tmp_path / "topics.csv").mkdir()
    assert main(["export", "--out", str(tmp_path), "--data-dir", str(data_dir)]) == 1
    assert capsys.readouterr().err == (
        f"quizdesk: export failed: {tmp_path / 'topics.csv'} is in the way: it is not a file. Move it or choose another folder.\n"
    )
    assert not (tmp_path / "attempts.csv").exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

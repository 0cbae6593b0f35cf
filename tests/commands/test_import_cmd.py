"""``quizdesk import PATH... [--topic T] [--dry-run] [--json]``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizdesk.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo", target)
    return target


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def test_json_report(repo: Path, data_dir: Path, capsys) -> None:
    assert main(["import", str(repo), "--data-dir", str(data_dir), "--json"]) == 0
    out = _json(capsys)
    assert {k: out[k] for k in ("imported", "updated", "unchanged", "skipped")} == {"imported": 16, "updated": 0, "unchanged": 0, "skipped": 1}
    first = out["questions"][0]
    assert set(first) == {"id", "title", "module", "topic", "source"}
    assert (first["title"], first["module"], first["topic"]) == ("什么是梯度下降？", "深度学习基础", "优化")
    assert first["source"] == f"{repo}/ch01_深度学习基础/01-优化.md:3" and first["id"].startswith("imp-")
    assert any(w.startswith(f"{repo}/README.md:1: no question headings found") for w in out["warnings"])
    assert any("gbk.md:1: not UTF-8" in w for w in out["warnings"])
    assert out["render_problems"] == []  # the fixture repository displays whole
    # Again: everything unchanged, same ids.
    assert main(["import", str(repo), "--data-dir", str(data_dir), "--json"]) == 0
    again = _json(capsys)
    assert (again["imported"], again["unchanged"]) == (0, 16)
    assert [q["id"] for q in again["questions"]] == [q["id"] for q in out["questions"]]


def test_text_report_and_warnings_on_stderr(repo: Path, data_dir: Path, capsys) -> None:
    assert main(["import", str(repo / "第三章 机器学习"), "--data-dir", str(data_dir)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "imported: 9 new, 0 updated, 0 unchanged, 0 skipped, 0 retired (3 files read)",
        "  机器学习 / gbk: 2",
        "  机器学习 / html h1: 3",
        "  机器学习 / nasty: 4",
    ]
    assert f"{repo}/第三章 机器学习/gbk.md:1: warning: not UTF-8" in captured.err


def test_dry_run_without_a_database_creates_nothing(repo: Path, tmp_path: Path, capsys) -> None:
    data = tmp_path / "fresh"
    assert main(["import", str(repo), "--dry-run", "--json", "--data-dir", str(data)]) == 0
    out = _json(capsys)
    assert out["imported"] == 16 and out["dry_run"] is True
    assert not data.exists()


def test_dry_run_against_a_database_changes_nothing(repo: Path, data_dir: Path, capsys) -> None:
    main(["import", str(repo / "ch01_深度学习基础"), "--data-dir", str(data_dir), "--json"])
    capsys.readouterr()
    assert main(["import", str(repo), "--dry-run", "--json", "--data-dir", str(data_dir)]) == 0
    assert (lambda o: (o["imported"], o["unchanged"]))(_json(capsys)) == (9, 7)
    main(["import", str(repo), "--data-dir", str(data_dir), "--json"])
    assert _json(capsys)["imported"] == 9


def test_topic_option(repo: Path, data_dir: Path, capsys) -> None:
    assert main(["import", str(repo / "ch01_深度学习基础" / "01-优化.md"), "--topic", "我的笔记", "--data-dir", str(data_dir), "--json"]) == 0
    assert {(q["module"], q["topic"]) for q in _json(capsys)["questions"]} == {("导入", "我的笔记")}


def test_missing_paths_and_files_without_questions_exit_1(tmp_path: Path, data_dir: Path, capsys) -> None:
    assert main(["import", str(tmp_path / "nope"), "--data-dir", str(data_dir)]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    notes = tmp_path / "notes.md"
    notes.write_text("# 笔记\n\n没有问题。\n", encoding="utf-8")
    assert main(["import", str(notes), "--data-dir", str(data_dir)]) == 1
    assert "no question headings found" in capsys.readouterr().err


def test_runs_as_a_subprocess(repo: Path, data_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quizdesk", "--data-dir", str(data_dir), "import", str(repo), "--json"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["imported"] == 16


def test_json_lists_what_will_not_display_as_the_app_renders_it(tmp_path: Path, data_dir: Path, capsys) -> None:
    bank = tmp_path / "bank"
    shutil.copytree(FIXTURES / "styles15", bank)
    (bank / "broken.md").write_text(
        "## 什么是 A？\n\n公式 $\\foo{x}$ 与 $ x^2 $。\n\n![缺图](img/none.png)\n\n## 什么是 B？\n\n![有图](img\\ch14\\lstm cell.png)\n",
        encoding="utf-8",
    )
    assert main(["import", str(bank), "--data-dir", str(data_dir), "--json"]) == 0
    out = _json(capsys)
    ids = {q["title"]: q["id"] for q in out["questions"]}
    assert out["render_problems"] == [
        {"id": ids["什么是 A？"], "kind": "image", "message": "image file not found: img/none.png", "source": f"{bank}/broken.md:1"},
        {"id": ids["什么是 A？"], "kind": "formula", "message": "unknown command \\foo: $\\foo{x}$", "source": f"{bank}/broken.md:1"},
    ]
    # Every other card of every style displays: its figures from the media folder, its formulas drawn.
    assert len(out["questions"]) == 46 + 2
    # A dry run checks the same way, against the folder the images would be copied from.
    assert main(["import", str(bank), "--data-dir", str(data_dir), "--json", "--dry-run"]) == 0
    assert [(p["kind"], p["source"]) for p in _json(capsys)["render_problems"]] == [("image", f"{bank}/broken.md:1"), ("formula", f"{bank}/broken.md:1")]


def test_text_report_counts_the_cards_that_will_not_display(tmp_path: Path, data_dir: Path, capsys) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("## 什么是 A？\n\n$\\frac{1}{$\n\n## 什么是 B？\n\n$x$\n", encoding="utf-8")
    assert main(["import", str(notes), "--data-dir", str(data_dir)]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[-1] == "1 card will not display fully (a formula or an image; listed on stderr)"
    assert f"{notes}:1: warning: formula will not display: unbalanced braces: '{{' never closed: $\\frac{{1}}{{$" in captured.err

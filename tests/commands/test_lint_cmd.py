"""``quizdesk lint`` and ``quizdesk search`` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from quizdesk.cli import main
from quizdesk.core.content.bank_parser import parse_bank
from quizdesk.core.paths import bundled_content_dir

REPO = Path(__file__).resolve().parents[2]


def test_lint_clean_bank_exits_zero(bank_dir: Path, capsys) -> None:
    assert main(["lint", str(bank_dir)]) == 0
    assert "5 questions, 0 errors" in capsys.readouterr().err


def test_lint_reports_file_and_line(bank_dir: Path, capsys) -> None:
    bad = bank_dir / "02-more" / "01-attention.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace("type: open", "type: essay"), encoding="utf-8")
    (bank_dir / "02-more" / "02-latin1.md").write_bytes("# Caf\xe9\n".encode("latin-1"))
    assert main(["lint", str(bank_dir)]) == 1
    out = capsys.readouterr().out
    assert "02-more/01-attention.md:4: unknown question type 'essay'" in out
    assert "02-more/02-latin1.md:1: not valid UTF-8" in out


def test_lint_reports_a_heading_without_its_space(bank_dir: Path, capsys) -> None:
    topic = bank_dir / "02-more" / "01-attention.md"
    with topic.open("a", encoding="utf-8") as f:
        f.write("\n##Broken heading no space\n<!-- id: broken-h; type: open -->\n\n答\n\n### 要点\n- 一\n")
    line = topic.read_text(encoding="utf-8").split("\n").index("##Broken heading no space") + 1
    assert main(["lint", str(bank_dir)]) == 1
    out = capsys.readouterr().out
    assert f"02-more/01-attention.md:{line}: '##Broken heading no space' is not a heading" in out


def test_lint_names_files_as_the_path_was_given(bank_dir: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(bank_dir.parent)
    topic = Path("bank/02-more/01-attention.md")
    topic.write_text(topic.read_text(encoding="utf-8").replace("type: open", "type: essay"), encoding="utf-8")
    copy = Path("bank/02-more/02-copy.md")
    copy.write_text(Path("bank/01-basics/01-optimization.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["lint", "bank"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "bank/02-more/01-attention.md:4: unknown question type 'essay' (expected one of open, single, multi, truefalse)" in lines
    assert any(line.startswith("bank/02-more/02-copy.md:") and "(first used at bank/01-basics/01-optimization.md:" in line for line in lines)
    assert any(line.startswith("bank/02-more/02-copy.md:2: module ") and "named in bank/02-more/01-attention.md" in line for line in lines)
    assert main(["lint", str(topic)]) == 1
    assert capsys.readouterr().out.startswith("bank/02-more/01-attention.md:4: unknown question type 'essay'")


def test_lint_render_reports_what_the_app_could_not_draw(bank_dir: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(bank_dir.parent)
    topic = Path("bank/02-more/01-attention.md")
    text = topic.read_text(encoding="utf-8")
    heading = next(line for line in text.split("\n") if line.startswith("## "))
    line = text.split("\n").index(heading) + 1
    broken = "\n\n坏公式 $\\frac{a}{b$ 与缺失的图 ![图](img/none.png)\n\n```pythn\nprint(1)\n```\n"
    meta_end = text.index("-->", text.index(heading)) + 3
    topic.write_text(text[:meta_end] + broken + text[meta_end:], encoding="utf-8")

    assert main(["lint", "bank"]) == 0  # the format is fine
    capsys.readouterr()
    assert main(["lint", "--render", "bank"]) == 1
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert f"bank/02-more/01-attention.md:{line}: math: unbalanced braces: '{{' never closed: $\\frac{{a}}{{b$" in lines
    assert f"bank/02-more/01-attention.md:{line}: image: image file not found: img/none.png" in lines
    assert f"bank/02-more/01-attention.md:{line}: warning: code fence language 'pythn' is unknown to Pygments; it shows as plain text" in lines
    assert "2 errors, 1 warnings" in captured.err


def test_lint_missing_path(tmp_path: Path, capsys) -> None:
    assert main(["lint", str(tmp_path / "nope")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_bundled_bank_lints_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quizdesk", "lint", str(REPO / "content")], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_search_json_on_the_bundled_bank(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quizdesk", "search", "梯度裁剪", "--json", "--data-dir", str(tmp_path / "d")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    # The search reads the bundled bank; every question whose text holds the words is found, and only those.
    bank = parse_bank(bundled_content_dir()).questions
    holding = [q.external_id for q in bank if any("梯度裁剪" in text for text in (q.title, q.body_md, q.answer_md))]
    assert "dl-gradient-clipping" in holding
    assert sorted(h["external_id"] for h in hits) == sorted(holding)


def test_every_subcommand_has_help() -> None:
    from quizdesk.cli import build_parser

    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    for name, sub in subparsers.choices.items():
        assert sub.format_help().strip(), name
        assert any(a.dest == "data_dir" for a in sub._actions), name

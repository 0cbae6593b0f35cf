"""``quizdesk export --anki FILE.apkg …`` and ``quizdesk import deck.apkg|collection.colpkg [--json]``."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from quizdesk.cli import build_parser, main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "anki"


def test_import_apkg_json_report(data_dir: Path, capsys) -> None:
    assert main(["import", str(FIXTURES / "anki26.apkg"), "--data-dir", str(data_dir), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["imported"], out["updated"], out["skipped"]) == (9, 0, 0)
    assert out["anki"]["reviews"] == 8 and out["anki"]["notes"] == 8 and out["anki"]["media"] == 2
    assert out["render_problems"] == [] and out["warnings"] == []
    assert {(q["module"], q["topic"]) for q in out["questions"]} >= {("ML", "Deep · Attention"), ("Maths", "Maths")}
    # Again, as a collection package: the same notes, nothing added.
    assert main(["import", str(FIXTURES / "anki26.colpkg"), "--data-dir", str(data_dir), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert (again["imported"], again["unchanged"], again["anki"]["reviews"], again["anki"]["reviews_already_imported"]) == (0, 9, 0, 8)


def test_import_routes_by_content_when_the_extension_is_missing(data_dir: Path, tmp_path: Path, capsys) -> None:
    renamed = tmp_path / "deck.zip"
    shutil.copyfile(FIXTURES / "anki26-legacy.apkg", renamed)
    assert main(["import", str(renamed), "--data-dir", str(data_dir)]) == 0
    assert "imported deck.zip: 9 new" in capsys.readouterr().out


def test_bad_package_exits_1_and_says_why(data_dir: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "broken.apkg"
    bad.write_bytes((FIXTURES / "anki26.apkg").read_bytes()[:3000])
    assert main(["import", str(bad), "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "broken.apkg: damaged package" in err and "nothing was changed" in err


def test_anki_and_markdown_in_one_command_are_refused(data_dir: Path, tmp_path: Path, capsys) -> None:
    note = tmp_path / "n.md"
    note.write_text("## 什么是A？\n\nA。\n", encoding="utf-8")
    assert main(["import", str(FIXTURES / "anki26.apkg"), str(note), "--data-dir", str(data_dir)]) == 1
    assert "separate commands" in capsys.readouterr().err


def test_export_anki_with_filters(data_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "weak.apkg"
    assert main(["import", str(FIXTURES / "anki26.apkg"), "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert main(["export", "--anki", str(out), "--module", "ML", "--topic", "Optimisation", "--with-progress", "--data-dir", str(data_dir)]) == 0
    printed = capsys.readouterr().out
    assert printed == f"{out}\t3 notes in 1 decks, 1 images, 2 with their schedule, 4 reviews\n"  # two notes reviewed twice in Anki
    with zipfile.ZipFile(out) as archive:
        archive.extract("collection.anki2", tmp_path)
        assert json.loads(archive.read("media")) == {"0": "grad_descent.png"}
    db = sqlite3.connect(tmp_path / "collection.anki2")
    decks = {d["name"] for d in json.loads(db.execute("SELECT decks FROM col").fetchone()[0]).values()}
    assert "QuizDesk::ML::Optimisation" in decks
    assert db.execute("SELECT count(*) FROM notes").fetchone()[0] == 3


def test_export_anki_nothing_chosen_writes_no_file(data_dir: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "none.apkg"
    assert main(["export", "--anki", str(out), "--module", "没有这个模块", "--data-dir", str(data_dir)]) == 1
    assert "no questions in module '没有这个模块'" in capsys.readouterr().err and not out.exists()


def test_export_needs_out_or_anki(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["export"])
    assert "--out" in capsys.readouterr().err


def test_help_describes_every_anki_option() -> None:
    parser = build_parser()
    sub = parser._subparsers._group_actions[0].choices
    assert isinstance(sub, dict)
    export_help = sub["export"].format_help()
    for option in ("--anki FILE.apkg", "--module M", "--topic T", "--with-progress", "--lang {zh,en}"):
        assert option in export_help
    assert ".apkg" in sub["import"].format_help() and ".colpkg" in sub["import"].format_help()

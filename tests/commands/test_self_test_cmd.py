"""``quizdesk self-test``: every check passes here, a broken part fails its check and
the ones that depend on it, the user's data folder is never opened."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

import quizdesk.commands.self_test as self_test
from quizdesk import __version__
from quizdesk.cli import main
from quizdesk.core.db.migrate import SCHEMA_HEAD

CHECK_COUNT = len(self_test.CHECKS)


def _run(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["self-test"])
    return code, capsys.readouterr().out.splitlines()


def test_every_check_passes_and_nothing_is_left_behind(qapp, capsys, monkeypatch, tmp_path: Path) -> None:
    mine = tmp_path / "my-data"
    monkeypatch.setenv("QUIZDESK_DATA_DIR", str(mine))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    code, lines = _run(capsys)

    assert code == 0, "\n".join(lines)
    assert lines[0].startswith(f"QuizDesk {__version__} self-test: Python package")
    checks = lines[1:-1]
    assert len(checks) == CHECK_COUNT and all(line.startswith("ok   ") for line in checks), "\n".join(lines)
    assert checks[0].startswith(f"ok   database opened (schema {SCHEMA_HEAD}")
    assert "bundled bank synced" in checks[1] and "exam taken to the end (2 questions" in checks[4]
    assert "the exam's 2 attempts among them" in checks[6]
    assert "zh_CN ('Weak areas' → '薄弱环节')" in checks[7]
    assert lines[-1] == f"all {CHECK_COUNT} checks passed"
    assert not mine.exists(), "the self-test opened the user's data folder"
    assert list(scratch.iterdir()) == [], "the temporary folder was not removed"


def test_without_a_bank_its_dependants_fail_and_the_rest_still_run(qapp, capsys, monkeypatch, tmp_path: Path) -> None:
    empty = tmp_path / "no-bank"
    empty.mkdir()
    monkeypatch.setattr("quizdesk.core.paths.bundled_content_dir", lambda: empty)

    code, lines = _run(capsys)

    assert code == 1
    assert lines[1].startswith("ok   database opened")
    assert lines[2] == f"FAIL bank: the bank at {empty} gave no questions"
    assert lines[3] == "FAIL search: not run (no question to search for)"
    assert lines[4].startswith("ok   answer rendered")
    assert lines[5] == "FAIL exam: No question matches the chosen topics and question types."
    assert lines[6] == "FAIL results: not run (no exam was taken)"
    assert lines[7] == "FAIL export: not run (no exam to export)"
    assert lines[8].startswith("ok   UI catalogues load")
    assert lines[-1] == f"5 of {CHECK_COUNT} checks failed"


def test_a_missing_catalogue_fails_the_translations_check(qapp, capsys, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr("quizdesk.ui.i18n.translations_dir", lambda: tmp_path / "no-i18n")
    code, lines = _run(capsys)
    assert code == 1
    assert lines[8].startswith("FAIL translations: cannot load the zh_CN catalogue")
    assert lines[-1] == f"1 of {CHECK_COUNT} checks failed"


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        ("A formula that does not parse: $$\\frac{a}{b$$\n\n```python\nx = 1\n```\n", "FAIL render: math: "),
        ("No formula at all.\n\n```python\nx = 1\n```\n", "FAIL render: the formula image is missing or blank"),
        ("$$e^{i\\pi} + 1 = 0$$\n\n```\nplain, not highlighted\n```\n", "FAIL render: the code block has no syntax colours"),
    ],
)
def test_the_render_check_sees_what_went_wrong(qapp, capsys, monkeypatch, answer: str, reason: str) -> None:
    monkeypatch.setattr(self_test, "SAMPLE_ANSWER", answer)
    code, lines = _run(capsys)
    assert code == 1
    assert [line for line in lines if line.startswith("FAIL")] == [next(line for line in lines if line.startswith(reason))]


def test_ink_and_colour_detection_on_plain_images(qapp) -> None:
    white = QColor("#ffffff")
    blank = QImage(200, 100, QImage.Format.Format_ARGB32)
    blank.fill(white)
    assert self_test._ink(blank, white) == 0.0
    assert not self_test._has_colour(blank)
    grey = QImage(blank)
    grey.fill(QColor("#777777"))
    assert self_test._ink(grey, white) == 1.0
    assert not self_test._has_colour(grey)
    grey.fill(Qt.GlobalColor.darkGreen)
    assert self_test._has_colour(grey)


@pytest.mark.slow
def test_as_a_command_with_no_display_and_no_platform_chosen(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["QUIZDESK_DATA_DIR"] = str(tmp_path / "my-data")
    result = subprocess.run(
        [sys.executable, "-m", "quizdesk", "self-test"], env=env, capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "platform offscreen" in lines[0]
    assert sum(line.startswith("ok   ") for line in lines) == CHECK_COUNT
    assert lines[-1] == f"all {CHECK_COUNT} checks passed"
    assert not (tmp_path / "my-data").exists()

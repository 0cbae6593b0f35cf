"""The bundle's pre-drawn formulas (packaging/predraw.py): the build step fills a
folder, and the app, given that folder as its read-only cache, shows bundled
answers from it without importing ziamath — with the same HTML and drawings as
drawing them. The build step runs as the bundle build runs it (a subprocess,
no PyInstaller)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
# The slowest answer (nested fences), one with CJK inside \text{…}, and multiple-
# choice questions with formulas in the title and the choices.
QUESTIONS = ["llm-dpo", "img-dpi", "img-q-rf-target", "dl-q-sqrt-dk"]

SHOW = r"""
import json, os, sys
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from quizdesk.ui.app.launch import make_application
from quizdesk.core.content.bank_parser import parse_bank
from quizdesk.core.paths import bundled_content_dir
from quizdesk.core.render import MathCache, clear_answer_cache
from quizdesk.ui.widgets.answer_view import AnswerView

folder, font_px, dark, ids = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "dark", sys.argv[4:]
app = make_application()
questions = {q.external_id: q for q in parse_bank(bundled_content_dir()).questions}

def show(cache):
    view = AnswerView(cache=cache)
    view.set_font_px(font_px)
    view.set_dark(dark)
    shown = []
    for qid in ids:
        q = questions[qid]
        for text in (f"## {q.title}", q.body_md, q.answer_md,
                     "\n".join(f"- **A.** {c.text}" for c in q.choices), "\n".join(f"- {p}" for p in q.key_points)):
            view.set_markdown(text)
            shown.append([view.toHtml(), len(view.document().toPlainText()), [p.message for p in view.problems()]])
    return shown

before = "ziamath" in sys.modules
cached = show(MathCache(read_only=[folder]))
loaded = "ziamath" in sys.modules
clear_answer_cache()
drawn = show(MathCache())  # no cache at all: ziamath draws every formula
print(json.dumps({"before": before, "loaded": loaded, "same": cached == drawn, "problems": [s[2] for s in cached]}))
"""


def _show(folder: Path, font_px: int, theme: str, ids: list[str]) -> dict[str, Any]:
    result = subprocess.run([sys.executable, "-c", SHOW, str(folder), str(font_px), theme, *ids],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    shown: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return shown


@pytest.fixture(scope="module")
def predrawn(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("math-cache")
    result = subprocess.run([sys.executable, str(REPO / "packaging" / "predraw.py"), str(folder), "--only", *QUESTIONS],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pre-drew" in result.stdout and "not pre-drawn" not in result.stdout, result.stdout
    return folder


def test_the_build_step_fills_the_folder(predrawn: Path) -> None:
    files = list(predrawn.rglob("*.json.z"))
    # Two sizes (answer panes, exam results) of every formula; one file serves both themes.
    assert len(files) > 40


@pytest.mark.parametrize(("font_px", "theme"), [(15, "light"), (15, "dark"), (14, "light")])
def test_bundled_answers_are_shown_without_ziamath(predrawn: Path, font_px: int, theme: str) -> None:
    shown = _show(predrawn, font_px, theme, QUESTIONS)
    assert shown["before"] is False and shown["loaded"] is False
    assert shown["same"] is True  # identical to drawing them now
    assert all(problems == [] for problems in shown["problems"])


def test_a_size_the_build_did_not_draw_is_drawn(predrawn: Path) -> None:
    shown = _show(predrawn, 19, "light", QUESTIONS[:1])
    assert shown["loaded"] is True and shown["same"] is True

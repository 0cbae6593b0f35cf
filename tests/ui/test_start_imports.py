"""What a start that only reads loads: the real app, launched twice in fresh interpreters.

The first launch fills the database from the bundled bank (a write: the ORM) and
renders the first answer (Markdown, Pygments). The second is every later start:
the window paints, the first answer is drawn from the answer cache, and neither
SQLAlchemy nor the Markdown pipeline is imported (~0.3 s and ~35 MB, ~0.1–0.2 s).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

LAUNCH = r"""
import json, sys
from quizdesk.ui.app.launch import run_gui
code = run_gui(sys.argv[1])
print(json.dumps({"code": code, "orm": "sqlalchemy" in sys.modules, "markdown": "markdown" in sys.modules,
                  "pygments": "pygments.lexer" in sys.modules}))
"""


def _launch(data_dir: Path) -> dict[str, Any]:
    env = {**os.environ, "QUIZDESK_STARTUP_PROBE": "settled", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", LAUNCH, str(data_dir)], capture_output=True, text=True,
                            timeout=300, check=True, env=env)
    lines = result.stdout.split("\n")
    probe = [line.split()[0] for line in lines if line.split() and line.split()[0] in ("first-paint", "answer", "settled")]
    assert probe == ["first-paint", "answer", "settled"], result.stdout + result.stderr
    report: dict[str, Any] = json.loads(next(line for line in lines if line.startswith("{")))
    return report


def test_a_later_start_reads_without_the_orm_or_the_markdown_pipeline(tmp_path: Path) -> None:
    first = _launch(tmp_path)
    assert first["code"] == 0 and first["orm"] and first["markdown"]  # the bank synced, the answer rendered
    assert any((tmp_path / "cache" / "answers").rglob("*.json.z"))
    again = _launch(tmp_path)
    assert again == {"code": 0, "orm": False, "markdown": False, "pygments": False}

"""mypy over the GUI-free core, with untyped definitions disallowed (pyproject [tool.mypy])."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_core_type_checks() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "src/quizdesk/core"], cwd=REPO, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout + result.stderr

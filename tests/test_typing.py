"""mypy over the whole package and the tests, with the settings in pyproject.toml [tool.mypy].

``check_untyped_defs`` everywhere (the GUI included), untyped definitions
disallowed in the GUI-free core, and ``warn_unused_ignores``: a ``type: ignore``
that is no longer needed fails too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _run_mypy(*paths: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", *paths], cwd=REPO, capture_output=True, text=True, timeout=900
    )


@pytest.mark.slow
def test_the_package_type_checks() -> None:
    result = _run_mypy("src")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_tests_type_check() -> None:
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / "tests").rglob("*.py"))
    result = _run_mypy(*files)
    assert result.returncode == 0, result.stdout + result.stderr

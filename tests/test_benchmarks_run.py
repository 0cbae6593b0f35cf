"""The benchmark entry point works end to end (figures are not asserted: timing belongs in benchmarks/)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_quick_benchmark_run_prints_every_group(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "run.py"), "--quick", "--json", str(out)],
        capture_output=True, text=True, timeout=1200, env=env, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    def refuse(constant: str) -> None:
        raise AssertionError(f"not strict JSON: {constant}")

    data = json.loads(out.read_text(encoding="utf-8"), parse_constant=refuse)
    names = [r["name"] for r in data["rows"]]
    for expected in (
        "start-up to main window shown, 5000 questions",
        "resident memory at first paint, 5000 questions",
        "resident memory after start, 5000 questions",
        "search p95, 5000 questions",
        "library refresh: GUI thread held, 50000 attempts",
    ):
        assert expected in names
    assert "figure" in result.stdout and "budget" in result.stdout
    assert not [n for n in names if n.endswith(": failed")]

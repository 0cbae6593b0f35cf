"""Two launches on one data folder: one window, the other hands over and exits."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _launch(data_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "quizdesk", "gui", "--data-dir", str(data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_two_instances_started_at_once_share_one_window(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    first, second = _launch(data_dir), _launch(data_dir)
    launched = [first, second]
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and first.poll() is None and second.poll() is None:
            time.sleep(0.1)
        exited = [p for p in (first, second) if p.poll() is not None]
        assert len(exited) == 1, "exactly one of two simultaneous launches hands over"
        assert exited[0].returncode == 0, exited[0].stderr.read() if exited[0].stderr else ""
        survivor = second if exited[0] is first else first
        time.sleep(1.0)
        assert survivor.poll() is None  # the first instance keeps the data and the window
        third = _launch(data_dir)
        launched.append(third)
        assert third.wait(timeout=60) == 0  # a later launch hands over too
    finally:
        for process in launched:
            if process.poll() is None:
                process.kill()
            process.communicate(timeout=30)

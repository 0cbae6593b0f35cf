"""Kill test: SIGKILL a process mid-exam, 20 times; the DB is intact and holds every
acknowledged answer, and nothing but the answer in flight besides."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizdesk.core.content.bundled import sync_bundled_bank
from quizdesk.core.db.store import open_store

CHILD = Path(__file__).with_name("exam_child.py")
RUNS = 20


def _write_bank(root: Path, count: int = 30) -> None:
    folder = root / "01-m"
    folder.mkdir(parents=True)
    parts = ["# 模块\n<!-- module: 模块; topic: 主题 -->\n"]
    for i in range(count):
        if i % 2:
            parts.append(f"## 选择题 {i}\n<!-- id: k-{i}; type: single -->\n\n- [x] 对\n- [ ] 错\n- [ ] 也错\n\n### 解析\n因为。\n")
        else:
            parts.append(f"## 问答题 {i}\n<!-- id: k-{i}; type: open -->\n\n答案 {i}\n\n### 要点\n- 一\n- 二\n")
    (folder / "01-t.md").write_text("\n".join(parts), encoding="utf-8")


def _expected(lines: list[str]) -> tuple[dict[int, object], tuple[int, object] | None]:
    """Answers acknowledged (last one per question wins) and the one in flight."""
    acked: dict[int, object] = {}
    in_flight: tuple[int, object] | None = None
    for line in lines:
        kind, _, rest = line.partition(" ")
        if kind not in ("SENDING", "ACK") or not line.endswith(("]", '"')):
            continue  # a line cut by the kill
        qid, _, payload = rest.partition(" ")
        value = json.loads(payload)
        if kind == "SENDING":
            in_flight = (int(qid), value)
        else:
            acked[int(qid)] = value
            in_flight = None
    return acked, in_flight


@pytest.mark.slow
def test_sigkill_mid_exam_loses_nothing_acknowledged(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    _write_bank(bank)
    failures = []
    acked_counts = []
    for seed in range(RUNS):
        data_dir = tmp_path / f"data{seed}"
        store = open_store(data_dir)
        with store.session() as s:
            sync_bundled_bank(s, bank)
        store.close()
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(data_dir), str(seed)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.startswith("EXAM "), first + (child.stderr.read() if child.stderr else "")
        exam_id = int(first.split()[1])
        time.sleep(random.Random(seed).uniform(0.05, 0.6))
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        acked, in_flight = _expected(out.splitlines())
        acked_counts.append(len(acked))

        db = sqlite3.connect(data_dir / "quizdesk.db")
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {
            qid: json.loads(given)
            for qid, given in db.execute("SELECT question_id, given FROM session_answers WHERE session_id = ?", (exam_id,))
        }
        db.close()
        allowed = dict(acked)
        if in_flight is not None:
            allowed_with_flight = {**acked, in_flight[0]: in_flight[1]}
        else:
            allowed_with_flight = allowed
        if stored not in (allowed, allowed_with_flight):
            failures.append((seed, len(acked), stored, acked, in_flight))
    assert failures == [], failures[:2]
    # The kills landed mid-exam, not before the first answer.
    assert sum(1 for n in acked_counts if n > 0) >= RUNS - 2, acked_counts

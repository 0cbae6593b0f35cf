"""The interview countdown's forecast: issue 19 budget "≤ 100 ms for 20,000 questions and 200,000 attempts".

    python benchmarks/bench_plan.py [--quick]

A bank of 20,000 generated questions (``synthetic.make_store``) gets a learner's
history of 200,000 attempts (``synthetic.make_history``: real FSRS states). An
interview covering every module, 14 days on, 45 minutes a day, is planned with
``plan_interview`` on the raw read connection (``Store.read()``), as a view
would call it on a worker thread: tonight's plan, the forecast if stopped and
if planned, the per-day series. Median of several runs after a warm-up. Also
an interview of 3 of the 8 modules, and one 60 days on. Quick mode: 2,000
questions and 20,000 attempts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

BUDGET_MS = 100.0


def _median_ms(function: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds (CPU time says less about other programs on a busy machine)."""
    function()
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    from quizdesk.core.plan.countdown import plan_interview
    from quizdesk.core.plan.interviews import InterviewSpec

    from synthetic import make_history, make_store

    questions, attempts = (2_000, 20_000) if args.quick else (20_000, 200_000)
    with tempfile.TemporaryDirectory() as tmp:
        store = make_store(Path(tmp), questions)
        now = make_history(store, attempts)
        tz = timezone(timedelta(hours=8))
        with store.read() as connection:
            modules = [k for (k,) in connection.execute("SELECT key FROM topics WHERE parent_id IS NULL ORDER BY sort_order")]
        today = now.astimezone(tz).date()
        cases = [
            ("every module, 14 days", InterviewSpec(None, "all", today + timedelta(days=14), tuple(modules))),
            ("3 of 8 modules, 14 days", InterviewSpec(None, "three", today + timedelta(days=14), tuple(modules[:3]))),
            ("every module, 60 days", InterviewSpec(None, "far", today + timedelta(days=60), tuple(modules))),
        ]
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{questions:,} questions, {attempts:,} attempts; budget {BUDGET_MS:.0f} ms (first row); "
              f"load average {load:.1f} on {os.cpu_count()} CPUs")
        with store.read() as connection:
            for name, spec in cases:
                plan = plan_interview(connection, spec, now=now, tz=tz)
                ms, cpu = _median_ms(lambda: plan_interview(connection, spec, now=now, tz=tz), 3 if args.quick else 7)
                flag = "" if name != cases[0][0] else ("  within budget" if ms <= BUDGET_MS else "  OVER BUDGET")
                print(f"  plan_interview, {name:<24} {ms:7.1f} ms (CPU {cpu:5.1f} ms)  ({plan.questions:,} questions in scope, "
                      f"{'on track' if plan.on_track else f'behind by {plan.missing_views}'}){flag}")
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

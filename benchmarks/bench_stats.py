"""Weak-area stats and CSV export: DESIGN.md budget "stats over 200,000 attempts ≤ 150 ms".

    python benchmarks/bench_stats.py [--quick]

A bank of 20,000 generated questions gets a learner's history from a fixed
seed (``synthetic.make_history``: real FSRS states from each question's
attempts in time order), once with 10,000 and once with 200,000 attempts, for
the growth columns. Each figure is the median of several runs after a
warm-up, on the raw read connection the app's dashboard uses
(``Store.read()``). The budgeted figure is what the dashboard computes:
``topic_stats`` then ``weakest_topics``. Quick mode uses 2,000 questions and
10,000 / 50,000 attempts.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

Row = dict[str, Any]
BUDGET_MS = 150.0
BUDGET_ATTEMPTS = 200_000


def _median_ms(function: Callable[[], object], repeats: int) -> float:
    return _median_wall_cpu_ms(function, repeats)[0]


def _median_wall_cpu_ms(function: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds (CPU time says less about other programs on a shared machine)."""
    function()  # warm-up: page cache, statement cache, imports
    wall, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def _measure(db_dir: Path, attempts: int, questions: int, quick: bool, tmp: Path) -> list[Row]:
    from quizdesk.core.db.store import Store
    from quizdesk.core.stats.export import export_csv
    from quizdesk.core.stats.history import daily_history
    from quizdesk.core.stats.mastery import topic_stats, weakest_topics

    from synthetic import make_history

    store = Store(db_dir / "quizdesk.db")
    now = make_history(store, attempts)
    repeats = 3 if quick else 9
    out = tmp / f"export-{attempts}"
    out.mkdir()
    with store.read() as connection:
        stats_ms, stats_cpu = _median_wall_cpu_ms(lambda: weakest_topics(topic_stats(connection, now=now)), repeats)
        topics = topic_stats(connection, now=now)
        rank_ms = _median_ms(lambda: weakest_topics(topics, limit=10), repeats)
        history_ms = _median_ms(lambda: daily_history(connection, days=30, now=now), repeats)
        history_year_ms = _median_ms(lambda: daily_history(connection, days=365, now=now), repeats)
        export_ms = _median_ms(lambda: export_csv(connection, out, now=now), 1 if quick else 3)
    store.close()
    size_mb = sum(p.stat().st_size for p in out.iterdir()) / 1024 / 1024
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    where = f"{questions:,} questions, {len(topics)} topics and modules; CPU {stats_cpu:.1f} ms (load average {load:.1f})"
    return [
        {"name": f"weak-area stats (topic_stats + weakest_topics), {attempts} attempts", "value_ms": stats_ms,
         "budget_ms": BUDGET_MS if attempts == BUDGET_ATTEMPTS else None, "note": where, "size": attempts,
         "cpu_ms": stats_cpu},
        {"name": f"weakest_topics ranking alone, {attempts} attempts", "value_ms": rank_ms, "size": attempts},
        {"name": f"daily_history 30 days, {attempts} attempts", "value_ms": history_ms, "size": attempts,
         "note": "history spans 180 days"},
        {"name": f"daily_history 365 days, {attempts} attempts", "value_ms": history_year_ms, "size": attempts},
        {"name": f"export_csv (3 files), {attempts} attempts", "value_ms": export_ms, "size": attempts,
         "note": f"{size_mb:.1f} MiB written, fsynced"},
    ]


def _without_stats_index(db_dir: Path, tmp: Path, attempts: int) -> Row:
    """The same stats with migration 0004's covering index dropped: why it exists."""
    from quizdesk.core.db.store import Store
    from quizdesk.core.stats.mastery import topic_stats, weakest_topics

    copy = tmp / "no-index"
    copy.mkdir()
    shutil.copy(db_dir / "quizdesk.db", copy / "quizdesk.db")
    connection = sqlite3.connect(copy / "quizdesk.db")
    connection.execute("DROP INDEX ix_attempts_question_time_score")
    connection.execute("CREATE INDEX ix_attempts_question_time ON attempts (question_id, answered_at)")
    connection.commit()
    connection.close()
    store = Store(copy / "quizdesk.db")
    from datetime import datetime, timezone

    now = datetime(2026, 6, 1, 20, 0, tzinfo=timezone.utc)
    with store.read() as reader:
        value = _median_ms(lambda: weakest_topics(topic_stats(reader, now=now)), 3)
    store.close()
    return {"name": f"weak-area stats without the 0004 index, {attempts} attempts", "value_ms": value,
            "note": "index on (question_id, answered_at) only, as before 0004"}


def _library_refresh(db_dir: Path, attempts: int, repeats: int) -> list[Row]:
    """The main window's library refresh: how long it holds the GUI thread, and
    how long until the topic tree's mastery dots (computed on a worker) arrive."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from quizdesk.core.db.store import Store
    from quizdesk.ui.library.library_view import LibraryView

    app = QApplication.instance() or QApplication([])
    store = Store(db_dir / "quizdesk.db")
    view = LibraryView(store, defer_answer_view=True)
    blocked, until_dots = [], []
    for _ in range(repeats + 1):  # the first is the warm-up
        loop = QEventLoop()
        view.masteryShown.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        start = time.perf_counter()
        view.refresh()
        blocked.append((time.perf_counter() - start) * 1000)
        loop.exec()
        until_dots.append((time.perf_counter() - start) * 1000)
        view.masteryShown.disconnect(loop.quit)
    view.deleteLater()
    app.processEvents()
    store.close()
    gui_ms, dots_ms = statistics.median(blocked[1:]), statistics.median(until_dots[1:])
    return [
        {"name": f"library refresh: GUI thread held, {attempts} attempts", "value_ms": gui_ms, "size": attempts,
         "note": f"{gui_ms / dots_ms:.0%} of the time to fresh mastery dots; the stats run on a worker"},
        {"name": f"library refresh: until the mastery dots are shown, {attempts} attempts", "value_ms": dots_ms,
         "size": attempts},
    ]


def run(quick: bool) -> list[Row]:
    from synthetic import make_store

    questions = 2_000 if quick else 20_000
    sizes = (10_000, 50_000) if quick else (10_000, BUDGET_ATTEMPTS)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="quizdesk-bench-stats-") as tmp_name:
        tmp = Path(tmp_name)
        bank = tmp / "bank"
        make_store(bank, questions).close()
        for attempts in sizes:
            db_dir = tmp / f"db-{attempts}"
            db_dir.mkdir()
            shutil.copy(bank / "quizdesk.db", db_dir / "quizdesk.db")
            rows.extend(_measure(db_dir, attempts, questions, quick, tmp))
            rows.extend(_library_refresh(db_dir, attempts, 3 if quick else 7))
            if not quick and attempts == BUDGET_ATTEMPTS:
                rows.append(_without_stats_index(db_dir, tmp, attempts))
    return rows


if __name__ == "__main__":
    for r in run("--quick" in sys.argv):
        budget = f"budget {r['budget_ms']:g} ms" if r.get("budget_ms") else ""
        print(f"{r['name']:66} {r['value_ms']:9.1f} ms  {budget:14} {r.get('note', '')}")

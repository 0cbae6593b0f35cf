"""Every budget of DESIGN.md, measured in one command.

    python benchmarks/run.py [--quick] [--json OUT]

Generates synthetic data with a fixed seed, measures each figure (median of
several runs after a warm-up) through the code paths the app uses, prints a
table (figure, value, budget, within/over) and, with --json, writes the rows.
Growth rows show each figure at several sizes; a figure that grows clearly
faster than its input is flagged "worse than linear".
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

Row = dict[str, Any]
LAUNCH_TIMEOUT_S = 120


def row(name: str, value: float, unit: str, budget: float | None = None, note: str = "", size: int | None = None) -> Row:
    return {"name": name, "value": value, "unit": unit, "budget": budget, "note": note, "size": size}


def _launch_until_first_paint(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from process launch to its 'first-paint' line, and its RSS then (KiB)."""
    import threading

    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    # A build that stops at a dialog (an old bundle refusing a newer database)
    # would wait for a click forever: give up and say so.
    watchdog = threading.Timer(LAUNCH_TIMEOUT_S, process.kill)
    watchdog.start()
    try:
        line = process.stdout.readline()
        elapsed = time.perf_counter() - start
        process.wait(timeout=LAUNCH_TIMEOUT_S)
    finally:
        watchdog.cancel()
    if not line.startswith("first-paint"):
        raise RuntimeError(f"{command[0]} did not report its first paint within {LAUNCH_TIMEOUT_S} s (an old build? rebuild it)")
    return elapsed, int(line.split()[1])


def _launch(command: list[str], env: dict[str, str]) -> dict[str, tuple[float, int]]:
    """Run to exit; for each probe line ('first-paint', 'answer', 'settled', 'writes') its seconds from
    launch and the RSS (KiB) it reported."""
    import threading

    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    watchdog = threading.Timer(LAUNCH_TIMEOUT_S, process.kill)  # a dialog waiting for a click
    watchdog.start()
    seen: dict[str, tuple[float, int]] = {}
    try:
        for line in process.stdout:
            words = line.split()
            if len(words) == 2 and words[0] in ("first-paint", "answer", "settled", "writes"):
                seen[words[0]] = (time.perf_counter() - start, int(words[1]))
        process.wait(timeout=LAUNCH_TIMEOUT_S)
    finally:
        watchdog.cancel()
    return seen


def _settled(command: list[str], env: dict[str, str]) -> dict[str, tuple[float, int]]:
    """A ``QUIZDESK_STARTUP_PROBE=settled`` launch: seconds from launch and RSS (KiB) at
    'answer' (the first answer drawn, formulas included) and 'settled' (no start-up job left either)."""
    seen = _launch(command, {**env, "QUIZDESK_STARTUP_PROBE": "settled"})
    if "settled" not in seen or "answer" not in seen:
        raise RuntimeError(f"{command} did not report a settled start")
    return seen


def bench_startup(quick: bool, tmp: Path) -> list[Row]:
    """First paint and settled, each beside a bare PySide6 window launched in the same rounds.

    The machine drifts between runs: each round launches the bare window, the app
    to its first paint and the app to settled one after the other, and the ratios
    to the bare window (medians of one run) are the figures to compare.
    """
    from synthetic import make_store

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUIZDESK_STARTUP_PROBE": "1"}
    # A user's Python caches compiled modules; measure that, not a cold compile.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    runs = 3 if quick else 7
    bare_command = [sys.executable, str(HERE / "bare_window.py")]
    _launch_until_first_paint(bare_command, env)
    bare_all: list[float] = []
    rows: list[Row] = []
    sizes = (1000, 5000) if quick else (1000, 5000, 20000)
    for size in sizes:
        data_dir = tmp / f"startup-{size}"
        make_store(data_dir, size).close()
        command = [sys.executable, "-m", "quizdesk", "gui", "--data-dir", str(data_dir)]
        _settled(command, env)  # warm-up: syncs the bundled bank, draws the first answer's formulas once
        bare, paint, settled = [], [], []
        for _ in range(runs):
            bare.append(_launch_until_first_paint(bare_command, env)[0])
            paint.append(_launch_until_first_paint(command, env))
            settled.append(_settled(command, env))
        bare_all += bare
        bare_s = statistics.median(bare)
        paint_s = statistics.median(s[0] for s in paint)
        answer_s = statistics.median(s["answer"][0] for s in settled)
        settled_s = statistics.median(s["settled"][0] for s in settled)
        rows.append(row(f"start-up to main window shown, {size} questions", paint_s, "s", 0.5 if size == 5000 else None,
                        f"{paint_s / bare_s:.1f}× bare window; Anki 26.9 visible ≈ 0.75 s", size))
        rows.append(row(f"start-up to first answer drawn, {size} questions", answer_s, "s", None,
                        f"{answer_s / bare_s:.1f}× bare window", size))
        rows.append(row(f"start-up to settled, {size} questions", settled_s, "s", None,
                        f"{settled_s / bare_s:.1f}× bare window; first answer drawn, no start-up job left; Anki 26.9 usable ≈ 0.97 s", size))
        rows.append(row(f"first paint / bare window, {size} questions", paint_s / bare_s, "×", None, "medians of one run"))
        rows.append(row(f"settled / bare window, {size} questions", settled_s / bare_s, "×", None, "medians of one run"))
        rows.append(row(f"resident memory at first paint, {size} questions", statistics.median(s[1] for s in paint) / 1024, "MB",
                        None, "", size))
        rows.append(row(f"resident memory after start, {size} questions", statistics.median(s["settled"][1] for s in settled) / 1024, "MB",
                        120 if size == 5000 else None, "settled: first answer shown, reading (no ORM)", size))
        # A user who studies: the study page loads the ORM for its first grade.
        writes = [_launch(command, {**env, "QUIZDESK_STARTUP_PROBE": "writes"}) for _ in range(3 if quick else 5)]
        if any("writes" not in w for w in writes):
            raise RuntimeError(f"{command} did not report the writes probe")
        rows.append(row(f"resident memory once studying, {size} questions", statistics.median(w["writes"][1] for w in writes) / 1024,
                        "MB", None, "a study round opened: the ORM loaded for its first grade", size))
    rows.insert(0, row("start-up: bare PySide6 QMainWindow", statistics.median(bare_all), "s", None, "baseline, same probe"))
    return rows


SEARCH_QUERIES = ("注意力", "梯度裁剪", "学习率", "Transformer", "softmax", "LoRA", "量化 推理", "显存", "扩散模型采样", "dropout")


def bench_search(quick: bool, tmp: Path) -> list[Row]:
    from synthetic import make_store

    from quizdesk.core.search import search

    rows: list[Row] = []
    sizes = (1000, 5000) if quick else (1000, 5000, 20000)
    for size in sizes:
        store = make_store(tmp / f"search-{size}", size)
        timings = []
        with store.read() as connection:  # the raw connection the main window searches on
            for query in SEARCH_QUERIES:
                search(connection, query)  # warm-up
            for _ in range(3 if quick else 10):
                for query in SEARCH_QUERIES:
                    start = time.perf_counter()
                    search(connection, query)
                    timings.append((time.perf_counter() - start) * 1000)
        store.close()
        timings.sort()
        p50 = timings[len(timings) // 2]
        p95 = timings[int(len(timings) * 0.95) - 1]
        rows.append(row(f"search p50, {size} questions", p50, "ms", None, "Chinese and Latin queries", size))
        rows.append(row(f"search p95, {size} questions", p95, "ms", 20 if size == 20000 else None, "", size))
    return rows


def bench_bundle(quick: bool, tmp: Path) -> list[Row]:
    folder = REPO / "dist" / "quizdesk"
    if not folder.is_dir():
        return [row("PyInstaller one-folder bundle", float("nan"), "MB", 150, "no build present (python packaging/build.py)")]
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    rows = [row("PyInstaller one-folder bundle", size / 1024 / 1024, "MB", 150)]
    executable = folder / ("quizdesk-cli.exe" if sys.platform == "win32" else "quizdesk")
    if not executable.is_file():
        return rows
    shipped = {p.name for p in (folder / "_internal" / "quizdesk" / "core" / "db" / "migrations" / "versions").glob("*.py")}
    current = {p.name for p in (REPO / "src" / "quizdesk" / "core" / "db" / "migrations" / "versions").glob("*.py")}
    if shipped != current:  # it would refuse today's database and wait at its dialog
        rows.append(row("bundle start-up to main window shown, 5000 questions", float("nan"), "s", None,
                        "dist/quizdesk is older than the source (its schema differs): rebuild with python packaging/build.py"))
        return rows
    from synthetic import make_store

    # The bundle's start, measured like the source start (same probe, same data).
    data_dir = tmp / "bundle-startup-5000"
    make_store(data_dir, 5000).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUIZDESK_STARTUP_PROBE": "1"}
    command = [str(executable), "--data-dir", str(data_dir)]
    _launch_until_first_paint(command, env)  # warm-up: syncs the bank, fills the OS file cache
    samples = [_launch_until_first_paint(command, env) for _ in range(3 if quick else 7)]
    seconds = statistics.median(s[0] for s in samples)
    rows.append(row("bundle start-up to main window shown, 5000 questions", seconds, "s", None,
                    "dist/quizdesk, offscreen", 5000))
    return rows


def _external(module_name: str) -> Any:
    """A benchmark module written beside this one (render, import, stats)."""
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return None


def _normalise(r: Row) -> Row:
    """Rows from the group modules, in the one shape the table prints."""
    out = {**row("", 0, ""), **r}
    if "value_ms" in r:
        out["value"], out["unit"] = r["value_ms"], "ms"
    if "budget_ms" in r:
        out["budget"] = r["budget_ms"]
    return out


def _above_noise(r: Row) -> bool:
    """Large enough that its growth means something: over 1 ms for times, over 1 unit otherwise."""
    scale = {"s": 1000.0, "ms": 1.0}.get(r["unit"], 1.0)
    return r["value"] * scale > 1


def flag_growth(rows: list[Row]) -> None:
    """Mark figures whose cost grows clearly faster than their input size."""
    groups: dict[str, list[Row]] = {}
    for r in rows:
        if r.get("size") and r["value"] == r["value"]:
            groups.setdefault(r["name"].rsplit(",", 1)[0], []).append(r)
    for members in groups.values():
        members.sort(key=lambda r: r["size"])
        for small, big in zip(members, members[1:]):
            size_ratio = big["size"] / small["size"]
            value_ratio = big["value"] / small["value"] if small["value"] else 0
            big["growth"] = f"×{value_ratio:.2f} for ×{size_ratio:.3g} input"
            if value_ratio > 1.5 * size_ratio and _above_noise(big):
                big["note"] = (big.get("note") + "; " if big.get("note") else "") + "worse than linear"


def verdict(r: Row) -> str:
    if r["budget"] is None:
        return ""
    if r["value"] != r["value"]:
        return "not measured"
    return "within" if r["value"] <= r["budget"] else "OVER"


def print_table(rows: list[Row]) -> None:
    print(f"{'figure':58} {'value':>10} {'budget':>9}  {'':8} note")
    for r in rows:
        value = "—" if r["value"] != r["value"] else f"{r['value']:.3g} {r['unit']}"
        budget = "" if r["budget"] is None else f"{r['budget']:g} {r['unit']}"
        notes = "; ".join(x for x in (r.get("growth", ""), r.get("note", "")) if x)
        print(f"{r['name']:58} {value:>10} {budget:>9}  {verdict(r):8} {notes}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes and few repeats (for the test suite)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the rows as JSON")
    parser.add_argument("--only", nargs="*", help="run only these groups: startup search render import anki stats bundle")
    args = parser.parse_args(argv)
    groups = {
        "startup": bench_startup,
        "render": getattr(_external("bench_render"), "run", None),
        "import": getattr(_external("bench_import"), "run", None),
        "anki": getattr(_external("bench_anki"), "run", None),
        "search": bench_search,
        "stats": getattr(_external("bench_stats"), "run", None),
        "bundle": bench_bundle,
    }
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="quizdesk-bench-") as tmp:
        for name, function in groups.items():
            if args.only and name not in args.only:
                continue
            if function is None:
                rows.append(row(f"{name}: benchmark not available", float("nan"), "", None))
                continue
            tmp_group = Path(tmp) / name
            tmp_group.mkdir()
            try:
                produced = function(args.quick, tmp_group) if name in ("startup", "search", "bundle") else function(args.quick)
            except Exception as exc:  # one broken group must not hide the others' figures
                produced = [row(f"{name}: failed", float("nan"), "", None, f"{type(exc).__name__}: {exc}")]
            rows.extend(_normalise(r) for r in produced)
    flag_growth(rows)
    machine = f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} CPUs"
    print(f"QuizDesk benchmarks ({'quick' if args.quick else 'full'}) on {machine}\n")
    print_table(rows)
    if args.json:
        # Strict JSON: a figure not measured (NaN) is written as null.
        plain = [{k: (None if isinstance(v, float) and v != v else v) for k, v in r.items()} for r in rows]
        args.json.write_text(json.dumps({"machine": machine, "quick": args.quick, "rows": plain}, ensure_ascii=False, indent=2,
                                        default=str, allow_nan=False), encoding="utf-8")
    failed = [r for r in rows if r["name"].endswith(": failed")]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

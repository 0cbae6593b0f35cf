"""This checkout against an earlier revision, in one run: "did anything get worse?"

    python benchmarks/compare.py --base dcecb01 [--rounds 3] [--only startup search render stats]

A shared 2-core machine drifts by tens of percent between two runs an hour
apart, so two separate ``run.py`` tables cannot show a 10 % change. This
script checks the base revision out into a temporary git worktree and runs
``run.py --json`` of the base and of this checkout alternately, ``--rounds``
times each, in one process; each side uses its own ``src/`` and its own
benchmark scripts (``PYTHONPATH`` points at the side's ``src``). It prints,
per figure both sides measure, the median of each side and the ratio
this / base (below 1: faster or smaller now). Figures only one side has are
listed apart. The worktree is removed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GROUPS = ["startup", "search", "render", "stats"]


def _run_side(checkout: Path, groups: list[str], out: Path, quick: bool) -> dict[str, dict[str, Any]]:
    """One ``run.py --json`` of ``checkout``; its rows by name (and size)."""
    env = dict(os.environ, PYTHONPATH=str(checkout / "src"))
    command = [sys.executable, str(checkout / "benchmarks" / "run.py"), "--json", str(out), "--only", *groups, *(["--quick"] if quick else [])]
    subprocess.run(command, cwd=checkout, env=env, check=True, stdout=subprocess.DEVNULL)
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    return {_key(r): r for r in rows if isinstance(r.get("value"), (int, float))}


def _key(r: dict[str, Any]) -> str:
    return f"{r['name']} @ {r['size']}" if r.get("size") is not None else str(r["name"])


def compare(base: str, rounds: int, groups: list[str], quick: bool = False) -> int:
    with tempfile.TemporaryDirectory(prefix="quizdesk-compare-") as tmp:
        worktree = Path(tmp) / "base"
        subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(worktree), base], cwd=REPO, check=True)
        try:
            runs: dict[str, list[dict[str, dict[str, Any]]]] = {"base": [], "this": []}
            for i in range(rounds):
                # Alternate who goes first, so a drift during the run hurts both sides alike.
                order = [("base", worktree), ("this", REPO)] if i % 2 == 0 else [("this", REPO), ("base", worktree)]
                for side, checkout in order:
                    print(f"round {i + 1}/{rounds}: {side}", file=sys.stderr, flush=True)
                    runs[side].append(_run_side(checkout, groups, Path(tmp) / f"{side}-{i}.json", quick))
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=REPO, check=False)
    print_comparison(base, runs)
    return 0


def _median(runs: list[dict[str, dict[str, Any]]], key: str) -> float | None:
    values = [run[key]["value"] for run in runs if key in run]
    return statistics.median(values) if values else None


def print_comparison(base: str, runs: dict[str, list[dict[str, dict[str, Any]]]]) -> None:
    keys_base = {k for run in runs["base"] for k in run}
    keys_this = {k for run in runs["this"] for k in run}
    units = {k: r["unit"] for run in runs["base"] + runs["this"] for k, r in run.items()}
    shared = [k for run in runs["this"] for k in run if k in keys_base]
    print(f"{'figure':72} {'base ' + base[:10]:>16} {'this':>12} {'this/base':>10}")
    for key in dict.fromkeys(shared):
        before, now = _median(runs["base"], key), _median(runs["this"], key)
        assert before is not None and now is not None
        ratio = f"{now / before:.2f}" if before else "—"
        unit = units.get(key, "")
        print(f"{key[:72]:72} {before:>12.4g} {unit:<3} {now:>8.4g} {unit:<3} {ratio:>8}")
    for label, keys in (("only this checkout measures", keys_this - keys_base), ("only the base measures", keys_base - keys_this)):
        if keys:
            print(f"\n{label}: " + ", ".join(sorted(keys)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the revision to compare against (a commit, tag or branch)")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each side, alternating (default 3)")
    parser.add_argument("--only", nargs="*", default=DEFAULT_GROUPS, help="run.py groups (default: %(default)s)")
    parser.add_argument("--quick", action="store_true", help="run.py --quick: small sizes (a smoke test, not a verdict)")
    args = parser.parse_args(argv)
    return compare(args.base, args.rounds, args.only, args.quick)


if __name__ == "__main__":
    raise SystemExit(main())

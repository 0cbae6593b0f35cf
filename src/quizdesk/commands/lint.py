"""``quizdesk lint PATH``: validate a question bank."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "lint",
        parents=[common],
        help="validate a bank folder or file (docs/content-format.md)",
        description="Validate a bank: prints 'file:line: message' for each problem; exit 1 on errors.",
    )
    parser.add_argument("path", type=Path, help="bank folder or Markdown file")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument(
        "--render", action="store_true",
        help="also draw every formula, resolve every image and check every code language, as the app will (slower)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quizdesk.core.content.bank_parser import parse_bank
    from quizdesk.core.content.model import Problem

    if not args.path.exists():
        print(f"{args.path}: no such file or folder", file=sys.stderr)
        return 1
    result = parse_bank(args.path, paths_as_given=True)  # file:line opens from the current folder
    problems: list[Problem] = list(result.problems)
    if args.render:
        from quizdesk.core.content.render_check import rendering_problems

        folder = args.path if args.path.is_dir() else None
        problems += rendering_problems(result.questions, lambda q: folder / q.source_path if folder else args.path)
        problems.sort(key=lambda p: (p.path, p.line))
    for problem in problems:
        label = "" if problem.severity == "error" else "warning: "
        print(f"{problem.path}:{problem.line}: {label}{problem.message}")
    errors = [p for p in problems if p.severity == "error" or args.strict]
    error_count = sum(1 for p in problems if p.severity == "error")
    print(f"{len(result.questions)} questions, {error_count} errors, {len(problems) - error_count} warnings", file=sys.stderr)
    return 1 if errors else 0

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
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quizdesk.core.content.bank_parser import parse_bank
    from quizdesk.core.content.model import Problem

    if not args.path.exists():
        print(f"{args.path}: no such file or folder", file=sys.stderr)
        return 1
    result = parse_bank(args.path, paths_as_given=True)  # file:line opens from the current folder
    problems: list[Problem] = result.problems
    for problem in problems:
        label = "" if problem.severity == "error" else "warning: "
        print(f"{problem.path}:{problem.line}: {label}{problem.message}")
    errors = [p for p in problems if p.severity == "error" or args.strict]
    print(
        f"{len(result.questions)} questions, {len(result.errors)} errors, "
        f"{len(problems) - len(result.errors)} warnings",
        file=sys.stderr,
    )
    return 1 if errors else 0

"""The ``quizdesk`` command: ``gui`` (the default) and the scripting subcommands.

Each subcommand lives in its own module under :mod:`quizdesk.commands` with an
``add_parser(subparsers)`` function; modules import their heavy dependencies
inside ``run`` so that ``quizdesk --help`` and the GUI start stay quick.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from quizdesk import __version__

COMMAND_MODULES = (
    "gui",
    "lint",
    "search",
    "render",
    "import_cmd",
    "export",
    "stats",
    "plan",
    "self_test",
)


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder holding the database (default: $QUIZDESK_DATA_DIR or the user data folder)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="quizdesk",
        description="QuizDesk: study and mock-exam app for AI / algorithm-engineer interviews.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"QuizDesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = False
    for name in COMMAND_MODULES:
        importlib.import_module(f"quizdesk.commands.{name}").add_parser(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if not hasattr(args, "data_dir"):
        args.data_dir = None
    if args.command is None:
        args = parser.parse_args(["gui", *(sys.argv[1:] if argv is None else argv)])
        if not hasattr(args, "data_dir"):
            args.data_dir = None
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        # The reader went away (``quizdesk stats | head``): stop quietly, and keep
        # Python's exit-time flush of stdout from raising again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    raise SystemExit(main())

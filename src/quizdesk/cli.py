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


def _starts_the_gui(argv: Sequence[str]) -> bool:
    """True for the plain start of the app: no command or ``gui``, at most ``--data-dir DIR``.

    Those need only the ``gui`` subcommand's parser: importing the eight other
    command modules to build theirs cost the start ~30 ms. Anything else
    (``--help``, a typo, another command) gets the full parser and its messages.
    """
    rest = list(argv)
    if "gui" in rest:
        rest.remove("gui")
    while rest:
        if rest[0] == "--data-dir" and len(rest) >= 2:
            rest = rest[2:]
        elif rest[0].startswith("--data-dir="):
            rest = rest[1:]
        else:
            return False
    return True


def build_parser(modules: Sequence[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    common = _common_options()
    parser = argparse.ArgumentParser(
        prog="quizdesk",
        description="QuizDesk: study and mock-exam app for AI / algorithm-engineer interviews.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"QuizDesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = False
    for name in modules:
        importlib.import_module(f"quizdesk.commands.{name}").add_parser(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(("gui",) if _starts_the_gui(arguments) else COMMAND_MODULES)
    args = parser.parse_args(arguments)
    if not hasattr(args, "data_dir"):
        args.data_dir = None
    if args.command is None:
        args = parser.parse_args(["gui", *arguments])
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

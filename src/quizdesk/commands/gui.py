"""``quizdesk gui``: start the desktop app (the default command)."""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "gui",
        parents=[common],
        help="start the desktop app (default)",
        description=(
            "Start the QuizDesk window on the bundled question bank (and any banks you imported). "
            "This is what runs when no command is given."
        ),
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quizdesk.ui.app import run_gui

    return run_gui(args.data_dir)

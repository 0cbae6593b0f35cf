"""``quizdesk gui``: start the desktop app (the default command)."""

from __future__ import annotations

import argparse
import sys
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
    from quizdesk.qt_preflight import EXIT_MISSING_LIBRARIES, check

    # Before anything loads Qt: a missing X11 library makes Qt abort the process.
    problem = check()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_MISSING_LIBRARIES
    from quizdesk.ui.app.pyside_scan import skip_needless_source_scans

    skip_needless_source_scans()  # first, as it loads PySide6: every later import is then spared the scan
    from quizdesk.ui.app.launch import run_gui

    return run_gui(args.data_dir)

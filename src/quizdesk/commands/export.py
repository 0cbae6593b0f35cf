"""``quizdesk export --out DIR``: progress as CSV files for a spreadsheet or a script."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import Any


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; use YYYY-MM-DD, e.g. 2026-05-01") from None


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export",
        parents=[common],
        help="export attempts, questions and topics as CSV, or questions as an Anki deck",
        description=(
            "Write attempts.csv, questions.csv and topics.csv into DIR (UTF-8 with BOM, so Excel shows "
            "Chinese), creating DIR and its parents if needed. Files of the same names are replaced; on any "
            "error none of them is changed. With --anki FILE.apkg instead: write the questions as one Anki "
            "deck package (docs/anki.md); exporting again updates the notes in Anki."
        ),
    )
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", type=Path, metavar="DIR", help="folder to write the CSV files into (created if missing)")
    target.add_argument("--anki", metavar="FILE.apkg", help="write an Anki deck package instead (decks QuizDesk::module::topic)")
    parser.add_argument("--module", metavar="M", help="with --anki: only this module (its name in either language)")
    parser.add_argument("--topic", metavar="T", help="with --anki: only this topic (its name in either language)")
    parser.add_argument(
        "--with-progress", action="store_true",
        help="with --anki: carry each card's FSRS state, due date and reviews, so Anki continues the schedule",
    )
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="with --anki: language of the deck names (default zh)")
    parser.add_argument(
        "--since", type=_day, metavar="YYYY-MM-DD",
        help="only attempts from this local date on (questions.csv and topics.csv always describe now)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quizdesk.commands._store import open_store_or_report
    from quizdesk.core.stats.export import ExportError, export_csv, make_folder

    if args.anki:
        from quizdesk.commands.anki_cmd import run_export

        return run_export(args)
    since = datetime.combine(args.since, time()).astimezone() if args.since else None
    store = open_store_or_report(args.data_dir)
    if store is None:
        return 2
    try:
        make_folder(args.out)
        with store.read() as connection:
            result = export_csv(connection, args.out, since=since)
    except ExportError as exc:
        print(f"quizdesk: export failed: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    for path in result.files:
        print(f"{path}\t{result.rows[path.name]} rows")
    return 0

"""``quizdesk import PATH...``: import Markdown question banks (docs/import.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "import",
        parents=[common],
        help="import Markdown files or folders of interview questions, or Anki decks",
        description=(
            "Import heading-style Markdown (one question per heading, answer below it). "
            "A folder becomes a topic tree: sub-folder → module, file → sub-topic. "
            "Importing the same files again updates them in place and keeps your progress. "
            "An Anki package (.apkg, .colpkg) imports its notes, decks, images and review history (docs/anki.md)."
        ),
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="Markdown file or folder, or an Anki .apkg/.colpkg")
    parser.add_argument("--topic", metavar="T", help="put every question under one topic T (module '导入')")
    parser.add_argument("--dry-run", action="store_true", help="report what would be imported; change nothing")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(func=run)


def _print_text(report: Any) -> None:
    verb = "would import" if report.dry_run else "imported"
    print(
        f"{verb}: {report.imported} new, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.skipped} skipped, {report.retired} retired ({report.files} files read)"
    )
    for module, topic, count in report.per_topic():
        print(f"  {module} / {topic}: {count}")
    cards = report.cards_with_render_problems()
    if cards:
        print(f"{cards} card{'s' if cards != 1 else ''} will not display fully (a formula or an image; listed on stderr)")


def print_render_problems(report: Any) -> None:
    """One stderr warning per card part that will not display (Markdown and Anki imports alike)."""
    for issue in report.render_problems:
        # The same renderer and base folder as the app: this is what the card will show.
        print(f"{issue.source}: warning: {issue.kind} will not display: {issue.message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from quizdesk.commands._store import open_store_or_report
    from quizdesk.core.content.importer import ImportCancelled, run_import
    from quizdesk.core.paths import DB_FILENAME, data_dir

    if not any(p.exists() for p in args.paths):
        for path in args.paths:
            print(f"{path}: no such file or folder", file=sys.stderr)
        return 1
    from quizdesk.core.anki import is_anki_package

    packages = [p for p in args.paths if p.is_file() and is_anki_package(p)]
    if packages:
        if len(packages) != len(args.paths):
            print("quizdesk: import Anki packages and Markdown in separate commands", file=sys.stderr)
            return 1
        from quizdesk.commands.anki_cmd import run_import as run_anki_import

        return run_anki_import(args, packages)
    folder = data_dir(args.data_dir)
    store = None
    # A dry run never creates a database just to compare against it.
    if not (args.dry_run and not (folder / DB_FILENAME).exists()):
        store = open_store_or_report(args.data_dir, sync_bank=False)
        if store is None:
            return 2
    try:
        report = run_import(
            args.paths,
            session_factory=store.session_factory if store is not None else None,
            data_dir=folder,
            topic=args.topic,
            dry_run=args.dry_run,
        )
    except (ImportCancelled, KeyboardInterrupt):
        print("quizdesk: import cancelled; nothing was changed", file=sys.stderr)
        return 130
    finally:
        if store is not None:
            store.close()
    if args.json:
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_text(report)
    for problem in report.problems:
        print(f"{problem.path}:{problem.line}: warning: {problem.message}", file=sys.stderr)
    print_render_problems(report)
    return 0 if report.questions or report.unchanged or report.retired else 1

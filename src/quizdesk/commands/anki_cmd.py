"""The Anki side of ``quizdesk export --anki FILE.apkg`` and ``quizdesk import deck.apkg`` (docs/anki.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from quizdesk.commands.import_cmd import print_render_problems


def run_export(args: argparse.Namespace) -> int:
    from quizdesk.commands._store import open_store_or_report
    from quizdesk.core.anki import AnkiCancelled, AnkiExportOptions, run_anki_export
    from quizdesk.core.paths import data_dir

    out = Path(args.anki)
    if out.suffix.lower() != ".apkg":
        print(f"quizdesk: {out}: an Anki deck file ends in .apkg", file=sys.stderr)
        return 1
    store = open_store_or_report(args.data_dir)
    if store is None:
        return 2
    options = AnkiExportOptions(out, module=args.module, topic=args.topic, with_progress=args.with_progress, lang=args.lang)
    try:
        with store.session() as session:
            report = run_anki_export(session, options, data_dir=data_dir(args.data_dir))
    except (AnkiCancelled, KeyboardInterrupt):
        print("quizdesk: export cancelled; no file was written", file=sys.stderr)
        return 130
    except OSError as exc:
        print(f"quizdesk: export failed: {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if report.notes == 0:
        out.unlink(missing_ok=True)
        wanted = " and ".join(f"{k} {v!r}" for k, v in (("module", args.module), ("topic", args.topic)) if v)
        print(f"quizdesk: no questions{' in ' + wanted if wanted else ''}; no file written", file=sys.stderr)
        return 1
    if getattr(args, "json", False):
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        extra = f", {report.scheduled} with their schedule, {report.reviews} reviews" if args.with_progress else ""
        print(f"{out}\t{report.notes} notes in {len(report.decks)} decks, {report.media} images{extra}")
    for problem in report.problems:
        print(f"quizdesk: warning: {problem}", file=sys.stderr)
    return 0


def _print_text(report: Any) -> None:
    print(
        f"imported {report.package}: {report.imported} new, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.skipped_notes} notes skipped; {report.reviews} reviews added"
        + (f" ({report.reviews_known} already imported)" if report.reviews_known else "")
        + f", {report.review_states} schedules, {report.images} images"
        + (f"; reviews of {report.linked} notes exported by QuizDesk added to their questions" if report.linked else "")
    )
    for module, topic, count in report.per_topic():
        print(f"  {module} / {topic}: {count}")
    cards = report.cards_with_render_problems()
    if cards:
        print(f"{cards} card{'s' if cards != 1 else ''} will not display fully (a formula or an image; listed on stderr)")


def run_import(args: argparse.Namespace, packages: list[Path]) -> int:
    """Import Anki packages, one transaction each (a bad one changes nothing and stops the rest)."""
    from quizdesk.commands._store import open_store_or_report
    from quizdesk.core.anki import AnkiCancelled, AnkiPackageError, run_anki_import
    from quizdesk.core.paths import data_dir

    if getattr(args, "dry_run", False) or getattr(args, "topic", None):
        print("quizdesk: --dry-run and --topic apply to Markdown imports, not to Anki packages", file=sys.stderr)
        return 1
    store = open_store_or_report(args.data_dir, sync_bank=False)
    if store is None:
        return 2
    reports = []
    try:
        for path in packages:
            reports.append(run_anki_import(path, session_factory=store.session_factory, data_dir=data_dir(args.data_dir)))
    except AnkiPackageError as exc:
        print(f"quizdesk: {exc}; nothing was changed", file=sys.stderr)
        return 1
    except (AnkiCancelled, KeyboardInterrupt):
        print("quizdesk: import cancelled; nothing was changed", file=sys.stderr)
        return 130
    finally:
        store.close()
    for report in reports:
        if args.json:
            json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            _print_text(report)
        for problem in report.problems:
            print(f"{problem.path}: warning: {problem.message}", file=sys.stderr)
        print_render_problems(report)
    return 0 if any(r.questions or r.unchanged or r.linked for r in reports) else 1

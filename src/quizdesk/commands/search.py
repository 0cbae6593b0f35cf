"""``quizdesk search QUERY``: full-text search of the bank in the terminal."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from typing import Any


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number of hits")
    return value


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("search", parents=[common], help="search questions and answers",
                                   description="Full-text search over question titles and answers (Chinese included).")
    parser.add_argument("query", help="words to find (Chinese or Latin); all must match")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--limit", type=_positive, default=50, metavar="N", help="show at most N hits, best first (default 50)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from quizdesk.commands._store import open_store_or_report
    from quizdesk.core.search import search

    store = open_store_or_report(args.data_dir)
    if store is None:
        return 2
    with store.read() as connection:
        hits = search(connection, args.query, limit=args.limit)
    store.close()
    if args.json:
        json.dump([asdict(h) for h in hits], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for hit in hits:
            print(f"{hit.external_id}\t{hit.module} / {hit.topic}\t{hit.title}")
        print(f"{len(hits)} result(s)", file=sys.stderr)
    return 0

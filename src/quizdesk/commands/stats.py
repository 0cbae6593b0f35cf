"""``quizdesk stats``: the weak-area table in the terminal (docs/weak-areas.md)."""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from dataclasses import asdict
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the core is imported inside run() to keep --help quick
    from quizdesk.core.stats.mastery import TopicStats

MAX_NAME_WIDTH = 36


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "stats",
        parents=[common],
        help="show mastery per module and topic, weakest topics first",
        description=(
            "Mastery (0-100) per module and topic from recent accuracy, FSRS recall and coverage, "
            "with how much evidence it rests on and why a topic is weak. The model is explained in docs/weak-areas.md."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--limit", type=int, default=5, metavar="N", help="how many weakest topics to list (default 5)")
    parser.set_defaults(func=run)


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: CJK wide and full-width characters take two."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def fit(text: str, width: int) -> str:
    """``text`` cut with an ellipsis to at most ``width`` columns."""
    if display_width(text) <= width:
        return text
    out, used = "", 0
    for char in text:
        step = display_width(char)
        if used + step > width - 1:
            break
        out, used = out + char, used + step
    return out + "…"


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def reason_text(stats: TopicStats) -> str:
    detail = stats.reason_detail
    code = stats.reason.value
    if code == "low_accuracy" and detail is not None:
        return f"low accuracy ({detail:.0%})"
    if code == "not_reviewed" and detail is not None:
        return f"not reviewed for {detail:.0f} days"
    if code == "forgetting" and detail is not None:
        return f"forgetting (recall {detail:.0%})"
    if code == "low_coverage" and detail is not None:
        return f"low coverage ({detail:.0%})"
    if code == "due" and detail is not None:
        return f"{detail:.0f} due"
    if code == "little_evidence" and detail is not None:
        return f"too little evidence yet ({detail:.0f} answer{'' if detail == 1 else 's'})"
    return code.replace("_", " ")


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max(display_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(pad(cell, widths[i], i in right) for i, cell in enumerate(r)).rstrip() for r in rows]


def _module_names(stats: list[TopicStats]) -> dict[int, str]:
    return {s.topic_id: s.name for s in stats if s.parent_id is None}


def render_text(stats: list[TopicStats], weakest: list[TopicStats]) -> str:
    modules = _module_names(stats)
    lines = []
    if weakest:
        lines.append("Weakest topics — study these first")
        rows = [["#", "topic", "mastery", "confidence", "why"]]
        for rank, s in enumerate(weakest, 1):
            name = fit(f"{modules.get(s.parent_id or 0, '')} / {s.name}", MAX_NAME_WIDTH + 12)
            mastery = "—" if s.mastery is None else f"{s.mastery:.0f}"
            rows.append([str(rank), name, mastery, _percent(s.confidence), reason_text(s)])
        lines += _table(rows, {0, 2, 3})
        lines.append("")
    rows = [["module / topic", "mastery", "confidence", "accuracy", "coverage", "due", "reason"]]
    for s in stats:
        name = fit(s.name, MAX_NAME_WIDTH) if s.parent_id is None else "  " + fit(s.name, MAX_NAME_WIDTH - 2)
        mastery = "—" if s.mastery is None else f"{s.mastery:.0f}"
        rows.append([name, mastery, _percent(s.confidence), _percent(s.accuracy), _percent(s.coverage), str(s.due), reason_text(s)])
    lines += _table(rows, {1, 2, 3, 4, 5})
    return "\n".join(lines)


def to_json(stats: TopicStats) -> dict[str, Any]:
    data = asdict(stats)
    data["reason"] = stats.reason.value
    data["last_seen"] = stats.last_seen.isoformat() if stats.last_seen else None
    return data


def run(args: argparse.Namespace) -> int:
    from quizdesk.commands._store import open_store_or_report
    from quizdesk.core.stats.mastery import topic_stats, weakest_topics

    if args.limit < 0:
        print("quizdesk: --limit must be 0 or more", file=sys.stderr)
        return 2
    store = open_store_or_report(args.data_dir)
    if store is None:
        return 2
    now = datetime.now(timezone.utc)
    try:
        with store.read() as connection:
            stats = topic_stats(connection, now=now)
    finally:
        store.close()
    weakest = weakest_topics(stats, limit=args.limit)
    if args.json:
        payload = {
            "generated_at": now.isoformat(),
            "weakest": [to_json(s) for s in weakest],
            "topics": [to_json(s) for s in stats],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif not stats:
        print("No questions yet: import a bank or add questions first.", file=sys.stderr)
    else:
        print(render_text(stats, weakest))
    return 0

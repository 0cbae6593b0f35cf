"""``quizdesk plan``: an interview's countdown — tonight's plan and the readiness forecast (docs/plan.md)."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime, timezone, tzinfo
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the core is imported inside run() to keep --help quick
    from quizdesk.core.plan.countdown import InterviewPlan
    from quizdesk.core.plan.planner import DayPlan

JSON_VERSION = 1


def add_parser(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "plan",
        parents=[common],
        help="plan for an interview date: tonight's study queue and the readiness forecast",
        description=(
            "Save an interview (a date, the modules or topics it covers, a daily time budget) and print "
            "tonight's plan and the forecast share of its questions you would recall on the day, if you "
            "stopped now and if you follow the plan. Without --interview, prints the plans of the saved "
            "interviews. The model and the JSON contract are in docs/plan.md."
        ),
    )
    parser.add_argument("--interview", metavar="YYYY-MM-DD", help="the interview's date (a local date); saves or updates the interview")
    parser.add_argument("--modules", metavar="A,B", help="comma-separated modules the interview covers, Chinese or English names (e.g. 大模型,深度学习基础)")
    parser.add_argument("--topics", metavar="A,B", help="comma-separated sub-topics the interview covers, Chinese or English names")
    parser.add_argument("--minutes", type=int, metavar="N", help="study minutes per day (default 45; kept when updating)")
    parser.add_argument("--name", metavar="NAME", help="the interview's name (default 'interview YYYY-MM-DD'); an existing name is updated")
    parser.add_argument("--delete", metavar="NAME", help="delete the saved interview called NAME")
    parser.add_argument("--json", action="store_true", help="print JSON (the contract is in docs/plan.md)")
    parser.set_defaults(func=run)


def _names(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").replace("，", ",").split(",") if part.strip()]


def _pct(value: float) -> str:
    return f"{value:.0%}"


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} min"


def _day_json(day: DayPlan, full: bool) -> dict[str, Any]:
    exam: dict[str, Any] | None = None
    if day.exam is not None:
        # The exam's exact questions, in its order (ExamSpec.question_ids makes that exam):
        # in ``days`` too since version 1's second edition (fields are only added).
        exam = {"count": day.exam.count, "time_limit_s": day.exam.time_limit_s, "question_ids": list(day.exam.question_ids)}
    out: dict[str, Any] = {"date": day.day.isoformat()}
    if full:
        out.update(due=list(day.due), new=list(day.new), extra=list(day.extra), study_queue=list(day.study_queue))
    else:
        out.update(due=len(day.due), new=len(day.new), extra=len(day.extra))
    out.update(minutes=round(day.seconds / 60, 1), review_only=day.review_only, mock_exam=exam, readiness=round(day.readiness, 4))
    return out


def plan_json(plan: InterviewPlan, minutes_needed: int | None) -> dict[str, Any]:
    spec = plan.interview
    return {
        "id": spec.id,
        "name": spec.name,
        "date": spec.date.isoformat(),
        "daily_minutes": spec.daily_minutes,
        "modules": list(spec.module_keys),
        "topics": list(spec.topic_keys),
        "days_left": plan.days_left,
        "questions": plan.questions,
        "readiness": {"if_stopped": round(plan.if_stopped, 4), "if_planned": round(plan.if_planned, 4)},
        "status": "on_track" if plan.on_track else "behind",
        "behind_by": plan.missing_views,
        "minutes_needed": minutes_needed,
        "seconds_per_card": {
            qtype: {"seconds": round(seconds, 1), "measured": plan.seconds_measured.get(qtype, False)}
            for qtype, seconds in sorted(plan.seconds_per_card.items())
        },
        "tonight": None if plan.tonight is None else _day_json(plan.tonight, full=True),
        "days": [_day_json(day, full=False) for day in plan.days],
        "topics_forecast": [
            {"key": t.key, "name": t.name, "name_en": t.name_en, "questions": t.questions, "seen": t.seen,
             "if_stopped": round(t.if_stopped, 4), "if_planned": round(t.if_planned, 4)}
            for t in plan.topics
        ],
    }


def render_text(plan: InterviewPlan, minutes_needed: int | None, module_names: dict[str, str]) -> str:
    spec = plan.interview
    scope = ", ".join(module_names.get(k, k) for k in (*spec.module_keys, *spec.topic_keys))
    title = f"Interview on {spec.date.isoformat()}"
    if spec.name != f"interview {spec.date.isoformat()}":
        title = f"{spec.name} — {title[0].lower()}{title[1:]}"
    lines = [f"{title}: {scope}"]
    if plan.days_left == 0:
        when = "today" if spec.date == plan.today else "past"
        lines.append(f"  The interview is {when}: nothing left to plan. Readiness now: {_pct(plan.if_stopped)}.")
        return "\n".join(lines)
    lines.append(f"  {plan.days_left} evenings left, {spec.daily_minutes} min a day, {plan.questions} questions")
    status = "on track" if plan.on_track else f"behind by {plan.missing_views} cards"
    if not plan.on_track:
        status += (
            f" — {minutes_needed} min a day would see every question twice"
            if minutes_needed is not None else " — too few evenings left to see every question twice"
        )
    lines.append(f"  Readiness on the day: {_pct(plan.if_stopped)} if you stop now, {_pct(plan.if_planned)} if you follow the plan ({status})")
    tonight = plan.tonight
    if tonight is not None:
        lines.append(
            f"  Tonight: {len(tonight.due)} due, {len(tonight.new)} new, {len(tonight.extra)} extra reviews ≈ {_minutes(tonight.seconds)}"
            + (" (review only)" if tonight.review_only else "")
        )
        if tonight.exam is not None:
            lines.append(f"  Tonight's mock exam: {tonight.exam.count} questions in {tonight.exam.time_limit_s // 60} min")
    lines.append("  Topics (recall on the day: stop now → follow the plan):")
    for topic in sorted(plan.topics, key=lambda t: t.if_planned):
        lines.append(f"    {_pct(topic.if_stopped):>4} → {_pct(topic.if_planned):>4}  {topic.name}  ({topic.seen}/{topic.questions} seen)")
    lines.append("  Day by day:")
    for day in plan.days:
        exam = f", mock exam {day.exam.count} q / {day.exam.time_limit_s // 60} min" if day.exam else ""
        lines.append(
            f"    {day.day.isoformat()}  {len(day.due):3d} due {len(day.new):3d} new {len(day.extra):3d} extra"
            f"  {_minutes(day.seconds):>7}  → {_pct(day.readiness):>4}{exam}"
        )
    return "\n".join(lines)


def _error(message: str) -> int:
    print(f"quizdesk plan: {message}", file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from quizdesk.commands._store import open_store_or_report
    from quizdesk.core.db.models import Interview, Topic
    from quizdesk.core.plan.countdown import minutes_needed, plan_interview
    from quizdesk.core.plan.interviews import DEFAULT_DAILY_MINUTES, delete_interview, list_interviews, save_interview
    from quizdesk.core.plan.scope import ScopeError, resolve_scope

    on: date | None = None
    if args.interview is not None:
        try:
            on = date.fromisoformat(args.interview)
        except ValueError:
            return _error(f"--interview must be a date as YYYY-MM-DD, not {args.interview!r}")
    elif args.modules or args.topics or args.minutes is not None or args.name:
        return _error("--modules, --topics, --minutes and --name go with --interview YYYY-MM-DD")
    if args.minutes is not None and not 1 <= args.minutes <= 24 * 60:
        return _error(f"--minutes must be between 1 and 1440, not {args.minutes}")

    store = open_store_or_report(args.data_dir)
    if store is None:
        return 2
    now = datetime.now(timezone.utc)
    tz: tzinfo = datetime.now().astimezone().tzinfo or timezone.utc  # the computer's zone decides the days
    try:
        if args.delete:
            with store.session() as session:
                row = session.scalars(select(Interview).where(Interview.name == args.delete)).one_or_none()
                if row is None or not delete_interview(session, row.id):
                    return _error(f"no saved interview is called {args.delete!r}")
            print(f"Deleted {args.delete!r}.", file=sys.stderr)
        if on is not None:
            name = (args.name or f"interview {on.isoformat()}").strip()
            with store.read() as connection:
                try:
                    module_keys, topic_keys = resolve_scope(connection, _names(args.modules), _names(args.topics))
                except ScopeError as exc:
                    return _error(str(exc))
            with store.session() as session:
                old = session.scalars(select(Interview).where(Interview.name == name)).one_or_none()
                if not module_keys and not topic_keys:
                    if old is None:
                        return _error("name the modules (--modules) or topics (--topics) the interview covers")
                    module_keys, topic_keys = list(old.module_keys), list(old.topic_keys)
                minutes = args.minutes or (old.daily_minutes if old is not None else DEFAULT_DAILY_MINUTES)
                save_interview(session, name=name, on=on, module_keys=module_keys, topic_keys=topic_keys,
                               daily_minutes=minutes, now=now)
        with store.session() as session:
            interviews = list_interviews(session)
            names = {t.key: t.name for t in session.scalars(select(Topic))}
        if on is not None:
            chosen = (args.name or f"interview {on.isoformat()}").strip()
            interviews = [i for i in interviews if i.name == chosen]
        with store.read() as connection:
            plans = [plan_interview(connection, interview, now=now, tz=tz) for interview in interviews]
            needed = [
                p.interview.daily_minutes if p.on_track else minutes_needed(connection, p.interview, now=now, tz=tz)
                for p in plans
            ]
    finally:
        store.close()

    if args.json:
        payload = {
            "version": JSON_VERSION,
            "generated_at": now.isoformat(),
            "today": now.astimezone(tz).date().isoformat(),
            "time_zone": now.astimezone(tz).strftime("%z"),
            "interviews": [plan_json(p, n) for p, n in zip(plans, needed)],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif not plans:
        if not args.delete:
            print("No interview saved yet: quizdesk plan --interview YYYY-MM-DD --modules 大模型,深度学习基础", file=sys.stderr)
    else:
        print("\n\n".join(render_text(p, n, names) for p, n in zip(plans, needed)))
    return 0

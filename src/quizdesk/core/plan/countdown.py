"""One call per view: an interview's plan for tonight, its schedule and its readiness forecast.

:func:`plan_interview` reads the scope through the raw ``sqlite3`` connection,
builds the calendar in the user's time zone and runs the planner. It is pure
(no writes, no clock of its own: ``now`` and ``tz`` are parameters), so a view
can call it on a worker thread and a test can call it at any hour.

Readiness is the expected share of the interview's questions recalled on the
interview date (read at the local midnight that starts it): FSRS
retrievability of each question's card at that moment, 0 for a question never
studied. "If stopped" uses the cards as they are; "if planned" plays the plan
forward (docs/plan.md).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from itertools import groupby
from operator import itemgetter

from quizdesk.core.clock import as_utc
from quizdesk.core.plan.inputs import PlanInputs, epoch_days, load_inputs
from quizdesk.core.plan.interviews import MAX_DAILY_MINUTES, InterviewSpec
from quizdesk.core.plan.planner import Calendar, DayPlan, Simulation, budget_needed, simulate
from quizdesk.core.plan.scope import TopicRow, scope_topics


@dataclass(frozen=True)
class TopicForecast:
    topic_id: int
    key: str
    name: str
    name_en: str
    questions: int
    seen: int  # questions answered at least once
    if_stopped: float  # expected share recalled on the date, 0..1
    if_planned: float


@dataclass(frozen=True)
class InterviewPlan:
    interview: InterviewSpec
    today: date  # the user's local date at ``now``
    days_left: int  # evenings left to study, tonight included
    questions: int
    if_stopped: float  # overall readiness on the date, 0..1
    if_planned: float
    topics: tuple[TopicForecast, ...]  # sub-topics of the scope with questions, in tree order
    days: tuple[DayPlan, ...]  # tonight first, the eve last; each with the readiness it leads to
    missing_views: int  # "behind by N cards": views short of two per question at the date
    seconds_per_card: dict[str, float]
    seconds_measured: dict[str, bool]

    @property
    def on_track(self) -> bool:
        return self.missing_views == 0

    @property
    def tonight(self) -> DayPlan | None:
        return self.days[0] if self.days and self.days[0].day == self.today else None


def local_midnight(day: date, tz: tzinfo) -> datetime:
    """The moment ``day`` begins in zone ``tz``."""
    return datetime.combine(day, time(0, 0), tzinfo=tz)


def calendar(interview_date: date, *, now: datetime, tz: tzinfo) -> Calendar:
    """The evenings from today (local) to the interview's eve, as the planner takes them.

    Tonight's session is ``now``; each later one is at the same local clock time,
    so every planned review is a whole number of days after the previous one.
    """
    local_now = as_utc(now).astimezone(tz)
    today = local_now.date()
    count = max(0, (interview_date - today).days)
    days = tuple(today + timedelta(days=k) for k in range(count))
    sessions = tuple(
        epoch_days(now) if k == 0 else epoch_days(datetime.combine(day, local_now.timetz().replace(tzinfo=None), tzinfo=tz))
        for k, day in enumerate(days)
    )
    starts = tuple(epoch_days(local_midnight(day, tz)) for day in days)
    return Calendar(days, sessions, starts, interview_date, epoch_days(local_midnight(interview_date, tz)))


def _topic_forecasts(topics: list[TopicRow], inputs: PlanInputs, sim: Simulation) -> tuple[TopicForecast, ...]:
    count: dict[int, int] = {}
    seen: dict[int, int] = {}
    stopped: dict[int, float] = {}
    planned: dict[int, float] = {}
    # Cards come grouped by topic: sum each run of one topic over list slices (C loops).
    views = list(map(itemgetter(7), inputs.cards))
    start = 0
    for topic, run in groupby(map(itemgetter(1), inputs.cards)):
        end = start + sum(1 for _ in run)
        count[topic] = count.get(topic, 0) + end - start
        seen[topic] = seen.get(topic, 0) + (end - start) - views[start:end].count(0)
        stopped[topic] = stopped.get(topic, 0.0) + sum(sim.recall_if_stopped[start:end])
        planned[topic] = planned.get(topic, 0.0) + sum(sim.recall_if_planned[start:end])
        start = end
    return tuple(
        TopicForecast(
            topic_id=topic.id, key=topic.key, name=topic.name, name_en=topic.name_en or topic.name,
            questions=count[topic.id], seen=seen[topic.id],
            if_stopped=stopped[topic.id] / count[topic.id], if_planned=planned[topic.id] / count[topic.id],
        )
        for topic in topics
        if count.get(topic.id)
    )


def plan_interview(connection: sqlite3.Connection, interview: InterviewSpec, *, now: datetime, tz: tzinfo) -> InterviewPlan:
    """Tonight's plan, the schedule to the date and the forecast for ``interview``, at ``now`` in zone ``tz``."""
    moment = as_utc(now)
    cal = calendar(interview.date, now=moment, tz=tz)
    today = moment.astimezone(tz).date()
    topics = scope_topics(connection, interview.module_keys, interview.topic_keys)
    start = local_midnight(today, tz)
    inputs = load_inputs(connection, [t.id for t in topics], day_start=start, now=moment)
    budget = interview.daily_minutes * 60.0
    sim = simulate(inputs, cal, budget)
    n = len(inputs.cards)
    return InterviewPlan(
        interview=interview, today=today, days_left=len(cal.days), questions=n,
        if_stopped=sum(sim.recall_if_stopped) / n if n else 0.0,
        if_planned=sum(sim.recall_if_planned) / n if n else 0.0,
        topics=_topic_forecasts(topics, inputs, sim), days=sim.days, missing_views=sim.missing_views,
        seconds_per_card=dict(inputs.seconds_per_type),
        seconds_measured=dict(inputs.seconds_measured),
    )


def minutes_needed(connection: sqlite3.Connection, interview: InterviewSpec, *, now: datetime, tz: tzinfo) -> int | None:
    """The daily minutes that would see every question of ``interview`` twice before its date.

    The budget itself when it is enough; None when no budget is (too few evenings
    left for the new cards). Asked apart from :func:`plan_interview` because it
    replays the plan a dozen times: call it only when the plan is behind.
    """
    moment = as_utc(now)
    cal = calendar(interview.date, now=moment, tz=tz)
    topics = scope_topics(connection, interview.module_keys, interview.topic_keys)
    inputs = load_inputs(connection, [t.id for t in topics], day_start=local_midnight(moment.astimezone(tz).date(), tz), now=moment)
    if not simulate(inputs, cal, interview.daily_minutes * 60.0, extras=False).missing_views:
        return interview.daily_minutes
    return budget_needed(inputs, cal, interview.daily_minutes, MAX_DAILY_MINUTES)

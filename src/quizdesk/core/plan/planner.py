"""The day-by-day plan to an interview, and its simulation with expected outcomes.

One pure function, :func:`simulate`, plans every evening from today to the
interview's eve and plays each evening forward with the expected result of
every review (:mod:`.memory`), so tonight's queue and the forecast "if you
follow the plan" come from the same rules. Each evening, within the budget:

1. **due cards** of the scope, most overdue first — a card is due when
   its recall has fallen to the desired retention, or when it was seen only
   once, on an earlier day (every question is seen twice before the date) —
   in the time left once tonight's share of new cards is set aside;
2. **new cards**, never on the last :data:`REVIEW_ONLY_DAYS` evenings: the
   unseen questions are spread evenly over the first half (:data:`NEW_SPREAD`)
   of the evenings left for new cards (``ceil(unseen / ceil(evenings / 2))``),
   so a missed evening raises each later evening's share a little and never
   piles up on the eve; they come from the
   least-covered topics first, the weakest (lowest readiness) among equals;
3. with time left, **more new cards** ahead of their share (a card seen early
   gets more reviews before the date; an unseen one is worth nothing on the day);
4. **extra reviews** with the time still left: seen cards with the lowest recall
   on the interview date, when a review now raises it by at least :data:`MIN_GAIN`.

Every :data:`MOCK_EVERY_DAYS` evenings counting back from the eve (the eve
included) the evening's reviews are taken as a timed mock exam of at most
:data:`MOCK_MAX` questions, its time limit the time those cards take. When the
evening has more reviews than that, the exam takes one per topic in turn, the
least-covered and weakest topics first, each topic's lowest recall first: an
exam that spans the interview's topics and leans on the weak ones. The exam's
``question_ids`` are the exact exam (``ExamSpec.question_ids``).

The planner does not know time zones: the caller gives the calendar as epoch
days (``countdown.calendar``).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass
from itertools import compress, repeat
from operator import itemgetter
from datetime import date

from quizdesk.core.plan.inputs import DEFAULT_SECONDS, PlanInputs
from quizdesk.core.plan.memory import DECAY, FACTOR, Memory, reviewed

TARGET_VIEWS = 2  # every question seen at least this often before the date
REVIEW_ONLY_DAYS = 2  # the last evenings before the interview: no new cards
MOCK_EVERY_DAYS = 3  # a mock exam on the eve and every third evening before it
MOCK_MIN, MOCK_MAX = 10, 40  # fewer reviews than MOCK_MIN make no exam
MIN_GAIN = 0.01  # an extra review must add a point of recall on the date
# New cards are spread over this share of the evenings left for them: in by half-time,
# each gets more reviews, and an evening that runs short still leaves room to catch
# up (the learner simulation: 96.0 % on the day, against 95.3 % spread over all of them).
NEW_SPREAD = 0.5
NEW_SHARE_MAX = 2 / 3  # at most this much of an evening is set aside for its share of new cards
_EPSILON = 1e-9


@dataclass(frozen=True)
class Calendar:
    """The evenings to plan, as days since the Unix epoch (UTC floats)."""

    days: tuple[date, ...]  # today first, the interview's eve last
    sessions: tuple[float, ...]  # when each evening's study is taken to happen; today's is "now"
    day_starts: tuple[float, ...]  # local midnight starting each day
    interview_date: date
    interview_at: float  # local midnight starting the interview date: recall is read there


@dataclass(frozen=True)
class MockExam:
    question_ids: tuple[int, ...]
    time_limit_s: int

    @property
    def count(self) -> int:
        return len(self.question_ids)


@dataclass(frozen=True)
class DayPlan:
    day: date
    due: tuple[int, ...]  # question ids, in the order to study them
    new: tuple[int, ...]
    extra: tuple[int, ...]
    exam: MockExam | None
    seconds: float  # planned study time, the exam included
    review_only: bool
    readiness: float  # expected share recalled on the interview date if study stopped after this evening

    @property
    def cards(self) -> int:
        return len(self.due) + len(self.new) + len(self.extra)

    @property
    def study_queue(self) -> tuple[int, ...]:
        """The evening's cards outside the mock exam: due, then new, then extra reviews."""
        in_exam = set(self.exam.question_ids) if self.exam else set()
        return tuple(q for q in (*self.due, *self.new, *self.extra) if q not in in_exam)


@dataclass(frozen=True)
class Simulation:
    days: tuple[DayPlan, ...]
    recall_if_stopped: list[float]  # per card of the inputs: expected recall on the date with no more study
    recall_if_planned: list[float]  # ... following the plan
    missing_views: int  # views short of TARGET_VIEWS per question at the date


def is_mock_day(day: date, interview_date: date) -> bool:
    before = (interview_date - day).days
    return before >= 1 and (before - 1) % MOCK_EVERY_DAYS == 0


def is_review_only(day: date, interview_date: date) -> bool:
    return (interview_date - day).days <= REVIEW_ONLY_DAYS


def simulate(inputs: PlanInputs, calendar: Calendar, budget_seconds: float, *, extras: bool = True) -> Simulation:
    """Plan every evening of ``calendar`` with ``budget_seconds`` each and play it forward.

    ``extras=False`` leaves out the extra reviews (step 4): the due and new cards
    alone decide whether every question is seen twice, and :func:`budget_needed`
    asks only that, many times.
    """
    cards = inputs.cards
    n = len(cards)
    at_date = calendar.interview_at
    retention = inputs.retention
    p_new = inputs.new_card_recall
    # Memories are built when a card is first planned: most cards of a large scope never are.
    memory: list[Memory | None] = [None] * n

    def memory_of(i: int) -> Memory:
        mem = memory[i]
        if mem is None:
            _, _, _, stability, difficulty, last, _, _ = cards[i]
            seen = stability is not None and difficulty is not None and last is not None
            mem = memory[i] = Memory([(1.0, stability, difficulty)], last) if seen else Memory()  # type: ignore[list-item]
        return mem

    starts = calendar.day_starts
    first_start = starts[0] if starts else at_date
    seconds = inputs.seconds_per_type
    views_today = inputs.views_today
    default_cost = DEFAULT_SECONDS["open"]

    # One pass over the scope (it may hold 20,000 cards): recall on the date as things
    # stand, the due and extra-review queues, unseen cards per topic. What needs no
    # per-card Python statement (costs, views, counts per topic) is done by C loops
    # (map, Counter, compress) first: this pass was half of the plan's time.
    topics = list(map(itemgetter(1), cards))
    cost: list[float] = list(map(seconds.get, map(itemgetter(2), cards), repeat(default_cost, n)))
    views: list[int] = list(map(itemgetter(7), cards))
    size: dict[int, int] = Counter(topics)  # topics in order of first appearance
    seen_in: dict[int, int] = Counter(compress(topics, views))
    readiness_now: dict[int, float] = dict.fromkeys(size, 0.0)
    unseen: dict[int, list[int]] = {topic: [] for topic in size}
    recall_now: list[float] = [0.0] * n
    due_heap: list[tuple[float, int, int]] = []
    boost_heap: list[tuple[float, int, int]] = []
    horizon = max(calendar.sessions, default=at_date) + _EPSILON
    for i, (_qid, topic, _qtype, stability, _difficulty, last, due, seen) in enumerate(cards):
        if stability is None or last is None:
            if not seen:
                unseen[topic].append(i)
            continue
        # memory.retrievability in whole days, inline: this loop runs over the whole scope.
        # (elapsed // 1.0 is floor(elapsed) as a float: the same product, one call less.)
        elapsed = at_date - last + 1e-6
        r = (1.0 + FACTOR * (elapsed // 1.0 if elapsed > 0.0 else 0) / stability) ** DECAY
        recall_now[i] = r
        readiness_now[topic] += r
        if due is None:
            due = last + memory_of(i).due_after(retention)
        if seen < TARGET_VIEWS:  # seen once: due from the next morning
            due = min(due, first_start if last < first_start else _next_start(starts, last, due))
        if due <= horizon:  # due after the last evening: it never leaves the queue
            due_heap.append((due, 0, i))
        boost_heap.append((r, 0, i))
    # Today so far: cards answered since midnight are not planned again tonight;
    # new cards introduced today count towards tonight's share of new cards.
    done_today: set[int] = set()
    new_today = 0
    if views_today:
        for i, qid in enumerate(map(itemgetter(0), cards)):
            if qid in views_today:
                done_today.add(i)
                new_today += views_today[qid] >= views[i]
    heapq.heapify(due_heap)
    heapq.heapify(boost_heap)
    recall = list(recall_now)
    total = sum(recall)
    version = [0] * n
    cheapest = min(cost) if cost else 0.0
    unseen = {topic: ids[::-1] for topic, ids in unseen.items() if ids}  # pop() from the end gives bank order
    order = {topic: rank for rank, topic in enumerate(size)}

    def topic_key(topic: int) -> tuple[float, float, int, int]:
        return (seen_in.get(topic, 0) / size[topic], readiness_now.get(topic, 0.0) / size[topic], order[topic], topic)

    def mock_questions(reviews: list[int]) -> list[int]:
        """At most MOCK_MAX of the evening's reviews for its mock exam: one per topic in
        turn, the least-covered and weakest topics first (the new cards' order), in each
        topic the card with the lowest recall on the date first."""
        by_topic: dict[int, list[int]] = {}
        for i in sorted(reviews, key=lambda i: (recall[i], i)):
            by_topic.setdefault(topics[i], []).append(i)
        turns = [by_topic[t] for t in sorted(by_topic, key=topic_key)]
        chosen: list[int] = []
        for depth in range(max(map(len, turns), default=0)):
            chosen.extend(turn[depth] for turn in turns if depth < len(turn))
        return chosen[:MOCK_MAX]

    topic_heap = [topic_key(t) for t in unseen]
    heapq.heapify(topic_heap)
    unseen_left = sum(len(v) for v in unseen.values())
    unseen_cost = sum(cost[i] for v in unseen.values() for i in v)

    plans: list[DayPlan] = []
    for k, day in enumerate(calendar.days):
        moment = calendar.sessions[k]
        budget = budget_seconds - (inputs.seconds_today if k == 0 else 0.0)
        left = max(0.0, budget)
        skip = done_today if k == 0 else set()
        review_only = is_review_only(day, calendar.interview_date)

        # Tonight's share of the unseen cards, spread evenly over the first half of the
        # evenings left for new cards. Its time is set aside before the due cards take theirs (up to
        # NEW_SHARE_MAX of the evening): due cards first would otherwise crowd new
        # ones out evening after evening until the last days, when it is too late.
        evenings_for_new = (calendar.interview_date - day).days - REVIEW_ONLY_DAYS
        new_allowed = not review_only and evenings_for_new > 0
        share = 0
        if new_allowed and unseen_left:
            already = new_today if k == 0 else 0
            evenings = max(1, math.ceil(evenings_for_new * NEW_SPREAD))
            share = max(0, math.ceil((unseen_left + already) / evenings) - already)
        reserve = min(share * unseen_cost / max(unseen_left, 1), NEW_SHARE_MAX * left)
        left -= reserve

        # 1. Due cards, most overdue first (the app's own study order).
        due_today: list[int] = []
        keep: list[tuple[float, int, int]] = []
        while due_heap and due_heap[0][0] <= moment + _EPSILON:
            entry = heapq.heappop(due_heap)
            i = entry[2]
            if entry[1] != version[i]:
                continue
            if i in skip:
                keep.append(entry)
            elif cost[i] <= left:
                due_today.append(i)
                left -= cost[i]
            else:
                keep.append(entry)  # still due tomorrow
                if left < cheapest:
                    break
        for entry in keep:
            heapq.heappush(due_heap, entry)
        left += reserve

        # 2. New cards: tonight's share.
        new_cards: list[int] = []

        def take_new(quota: float) -> None:
            nonlocal left, unseen_left, unseen_cost
            while quota > 0 and topic_heap:
                topic = topic_heap[0][3]
                i = unseen[topic][-1]
                if cost[i] > left:
                    break
                heapq.heappop(topic_heap)
                unseen[topic].pop()
                new_cards.append(i)
                left -= cost[i]
                quota -= 1
                unseen_left -= 1
                unseen_cost -= cost[i]
                seen_in[topic] = seen_in.get(topic, 0) + 1
                if unseen[topic]:
                    heapq.heappush(topic_heap, topic_key(topic))

        take_new(share)

        # 3. Time left: new cards ahead of their share (a card seen early gets more
        # reviews before the date, and an unseen card is worth nothing on the day).
        if new_allowed and unseen_left and left > 0:
            take_new(math.inf)

        # 4. Extra reviews where they raise recall on the date the most.
        extra: list[int] = []
        planned: dict[int, Memory] = {}
        taken = skip | set(due_today) | set(new_cards)
        put_back: list[tuple[float, int, int]] = []
        scanned, scan_limit = 0, 4 * int(left / max(cheapest, 1.0)) + 20
        while extras and boost_heap and left >= cheapest and scanned < scan_limit:
            entry = heapq.heappop(boost_heap)
            i = entry[2]
            if entry[1] != version[i]:
                continue
            put_back.append(entry)
            if i in taken or cost[i] > left:
                continue
            scanned += 1
            candidate = reviewed(memory_of(i), moment, p_new)
            if candidate.recall(at_date) - recall[i] < MIN_GAIN:
                continue
            planned[i] = candidate  # played forward below: not computed twice
            put_back.pop()
            extra.append(i)
            left -= cost[i]
        for entry in put_back:
            heapq.heappush(boost_heap, entry)

        # A mock exam of the evening's reviews on mock days.
        exam = None
        reviews = due_today + extra
        if is_mock_day(day, calendar.interview_date) and len(reviews) >= MOCK_MIN:
            chosen = mock_questions(reviews)
            limit = math.ceil(sum(cost[i] for i in chosen) / 60.0) * 60
            exam = MockExam(tuple(cards[i][0] for i in chosen), int(limit))

        # Play the evening forward with expected outcomes.
        next_start = starts[k + 1] if k + 1 < len(starts) else at_date
        for i in (*due_today, *new_cards, *extra):
            mem = memory[i] = planned.pop(i, None) or reviewed(memory_of(i), moment, p_new)
            views[i] += 1
            version[i] += 1
            after = mem.recall(at_date)
            total += after - recall[i]
            recall[i] = after
            due = moment + mem.due_after(retention)
            if views[i] < TARGET_VIEWS:
                due = min(due, next_start)
            heapq.heappush(due_heap, (due, version[i], i))
            heapq.heappush(boost_heap, (recall[i], version[i], i))

        ids = lambda items: tuple(cards[i][0] for i in items)  # noqa: E731
        plans.append(DayPlan(
            day=day, due=ids(due_today), new=ids(new_cards), extra=ids(extra), exam=exam,
            seconds=max(0.0, budget) - left, review_only=review_only, readiness=total / n if n else 0.0,
        ))

    return Simulation(
        days=tuple(plans),
        recall_if_stopped=recall_now,
        recall_if_planned=recall,
        missing_views=2 * views.count(0) + views.count(1),  # TARGET_VIEWS = 2
    )


def budget_needed(inputs: PlanInputs, calendar: Calendar, minutes: int, most: int) -> int | None:
    """The fewest daily minutes (above ``minutes``, at most ``most``) that see every question twice; None if none."""
    if simulate(inputs, calendar, most * 60.0, extras=False).missing_views:
        return None
    low, high = minutes, most  # behind at ``low``, on track at ``high``
    while high - low > 1:
        mid = (low + high) // 2
        if simulate(inputs, calendar, mid * 60.0, extras=False).missing_views:
            low = mid
        else:
            high = mid
    return high


def _next_start(starts: tuple[float, ...], after: float, fallback: float) -> float:
    """The first day start after ``after`` (a card first seen today is due tomorrow)."""
    for start in starts:
        if start > after:
            return start
    return fallback

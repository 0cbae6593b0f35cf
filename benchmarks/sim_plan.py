"""Learner simulation for the interview countdown (issue 19, docs/plan.md).

    python benchmarks/sim_plan.py [--learners 24] [--days 14] [--minutes 45] [--seed 5]

Synthetic learners whose memory follows FSRS study the bundled bank (``content/``,
parsed with the core's own bank parser) for an interview ``--days`` days away
covering three modules, ``--minutes`` a day, three ways:

- **plan**: each evening, tonight's plan of ``core.plan`` recomputed from the
  learner's history (the mock exam's questions first, then the study queue);
- **due only**: the app's plain study queue — due cards, most overdue first,
  then new cards in bank order (what a spaced-repetition app does);
- **random**: random questions of the scope.

Same learner, same starting history and the same minutes for all three. Each
learner has a "true" memory per question: FSRS's own update rules with noise
(initial stability ×lognormal per learner and per question, difficulty ±1.2,
every stability update ×lognormal), recall drawn from the true retrievability,
answer times per type with a learner speed and noise. The app sees only what
the learner answered (ratings Good / Again, seconds) and keeps its own FSRS
cards with the real scheduler, as ``apply_rating`` does.

Printed: recall on the interview day (the mean true retrievability over the
scope's questions at the local midnight starting it) per strategy, mean and
spread over learners; and the calibration of the forecast made on the first
evening — per question, predicted recall (if following the plan, and if
stopping now) against the simulated truth, by decile of prediction.
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from fsrs import Card, Rating  # noqa: E402

from quizdesk.core.content.bank_parser import parse_bank  # noqa: E402
from quizdesk.core.plan.countdown import calendar  # noqa: E402
from quizdesk.core.plan.inputs import DEFAULT_SECONDS, MIN_SAMPLES, CardRow, PlanInputs, epoch_days  # noqa: E402
from quizdesk.core.plan.memory import DECAY, FACTOR  # noqa: E402
from quizdesk.core.plan.planner import simulate  # noqa: E402
from quizdesk.core.study.scheduler import make_scheduler  # noqa: E402

MODULES = ("大模型", "AI多模态", "自动驾驶")
TZ = timezone(timedelta(hours=8))
START = datetime(2026, 12, 6, 21, 0, tzinfo=TZ)
BASE_SECONDS = {"open": 75.0, "single": 25.0, "multi": 35.0, "truefalse": 12.0}
SCHEDULER = make_scheduler()


@dataclass
class Question:
    id: int
    topic: int
    qtype: str


@dataclass
class Learner:
    """A learner's true memory and the app's view of it."""

    rng: random.Random
    prior: float  # chance of recalling a question at first sight
    speed: float
    ease: dict[int, float]  # per-question multiplier of true stabilities
    true_s: dict[int, float] = field(default_factory=dict)
    true_d: dict[int, float] = field(default_factory=dict)
    true_last: dict[int, datetime] = field(default_factory=dict)
    cards: dict[int, Card] = field(default_factory=dict)
    views: dict[int, int] = field(default_factory=dict)
    first_ratings: dict[int, int] = field(default_factory=dict)
    seconds: dict[str, list[float]] = field(default_factory=dict)

    def true_recall(self, qid: int, when: datetime) -> float:
        if qid not in self.true_s:
            return 0.0
        days = max(0.0, (when - self.true_last[qid]).total_seconds() / 86400.0)
        return (1.0 + FACTOR * days / self.true_s[qid]) ** DECAY

    def answer(self, q: Question, when: datetime) -> float:
        """Answer ``q`` at ``when``: draw recall, update true memory and the app's card; returns seconds taken."""
        rng = self.rng
        if q.id in self.true_s:
            r = self.true_recall(q.id, when)
            recalled = rng.random() < r
            rating = Rating.Good if recalled else Rating.Again
            s = SCHEDULER._next_stability(difficulty=self.true_d[q.id], stability=self.true_s[q.id], retrievability=r, rating=rating)
            self.true_s[q.id] = max(0.05, s * math.exp(rng.gauss(0.0, 0.2)))
            self.true_d[q.id] = SCHEDULER._next_difficulty(difficulty=self.true_d[q.id], rating=rating)
        else:
            recalled = rng.random() < self.prior
            rating = Rating.Good if recalled else Rating.Again
            self.true_s[q.id] = SCHEDULER._initial_stability(rating=rating) * self.ease[q.id]
            self.true_d[q.id] = min(10.0, max(1.0, SCHEDULER._initial_difficulty(rating=rating, clamp=True) + rng.gauss(0, 1.2)))
            self.first_ratings[q.id] = int(rating)
        self.true_last[q.id] = when
        card = self.cards.get(q.id) or Card(card_id=q.id, due=when)
        self.cards[q.id], _ = SCHEDULER.review_card(card, rating, when.astimezone(timezone.utc))
        self.views[q.id] = self.views.get(q.id, 0) + 1
        seconds = BASE_SECONDS[q.qtype] * self.speed * math.exp(rng.gauss(0.0, 0.35))
        self.seconds.setdefault(q.qtype, []).append(seconds)
        return seconds

    def copy(self, seed: int) -> Learner:
        return Learner(
            random.Random(seed), self.prior, self.speed, self.ease, dict(self.true_s), dict(self.true_d),
            dict(self.true_last), dict(self.cards), dict(self.views), dict(self.first_ratings),
            {k: list(v) for k, v in self.seconds.items()},
        )


def make_learner(seed: int, questions: list[Question]) -> Learner:
    rng = random.Random(seed)
    skill = math.exp(rng.gauss(0.0, 0.3))
    learner = Learner(rng, prior=rng.uniform(0.2, 0.6), speed=rng.uniform(0.75, 1.3),
                      ease={q.id: skill * math.exp(rng.gauss(0.0, 0.4)) for q in questions})
    # Earlier study: some questions seen one to three times 15 to 90 days ago.
    for q in questions:
        if rng.random() < 0.35:
            times = sorted(START - timedelta(days=rng.uniform(15, 90)) for _ in range(rng.randint(1, 3)))
            for when in times:
                learner.answer(q, when)
    return learner


def inputs_for(learner: Learner, questions: list[Question]) -> PlanInputs:
    """What the app's ``load_inputs`` would read for this learner."""
    rows = []
    for q in questions:
        card = learner.cards.get(q.id)
        if card is None or card.last_review is None:
            rows.append(CardRow(q.id, q.topic, q.qtype, None, None, None, None, 0))
        else:
            rows.append(CardRow(q.id, q.topic, q.qtype, card.stability, card.difficulty, epoch_days(card.last_review),
                                epoch_days(card.due), learner.views[q.id]))
    seconds = dict(DEFAULT_SECONDS)
    for qtype, values in learner.seconds.items():
        if len(values) >= MIN_SAMPLES:
            seconds[qtype] = statistics.fmean(values[-200:])
    once = [r for q, r in learner.first_ratings.items() if learner.views.get(q) == 1]
    p_new = (1.0 + sum(1 for r in once if r >= 2)) / (2.0 + len(once))
    return PlanInputs(cards=rows, seconds_per_type=seconds, new_card_recall=p_new)


def study(learner: Learner, order: list[Question], when: datetime, budget: float) -> None:
    spent = 0.0
    for q in order:
        if spent >= budget:
            break
        spent += learner.answer(q, when + timedelta(seconds=spent))


def run_strategy(name: str, learner: Learner, questions: list[Question], days: int, minutes: int, seed: int,
                 interview: date) -> tuple[float, list[tuple[float, float, float]]]:
    by_id = {q.id: q for q in questions}
    rng = random.Random(seed)
    calibration: list[tuple[float, float, float]] = []
    predicted: dict[int, tuple[float, float]] = {}
    for k in range(days):
        when = START + timedelta(days=k)
        if name == "plan":
            sim = simulate(inputs_for(learner, questions), calendar(interview, now=when, tz=TZ), minutes * 60.0)
            if k == 0:
                predicted = {q.id: (sim.recall_if_planned[n], sim.recall_if_stopped[n]) for n, q in enumerate(questions)}
            tonight = sim.days[0]
            ids = (*(tonight.exam.question_ids if tonight.exam else ()), *tonight.study_queue)
            order = [by_id[i] for i in ids]
        elif name == "due only":
            now = when.astimezone(timezone.utc)
            due = sorted((c.due, q) for q, c in learner.cards.items() if c.due <= now)
            order = [by_id[q] for _, q in due] + [q for q in questions if q.id not in learner.cards]
        else:
            order = [rng.choice(questions) for _ in range(400)]
        study(learner, order, when, minutes * 60.0)
    at = datetime.combine(interview, datetime.min.time(), tzinfo=TZ)
    truth = {q.id: learner.true_recall(q.id, at) for q in questions}
    if predicted:
        calibration = [(predicted[q][0], predicted[q][1], truth[q]) for q in truth]
    return statistics.fmean(truth.values()), calibration


def deciles(pairs: list[tuple[float, float]]) -> list[tuple[float, float, int]]:
    pairs = sorted(pairs)
    out = []
    for d in range(10):
        chunk = pairs[len(pairs) * d // 10: len(pairs) * (d + 1) // 10]
        if chunk:
            out.append((statistics.fmean(p for p, _ in chunk), statistics.fmean(t for _, t in chunk), len(chunk)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=24)
    parser.add_argument("--days", type=int, default=14)
    parser.add_argument("--minutes", type=int, default=45)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    started = time.perf_counter()
    bank = parse_bank(HERE.parent / "content").questions
    topics: dict[str, int] = {}
    questions = []
    for parsed in bank:
        if parsed.topic.module_name in MODULES:
            topic = topics.setdefault(parsed.topic.topic_key, len(topics))
            questions.append(Question(len(questions), topic, parsed.qtype))
    interview = START.date() + timedelta(days=args.days)
    print(f"{len(questions)} questions in {len(topics)} topics of {', '.join(MODULES)}; "
          f"interview {args.days} days after {START:%Y-%m-%d %H:%M %Z}, {args.minutes} min a day, {args.learners} learners")
    results: dict[str, list[float]] = {"plan": [], "due only": [], "random": [], "no more study": []}
    calibration: list[tuple[float, float, float]] = []
    stopped: list[tuple[float, float]] = []
    for n in range(args.learners):
        base = make_learner(args.seed * 1000 + n, questions)
        for name in ("plan", "due only", "random"):
            recall, pairs = run_strategy(name, base.copy(n * 7 + 1), questions, args.days, args.minutes, n, interview)
            results[name].append(recall)
            calibration += pairs
        at = datetime.combine(interview, datetime.min.time(), tzinfo=TZ)
        truth = [base.true_recall(q.id, at) for q in questions]
        results["no more study"].append(statistics.fmean(truth))
        sim = simulate(inputs_for(base, questions), calendar(interview, now=START, tz=TZ), args.minutes * 60.0)
        stopped += [(sim.recall_if_stopped[q.id], truth[q.id]) for q in questions]  # cards in question order
    print("\nrecall on the interview day (mean true retrievability over the scope)")
    print(f"  {'strategy':<14} {'mean':>6} {'sd':>6} {'min':>6} {'max':>6}")
    for name, values in results.items():
        print(f"  {name:<14} {statistics.fmean(values):6.1%} {statistics.pstdev(values):6.1%} {min(values):6.1%} {max(values):6.1%}")
    wins = {other: sum(p > o for p, o in zip(results["plan"], results[other])) for other in ("due only", "random")}
    print(f"  plan beats due only for {wins['due only']}/{args.learners} learners, random for {wins['random']}/{args.learners}")
    margins = [p - o for p, o in zip(results["plan"], results["due only"])]
    print(f"  plan minus due only, per learner: median {statistics.median(margins):+.1%}, "
          f"smallest {min(margins):+.1%} (learner {margins.index(min(margins))})")

    planned = [(p, t) for p, _, t in calibration]
    print("\ncalibration of the first evening's forecast 'if you follow the plan' (per question, plan learners)")
    print(f"  overall: predicted {statistics.fmean(p for p, _ in planned):.1%}, realised {statistics.fmean(t for _, t in planned):.1%}")
    print(f"  {'decile':<7} {'predicted':>9} {'realised':>9} {'n':>6}")
    for d, (p, t, count) in enumerate(deciles(planned), 1):
        print(f"  {d:<7} {p:9.1%} {t:9.1%} {count:6d}")
    print("\ncalibration of the forecast 'if you stopped now' (per question seen before, learners who stop)")
    seen = [(p, t) for p, t in stopped if p > 0]
    print(f"  overall: predicted {statistics.fmean(p for p, _ in seen):.1%}, realised {statistics.fmean(t for _, t in seen):.1%}"
          f" ({len(seen)} questions; never-studied ones are 0 in both)")
    print(f"  {'decile':<7} {'predicted':>9} {'realised':>9} {'n':>6}")
    for d, (p, t, count) in enumerate(deciles(seen), 1):
        print(f"  {d:<7} {p:9.1%} {t:9.1%} {count:6d}")
    print(f"\n{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

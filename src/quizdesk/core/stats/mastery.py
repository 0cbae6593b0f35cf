"""The weak-area model: a mastery score per topic and module, and why a topic is weak.

docs/weak-areas.md explains the model with its formulas and the reasons for
each constant. In short, per topic:

- accuracy A: recency-weighted mean score with a Beta prior (half-life 30 days),
- retrievability R: mean FSRS recall probability now of its reviewed questions,
- knowledge K = A * R, or A when nothing has a review state,
- mastery = 100 * K * (1/2 + coverage/2): unseen questions get half credit,
- confidence = n / (n + 5), n the recency-weighted number of attempts.

All aggregation runs in SQLite (two GROUP BY queries; the weights and the
forgetting curve are computed there); Python only rolls topics up into their
modules and applies the formulas to a few dozen rows.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from enum import Enum

from quizdesk.core.clock import db_time, utc_or_now

# Recency: an attempt counts half as much after this many days.
HALF_LIFE_DAYS = 30.0
# Beta(1, 1) prior on accuracy: two made-up attempts at 50 %, so two right
# answers read as 75 %, not 100 %.
PRIOR_MEAN = 0.5
PRIOR_STRENGTH = 2.0
# Questions never attempted are credited with this share of the knowledge
# shown on the attempted ones.
UNSEEN_CREDIT = 0.5
# Effective attempts at which confidence reaches one half.
CONFIDENCE_HALF = 5.0
# Fewer answers than this say too little to call a topic's accuracy low: with the
# prior, one "Good" (0.8) reads as 60 % and one wrong answer as 33 %.
MIN_EVIDENCE_ATTEMPTS = 3

# Reason thresholds (see docs/weak-areas.md for why these values).
LOW_ACCURACY_BELOW = 0.6
NOT_REVIEWED_DAYS = 14.0
FORGETTING_BELOW = 0.7
LOW_COVERAGE_BELOW = 0.5
# Mastery bands, one definition for the ranking and every view (the dashboard's
# bars and legend, the coloured dots): weak under WEAK_MASTERY_BELOW, strong from
# STRONG_MASTERY_FROM, fair in between. Weak topics rank before never-attempted ones.
WEAK_MASTERY_BELOW = 60.0
STRONG_MASTERY_FROM = 75.0

# FSRS-6 forgetting curve, as the fsrs package computes it for the default
# parameters the scheduler uses: R = (1 + FACTOR * t / S) ** DECAY. The decay is
# fsrs's DEFAULT_PARAMETERS[20], written out: importing fsrs for this one number
# cost the app's start ~10 ms (the library's mastery dots import this module).
# tests/core/stats/test_mastery.py checks it against fsrs.
FSRS_DECAY = -0.1542
FSRS_FACTOR = 0.9 ** (1 / FSRS_DECAY) - 1
_UNIX_EPOCH_JULIAN_DAY = 2440587.5


class Reason(str, Enum):
    """Why a topic is weak; the UI translates the codes into words."""

    NEVER_ATTEMPTED = "never_attempted"
    LOW_ACCURACY = "low_accuracy"  # detail: accuracy 0..1
    FORGETTING = "forgetting"  # low FSRS retrievability; detail: mean R 0..1
    NOT_REVIEWED = "not_reviewed"  # detail: days since last attempt (float)
    LOW_COVERAGE = "low_coverage"  # detail: coverage 0..1
    LITTLE_EVIDENCE = "little_evidence"  # fewer than MIN_EVIDENCE_ATTEMPTS answers; detail: their number
    DUE = "due"  # detail: due count
    STRONG = "strong"  # nothing weak


@dataclass(frozen=True)
class TopicStats:
    topic_id: int
    parent_id: int | None  # None for a module; module rows roll up their sub-topics
    name: str
    name_en: str
    questions: int  # active questions in the topic (subtree for modules)
    attempted: int  # of those, questions with at least one attempt
    attempts: int
    accuracy: float | None  # recency-weighted mean score 0..1 with a prior; None when never attempted
    coverage: float  # attempted / questions
    retrievability: float | None  # mean FSRS retrievability now over reviewed questions
    mastery: float | None  # 0..100; None when never attempted
    confidence: float  # 0..1, how much evidence
    due: int  # questions due now
    last_seen: datetime | None  # UTC, last attempt
    reason: Reason
    reason_detail: float | None
    effective_attempts: float = 0.0  # recency-weighted attempt count behind accuracy and confidence


@dataclass
class _Evidence:
    """Additive sums for one topic, so modules roll up by adding their children."""

    questions: int = 0
    attempted: int = 0
    attempts: int = 0
    weight: float = 0.0  # sum of recency weights
    weighted_score: float = 0.0  # sum of weight * score
    last_seen: str | None = None  # as stored: naive UTC text, sorts as time
    due: int = 0
    reviewed: int = 0
    retrievability: float = 0.0  # sum over reviewed questions

    def add(self, other: _Evidence) -> None:
        self.questions += other.questions
        self.attempted += other.attempted
        self.attempts += other.attempts
        self.weight += other.weight
        self.weighted_score += other.weighted_score
        if other.last_seen is not None and (self.last_seen is None or other.last_seen > self.last_seen):
            self.last_seen = other.last_seen
        self.due += other.due
        self.reviewed += other.reviewed
        self.retrievability += other.retrievability


def ensure_math_functions(connection: sqlite3.Connection) -> None:
    """Make ``exp`` and ``pow`` callable in SQL on this connection.

    SQLite has them only when built with its math functions (most builds since
    3.35); elsewhere Python's own are registered, which is slower but gives the
    same numbers.
    """
    try:
        connection.execute("SELECT exp(0.0), pow(2.0, 0.5)").fetchone()
    except sqlite3.OperationalError:
        install_python_math(connection)


def install_python_math(connection: sqlite3.Connection) -> None:
    connection.create_function("exp", 1, math.exp, deterministic=True)
    connection.create_function("pow", 2, math.pow, deterministic=True)


def julian_day(moment: datetime) -> float:
    return moment.timestamp() / 86400.0 + _UNIX_EPOCH_JULIAN_DAY


def parse_db_time(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


# An exam question left blank (an objective one's "[]", an open one's JSON null) is
# in its exam's score and its FSRS card, but says nothing about what is known: it
# is neither coverage nor evidence here (docs/weak-areas.md, "Blank exam answers").
BLANK = "(a.given IS NULL OR a.given IN ('null', '[]'))"
ANSWERED = f"NOT (a.session_id IS NOT NULL AND a.mode = 'exam' AND {BLANK})"

_ATTEMPTS_SELECT = """
    SELECT q.topic_id, count(*), count(DISTINCT a.question_id), max(a.answered_at),
           sum(exp(:rate * (julianday(a.answered_at) - :now_jd))),
           sum(a.score * exp(:rate * (julianday(a.answered_at) - :now_jd)))
    FROM questions q JOIN attempts a ON a.question_id = q.id
    WHERE q.retired_at IS NULL AND a.answered_at <= :now
"""
# Every topic, from the covering index (question, time, score) alone: the fast path.
_ATTEMPTS_BY_TOPIC = _ATTEMPTS_SELECT + " GROUP BY q.topic_id"
# Topics with a blank exam answer (only exam attempts have a session). Usually none,
# or a few: read from the partial index that holds only blank exam answers (migration
# 0008; its WHERE is this query's, word for word, or SQLite cannot use it). Reading the
# attempts table for them cost 15-40 ms of the 150 ms budget at 200k attempts.
_TOPICS_WITH_BLANKS = f"""
    SELECT DISTINCT q.topic_id
    FROM attempts a INDEXED BY ix_attempts_blank_exam JOIN questions q ON q.id = a.question_id
    WHERE a.session_id IS NOT NULL AND a.mode = 'exam' AND {BLANK}
          AND q.retired_at IS NULL AND a.answered_at <= :now
"""
# Those topics again, blanks left out (reads their attempts' rows: a few topics' worth).
_ANSWERED_BY_TOPIC = _ATTEMPTS_SELECT + " AND q.topic_id IN ({topics}) AND " + ANSWERED + " GROUP BY q.topic_id"

# Elapsed whole days as the fsrs package counts them (timedelta.days, at least 0).
_REVIEWS_BY_TOPIC = """
    SELECT q.topic_id, count(*), coalesce(sum(r.due_at <= :now), 0),
           count(CASE WHEN r.stability > 0 AND r.last_review_at IS NOT NULL THEN 1 END),
           sum(CASE WHEN r.stability > 0 AND r.last_review_at IS NOT NULL THEN
               pow(1 + :factor * max(0, CAST(:now_jd - julianday(r.last_review_at) AS INTEGER)) / r.stability, :decay)
           END)
    FROM questions q LEFT JOIN review_states r ON r.question_id = q.id
    WHERE q.retired_at IS NULL
    GROUP BY q.topic_id
"""


def question_knowledge(connection: sqlite3.Connection, question_ids: Sequence[int], *, now: datetime | None = None) -> dict[int, float]:
    """K = A · R for each question, the topic formula on one question's own evidence.

    Questions never attempted get the prior's mean (0.5): unknown, not known
    to be weak. Used by the exam's "weakest first" order.
    """
    moment = utc_or_now(now)
    if not question_ids:
        return {}
    ensure_math_functions(connection)
    ids = ",".join(str(int(i)) for i in question_ids)
    params = {
        "now": db_time(moment), "now_jd": julian_day(moment), "rate": math.log(2) / HALF_LIFE_DAYS,
        "factor": FSRS_FACTOR, "decay": FSRS_DECAY,
    }
    accuracy = {
        question_id: (PRIOR_STRENGTH * PRIOR_MEAN + weighted) / (PRIOR_STRENGTH + weight)
        for question_id, weight, weighted in connection.execute(
            f"""SELECT question_id, sum(exp(:rate * (julianday(answered_at) - :now_jd))),
                       sum(score * exp(:rate * (julianday(answered_at) - :now_jd)))
                FROM attempts a WHERE question_id IN ({ids}) AND answered_at <= :now AND {ANSWERED}
                GROUP BY question_id""",
            params,
        )
    }
    recall = dict(
        connection.execute(
            f"""SELECT question_id,
                       pow(1 + :factor * max(0, CAST(:now_jd - julianday(last_review_at) AS INTEGER)) / stability, :decay)
                FROM review_states
                WHERE question_id IN ({ids}) AND stability > 0 AND last_review_at IS NOT NULL""",
            params,
        )
    )
    return {i: accuracy[i] * recall.get(i, 1.0) if i in accuracy else PRIOR_MEAN for i in question_ids}


def _evidence_by_topic(connection: sqlite3.Connection, now: datetime) -> dict[int, _Evidence]:
    ensure_math_functions(connection)
    params = {
        "now": db_time(now),
        "now_jd": julian_day(now),
        "rate": math.log(2) / HALF_LIFE_DAYS,  # weight = 2 ** -(age / half-life)
        "factor": FSRS_FACTOR,
        "decay": FSRS_DECAY,
    }
    evidence: dict[int, _Evidence] = {}
    for topic_id, questions, due, reviewed, r_sum in connection.execute(_REVIEWS_BY_TOPIC, params):
        evidence[topic_id] = _Evidence(questions=questions, due=due, reviewed=reviewed, retrievability=r_sum or 0.0)
    rows = {row[0]: row for row in connection.execute(_ATTEMPTS_BY_TOPIC, params)}
    # Filtering blanks in the one query would cost the covering index (3× slower at
    # 200k attempts); the few topics that have blanks are counted again without them.
    blanks = [row[0] for row in connection.execute(_TOPICS_WITH_BLANKS, params)]
    if blanks:
        for topic_id in blanks:
            rows.pop(topic_id, None)
        topics = ",".join(str(int(t)) for t in blanks)
        rows.update({row[0]: row for row in connection.execute(_ANSWERED_BY_TOPIC.format(topics=topics), params)})
    for topic_id, attempts, attempted, last_seen, weight, weighted_score in rows.values():
        item = evidence.setdefault(topic_id, _Evidence())
        item.attempts, item.attempted, item.last_seen = attempts, attempted, last_seen
        item.weight, item.weighted_score = weight or 0.0, weighted_score or 0.0
    return evidence


def _reason(
    attempts: int, accuracy: float | None, days_since: float | None, retrievability: float | None, coverage: float, due: int
) -> tuple[Reason, float | None]:
    """The most telling weakness, in a fixed order of severity."""
    if attempts == 0 or accuracy is None:
        return Reason.NEVER_ATTEMPTED, None
    if attempts < MIN_EVIDENCE_ATTEMPTS:
        return Reason.LITTLE_EVIDENCE, float(attempts)
    if accuracy < LOW_ACCURACY_BELOW:
        return Reason.LOW_ACCURACY, accuracy
    if days_since is not None and days_since >= NOT_REVIEWED_DAYS:
        return Reason.NOT_REVIEWED, days_since
    if retrievability is not None and retrievability < FORGETTING_BELOW:
        return Reason.FORGETTING, retrievability
    if coverage < LOW_COVERAGE_BELOW:
        return Reason.LOW_COVERAGE, coverage
    if due > 0:
        return Reason.DUE, float(due)
    return Reason.STRONG, None


def _stats(node: tuple[int, int | None, str, str], evidence: _Evidence, now: datetime) -> TopicStats:
    """The model's figures for one topic's (or a module's rolled-up) evidence."""
    topic_id, parent_id, name, name_en = node
    coverage = evidence.attempted / evidence.questions if evidence.questions else 0.0
    retrievability = evidence.retrievability / evidence.reviewed if evidence.reviewed else None
    last_seen = parse_db_time(evidence.last_seen)
    accuracy = mastery = None
    if evidence.attempts:
        accuracy = (PRIOR_STRENGTH * PRIOR_MEAN + evidence.weighted_score) / (PRIOR_STRENGTH + evidence.weight)
        # A product: answered well when asked, and still remembered now. Neither
        # can hide the other (a geometric mean let 58 % accuracy read as 71).
        knowledge = accuracy * retrievability if retrievability is not None else accuracy
        mastery = 100.0 * knowledge * (UNSEEN_CREDIT + (1.0 - UNSEEN_CREDIT) * coverage)
    days_since = (now - last_seen).total_seconds() / 86400.0 if last_seen is not None else None
    reason, detail = _reason(evidence.attempts, accuracy, days_since, retrievability, coverage, evidence.due)
    return TopicStats(
        topic_id=topic_id,
        parent_id=parent_id,
        name=name,
        name_en=name_en or "",
        questions=evidence.questions,
        attempted=evidence.attempted,
        attempts=evidence.attempts,
        accuracy=accuracy,
        coverage=coverage,
        retrievability=retrievability,
        mastery=mastery,
        confidence=evidence.weight / (evidence.weight + CONFIDENCE_HALF),
        due=evidence.due,
        last_seen=last_seen,
        reason=reason,
        reason_detail=detail,
        effective_attempts=evidence.weight,
    )


Node = tuple[int, "int | None", str, str]


def topic_stats(connection: sqlite3.Connection, *, now: datetime | None = None) -> list[TopicStats]:
    """Every module and sub-topic with active questions, in tree order (module, then its sub-topics)."""
    moment = utc_or_now(now)
    evidence = _evidence_by_topic(connection, moment)
    rows = connection.execute("SELECT id, parent_id, name, name_en FROM topics ORDER BY sort_order, name, id").fetchall()
    known = {row[0] for row in rows}
    children: dict[int | None, list[Node]] = {}
    for topic_id, parent_id, name, name_en in rows:
        parent = parent_id if parent_id in known else None
        children.setdefault(parent, []).append((topic_id, parent, name, name_en))

    totals: dict[int, _Evidence] = {}

    def roll_up(topic_id: int) -> _Evidence:
        total = _Evidence()
        total.add(evidence.get(topic_id, _Evidence()))
        for child in children.get(topic_id, []):
            total.add(roll_up(child[0]))
        totals[topic_id] = total
        return total

    for root in children.get(None, []):
        roll_up(root[0])

    out: list[TopicStats] = []

    def visit(node: Node) -> None:
        total = totals[node[0]]
        if total.questions == 0:
            return  # empty branches are hidden, as in the topic tree
        out.append(_stats(node, total, moment))
        for child in children.get(node[0], []):
            visit(child)

    for root in children.get(None, []):
        visit(root)
    return out


def _rank_key(stats: TopicStats) -> tuple[int, float, int]:
    if stats.mastery is None:
        return (1, 0.0, stats.topic_id)
    if stats.reason is Reason.LITTLE_EVIDENCE:  # unknown rather than weak: after the proven-weak ones
        return (1, round(stats.mastery, 6), stats.topic_id)
    weak = stats.mastery < WEAK_MASTERY_BELOW or stats.reason in (Reason.LOW_ACCURACY, Reason.FORGETTING)
    # Rounded so that float noise between equal histories cannot reorder them.
    return (0 if weak else 2, round(stats.mastery, 6), stats.topic_id)


def weakest_topics(stats: Sequence[TopicStats], limit: int = 5) -> list[TopicStats]:
    """Sub-topics, weakest first.

    Attempted topics with evidence of weakness (mastery under
    :data:`WEAK_MASTERY_BELOW`, low accuracy or forgetting) come first, lowest
    mastery first; then never-attempted ones and those with too little evidence;
    then the other attempted ones.
    Equal scores keep topic-id order.
    """
    ranked = sorted((s for s in stats if s.parent_id is not None), key=_rank_key)
    return ranked[: max(0, limit)]

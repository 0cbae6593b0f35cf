"""Synthetic question banks and histories for the benchmarks, from a fixed seed.

Data is written through the app's own code paths (``sync_questions`` for
questions), so the benchmarks measure the indexes and triggers users get.
Histories (``make_history``) are inserted in bulk, with review states from the
real FSRS scheduler.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from quizdesk.core.content.model import Choice, ParsedQuestion, TopicRef
from quizdesk.core.content.sync import sync_questions
from quizdesk.core.db.store import Store, open_store

TERMS = (
    "梯度 裁剪 注意力 机制 损失 函数 优化器 学习率 正则化 过拟合 卷积 神经网络 扩散 模型 采样 "
    "量化 推理 部署 吞吐量 延迟 缓存 显存 分布式 训练 微调 数据 增强 标签 特征 向量 检索 "
    "Transformer Adam softmax embedding token batch dropout ReLU GELU LoRA RLHF ONNX CUDA"
).split()


def _vocabulary(size: int = 4000, seed: int = 11) -> list[str]:
    """Real terms plus made-up two- and three-character words from common CJK characters."""
    rng = random.Random(seed)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 2500)]
    words: list[str] = []
    while len(words) < size:
        words.append("".join(rng.choice(chars) for _ in range(rng.choice((1, 2, 2, 3)))))
    # Real terms are common but not the commonest words (those are function
    # words in real prose): spread them over ranks 40-800.
    for term, rank in zip(TERMS, range(40, 800, 800 // len(TERMS))):
        words.insert(rank, term)
    return words


WORDS = _vocabulary()
# Zipf-like frequencies: a few words are everywhere, most are rare, as in real text.
WEIGHTS = [1.0 / (rank + 1) for rank in range(len(WORDS))]
MODULES = ("AI绘画基础", "AI视频基础", "深度学习基础", "机器学习基础", "Python编程基础", "模型部署基础", "计算机基础", "大模型")


def sentence(rng: random.Random, words: int) -> str:
    picked = rng.choices(WORDS, WEIGHTS, k=words)
    return "".join(w + ("，" if rng.random() < 0.15 else "") for w in picked) + "。"


def answer_text(rng: random.Random) -> str:
    parts = [sentence(rng, rng.randint(12, 30)) for _ in range(rng.randint(3, 6))]
    parts.insert(1, r"$$\mathrm{Attention}(Q,K,V)=\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V$$")
    parts.append("```python\nimport torch\nx = torch.randn(4, 8)\nprint(x.mean())\n```")
    return "\n\n".join(parts)


def make_questions(n: int, seed: int = 7, topics_per_module: int = 6) -> list[ParsedQuestion]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        m = i % len(MODULES)
        t = (i // len(MODULES)) % topics_per_module
        topic = TopicRef(
            module_key=f"bench:m{m}", module_name=MODULES[m], module_name_en=f"Module {m}",
            topic_key=f"bench:m{m}/t{t}", topic_name=f"{MODULES[m]}·专题{t}", topic_name_en=f"Topic {t}",
            module_order=m, topic_order=t,
        )
        qtype = ("open", "single", "multi", "truefalse")[i % 4]
        choices: tuple[Choice, ...] = ()
        if qtype == "single":
            choices = tuple(Choice(sentence(rng, 3), k == 0) for k in range(4))
        elif qtype == "multi":
            choices = tuple(Choice(sentence(rng, 3), k < 2) for k in range(4))
        elif qtype == "truefalse":
            choices = (Choice("正确", True), Choice("错误", False))
        out.append(
            ParsedQuestion(
                external_id=f"bench-{i}", qtype=qtype, title=f"{sentence(rng, 4)[:-1]}？#{i}", topic=topic,
                answer_md=answer_text(rng), key_points=tuple(sentence(rng, 3) for _ in range(3)) if qtype == "open" else (),
                choices=choices, source_path=f"bench/{m}/{t}.md", source_line=i, order=i,
            )
        )
    return out


def make_store(data_dir: Path, n_questions: int, seed: int = 7) -> Store:
    store = open_store(data_dir)
    with store.session() as session:
        sync_questions(session, make_questions(n_questions, seed), origin="import:bench", retire_missing=False)
    return store


def make_history(store: Store, n_attempts: int, *, seed: int = 13, days: int = 180, now: datetime | None = None) -> datetime:
    """Write ``n_attempts`` graded attempts and the FSRS states they lead to; returns "now".

    A learner with a skill per topic (some topics never touched) answers
    questions over the last ``days`` days, a few questions often and most
    rarely. Attempts and review states are written with plain ``executemany``
    (the app's one-ORM-write-per-grade path would take minutes), but every
    review state comes from running the real FSRS scheduler over that
    question's attempts in time order, as the app does.
    """
    import json
    import sqlite3

    from fsrs import Card, Rating

    from quizdesk.core.study.scheduler import RATING_SCORE, make_scheduler

    moment = now or datetime(2026, 6, 1, 20, 0, tzinfo=timezone.utc)
    rng = random.Random(seed)
    connection = sqlite3.connect(store.path, isolation_level=None)
    questions = connection.execute("SELECT id, topic_id, qtype FROM questions WHERE retired_at IS NULL ORDER BY id").fetchall()
    topics = sorted({t for _, t, _ in questions})
    skill = {t: rng.uniform(0.35, 0.95) for t in topics}
    untouched = set(rng.sample(topics, max(1, len(topics) // 10)))
    pool = [q for q in questions if q[1] not in untouched]
    # Zipf-like: some questions come back again and again, most rarely.
    weights = [1.0 / (1 + rank) ** 0.7 for rank in range(len(pool))]
    rng.shuffle(pool)
    picks = rng.choices(pool, weights, k=n_attempts)
    exams = [(i + 1, moment - timedelta(days=rng.uniform(0, days))) for i in range(max(1, n_attempts // 2000))]
    by_question: dict[int, list[tuple[datetime, tuple[int, int, str]]]] = {}
    for pick in picks:
        when = moment - timedelta(seconds=rng.uniform(0, days * 86400))
        by_question.setdefault(pick[0], []).append((when, pick))
    scheduler = make_scheduler()
    attempt_rows = []
    state_rows = []
    for question_id, history in by_question.items():
        history.sort()
        card = Card(card_id=question_id, due=history[0][0])
        lapses = 0
        for when, (_, topic_id, qtype) in history:
            right = rng.random() < skill[topic_id]
            seconds = rng.uniform(3, 120)
            if qtype == "open":
                rating = rng.choice((3, 4)) if right else rng.choice((1, 2))
                score, correct = RATING_SCORE[rating], rating >= 2
            else:
                rating = (4 if seconds < 15 else 3) if right else 1
                score, correct = (1.0 if right else 0.0), right
            session_id, mode = (None, "study")
            if rng.random() < 0.2:
                session_id, mode = rng.choice(exams)[0], "exam"
            card, _ = scheduler.review_card(card, Rating(rating), when)
            lapses += rating == 1
            attempt_rows.append((question_id, session_id, mode, json.dumps({"rating": rating}), score, correct, rating, seconds, _db_time(when)))
        state_rows.append((question_id, json.dumps(card.to_dict()), _db_time(card.due), card.stability, card.difficulty,
                           _db_time(card.last_review) if card.last_review else None, len(history), lapses))
    attempt_rows.sort(key=lambda r: r[-1])
    connection.execute("BEGIN")
    connection.executemany(
        "INSERT INTO sessions (id, mode, spec, question_ids, state, started_at, elapsed_s, current_index, finished_at)"
        " VALUES (?, 'exam', '{}', '[]', 'finished', ?, 0, 0, ?)",
        [(i, _db_time(t), _db_time(t)) for i, t in exams],
    )
    connection.executemany(
        "INSERT INTO attempts (question_id, session_id, mode, given, score, correct, rating, seconds_spent, answered_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        attempt_rows,
    )
    connection.executemany(
        "INSERT INTO review_states (question_id, card, due_at, stability, difficulty, last_review_at, reps, lapses)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        state_rows,
    )
    connection.execute("COMMIT")
    connection.close()
    return moment


def _db_time(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")

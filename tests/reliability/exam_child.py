"""Child process for the kill test: takes an exam and reports each committed answer.

Usage: exam_child.py DATA_DIR SEED. Prints ``EXAM <id>`` once, then for every
answer ``SENDING <qid> <given>`` before the write and ``ACK <qid> <given>``
after its commit, flushing each line, until killed.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from sqlalchemy import select

from quizdesk.core.db.models import Topic, utcnow
from quizdesk.core.db.store import open_store
from quizdesk.core.study.exams import ExamSpec, create_exam, load_exam, save_answer, save_clock


def main() -> None:
    data_dir, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    store = open_store(data_dir)
    with store.session() as s:
        topics = tuple(s.scalars(select(Topic.id)))
        exam_id = create_exam(s, ExamSpec(topics, count=40, time_limit_s=1800, seed=seed), utcnow())
    print(f"EXAM {exam_id}", flush=True)
    with store.session() as s:
        questions = load_exam(s, exam_id).questions
    remaining, elapsed = 1800.0, 0.0
    for round_no in range(1000):
        question = questions[rng.randrange(len(questions))]
        given = [rng.randrange(len(question.choices))] if question.choices else f"笔记 {round_no}"
        elapsed += 0.5
        remaining -= 0.5
        payload = json.dumps(given, ensure_ascii=False)
        print(f"SENDING {question.id} {payload}", flush=True)
        with store.session() as s:
            save_answer(s, exam_id, question.id, given, remaining_s=remaining, elapsed_s=elapsed, current_index=0)
        print(f"ACK {question.id} {payload}", flush=True)
        if round_no % 3 == 0:
            with store.session() as s:
                save_clock(s, exam_id, remaining_s=remaining, elapsed_s=elapsed, current_index=1)
        time.sleep(rng.random() * 0.01)


if __name__ == "__main__":
    main()

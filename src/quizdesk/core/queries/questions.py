"""The questions a card, an exam page or the answer pane shows, and where their images are."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class QuestionDetail:
    """Everything a card or the answer pane shows about one question."""

    id: int
    qtype: str
    title: str
    body_md: str
    answer_md: str
    choices: tuple[str, ...]
    correct: tuple[int, ...]
    key_points: tuple[str, ...]
    topic: str
    module: str
    origin: str
    source_path: str
    topic_en: str = ""  # English names for the English UI ("" when the bank has none)
    module_en: str = ""


def _json_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    try:
        decoded = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return decoded if isinstance(decoded, list) else []


def question_details(connection: sqlite3.Connection, question_ids: list[int]) -> list[QuestionDetail]:
    """The questions with these ids, in the order given (unknown ids skipped)."""
    if not question_ids:
        return []
    ids = ",".join(str(int(i)) for i in question_ids)
    rows = connection.execute(
        f"""SELECT q.id, q.qtype, q.title, q.body_md, q.answer_md, q.choices, q.key_points,
                   t.name, coalesce(m.name, t.name), q.origin, q.source_path,
                   coalesce(t.name_en, ''), coalesce(m.name_en, t.name_en, '')
            FROM questions q JOIN topics t ON t.id = q.topic_id LEFT JOIN topics m ON m.id = t.parent_id
            WHERE q.id IN ({ids})""",
    )
    by_id: dict[int, QuestionDetail] = {}
    for qid, qtype, title, body, answer, choices, points, topic, module, origin, source, topic_en, module_en in rows:
        choice_list = [c for c in _json_list(choices) if isinstance(c, dict)]
        by_id[qid] = QuestionDetail(
            id=qid,
            qtype=qtype,
            title=title,
            body_md=body or "",
            answer_md=answer or "",
            choices=tuple(str(c.get("text", "")) for c in choice_list),
            correct=tuple(i for i, c in enumerate(choice_list) if c.get("correct")),
            key_points=tuple(str(p) for p in _json_list(points)),
            topic=topic,
            module=module,
            origin=origin or "",
            source_path=source or "",
            topic_en=topic_en,
            module_en=module_en,
        )
    return [by_id[i] for i in question_ids if i in by_id]


def question_detail(connection: sqlite3.Connection, question_id: int) -> QuestionDetail | None:
    found = question_details(connection, [question_id])
    return found[0] if found else None


def question_base_dir(origin: str, source_path: str, bundled_root: Path, data_dir: Path | None = None) -> Path | None:
    """The folder a question's relative links (images) are resolved against.

    An imported question's images were copied into its import root's media
    folder under ``data_dir`` and its answer names them relative to that
    folder (docs/import.md, "Images"); a bundled one's sit beside its file.
    """
    if origin.startswith("import:") and data_dir is not None:
        from quizdesk.core.content.media import media_base

        return media_base(data_dir, origin)
    if not source_path:
        return None
    if origin.startswith("import:"):
        root = Path(origin[len("import:") :])
    else:
        root = bundled_root
    return (root / source_path).parent

"""Chosen questions → one ``.apkg`` that Anki, AnkiDroid and AnkiMobile open (written with genanki).

* one deck per topic, ``QuizDesk::<module>::<topic>`` in the requested language;
* one note per question of the "QuizDesk" note type (stable model id), with a
  stable GUID from the question's id: exporting again updates the notes in
  Anki instead of adding copies;
* fields Title, Question, Answer and a hidden "QuizDesk ID" (so reviews made
  in Anki come back to the same question when the package is imported here);
* tags: the question's tags (spaces → ``_``) and ``difficulty::<n>``;
* ``with_progress``: each reviewed question's FSRS state (``data`` JSON),
  due date, interval, reps and lapses on its card, and its answers as the
  card's review log, so Anki continues the schedule.

The package is written to a temporary file beside the target and renamed
into place at the end: a failed or cancelled export leaves no partial file.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizdesk.core.anki.errors import AnkiCancelled
from quizdesk.core.atomic_file import create_temp_beside
from quizdesk.core.anki.export_html import _MATH_TOKEN, markdown_to_anki
from quizdesk.core.anki.notes import QUIZDESK_ID_FIELD
from quizdesk.core.render.math_delimiters import LITERAL_DOLLAR, protect_math

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

MODEL_ID = 1_733_420_518  # fixed forever: Anki matches note types by id on re-import
MODEL_NAME = "QuizDesk"


def package_created() -> int:
    """The package's ``col.crt``: review due dates are day numbers from it.

    Anki's days start at 4:00 local time (its default "next day starts at"),
    so day 0 starts at 4:00 local on a fixed date: a card due on a given day
    here is due on that day in Anki.
    """
    return int(datetime(2014, 9, 19, 4, 0).astimezone().timestamp())
ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]
CHECK_EVERY = 50
_UNSAFE_MEDIA = re.compile(r"[^\w.()\-+,=@~]", re.UNICODE)
LABELS = {
    "zh": {"points": "要点", "correct": "正确答案", "explanation": "解析"},
    "en": {"points": "Key points", "correct": "Correct", "explanation": "Explanation"},
}
CSS = """.card { font-family: -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", sans-serif;
  font-size: 18px; text-align: left; color: #1f2328; background: #ffffff; line-height: 1.5; }
.title { font-size: 1.15em; font-weight: 600; margin-bottom: .6em; }
.right { color: #1a7f37; font-weight: 600; }
.nightMode .card, .card.nightMode { color: #e6edf3; background: #0d1117; }
table { border-collapse: collapse; }
"""


@dataclass(frozen=True)
class AnkiExportOptions:
    out: Path
    module: str | None = None  # a module's name (either language) or key
    topic: str | None = None  # a topic's name (either language) or key
    with_progress: bool = False
    lang: str = "zh"  # deck names: "zh" (names as written) or "en" (English names where the bank has them)


@dataclass
class AnkiExportReport:
    path: Path
    notes: int = 0
    decks: list[str] = field(default_factory=list)
    media: int = 0
    scheduled: int = 0  # cards carrying an FSRS state
    reviews: int = 0  # review-log entries written
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path), "notes": self.notes, "decks": self.decks, "media": self.media,
            "scheduled": self.scheduled, "reviews": self.reviews, "problems": self.problems,
        }


def note_guid(external_id: str) -> str:
    import genanki  # type: ignore[import-untyped]

    return str(genanki.guid_for("quizdesk", external_id))


def deck_id(name: str) -> int:
    return (1 << 40) + int(hashlib.sha256(name.encode("utf-8")).hexdigest()[:10], 16)


def _model() -> Any:
    import genanki

    return genanki.Model(
        MODEL_ID,
        MODEL_NAME,
        fields=[{"name": "Title"}, {"name": "Question"}, {"name": "Answer"}, {"name": QUIZDESK_ID_FIELD}],
        templates=[{
            "name": "Card 1",
            "qfmt": '<div class="title">{{Title}}</div>{{#Question}}<div class="question">{{Question}}</div>{{/Question}}',
            "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}',
        }],
        css=CSS,
    )


def inline_html(text: str) -> str:
    """One line of text (a title) as HTML with its formulas as MathJax."""
    protected = protect_math(text)
    escaped = html.escape(protected.text, quote=False).replace(html.escape(LITERAL_DOLLAR, quote=False), LITERAL_DOLLAR)

    def formula(match: re.Match[str]) -> str:
        span = protected.spans[int(match.group(2))]
        tex = html.escape(span.tex.strip(), quote=False)
        return f"\\[{tex}\\]" if span.display else f"\\({tex}\\)"

    return _MATH_TOKEN.sub(lambda m: formula(m) if m.group(1) == protected.nonce else m.group(0), escaped) if protected.spans else escaped


def _unwrap(fragment: str) -> str:
    match = re.fullmatch(r"<p>(.*)</p>", fragment.strip(), re.S)
    return match.group(1) if match and "<p>" not in match.group(1) else fragment


def tag_for(text: str) -> str:
    return "_".join(text.split())


class _Media:
    def __init__(self) -> None:
        self.names: dict[Path, str] = {}
        self.used: set[str] = set()

    def add(self, path: Path) -> str:
        found = self.names.get(path)
        if found is not None:
            return found
        name = _UNSAFE_MEDIA.sub("_", path.name).strip(".") or "image"
        if name in self.used:
            digest = hashlib.sha1(str(path).encode("utf-8", "surrogatepass")).hexdigest()[:8]
            stem, dot, suffix = name.rpartition(".")
            name = f"{stem}-{digest}{dot}{suffix}" if dot else f"{name}-{digest}"
        self.used.add(name)
        self.names[path] = name
        return name


def _filter(rows: list[Any], module: str | None, topic: str | None) -> list[Any]:
    def matches(wanted: str | None, *names: str | None) -> bool:
        if not wanted:
            return True
        folded = wanted.strip().casefold()
        return any(n is not None and n.strip().casefold() == folded for n in names)

    return [r for r in rows if matches(module, r.m_name, r.m_name_en, r.m_key) and matches(topic, r.t_name, r.t_name_en, r.t_key)]


def _rows(session: Session) -> list[Any]:
    from sqlalchemy import select
    from sqlalchemy.orm import aliased

    from quizdesk.core.db.models import Question, Topic

    module = aliased(Topic)
    stmt = (
        select(
            Question, Topic.name.label("t_name"), Topic.name_en.label("t_name_en"), Topic.key.label("t_key"),
            module.name.label("m_name"), module.name_en.label("m_name_en"), module.key.label("m_key"),
        )
        .join(Topic, Topic.id == Question.topic_id)
        .outerjoin(module, module.id == Topic.parent_id)
        .where(Question.retired_at.is_(None))
        .order_by(module.sort_order, Topic.sort_order, Question.sort_order, Question.id)
    )
    return list(session.execute(stmt))


Converted = dict[tuple[str, Path | None], tuple[str, list[str]]]


def _fields(q: Any, base: Path | None, media: _Media, labels: dict[str, str], problems: list[str], converted: Converted) -> list[str]:
    def convert(text: str) -> str:
        # Each distinct text (and image folder) is converted once per export: a choice is shown
        # on both sides of its card, and choices such as 正确/错误 recur across questions.
        key = (text, base)
        found = converted.get(key)
        if found is None:
            found = converted[key] = markdown_to_anki(text, base, media.add)
        problems.extend(f"{q.external_id}: {p}" for p in found[1])
        return found[0]

    question = convert(q.body_md or "")
    answer = convert(q.answer_md or "")
    if q.qtype in ("single", "multi", "truefalse") and q.choices:
        items = "".join(f"<li>{_unwrap(convert(str(c.get('text', ''))))}</li>" for c in q.choices)
        question += f'<ol type="A">{items}</ol>'
        marked = "".join(
            (f'<li class="right">✓ {_unwrap(convert(str(c.get("text", ""))))}</li>' if c.get("correct") else f"<li>{_unwrap(convert(str(c.get('text', ''))))}</li>")
            for c in q.choices
        )
        answer = f'<p><b>{labels["correct"]}</b></p><ol type="A">{marked}</ol>' + (f'<p><b>{labels["explanation"]}</b></p>{answer}' if answer else "")
    if q.key_points:
        points = "".join(f"<li>{_unwrap(convert(str(p)))}</li>" for p in q.key_points)
        answer += f'<p><b>{labels["points"]}</b></p><ul>{points}</ul>'
    return [inline_html(q.title), question, answer, html.escape(q.external_id)]


def run_anki_export(
    session: Session,
    options: AnkiExportOptions,
    *,
    data_dir: Path | None,
    bundled_root: Path | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> AnkiExportReport:
    """Write the chosen questions to ``options.out``; see the module doc.

    ``data_dir``/``bundled_root`` locate the images of imported and bundled
    questions (as the app's views do). Raises :class:`AnkiCancelled` (no file
    written) or OSError (the target cannot be written; no file left behind).
    """
    import genanki

    from quizdesk.core.db.models import ReviewState
    from quizdesk.core.paths import bundled_content_dir
    from quizdesk.core.study.scheduler import desired_retention, make_scheduler
    from quizdesk.core.queries.questions import question_base_dir

    bundled_root = bundled_root if bundled_root is not None else bundled_content_dir()
    english = options.lang == "en"
    labels = LABELS["en" if english else "zh"]
    rows = _filter(_rows(session), options.module, options.topic)
    report = AnkiExportReport(options.out)
    model = _model()
    decks: dict[str, Any] = {}
    media = _Media()
    guids: dict[str, int] = {}  # note GUID → question id, for the progress pass
    converted: Converted = {}
    bases: dict[tuple[str, str], Path | None] = {}  # (origin, source file) → its image folder, computed once
    total = len(rows) + 1
    for done, row in enumerate(rows):
        q = row[0]
        if done % CHECK_EVERY == 0:
            if cancelled is not None and cancelled():
                raise AnkiCancelled()
            if progress is not None:
                progress(done, total, q.title)
        module_name = (row.m_name_en or row.m_name) if english else row.m_name
        topic_name = (row.t_name_en or row.t_name) if english else row.t_name
        parts = [p.replace("::", ":").strip() for p in ("QuizDesk", module_name or topic_name, topic_name) if p]
        deck_name = "::".join(parts)
        deck = decks.get(deck_name)
        if deck is None:
            deck = decks[deck_name] = genanki.Deck(deck_id(deck_name), deck_name)
        folder = (q.origin, q.source_path)
        base = bases[folder] if folder in bases else bases.setdefault(folder, question_base_dir(q.origin, q.source_path, bundled_root, data_dir))
        guid = note_guid(q.external_id)
        tags = [tag_for(t) for t in (q.tags or []) if tag_for(t)] + [f"difficulty::{q.difficulty}"]
        note = genanki.Note(model=model, fields=_fields(q, base, media, labels, report.problems, converted), tags=tags, guid=guid)
        deck.add_note(note)
        guids[guid] = q.id
    report.notes = len(rows)
    report.decks = list(decks)
    report.media = len(media.names)
    if cancelled is not None and cancelled():
        raise AnkiCancelled()
    if progress is not None:
        progress(len(rows), total, "writing the package")

    options.out.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = create_temp_beside(options.out, ".part")
    os.close(handle)
    db_handle, db_name = tempfile.mkstemp(suffix=".anki2")
    os.close(db_handle)
    try:
        connection = sqlite3.connect(db_name)
        try:
            cursor = connection.cursor()
            now = time.time()
            genanki.Package(list(decks.values())).write_to_db(cursor, now, itertools.count(int(now * 1000)))
            created = package_created()
            cursor.execute("UPDATE col SET crt = ?", (created,))
            if options.with_progress and guids:
                retention = desired_retention(session)
                decay = float(make_scheduler(retention).parameters[20]) if len(make_scheduler(retention).parameters) > 20 else 0.5
                _write_progress(session, cursor, guids, retention, decay, report, ReviewState, created)
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(db_name, "collection.anki2")
            archive.writestr("media", json.dumps({str(i): name for i, name in enumerate(media.names.values())}))
            for i, path in enumerate(media.names):
                archive.write(path, str(i))
        if cancelled is not None and cancelled():
            raise AnkiCancelled()
        os.replace(temp, options.out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        Path(db_name).unlink(missing_ok=True)
    if progress is not None:
        progress(total, total, "")
    return report


def _write_progress(
    session: Session, cursor: sqlite3.Cursor, guids: dict[str, int], retention: float, decay: float,
    report: AnkiExportReport, review_state: Any, created: int,
) -> None:
    """Each reviewed question's FSRS state and answers onto its card (see :mod:`schedule`)."""
    from sqlalchemy import select

    from quizdesk.core.anki.schedule import anki_schedule
    from quizdesk.core.db.models import Attempt

    cards = {guid: (cid, nid) for guid, cid, nid in cursor.execute("SELECT n.guid, c.id, n.id FROM cards c JOIN notes n ON n.id = c.nid")}
    by_question = {qid: guid for guid, qid in guids.items()}
    ids = list(by_question)
    states = {s.question_id: s for s in session.scalars(select(review_state).where(review_state.question_id.in_(ids)))}
    updates = []
    for qid, state in states.items():
        schedule = anki_schedule(state.card or {}, state.reps or 0, state.lapses or 0, created, retention, decay)
        if schedule is None:
            continue
        cid, _nid = cards[by_question[qid]]
        updates.append((schedule.ctype, schedule.queue, schedule.due, schedule.ivl, schedule.reps, schedule.lapses, schedule.data, cid))
    cursor.executemany("UPDATE cards SET type = ?, queue = ?, due = ?, ivl = ?, factor = 2500, reps = ?, lapses = ?, data = ? WHERE id = ?", updates)
    report.scheduled = len(updates)
    revlog = []
    used: set[int] = set()
    seen_card: set[int] = set()
    attempts = session.execute(
        select(Attempt.question_id, Attempt.rating, Attempt.seconds_spent, Attempt.answered_at)
        .where(Attempt.question_id.in_(ids), Attempt.rating.is_not(None))
        .order_by(Attempt.answered_at, Attempt.id)
    )
    for qid, rating, seconds, answered_at in attempts:
        if rating is None or not 1 <= int(rating) <= 4:
            continue
        cid, _nid = cards[by_question[qid]]
        rid = int(answered_at.timestamp() * 1000)
        while rid in used:  # revlog ids are unique
            rid += 1
        used.add(rid)
        kind = 1 if cid in seen_card else 0  # the first answer is a learning step
        seen_card.add(cid)
        revlog.append((rid, cid, -1, int(rating), 0, 0, 0, min(int((seconds or 0) * 1000), 60_000), kind))
    cursor.executemany("INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES (?,?,?,?,?,?,?,?,?)", revlog)
    report.reviews = len(revlog)

"""Reading an Anki collection (SQLite) into plain records: note types, decks, notes, cards, reviews.

Two schemas: 11 (``collection.anki2`` / ``.anki21``: note types and decks as
JSON in the ``col`` row) and 18 (``collection.anki21b``: ``notetypes``,
``fields``, ``decks`` tables, the note type's kind in a protobuf blob, deck
names separated by ``\\x1f``). Notes, cards and the review log are the same
tables in both.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from quizdesk.core.anki.errors import AnkiPackageError
from quizdesk.core.anki.protobuf import fields as pb_fields

FIELD_SEPARATOR = "\x1f"


@dataclass(frozen=True)
class NoteType:
    id: int
    name: str
    cloze: bool
    field_names: tuple[str, ...]


@dataclass(frozen=True)
class Note:
    id: int
    guid: str
    notetype_id: int
    tags: tuple[str, ...]
    fields: tuple[str, ...]


@dataclass(frozen=True)
class CardRow:
    id: int
    note_id: int
    deck_id: int
    ord: int
    ctype: int  # 0 new, 1 learning, 2 review, 3 relearning
    queue: int
    due: int
    ivl: int
    reps: int
    lapses: int
    original_due: int
    original_deck: int
    data: str


@dataclass(frozen=True)
class Review:
    id: int  # answer time in ms since the epoch; unique in the collection
    card_id: int
    ease: int  # 1 Again … 4 Easy; 0 for a manual reschedule
    time_ms: int
    kind: int  # 0 learn, 1 review, 2 relearn, 3 filtered, 4 manual, 5 rescheduled


@dataclass
class Collection:
    created: int  # ``col.crt``: the start of day 0, seconds since the epoch
    notetypes: dict[int, NoteType] = field(default_factory=dict)
    decks: dict[int, str] = field(default_factory=dict)  # id → "A::B::C"
    notes: list[Note] = field(default_factory=list)
    cards: list[CardRow] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _cloze_kind(config: bytes | None) -> bool:
    if not config:
        return False
    try:
        return any(number == 1 and value == 1 for number, value in pb_fields(bytes(config)))
    except AnkiPackageError:
        return False


def _schema18(connection: sqlite3.Connection, col: Collection) -> None:
    names: dict[int, list[tuple[int, str]]] = {}
    for ntid, ord_, name in connection.execute("SELECT ntid, ord, name FROM fields"):
        names.setdefault(int(ntid), []).append((int(ord_), str(name)))
    for ntid, name, config in connection.execute("SELECT id, name, config FROM notetypes"):
        field_names = tuple(n for _o, n in sorted(names.get(int(ntid), [])))
        col.notetypes[int(ntid)] = NoteType(int(ntid), str(name), _cloze_kind(config), field_names)
    for did, name in connection.execute("SELECT id, name FROM decks"):
        col.decks[int(did)] = str(name).replace("\x1f", "::")


def _schema11(connection: sqlite3.Connection, col: Collection) -> None:
    row = connection.execute("SELECT models, decks FROM col").fetchone()
    try:
        models = json.loads(row[0] or "{}")
        decks = json.loads(row[1] or "{}")
    except (TypeError, ValueError):
        raise AnkiPackageError("damaged collection: its note types or decks are not readable JSON") from None
    for key, model in (models or {}).items():
        if not isinstance(model, dict):
            continue
        flds = sorted((f for f in model.get("flds", []) if isinstance(f, dict)), key=lambda f: int(f.get("ord", 0)))
        ntid = int(model.get("id", key))
        col.notetypes[ntid] = NoteType(ntid, str(model.get("name", "")), model.get("type") == 1, tuple(str(f.get("name", "")) for f in flds))
    for key, deck in (decks or {}).items():
        if isinstance(deck, dict):
            col.decks[int(deck.get("id", key))] = str(deck.get("name", ""))


def read_collection(connection: sqlite3.Connection) -> Collection:
    """Everything QuizDesk imports from the collection; :class:`AnkiPackageError` if it is not one."""
    try:
        tables = _tables(connection)
        missing = {"col", "notes", "cards", "revlog"} - tables
        if missing:
            raise AnkiPackageError(f"not an Anki collection (no {', '.join(sorted(missing))} table)")
        created_row = connection.execute("SELECT crt FROM col").fetchone()
        col = Collection(created=int(created_row[0]) if created_row and created_row[0] else 0)
        if "notetypes" in tables:
            _schema18(connection, col)
        else:
            _schema11(connection, col)
        for nid, guid, mid, tags, flds in connection.execute("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id"):
            col.notes.append(Note(int(nid), str(guid), int(mid), tuple(str(tags or "").split()), tuple(str(flds or "").split(FIELD_SEPARATOR))))
        for row in connection.execute(
            "SELECT id, nid, did, ord, type, queue, due, ivl, reps, lapses, odue, odid, data FROM cards ORDER BY id"
        ):
            numbers = [int(v or 0) for v in row[:12]]
            col.cards.append(CardRow(
                id=numbers[0], note_id=numbers[1], deck_id=numbers[2], ord=numbers[3], ctype=numbers[4], queue=numbers[5],
                due=numbers[6], ivl=numbers[7], reps=numbers[8], lapses=numbers[9], original_due=numbers[10],
                original_deck=numbers[11], data=str(row[12] or ""),
            ))
        for row in connection.execute("SELECT id, cid, ease, time, type FROM revlog ORDER BY id"):
            col.reviews.append(Review(*(int(v or 0) for v in row)))
    except sqlite3.DatabaseError as exc:
        raise AnkiPackageError(f"damaged collection ({exc})") from None
    except (TypeError, ValueError) as exc:
        raise AnkiPackageError(f"damaged collection (unexpected values: {exc})") from None
    return col

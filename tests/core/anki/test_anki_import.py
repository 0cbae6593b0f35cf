"""Importing packages made by Anki 26.9.3 itself (tests/fixtures/anki, made by make_fixtures.py)."""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizdesk.core.anki import AnkiPackageError, run_anki_import
from quizdesk.core.anki.importer import ORIGIN, safe_media_name
from quizdesk.core.anki.notes import question_id
from quizdesk.core.content.importer.images import media_base
from quizdesk.core.db.models import Attempt, Question, ReviewState
from quizdesk.core.db.store import Store
from quizdesk.core.render import render_markdown

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "anki"
PACKAGES = ["anki26.apkg", "anki26-legacy.apkg", "anki26.colpkg", "anki26-legacy.colpkg"]
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def _import(store: Store, data_dir: Path, name: str | Path):
    path = name if isinstance(name, Path) else FIXTURES / name
    return run_anki_import(path, session_factory=store.session_factory, data_dir=data_dir)


@dataclass(frozen=True)
class Row:
    id: int
    title: str
    body_md: str
    answer_md: str
    module: str
    topic: str


def _by_id(store: Store) -> dict[str, Row]:
    with store.session() as session:
        rows = session.scalars(select(Question).where(Question.origin == ORIGIN)).all()
        return {
            q.external_id: Row(q.id, q.title, q.body_md, q.answer_md, q.topic.parent.name if q.topic.parent else "", q.topic.name)
            for q in rows
        }


@pytest.mark.parametrize("name", PACKAGES)
def test_every_note_and_every_review_imports(store: Store, data_dir: Path, name: str) -> None:
    report = _import(store, data_dir, name)
    notes = EXPECTED["notes"]
    cloze_questions = sum(len(set(re.findall(r"\{\{c(\d+)::", n["fields"][0]))) for n in notes if n["notetype"] == "Cloze")
    other = sum(1 for n in notes if n["notetype"] != "Cloze")
    assert report.notes == len(notes) and report.skipped_notes == 0
    assert report.imported == cloze_questions + other == 9
    assert report.reviews == len(EXPECTED["revlog"]) == 8
    questions = _by_id(store)
    for note in notes:
        if note["notetype"] == "Cloze":
            continue
        q = questions[question_id(note["guid"])]
        assert q.title == " ".join(html.unescape(re.sub("<[^>]+>", " ", note["fields"][0])).split())
        module, _, rest = note["deck"].partition("::")
        assert (q.module, q.topic) == (module, rest.replace("::", " · ") or module)
    # Every review: one attempt each, at Anki's time, with Anki's rating.
    with store.session() as session:
        attempts = session.execute(select(Attempt.given, Attempt.rating, Attempt.answered_at, Attempt.mode, Attempt.score)).all()
    assert sorted(given["anki_revlog"] for given, *_ in attempts) == [r["id"] for r in EXPECTED["revlog"]]
    by_revlog = {r["id"]: r for r in EXPECTED["revlog"]}
    for given, rating, answered_at, mode, score in attempts:
        review = by_revlog[given["anki_revlog"]]
        assert rating == review["ease"] and mode == "anki"
        assert answered_at == datetime.fromtimestamp(review["id"] / 1000, timezone.utc).replace(microsecond=answered_at.microsecond)
        assert score == {1: 0.0, 2: 0.5, 3: 0.8, 4: 1.0}[rating]


@pytest.mark.parametrize("name", PACKAGES)
def test_fsrs_state_comes_from_the_cards_data(store: Store, data_dir: Path, name: str) -> None:
    _import(store, data_dir, name)
    with store.session() as session:
        states = {q.external_id: q.review for q in session.scalars(select(Question).where(Question.origin == ORIGIN)) if q.review}
        scheduled = [c for c in EXPECTED["cards"] if json.loads(c["data"] or "{}").get("s")]
        kinds = {n["guid"]: n["notetype"] for n in EXPECTED["notes"]}
        assert len(states) == len(scheduled) == 4
        for card in scheduled:
            data = json.loads(card["data"])
            cloze = kinds[card["guid"]] == "Cloze"
            state = states[question_id(card["guid"], card["ord"] + 1 if cloze else None)]
            assert (state.stability, state.difficulty) == (data["s"], data["d"])
            assert state.last_review_at == datetime.fromtimestamp(data["lrt"], timezone.utc)
            if card["type"] == 1:  # learning: due is a time
                assert state.due_at == datetime.fromtimestamp(card["due"], timezone.utc)
            assert state.card["stability"] == data["s"]


def test_cloze_each_number_is_a_question(store: Store, data_dir: Path) -> None:
    _import(store, data_dir, "anki26.apkg")
    guid = next(n["guid"] for n in EXPECTED["notes"] if n["notetype"] == "Cloze" and "chain rule" in n["fields"][0])
    questions = _by_id(store)
    first, second = questions[question_id(guid, 1)], questions[question_id(guid, 2)]
    assert first.title.startswith("The […] gives \\(\\frac{dz}{dx}")
    assert second.title == "The chain rule gives [a product]."  # the hint shows
    assert "chain rule</span>" in first.answer_md and "Calculus" in first.answer_md
    assert "\\frac{dz}{dy}\\frac{dy}{dx}\\)</span>" in second.answer_md
    # One cloze number used twice in a note: one question, both deletions hidden.
    adam = next(n["guid"] for n in EXPECTED["notes"] if "Adam" in n["fields"][0])
    assert questions[question_id(adam, 1)].title == "[…] keeps running means of the gradient and of […]."


def test_formulas_images_and_dollars_display(store: Store, data_dir: Path) -> None:
    report = _import(store, data_dir, "anki26.apkg")
    assert report.render_problems == []  # computed with the app's renderer
    assert report.images == 2
    base = media_base(data_dir, ORIGIN)
    assert base is not None and (base / "grad descent.png").read_bytes().startswith(b"\x89PNG")
    questions = {q.title: q for q in _by_id(store).values()}
    rendered = render_markdown(questions["What is gradient descent?"].answer_md, base_dir=base)
    assert rendered.problems == () and len(rendered.images) == 1 and "grad%20descent.png" in rendered.html
    legacy = render_markdown(questions["Legacy LaTeX"].answer_md, base_dir=base)
    assert len(legacy.images) == 2 and legacy.problems == ()  # [$]…[/$] and [$$]…[/$$] drawn
    dollar = render_markdown(questions["A dollar"].answer_md, base_dir=base)
    assert not dollar.images and "$5" in dollar.html.replace("&#36;", "$") and "a &lt; b" in dollar.html


def test_reimport_updates_without_duplicates_and_keeps_progress(store: Store, data_dir: Path) -> None:
    _import(store, data_dir, "anki26.apkg")
    counts = _counts(store)
    again = _import(store, data_dir, "anki26-legacy.apkg")  # same notes, other format
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 9)
    assert (again.reviews, again.reviews_known) == (0, 8)
    assert _counts(store) == counts


def test_reimport_of_an_edited_note_updates_it_in_place(store: Store, data_dir: Path, tmp_path: Path) -> None:
    _import(store, data_dir, "anki26-legacy.apkg")
    before = _by_id(store)
    edited = tmp_path / "edited.apkg"
    _rewrite_collection(FIXTURES / "anki26-legacy.apkg", edited, "UPDATE notes SET flds = replace(flds, 'Why use momentum?', 'Why use momentum in SGD?')")
    report = _import(store, data_dir, edited)
    assert (report.imported, report.updated, report.unchanged) == (0, 1, 8)
    after = _by_id(store)
    assert set(after) == set(before)
    changed = [k for k in after if after[k].title != before[k].title]
    assert [after[k].title for k in changed] == ["Why use momentum in SGD?"] and after[changed[0]].id == before[changed[0]].id


def test_cards_without_fsrs_state_are_replayed_from_the_review_log(store: Store, data_dir: Path, tmp_path: Path) -> None:
    plain = tmp_path / "sm2.apkg"
    _rewrite_collection(FIXTURES / "anki26-legacy.apkg", plain, "UPDATE cards SET data = '{}'")
    report = _import(store, data_dir, plain)
    assert report.review_states == 4
    with store.session() as session:
        states = session.scalars(select(ReviewState)).all()
        assert len(states) == 4 and all(s.stability and s.difficulty and s.reps == 2 for s in states)


# --- bad packages: a clear error, nothing changed -------------------------------------------------


def _counts(store: Store) -> tuple[int, ...]:
    with store.session() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) or 0 for m in (Question, Attempt, ReviewState))


def _digest(store: Store) -> str:
    with store.session() as session:
        rows = [
            session.execute(select(Question.external_id, Question.title, Question.answer_md).order_by(Question.external_id)).all(),
            session.execute(select(Attempt.question_id, Attempt.given, Attempt.answered_at).order_by(Attempt.id)).all(),
            session.execute(select(ReviewState.question_id, ReviewState.card).order_by(ReviewState.question_id)).all(),
        ]
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _rewrite_collection(source: Path, target: Path, sql: str) -> None:
    """A copy of a legacy package whose collection.anki21 went through ``sql``."""
    work = target.parent / (target.name + ".d")
    work.mkdir()
    with zipfile.ZipFile(source) as archive:
        archive.extractall(work)
    connection = sqlite3.connect(work / "collection.anki21")
    connection.execute(sql)
    connection.commit()
    connection.close()
    with zipfile.ZipFile(target, "w") as out:
        for path in sorted(work.iterdir()):
            out.write(path, path.name)
    shutil.rmtree(work)


def _damaged(tmp_path: Path) -> dict[str, Path]:
    good = (FIXTURES / "anki26.apkg").read_bytes()
    cases: dict[str, Path] = {}

    def write(name: str, data: bytes) -> None:
        cases[name] = tmp_path / f"{name}.apkg"
        cases[name].write_bytes(data)

    write("truncated", good[: len(good) // 2])
    write("text", b"this is not an anki deck\n")
    write("empty", b"")
    with zipfile.ZipFile(tmp_path / "nocollection.apkg", "w") as archive:
        archive.writestr("notes.txt", "hello")
    cases["nocollection"] = tmp_path / "nocollection.apkg"
    with zipfile.ZipFile(tmp_path / "notsqlite.apkg", "w") as archive:
        archive.writestr("collection.anki2", b"SQLite format 3\x00" + b"\x00garbage" * 100)
    cases["notsqlite"] = tmp_path / "notsqlite.apkg"
    with zipfile.ZipFile(tmp_path / "badzstd.apkg", "w") as archive:
        archive.writestr("collection.anki21b", b"\x28\xb5\x2f\xfd" + b"\x00" * 64)
    cases["badzstd"] = tmp_path / "badzstd.apkg"
    with zipfile.ZipFile(tmp_path / "othersqlite.apkg", "w") as archive:
        other = tmp_path / "other.db"
        connection = sqlite3.connect(other)
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
        connection.close()
        archive.write(other, "collection.anki2")
    cases["othersqlite"] = tmp_path / "othersqlite.apkg"
    # An encrypted entry (the flag bit Anki never sets): refused before anything is read.
    data = bytearray((FIXTURES / "anki26-legacy.apkg").read_bytes())
    index = data.find(b"PK\x03\x04")
    data[index + 6] |= 1
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 1
    write("encrypted", bytes(data))
    return cases


def test_damaged_unknown_and_truncated_packages_change_nothing(store: Store, data_dir: Path, tmp_path: Path) -> None:
    _import(store, data_dir, "anki26.apkg")
    counts, digest = _counts(store), _digest(store)
    media = sorted(p.name for p in (data_dir / "media").rglob("*"))
    messages = {}
    for name, path in _damaged(tmp_path).items():
        with pytest.raises(AnkiPackageError) as caught:
            _import(store, data_dir, path)
        messages[name] = str(caught.value)
        assert _counts(store) == counts and _digest(store) == digest, name
        assert sorted(p.name for p in (data_dir / "media").rglob("*")) == media, name
    assert "not an Anki package" in messages["text"] and "not an Anki package" in messages["empty"]
    assert "damaged package" in messages["truncated"]
    assert "no Anki collection inside" in messages["nocollection"]
    assert "damaged" in messages["notsqlite"] and "damaged" in messages["badzstd"]
    assert "not an Anki collection" in messages["othersqlite"]
    assert "encrypted" in messages["encrypted"]


def test_media_names_cannot_leave_the_media_folder(store: Store, data_dir: Path, tmp_path: Path) -> None:
    evil = tmp_path / "evil.apkg"
    work = tmp_path / "evil"
    work.mkdir()
    with zipfile.ZipFile(FIXTURES / "anki26-legacy.apkg") as archive:
        archive.extractall(work)
    names = {"0": "../../../escape.png", "1": "/etc/abs.png"}
    (work / "media").write_text(json.dumps(names))
    connection = sqlite3.connect(work / "collection.anki21")
    connection.execute("UPDATE notes SET flds = replace(replace(flds, 'grad descent.png', '../../../escape.png'), 'attention.png', '/etc/abs.png')")
    connection.commit()
    connection.close()
    with zipfile.ZipFile(evil, "w") as out:
        for path in sorted(work.iterdir()):
            out.write(path, path.name)
    report = _import(store, data_dir, evil)
    assert report.images == 2
    assert not (data_dir.parent / "escape.png").exists() and not list(tmp_path.glob("**/escape.png"))[1:]
    base = media_base(data_dir, ORIGIN)
    assert base is not None and sorted(p.name for p in base.iterdir()) == ["abs.png", "escape.png"]
    assert safe_media_name("../../x.png") == "x.png" and safe_media_name("a\\..\\b?.png") == "b_.png"
    assert safe_media_name("..") == "media" and safe_media_name("%2e%2e.png") == "_2e_2e.png"


def test_zip_bomb_stops_at_the_cap(store: Store, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quizdesk.core.anki import package

    monkeypatch.setattr(package, "MAX_COLLECTION_BYTES", 1024 * 1024)
    bomb = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", b"\x00" * (8 * 1024 * 1024))
    counts = _counts(store)
    with pytest.raises(AnkiPackageError, match="larger than 1 MB"):
        _import(store, data_dir, bomb)
    assert _counts(store) == counts

"""QuizDesk → .apkg (genanki) → QuizDesk, and what the package holds for Anki."""

from __future__ import annotations

import json
import os
import stat
import re
import sqlite3
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizdesk.core.anki import AnkiCancelled, AnkiExportOptions, run_anki_export, run_anki_import
from quizdesk.core.anki.exporter import MODEL_ID, note_guid
from quizdesk.core.anki.importer import ORIGIN
from quizdesk.core.content.importer import run_import
from quizdesk.core.content.importer.images import media_base
from quizdesk.core.db.models import Attempt, Question, ReviewState
from quizdesk.core.db.store import Store, open_store
from quizdesk.core.render import render_markdown
from quizdesk.core.study.reviews import record_choice, record_rating

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)
NOTES = """# 优化

## 什么是梯度下降？

沿负梯度走一步：$\\theta \\leftarrow \\theta - \\eta \\nabla L$，学习率 $\\eta$。

$$
L = \\frac{1}{N}\\sum_i (y_i - \\hat y_i)^2
$$

![曲线](img/loss curve.png)

价格 \\$5 不是公式，`$x$ 在代码里` 也不是。

```python
def step(theta, grad, lr=0.1):
    return theta - lr * grad  # $not math$
```

## 为什么要用动量？

它抑制震荡：\\(v_t = \\beta v_{t-1} + g_t\\)。
"""
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def source(synced_store: Store, data_dir: Path, tmp_path: Path) -> Store:
    """The fixture bank plus two imported Markdown questions with formulas, code and an image; some reviewed."""
    repo = tmp_path / "notes"
    (repo / "img").mkdir(parents=True)
    (repo / "img" / "loss curve.png").write_bytes(PNG)
    (repo / "ml.md").write_text(NOTES, encoding="utf-8")
    report = run_import([repo], session_factory=synced_store.session_factory, data_dir=data_dir)
    assert report.imported == 2 and report.render_problems == []
    with synced_store.session() as session:
        imported = session.scalars(select(Question).where(Question.origin.startswith("import:/"))).all()
        for q in imported:
            record_rating(session, q.id, 3, now=NOW - timedelta(days=3), seconds=20)
            record_rating(session, q.id, 4, now=NOW - timedelta(days=1), seconds=9)
        single = session.scalars(select(Question).where(Question.external_id == "t-clip-q1")).one()
        record_choice(session, single.id, single.correct_indexes, now=NOW - timedelta(days=2), seconds=30)
        session.commit()
    return synced_store


def _export(store: Store, data_dir: Path, out: Path, **options) -> object:
    with store.session() as session:
        return run_anki_export(session, AnkiExportOptions(out, **options), data_dir=data_dir)


def _package(path: Path, tmp_path: Path) -> tuple[sqlite3.Connection, dict[str, str], zipfile.ZipFile]:
    archive = zipfile.ZipFile(path)
    archive.extract("collection.anki2", tmp_path / "unpacked")
    connection = sqlite3.connect(tmp_path / "unpacked" / "collection.anki2")
    return connection, json.loads(archive.read("media")), archive


def test_package_holds_what_anki_needs(source: Store, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    report = _export(source, data_dir, out, with_progress=True)
    with source.session() as session:
        active = session.scalar(select(func.count()).select_from(Question).where(Question.retired_at.is_(None)))
    assert report.notes == active and report.media == 1  # type: ignore[attr-defined]
    db, media, archive = _package(out, tmp_path)
    models = json.loads(db.execute("SELECT models FROM col").fetchone()[0])
    assert list(models) == [str(MODEL_ID)] and [f["name"] for f in models[str(MODEL_ID)]["flds"]] == ["Title", "Question", "Answer", "QuizDesk ID"]
    decks = {d["name"] for d in json.loads(db.execute("SELECT decks FROM col").fetchone()[0]).values()}
    assert "QuizDesk::Basics::Optimization" in decks or any(d.startswith("QuizDesk::") and d.count("::") == 2 for d in decks)
    notes = {flds.split("\x1f")[3]: (guid, flds.split("\x1f"), tags) for guid, flds, tags in db.execute("SELECT guid, flds, tags FROM notes")}
    # GUIDs from question ids: the same question, the same note in Anki.
    assert all(guid == note_guid(qid) for qid, (guid, _f, _t) in notes.items())
    for _guid, _fields, tags in notes.values():
        assert all(" " not in t for t in tags.split()) and re.search(r"\bdifficulty::\d\b", tags)
    gd = next(fields for _g, fields, _t in notes.values() if fields[0] == "什么是梯度下降？")
    answer = gd[2]
    assert "\\(\\theta \\leftarrow \\theta - \\eta \\nabla L\\)" in answer and "\\[L = \\frac{1}{N}\\sum_i (y_i - \\hat y_i)^2\\]" in answer
    assert "$5" in answer.replace("&#36;", "$") and "\\(5" not in answer  # \\$ stays a dollar
    assert "<code>$x$ 在代码里</code>" in answer and "# $not math$" in answer and "\\(x\\)" not in answer and "\\(not" not in answer
    assert 'style="color:' in answer or "style=\"color" in answer  # Pygments inline styles
    assert '<img alt="曲线" src="loss_curve.png">' in answer and list(media.values()) == ["loss_curve.png"]  # one plain file name
    assert archive.read("0") == PNG
    single = next(fields for qid, (_g, fields, _t) in notes.items() if qid == "t-clip-q1")
    assert "<ol" in single[1] and "✓" in single[2]
    # Progress: FSRS state on the reviewed cards, their answers as the review log.
    cards = db.execute("SELECT n.flds, c.type, c.queue, c.due, c.ivl, c.reps, c.data FROM cards c JOIN notes n ON n.id = c.nid WHERE c.data != ''").fetchall()
    assert len(cards) == 3 and report.scheduled == 3 and report.reviews == 5  # type: ignore[attr-defined]
    crt = db.execute("SELECT crt FROM col").fetchone()[0]
    with source.session() as session:
        for flds, ctype, queue, due, ivl, reps, data in cards:
            q = session.scalars(select(Question).where(Question.external_id == flds.split("\x1f")[3])).one()
            state = q.review
            assert state is not None and state.stability is not None and state.difficulty is not None
            assert json.loads(data)["s"] == round(state.stability, 4) and json.loads(data)["d"] == round(state.difficulty, 3)
            assert reps == state.reps
            if state.card["state"] == 2:  # FSRS Review: a review card due on a day counted from crt
                assert (ctype, queue) == (2, 2)
                assert abs(crt + due * 86400 - state.due_at.timestamp()) < 86400
            else:  # Learning: a learning card due at a time
                assert (ctype, queue) == (1, 1) and due == int(state.due_at.timestamp())


def test_exporting_again_keeps_guids_and_model(source: Store, data_dir: Path, tmp_path: Path) -> None:
    _export(source, data_dir, tmp_path / "a.apkg")
    _export(source, data_dir, tmp_path / "b.apkg")
    guids = []
    for name in ("a", "b"):
        db, _media, _archive = _package(tmp_path / f"{name}.apkg", tmp_path / name)
        guids.append(sorted(g for (g,) in db.execute("SELECT guid FROM notes")))
    assert guids[0] == guids[1] and len(guids[0]) > 2


def test_filters_and_language(source: Store, data_dir: Path, tmp_path: Path) -> None:
    with source.session() as session:
        topic = session.scalars(select(Question).where(Question.external_id == "t-clip-q1")).one().topic
        module_name, topic_name = topic.parent.name, topic.name
        module_en = topic.parent.name_en
        in_topic = session.scalar(select(func.count()).select_from(Question).where(Question.topic_id == topic.id, Question.retired_at.is_(None)))
    report = _export(source, data_dir, tmp_path / "t.apkg", module=module_name, topic=topic_name, lang="en")
    assert report.notes == in_topic  # type: ignore[attr-defined]
    assert report.decks == [f"QuizDesk::{module_en or module_name}::{topic.name_en or topic_name}"]  # type: ignore[attr-defined]
    none = _export(source, data_dir, tmp_path / "none.apkg", module="no such module")
    assert none.notes == 0  # type: ignore[attr-defined]


def test_round_trip_keeps_titles_answers_formulas_images_and_schedule(source: Store, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    _export(source, data_dir, out, with_progress=True)
    other_dir = tmp_path / "other"
    other = open_store(other_dir)
    try:
        report = run_anki_import(out, session_factory=other.session_factory, data_dir=other_dir)
        assert report.render_problems == [] and report.images == 1 and report.skipped_notes == 0
        with source.session() as session:
            originals = {q.title: q for q in session.scalars(select(Question).where(Question.retired_at.is_(None)))}
            expected = {t: (q.review.due_at, q.review.stability, q.review.difficulty) for t, q in originals.items() if q.review}
            attempts = session.scalar(select(func.count()).select_from(Attempt))
        with other.session() as session:
            copies = {q.title: q for q in session.scalars(select(Question).where(Question.origin == ORIGIN))}
            assert set(copies) == set(originals)
            base = media_base(other_dir, ORIGIN)
            gd = copies["什么是梯度下降？"]
            rendered = render_markdown(gd.answer_md, base_dir=base)
            assert rendered.problems == () and len(rendered.images) >= 3  # two formulas and the picture
            assert "loss_curve.png" in rendered.html and "沿负梯度走一步" in rendered.html and "$5" in rendered.html.replace("&#36;", "$")
            assert "def</span>" in rendered.html or "def" in rendered.html
            momentum = render_markdown(copies["为什么要用动量？"].answer_md, base_dir=base)
            assert len(momentum.images) == 1 and momentum.problems == ()
            for title, (due, stability, difficulty) in expected.items():
                state = copies[title].review
                # Anki schedules in whole days that start at 4:00 local time: the card comes back
                # due at the start of the Anki day that held its due time, in any time zone.
                assert state is not None and state.due_at is not None and due is not None, title
                assert state.due_at <= due < state.due_at + timedelta(days=1), title
                assert state.stability == pytest.approx(stability, abs=1e-4) and state.difficulty == pytest.approx(difficulty, abs=1e-3)
            assert session.scalar(select(func.count()).select_from(Attempt)) == attempts
    finally:
        other.close()


def test_importing_an_export_into_the_same_database_adds_nothing_twice(source: Store, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    _export(source, data_dir, out, with_progress=True)
    with source.session() as session:
        before = tuple(session.scalar(select(func.count()).select_from(m)) for m in (Question, Attempt, ReviewState))
        states = {s.question_id: dict(s.card) for s in session.scalars(select(ReviewState))}
    report = run_anki_import(out, session_factory=source.session_factory, data_dir=data_dir)
    assert report.imported == 0 and report.linked == before[0] and report.reviews == 0
    with source.session() as session:
        assert tuple(session.scalar(select(func.count()).select_from(m)) for m in (Question, Attempt, ReviewState)) == before
        assert {s.question_id: dict(s.card) for s in session.scalars(select(ReviewState))} == states


def test_cancelled_export_leaves_no_file(source: Store, data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    with source.session() as session, pytest.raises(AnkiCancelled):
        run_anki_export(session, AnkiExportOptions(out), data_dir=data_dir, cancelled=lambda: True)
    assert list(tmp_path.glob("*.apkg*")) == [] and list(tmp_path.glob(".deck.apkg*")) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_package_is_readable_like_any_saved_file(source: Store, data_dir: Path, tmp_path: Path) -> None:
    """A phone-sync or shared folder must be able to read it: not mkstemp's owner-only 0600."""
    old = os.umask(0o022)
    try:
        _export(source, data_dir, tmp_path / "deck.apkg")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "deck.apkg").stat().st_mode) == 0o644

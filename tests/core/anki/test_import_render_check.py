"""The Anki import's render check: answers without images are checked beside the index fill, the
others after their media are copied — the report is the one the whole check gives afterwards."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import genanki  # type: ignore[import-untyped]
import pytest
from sqlalchemy import select

from quizdesk.core.anki import run_anki_import
from quizdesk.core.anki.importer import ORIGIN
from quizdesk.core.content.importer.images import media_base
from quizdesk.core.content.importer.render_check import check_answers
from quizdesk.core.content.sync import BULK_INDEX_AFTER
from quizdesk.core.db.models import Question
from quizdesk.core.db.store import Store

BACKS = [
    r"softmax: \(\frac{e^{x_i}}{\sum_j e^{x_j}}\)",  # fine
    r"a fraction without its denominator \(\frac{1}\)",  # formula problem
    r"an unknown command \[\notacommand{x}\] and a fine \(x^2\)",  # formula problem
    '<img src="there.png"> a picture that is in the package',  # fine
    '<img src="missing.png"> a picture that is not',  # image problem
    r'<img src="missing.png"> and \(\frac{2}\) both',  # image and formula problems
    "<b>plain</b> text",  # nothing to check
    r"code, not math: <pre>\(\frac{1}\)</pre> and \(\frac{3}\)",
]


def _png(path: Path) -> Path:
    raw = b"\x00\xff\x00\x00"
    chunks = [(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)), (b"IDAT", zlib.compress(raw)), (b"IEND", b"")]
    body = b"".join(struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d)) for t, d in chunks)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + body)
    return path


def _package(tmp_path: Path, notes: int) -> Path:
    deck = genanki.Deck(2_059_400_118, "Interview::Render")
    for i in range(notes):
        deck.add_note(genanki.Note(model=genanki.BASIC_MODEL, fields=[f"Question {i}", BACKS[i % len(BACKS)]], guid=f"render{i}"))
    path = tmp_path / "render.apkg"
    genanki.Package(deck, media_files=[str(_png(tmp_path / "there.png"))]).write_to_file(str(path))
    return path


# Below the bulk fill (the check runs after the sync) and above it (beside the fill).
@pytest.mark.parametrize("notes", [len(BACKS), BULK_INDEX_AFTER + 5])
def test_render_problems_are_those_of_the_whole_check_after_the_import(store: Store, data_dir: Path, tmp_path: Path, notes: int) -> None:
    report = run_anki_import(_package(tmp_path, notes), session_factory=store.session_factory, data_dir=data_dir)
    assert report.imported == notes and report.images == 1
    with store.session() as session:
        stored = {q.external_id: f"{q.body_md}\n\n{q.answer_md}" for q in session.scalars(select(Question).where(Question.origin == ORIGIN))}
    base = media_base(data_dir, ORIGIN)
    whole = check_answers([(q.external_id, q.source, stored[q.external_id], base) for q in report.questions])
    assert [i.to_json() for i in report.render_problems] == [i.to_json() for i in whole]
    assert {i.kind for i in report.render_problems} == {"formula", "image"}
    # Every bad formula and missing picture of every copy of BACKS (1 + 1 + 1 + 2 + the one outside <pre>).
    assert len(report.render_problems) >= 5 * (notes // len(BACKS))


def test_a_cancel_during_the_early_check_changes_nothing(store: Store, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from quizdesk.core.anki import AnkiCancelled
    from quizdesk.core.content.importer import render_check

    package = _package(tmp_path, BULK_INDEX_AFTER + 5)
    checked = 0
    real = render_check.AnswerCheck.problems

    def counting(self: render_check.AnswerCheck, text: str, base: Path | None) -> list[tuple[str, str]]:
        nonlocal checked
        checked += 1
        return real(self, text, base)

    monkeypatch.setattr(render_check.AnswerCheck, "problems", counting)
    with pytest.raises(AnkiCancelled):
        run_anki_import(package, session_factory=store.session_factory, data_dir=data_dir, cancelled=lambda: checked >= 10)
    assert checked == 10  # the check stopped there, and the import at its next step
    with store.session() as session:
        assert session.scalars(select(Question).where(Question.origin == ORIGIN)).all() == []

"""Imported Anki answers are searchable by their words, not by the markup of their highlighted code.

Code highlighted with inline styles (QuizDesk's own export, Anki's code add-ons)
is ``<span style="color:#008000;font-weight:bold">import</span>`` for every
token. The search index once held that markup: "span" or "color" matched every
such answer.
"""

from __future__ import annotations

from pathlib import Path

import genanki  # type: ignore[import-untyped]
import pytest
from sqlalchemy import select

from quizdesk.core.anki import AnkiExportOptions, run_anki_export, run_anki_import
from quizdesk.core.anki.importer import ORIGIN
from quizdesk.core.content.importer import run_import
from quizdesk.core.content.sync import BULK_INDEX_AFTER
from quizdesk.core.db.models import Question
from quizdesk.core.db.store import Store, open_store
from quizdesk.core.search import search

HIGHLIGHTED = (
    '<pre style="color:#1f2328"><span style="color:#008000;font-weight:bold">import</span>'
    '<span style="color:#BBB"> </span><span style="color:#00F;font-weight:bold">torch</span>\n'
    'torch<span style="color:#666">.</span>nn<span style="color:#666">.</span>utils<span style="color:#666">.</span>'
    'clip_grad_norm_(params, max_norm<span style="color:#666">=</span><span style="color:#666">{n}</span>)</pre>'
)
MARKUP_WORDS = ("span", "color", "style", "font-weight", "#008000", "bold")


def _package(path: Path, notes: int, code: str = HIGHLIGHTED) -> Path:
    deck = genanki.Deck(2_059_400_110, "Interview::Training")
    for i in range(notes):
        back = f"限制梯度的范数<br>{code.format(n=i)}"
        deck.add_note(genanki.Note(model=genanki.BASIC_MODEL, fields=[f"梯度裁剪怎么写？#{i}", back], guid=f"clip{i}"))
    genanki.Package(deck).write_to_file(str(path))
    return path


def _found(store: Store, query: str) -> set[str]:
    with store.read() as connection:
        return {hit.external_id for hit in search(connection, query, limit=1000)}


# Below and above the count from which the sync fills the index in one statement instead of row by row.
@pytest.mark.parametrize("notes", [2, BULK_INDEX_AFTER + 5])
def test_highlighted_code_is_found_by_its_words_not_its_markup(store: Store, data_dir: Path, tmp_path: Path, notes: int) -> None:
    report = run_anki_import(_package(tmp_path / "code.apkg", notes), session_factory=store.session_factory, data_dir=data_dir)
    assert report.imported == notes
    with store.session() as session:  # the stored answer keeps its highlighting: only the index reads the text
        answers = session.scalars(select(Question.answer_md).where(Question.origin == ORIGIN)).all()
    assert all('<span style="color:#008000;font-weight:bold">import</span>' in answer for answer in answers)
    for word in MARKUP_WORDS:
        assert _found(store, word) == set(), word
    every = {hit for hit in _found(store, "clip_grad_norm_")}
    assert len(every) == notes
    assert _found(store, "import torch") == every  # words split by markup are found as written
    assert len(_found(store, "max_norm=1)")) == 1  # note 1's code, its tokens in separate spans
    assert len(_found(store, "范数")) == notes  # the prose before the code


def test_reimport_of_changed_code_indexes_the_new_words(store: Store, data_dir: Path, tmp_path: Path) -> None:
    run_anki_import(_package(tmp_path / "v1.apkg", 2), session_factory=store.session_factory, data_dir=data_dir)
    changed = HIGHLIGHTED.replace("clip_grad_norm_", "clip_grad_value_")
    report = run_anki_import(_package(tmp_path / "v2.apkg", 2, changed), session_factory=store.session_factory, data_dir=data_dir)
    assert report.updated == 2
    assert _found(store, "clip_grad_norm_") == set()
    assert len(_found(store, "clip_grad_value_")) == 2
    assert _found(store, "span") == set() and _found(store, "color") == set()


NOTES = """# 优化

## 梯度裁剪怎么写？

限制梯度的范数，<span style="color:#cf222e">先裁剪再更新</span>。

```python
import torch
torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
```
"""


def test_a_quizdesk_export_imported_elsewhere_is_searchable_by_its_code(store: Store, data_dir: Path, tmp_path: Path) -> None:
    """The round trip a user makes: QuizDesk's export highlights the code with inline styles; the other
    QuizDesk imports it and searches it."""
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "opt.md").write_text(NOTES, encoding="utf-8")
    assert run_import([tmp_path / "notes"], session_factory=store.session_factory, data_dir=data_dir).imported == 1
    # The Markdown question itself: its raw HTML span is not a word of it, its code is.
    assert _found(store, "span") == set() and len(_found(store, "clip_grad_norm_")) == 1
    assert len(_found(store, "先裁剪再更新")) == 1
    out = tmp_path / "deck.apkg"
    with store.session() as session:
        run_anki_export(session, AnkiExportOptions(out), data_dir=data_dir)

    other_dir = tmp_path / "other"
    other = open_store(other_dir)
    try:
        assert run_anki_import(out, session_factory=other.session_factory, data_dir=other_dir).imported >= 1
        with other.session() as session:
            answer = session.scalars(select(Question.answer_md).where(Question.title == "梯度裁剪怎么写？")).one()
        assert "<span style=" in answer  # the export highlighted the code with inline styles
        for word in MARKUP_WORDS:
            assert _found(other, word) == set(), word
        assert len(_found(other, "clip_grad_norm_")) == 1
        assert len(_found(other, "max_norm=1.0")) == 1
    finally:
        other.close()


def test_the_snippet_of_an_imported_code_answer_reads_as_text(store: Store, data_dir: Path, tmp_path: Path) -> None:
    """Why the result matched: the line around the term, without the highlighting's markup, entities decoded."""
    from quizdesk.core.search_snippet import snippet

    code = HIGHLIGHTED.replace("(params", "(params <span style=\"color:#666\">&lt;</span> 2")
    run_anki_import(_package(tmp_path / "code.apkg", 1, code), session_factory=store.session_factory, data_dir=data_dir)
    with store.read() as connection:
        hit = search(connection, "clip_grad_norm_")[0]
        found = snippet(connection, hit.question_id, "clip_grad_norm_")
    assert found is not None and found.field == "answer"
    assert [found.text[s:e] for s, e in found.spans] == ["clip_grad_norm_"]
    assert "span" not in found.text and "color" not in found.text and "&lt;" not in found.text
    assert "import torch" in found.text and "(params < 2, max_norm=0)" in found.text

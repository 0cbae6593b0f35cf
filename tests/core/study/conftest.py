"""Fixtures of the session tests: a store holding the GUI bank (every question type)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizdesk.core.db.store import Store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture
def gui_bank_store(store: Store) -> Store:
    """The 20-question GUI bank: open questions with and without key points, single, multi, true/false."""
    from quizdesk.core.content.bundled import sync_bundled_bank

    with store.session() as session:
        sync_bundled_bank(session, FIXTURES / "bank_gui")
    return store


@pytest.fixture
def external_ids(gui_bank_store: Store) -> dict[str, int]:
    """{external id: question id} of the GUI bank."""
    with gui_bank_store.read() as connection:
        return {ext: qid for qid, ext in connection.execute("SELECT id, external_id FROM questions")}

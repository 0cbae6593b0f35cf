"""The first instance answers later launches: from just after its first paint, or at
once when a slow step (a migration, a recovery dialog) comes before the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMainWindow

from quizdesk.core.db.migrate import SCHEMA_HEAD
from quizdesk.core.db.store import StoreError
from quizdesk.ui.app.launch import ActivationServing
from quizdesk.ui.app.single_instance import ask_running_instance_to_activate


@pytest.fixture
def serving(tmp_path: Path):
    made = ActivationServing(tmp_path)
    yield made
    if made.server is not None:
        made.server.deleteLater()


def test_an_opened_store_at_the_current_schema_leaves_the_server_for_after_the_first_paint(serving) -> None:
    assert serving.around(lambda: SCHEMA_HEAD)() == SCHEMA_HEAD
    assert serving.server is None


@pytest.mark.parametrize("revision", [None, "0001"], ids=["new database", "older schema"])
def test_a_migration_or_a_first_sync_ahead_starts_the_server_first(serving, revision) -> None:
    assert serving.around(lambda: revision)() == revision
    assert serving.server is not None


def test_a_store_that_cannot_be_opened_starts_the_server_before_the_recovery_dialog(serving, tmp_path: Path) -> None:
    def damaged() -> str | None:
        raise StoreError("corrupt", "damaged", tmp_path / "quizdesk.db")

    with pytest.raises(StoreError):
        serving.around(damaged)()
    assert serving.server is not None


def test_a_later_launch_brings_the_window_forward_once_serving(qtbot, serving, tmp_path: Path) -> None:
    window = QMainWindow()
    qtbot.add_widget(window)
    serving.window = window
    serving.start()
    first = serving.server
    serving.start()
    assert serving.server is first  # one server
    assert ask_running_instance_to_activate(tmp_path, wait_s=2.0)
    qtbot.waitUntil(window.isVisible)

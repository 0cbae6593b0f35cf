"""Starting the app (``run_gui``) on a folder with an unfinished exam: the saved theme
is applied, the answer view arrives after the first paint, and the exam is offered."""

from __future__ import annotations

import sys
import time
from datetime import datetime, timezone

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from quizdesk.core.content.bundled import sync_bundled_bank
from quizdesk.core.db.models import Topic
from quizdesk.core.db.store import open_store
from quizdesk.core.db.backup import list_backups
from quizdesk.core.paths import DB_FILENAME, bundled_content_dir
from quizdesk.core.render import default_cache
from quizdesk.core.render.answer_cache import default_answers
from quizdesk.core.study.exams import ExamSpec, create_exam, load_exam, save_answer
from quizdesk.ui.app.launch import run_gui
from quizdesk.ui.app.error_dialog import ErrorReporter
from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.widgets.theme import THEME_SETTING, apply_theme, is_dark


@pytest.mark.slow
def test_start_applies_the_theme_and_offers_the_unfinished_exam(qapp, tmp_path) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir)
    with store.session() as s:
        sync_bundled_bank(s, bundled_content_dir())
    with store.session() as s:
        exam_id = create_exam(s, ExamSpec(tuple(s.scalars(select(Topic.id))), count=5, time_limit_s=600, seed=1), datetime.now(timezone.utc))
    with store.session() as s:
        first = load_exam(s, exam_id).questions[0]
        save_answer(s, exam_id, first.id, [0] if first.choices else "笔记", remaining_s=432.0, elapsed_s=168.0, current_index=0)
    store.close()
    QSettings().setValue(THEME_SETTING, "dark")

    seen: dict[str, object] = {}
    deadline = time.monotonic() + 120  # a guard: the app must not wait forever if the dialog never comes

    def inspect() -> None:
        if time.monotonic() > deadline:
            seen["timed out"] = True
            QApplication.exit(9)  # run_gui returns 9: the assert below fails instead of hanging the suite
            return
        # Only the window run_gui opened on this folder: a window another test left behind is not it.
        windows = [
            w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and w.collection.path.parent == data_dir
        ]
        if not windows or not windows[0].library.answer_ready or getattr(windows[0], "resume_dialog", None) is None:
            QTimer.singleShot(50, inspect)  # not there yet
            return
        window = windows[0]
        dialog = window.resume_dialog
        seen["dark"] = is_dark()
        seen["excepthook"] = sys.excepthook  # uncaught errors go to the error dialog and the log
        seen["text"] = dialog.text() + " " + dialog.informativeText()
        dialog.later_button.click()
        window.close()

    QTimer.singleShot(0, inspect)
    try:
        assert run_gui(str(data_dir)) == 0
    finally:
        apply_theme(qapp, "light")
        cache_dir, default_cache.directory = default_cache.directory, None
        answers_dir, default_answers.directory = default_answers.directory, None
    # The daily backup was written; formulas and rendered answers are kept in the data folder.
    assert [b.reason for b in list_backups(data_dir / DB_FILENAME)] == ["daily"]
    assert cache_dir == data_dir / "cache" / "math"
    assert answers_dir == data_dir / "cache" / "answers" and any(answers_dir.rglob("*.json.z"))
    assert seen["dark"] is True
    assert isinstance(seen["excepthook"], ErrorReporter) and seen["excepthook"].log_path == data_dir / "logs" / "quizdesk.log"
    assert (data_dir / "logs" / "quizdesk.log").is_file()
    assert "1 of 5 questions answered" in str(seen["text"]) and "07:12 left" in str(seen["text"])

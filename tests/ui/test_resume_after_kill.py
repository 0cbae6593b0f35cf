"""Kill the real app mid-exam (SIGKILL), start it again: it offers to resume the
exam with the time left at the last save and every answer given before the kill.

The child (``exam_gui_child.py``) runs the main window offscreen and answers
with key presses, printing ``ACK`` after each committed answer; this test kills
it after a few of them, then opens a new main window in-process (pytest-qt).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from quizdesk.core.content.bundled import sync_bundled_bank
from quizdesk.core.db.models import Attempt, SessionAnswer, StudySession
from quizdesk.core.db.store import open_store
from quizdesk.ui.exam.results import ExamResultsView
from quizdesk.ui.app.main_window import MainWindow
from quizdesk.ui.widgets.question_widgets import format_seconds

CHILD = Path(__file__).with_name("exam_gui_child.py")
LIMIT = 1800.0
STEP = 7.0


def _run_child_and_kill(data_dir: Path, settings_dir: Path, kill_after: int) -> tuple[int, list[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(data_dir), str(settings_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    lines: list[str] = []
    acks = 0
    try:
        while acks < kill_after:
            line = child.stdout.readline()
            if not line:
                raise AssertionError("child ended early:\n" + "".join(lines) + (child.stderr.read() if child.stderr else ""))
            lines.append(line.rstrip("\n"))
            acks += line.startswith("ACK ")
    finally:
        os.kill(child.pid, signal.SIGKILL)
    out, _err = child.communicate(timeout=30)
    lines.extend(out.splitlines())
    assert child.returncode == -signal.SIGKILL
    exam_line = next(line for line in lines if line.startswith("EXAM "))
    return int(exam_line.split()[1]), lines


def _acknowledged(lines: list[str]) -> tuple[dict[int, object], list[float], int | None]:
    """Last acknowledged answer per question, the remaining time of each ACK, and the question in flight."""
    answers: dict[int, object] = {}
    remaining: list[float] = []
    in_flight: int | None = None
    for line in lines:
        kind, _, rest = line.partition(" ")
        if kind == "SENDING":
            in_flight = int(rest)
        elif kind == "ACK":
            qid, _, tail = rest.partition(" ")
            given, _, left = tail.rpartition(" ")
            try:
                value, seconds = json.loads(given), float(left)
            except ValueError:
                continue  # the line the kill cut short
            answers[int(qid)] = value
            remaining.append(seconds)
            in_flight = None
    return {q: v for q, v in answers.items() if v is not None}, remaining, in_flight


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [3, 9, 14])
def test_resume_after_kill_offers_the_exam_with_its_time_and_answers(
    qtbot, tmp_path, gui_bank_dir, kill_after, fake_clock, activate
) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir)
    with store.session() as s:
        sync_bundled_bank(s, gui_bank_dir)
    store.close()

    exam_id, lines = _run_child_and_kill(data_dir, tmp_path / "child-settings", kill_after)
    acked, acked_remaining, in_flight = _acknowledged(lines)
    assert len(acked_remaining) >= kill_after
    assert acked_remaining == [LIMIT - STEP * (n + 1) for n in range(len(acked_remaining))]

    # A new instance on the same data (in this process).
    store = open_store(data_dir)
    try:
        with store.session() as s:
            exam = s.get(StudySession, exam_id)
            stored = {
                a.question_id: a.given
                for a in s.scalars(select(SessionAnswer).where(SessionAnswer.session_id == exam_id))
                if a.given is not None
            }
            stored_remaining, stored_index = exam.remaining_s, exam.current_index
            assert exam.state == "active"
            assert list(s.scalars(select(Attempt))) == []  # nothing graded before submission
        # Exactly the acknowledged answers; at most the one in flight may be newer.
        if stored != acked:
            assert in_flight is not None and {q: v for q, v in stored.items() if q != in_flight} == {
                q: v for q, v in acked.items() if q != in_flight
            }
            assert stored_remaining == LIMIT - STEP * (len(acked_remaining) + 1)
        else:
            assert stored_remaining in (
                LIMIT - STEP * len(acked_remaining),
                LIMIT - STEP * (len(acked_remaining) + 1),  # the in-flight save committed, same value
            )

        window = MainWindow(store, clock=fake_clock)
        qtbot.add_widget(window)
        activate(window)
        window.offer_resume()
        dialog = window.resume_dialog
        qtbot.waitUntil(dialog.isVisible)
        assert f"{len(stored)} of 10 questions answered" in dialog.text()
        assert f"{format_seconds(stored_remaining)} left" in dialog.informativeText()
        assert "did not run while QuizDesk was closed" in dialog.informativeText()
        qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.exam_runner is not None)
        runner = window.exam_runner
        assert runner.answers == stored
        assert runner.clock.remaining() == stored_remaining
        assert runner.index == stored_index
        assert runner.countdown.text() == format_seconds(stored_remaining)
        for q in runner.questions:  # every given answer is on its page
            runner.go_to(runner.questions.index(q))
            if q.qtype == "open":
                assert runner.notes.toPlainText() == stored.get(q.id, "")
            else:
                assert runner.choices.selected() == stored.get(q.id, [])

        # Finish it: the attempts are exactly what was answered before the kill.
        assert runner.submit()
        grading = window.page
        while getattr(grading, "question", None) is not None:
            if grading.question.key_points:
                grading.record_points()
            else:
                grading.record_rating(3)
        qtbot.waitUntil(lambda: isinstance(window.page, ExamResultsView))
        with store.session() as s:
            attempts = {a.question_id: a for a in s.scalars(select(Attempt).where(Attempt.session_id == exam_id))}
        assert set(attempts) == {q.id for q in runner.questions}
        for q in runner.questions:
            if q.qtype != "open":
                assert attempts[q.id].given == sorted(stored.get(q.id, []))
            elif str(stored.get(q.id) or "").strip():
                assert attempts[q.id].given in ({"recalled": []}, {"rating": 3})
            else:  # left blank before the kill: 0 without grading
                assert attempts[q.id].given is None and attempts[q.id].score == 0.0
        window.close()
    finally:
        store.close()
    shutil.rmtree(tmp_path / "child-settings", ignore_errors=True)

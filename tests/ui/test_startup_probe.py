"""The start-up path the benchmarks time: what happens after the first paint, and the
``settled`` probe (``QUIZDESK_STARTUP_PROBE=settled``) that says when the app is usable."""

from __future__ import annotations

from PySide6.QtCore import QObject

from quizdesk.ui.app import startup_probe
from quizdesk.ui.app.main_window import MainWindow


def test_first_painted_handlers_run_before_the_answer_view_draws(qtbot, gui_store) -> None:
    # launch.py turns the answer and formula disk caches on in a firstPainted handler:
    # if the deferred answer view loaded first, its first answer was rendered again.
    window = MainWindow(gui_store, defer_answer_view=True)
    qtbot.add_widget(window)
    seen: list[bool] = []
    window.firstPainted.connect(lambda: seen.append(window.library.answer_ready))
    window.show()
    qtbot.waitUntil(lambda: window.library.answer_ready and bool(seen))
    assert seen == [False]


class _App(QObject):
    """Stands in for the QApplication the probe quits (the test's must keep running)."""

    def __init__(self) -> None:
        super().__init__()
        self.quit_calls = 0

    def quit(self) -> None:
        self.quit_calls += 1


def test_settled_probe_opens_the_first_answer_without_a_remembered_one(qtbot, gui_store, capsys) -> None:
    # isolated_settings: no question remembered from a last run, so the answer pane
    # stays empty unless the probe opens the first question as a user would.
    window = MainWindow(gui_store, defer_answer_view=True)
    qtbot.add_widget(window)
    app = _App()
    window.installEventFilter(startup_probe._FirstPaint(app, window, settle=True))  # type: ignore[arg-type]
    first_title = window.library.question_list.title_at(0)
    window.show()
    qtbot.waitUntil(lambda: app.quit_calls == 1, timeout=20000)
    lines = capsys.readouterr().out.split()
    assert lines[0::2] == ["first-paint", "answer", "settled"]
    assert window.library.question_list.current_question_id() is not None
    assert first_title in window.answer_view.toPlainText()


def test_settled_waits_for_running_jobs_but_the_answer_does_not(qtbot, gui_store, capsys) -> None:
    import threading

    release = threading.Event()
    window = MainWindow(gui_store, defer_answer_view=True)
    qtbot.add_widget(window)
    # A start-up job still running (as the daily backup or a formula drawing would be).
    window.collection.tasks.run(lambda _task: release.wait(), name="daily-backup")
    try:
        app = _App()
        window.installEventFilter(startup_probe._FirstPaint(app, window, settle=True))  # type: ignore[arg-type]
        first_title = window.library.question_list.title_at(0)
        window.show()
        # The answer is drawn while the job still runs...
        qtbot.waitUntil(lambda: first_title in window.answer_view.toPlainText(), timeout=20000)
        qtbot.waitUntil(lambda: "answer" in capsys.readouterr().out)
        qtbot.wait(50)
        assert app.quit_calls == 0 and "settled" not in capsys.readouterr().out
    finally:
        release.set()
    # ...and the app is settled once it has ended.
    qtbot.waitUntil(lambda: app.quit_calls == 1, timeout=20000)
    assert "settled" in capsys.readouterr().out


def test_writes_probe_opens_a_study_round_and_waits_for_what_writes_need(qtbot, gui_store, capsys, monkeypatch) -> None:
    import sys

    from quizdesk.ui import collection as collection_module

    # A module this process has not imported stands in for the ORM (the test's own
    # process has SQLAlchemy loaded long ago).
    sys.modules.pop("colorsys", None)
    monkeypatch.setattr(collection_module, "ORM_MODULES", ("colorsys",))
    window = MainWindow(gui_store, defer_answer_view=True)
    qtbot.add_widget(window)
    app = _App()
    window.installEventFilter(startup_probe._FirstPaint(app, window, settle=False, writes=True))  # type: ignore[arg-type]
    window.show()
    qtbot.waitUntil(lambda: app.quit_calls == 1, timeout=20000)
    assert capsys.readouterr().out.split()[0::2] == ["first-paint", "answer", "settled", "writes"]
    assert window.mode == "study" and "colorsys" in sys.modules


def test_reading_warms_nothing_a_page_that_writes_warms_the_orm(qtbot, gui_store, monkeypatch) -> None:
    import sys

    from quizdesk.ui import collection as collection_module

    sys.modules.pop("colorsys", None)
    monkeypatch.setattr(collection_module, "ORM_MODULES", ("colorsys",))
    window = MainWindow(gui_store, defer_answer_view=True)
    qtbot.add_widget(window)
    window.show()
    qtbot.waitUntil(lambda: window.library.answer_ready, timeout=20000)
    window.library.question_list.setCurrentRow(1)  # reading an answer
    qtbot.wait(50)
    assert "colorsys" not in sys.modules and not window.collection.tasks.busy()
    window.study_due()
    qtbot.waitUntil(lambda: "colorsys" in sys.modules and not window.collection.tasks.busy(), timeout=20000)

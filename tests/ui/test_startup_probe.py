"""The start-up path the benchmarks time: what happens after the first paint, and the
``settled`` probe (``QUIZDESK_STARTUP_PROBE=settled``) that says when the app is usable."""

from __future__ import annotations

from PySide6.QtCore import QObject

from quizdesk.ui.app import startup_probe
from quizdesk.ui.app.main_window import MainWindow


def test_first_painted_handlers_run_before_the_answer_view_draws(qtbot, gui_store) -> None:
    # launch.py turns the formula disk cache on in a firstPainted handler: if the
    # deferred answer view loaded first, its first answer drew every formula again.
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


def test_settled_waits_for_the_orm_preload_but_the_answer_does_not(qtbot, gui_store, capsys) -> None:
    import threading

    release = threading.Event()
    # A stand-in for launch.py's preload job, by the thread name the probe looks for.
    preload = threading.Thread(target=release.wait, name="quizdesk-preload-orm", daemon=True)
    preload.start()
    try:
        window = MainWindow(gui_store, defer_answer_view=True)
        qtbot.add_widget(window)
        app = _App()
        window.installEventFilter(startup_probe._FirstPaint(app, window, settle=True))  # type: ignore[arg-type]
        first_title = window.library.question_list.title_at(0)
        window.show()
        # The answer is drawn while the ORM is still loading...
        qtbot.waitUntil(lambda: first_title in window.answer_view.toPlainText(), timeout=20000)
        qtbot.waitUntil(lambda: "answer" in capsys.readouterr().out)
        qtbot.wait(50)
        assert app.quit_calls == 0 and "settled" not in capsys.readouterr().out
    finally:
        release.set()
        preload.join()
    # ...and the app is settled once it has loaded.
    qtbot.waitUntil(lambda: app.quit_calls == 1, timeout=20000)
    assert "settled" in capsys.readouterr().out


def test_settled_waits_for_the_orm_to_be_loaded_not_only_for_no_preload_running(qtbot, gui_store, capsys) -> None:
    # The preload job starts after the first answer: before it starts, no preload
    # thread runs, yet the ORM is not loaded and the app is not settled.
    import sys

    from quizdesk.ui.app.launch import ORM_MODULES

    saved = sys.modules.pop(ORM_MODULES[0])
    try:
        window = MainWindow(gui_store, defer_answer_view=True)
        qtbot.add_widget(window)
        app = _App()
        window.installEventFilter(startup_probe._FirstPaint(app, window, settle=True))  # type: ignore[arg-type]
        window.show()
        qtbot.waitUntil(lambda: "answer" in capsys.readouterr().out, timeout=20000)
        qtbot.wait(50)
        assert app.quit_calls == 0
    finally:
        sys.modules[ORM_MODULES[0]] = saved
    qtbot.waitUntil(lambda: app.quit_calls == 1, timeout=20000)
    assert "settled" in capsys.readouterr().out

"""Start-up measurement hook for ``benchmarks/run.py``.

With ``QUIZDESK_STARTUP_PROBE=1`` the app prints ``first-paint <rss_kb>`` when
its main window is painted for the first time, then quits. The benchmark
times the process from launch to that line, so it measures the real start.

With ``QUIZDESK_STARTUP_PROBE=settled`` it goes on after the first paint: as
soon as the answer view is loaded it opens the first question's answer as a
user would, prints ``answer <rss_kb>`` once that answer is drawn, its formulas
included, and ``settled <rss_kb>`` once no start-up job is left either (the
task runner is idle: no formula drawing, no backup): the app is usable. Memory
at first paint alone would leave out everything the app loads in its first second.

The ORM is not part of it: the library only reads (raw ``sqlite3``), and a
page or dialog that writes loads SQLAlchemy as it opens
(``Collection.warm_writes``). With ``QUIZDESK_STARTUP_PROBE=writes`` the probe
then opens a study round on the first question, as Ctrl+D would, and prints
``writes <rss_kb>`` once the ORM is loaded: the memory of a user who studies.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "QUIZDESK_STARTUP_PROBE"


def resident_kb() -> int:
    """Resident set size of this process in KiB (0 where unknown)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak // 1024 if sys.platform == "darwin" else peak
    except ImportError:
        return 0


SETTLED = "settled"
WRITES = "writes"
POLL_MS = 5  # short: the probe must not add its own wait to the figure


def _answer_view_ready(window: QWidget) -> bool:
    library = getattr(window, "library", None)
    return library is None or bool(getattr(library, "answer_ready", True))


def _answer_drawn(window: QWidget) -> bool:
    """The answer on screen is complete: no formula of it still being drawn on a worker."""
    view = getattr(window, "answer_view", None)
    pending = getattr(view, "pending_formulas", None)
    return not (callable(pending) and pending())


def _idle(window: QWidget) -> bool:
    """No start-up job is running on the task runner (none was ever started counts as idle)."""
    collection = getattr(window, "collection", None)
    return collection is None or not collection.busy()


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, window: QWidget, settle: bool, writes: bool = False) -> None:
        super().__init__(app)
        self._app = app
        self._window = window
        self._settle = settle or writes
        self._writes = writes
        self._done = False
        self._opened = False
        self._answer_reported = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # After this paint completes, report and leave.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {resident_kb()}", flush=True)
        if self._settle:
            QTimer.singleShot(POLL_MS, self._settle_step)
        else:
            self._app.quit()

    def _settle_step(self) -> None:
        # The first answer is opened as soon as the answer view is loaded.
        if not _answer_view_ready(self._window):
            QTimer.singleShot(POLL_MS, self._settle_step)
            return
        # The library's list (the window had its own before the UI move; a bare window has none).
        library = getattr(self._window, "library", self._window)
        question_list = getattr(library, "question_list", None)
        if not self._opened and question_list is not None and question_list.count():
            self._opened = True
            question_list.setCurrentRow(0)  # renders its answer: Markdown, formulas, code
            self._window.repaint()
        if not _answer_drawn(self._window):
            QTimer.singleShot(POLL_MS, self._settle_step)
            return
        if not self._answer_reported:
            self._answer_reported = True
            print(f"answer {resident_kb()}", flush=True)  # what the user sees; a start-up job may still run
        if not _idle(self._window):
            QTimer.singleShot(POLL_MS, self._settle_step)
            return
        self._window.repaint()
        print(f"settled {resident_kb()}", flush=True)
        if self._writes:
            self._start_writing()
        else:
            self._app.quit()

    def _start_writing(self) -> None:
        study_due = getattr(self._window, "study_due", None)
        if callable(study_due):
            study_due()  # opens the study page, which loads the ORM for its first grade
        self._wait_for_orm()

    def _wait_for_orm(self) -> None:
        from quizdesk.ui.collection import orm_loaded

        if not orm_loaded() or not _idle(self._window):
            QTimer.singleShot(POLL_MS, self._wait_for_orm)
            return
        print(f"writes {resident_kb()}", flush=True)
        self._app.quit()


def install_if_requested(app: QApplication, window: QWidget) -> None:
    mode = os.environ.get(ENV)
    if mode:
        window.installEventFilter(_FirstPaint(app, window, settle=mode == SETTLED, writes=mode == WRITES))

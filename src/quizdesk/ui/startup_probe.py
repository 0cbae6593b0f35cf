"""Start-up measurement hook for ``benchmarks/run.py``.

With ``QUIZDESK_STARTUP_PROBE=1`` the app prints ``first-paint <rss_kb>`` when
its main window is painted for the first time, then quits. The benchmark
times the process from launch to that line, so it measures the real start.
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


class _FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            # After this paint completes, report and leave.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint {resident_kb()}", flush=True)
        self._app.quit()


def install_if_requested(app: QApplication, window: QWidget) -> None:
    if os.environ.get(ENV):
        window.installEventFilter(_FirstPaint(app))

"""What the app has imported when its window is first painted.

The first paint waits for every module imported before it. Modules that only a
later action needs (a search, a damaged database, a second launch, a log
record, a review) are imported when that action comes; this test runs the real
start (``run_gui``) in a fresh interpreter and lists the modules loaded at the
window's first paint, so a module-level import that drags one of them back onto
the start path fails here rather than only in the start-up benchmark.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from quizdesk.core.content.bundled import FINGERPRINT_KEY, bank_fingerprint
from quizdesk.core.db.store import Store
from quizdesk.core.paths import bundled_content_dir

# Each with what needs it, and why it waits until then.
NOT_BEFORE_FIRST_PAINT = {
    "sqlalchemy": "the first write (the library reads through sqlite3)",
    "fsrs": "a review (the mastery dots need only its decay constant)",
    "logging.handlers": "the first log record (the rotating log file opens it then)",
    "PySide6.QtNetwork": "answering a later launch, from just after the first paint (launch.ActivationServing)",
    "quizdesk.core.search_snippet": "a search (where each result matched)",
    "quizdesk.core.search": "a search",
    "quizdesk.ui.app.recovery_dialog": "a database that cannot be opened",
    "quizdesk.core.db.recovery": "a database that cannot be opened",
}

CHILD = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QWidget
from quizdesk.ui.app import launch

app = launch.make_application()
seen = []

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if (not seen and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and isinstance(watched.window(), QMainWindow)):
            seen.append(sorted(sys.modules))
            QTimer.singleShot(0, app.quit)
        return False

spy = FirstPaint()
app.installEventFilter(spy)
code = launch.run_gui(sys.argv[1])
print(json.dumps({"code": code, "modules": seen[0] if seen else None}))
"""


def test_the_first_paint_waits_for_no_module_a_later_action_needs(gui_store: Store, tmp_path: Path) -> None:
    # The bundled bank counts as synced: its sync (parser, ORM) is not a normal start.
    with sqlite3.connect(gui_store.path) as connection:
        connection.execute(
            "INSERT OR REPLACE INTO app_meta (key, value) VALUES (?, ?)", (FINGERPRINT_KEY, bank_fingerprint(bundled_content_dir()))
        )
    data_dir = gui_store.path.parent
    gui_store.close()
    # HOME and XDG_CONFIG_HOME: the child's QSettings land in tmp_path, not the developer's.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("QUIZDESK_STARTUP_PROBE", None)
    done = subprocess.run([sys.executable, "-c", CHILD, str(data_dir)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    loaded = set(result["modules"])
    assert "quizdesk.ui.app.main_window" in loaded and "quizdesk.ui.library.question_list" in loaded  # it saw the real start
    early = {name: why for name, why in NOT_BEFORE_FIRST_PAINT.items() if name in loaded}
    assert not early, f"imported before the first paint, though only needed by: {early}"

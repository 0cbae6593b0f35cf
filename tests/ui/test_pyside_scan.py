"""PySide6 reads the source of each module an import names (to see whether it uses the
``__feature__`` switches); the start skips that for the standard library and quizdesk.core."""

from __future__ import annotations

import json
import subprocess
import sys

from quizdesk.ui.app.pyside_scan import known_not_to_use_pyside

# In a fresh interpreter: which modules PySide reads the source of, and what it records.
CHILD = r"""
import inspect, json, sys
if sys.argv[1] == "shortcut":
    from quizdesk.ui.app.pyside_scan import skip_needless_source_scans
    assert skip_needless_source_scans() and skip_needless_source_scans()  # twice: installed once
else:
    import PySide6.QtCore
real = inspect.getsource
read = []
def recording(obj):
    read.append(getattr(obj, "__name__", repr(obj)))
    return real(obj)
inspect.getsource = recording
from wave import open as _wave_open  # "from" imports: the hook sees the module named, not its top package
from quizdesk.core.catalog import topic_tree
from quizdesk.ui.widgets.named import named
from PySide6.support import feature
table = feature.pyside_feature_dict
print(json.dumps({"read": read, "recorded": {n: table.get(n) for n in ("wave", "quizdesk.core.catalog", "quizdesk.ui.widgets.named")}}))
"""


def _child(mode: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, mode], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_pyside_reads_every_imported_modules_source_without_the_shortcut() -> None:
    seen = _child("plain")
    assert {"wave", "quizdesk.core.catalog", "quizdesk.ui.widgets.named"} <= set(seen["read"])
    assert seen["recorded"] == {"wave": -1, "quizdesk.core.catalog": -1, "quizdesk.ui.widgets.named": 0}


def test_the_shortcut_reads_only_modules_that_may_use_pyside_and_records_the_same() -> None:
    seen = _child("shortcut")
    assert "wave" not in seen["read"] and "quizdesk.core.catalog" not in seen["read"]
    assert "quizdesk.ui.widgets.named" in seen["read"]  # a UI module: PySide still looks
    assert seen["recorded"] == {"wave": -1, "quizdesk.core.catalog": -1, "quizdesk.ui.widgets.named": 0}


def test_what_is_known_without_reading() -> None:
    assert known_not_to_use_pyside("json.decoder") and known_not_to_use_pyside("_collections_abc")
    assert known_not_to_use_pyside("quizdesk.core") and known_not_to_use_pyside("quizdesk.core.db.store")
    assert not known_not_to_use_pyside("quizdesk.ui.app.launch") and not known_not_to_use_pyside("quizdesk.corex")
    assert not known_not_to_use_pyside("PySide6.QtCore") and not known_not_to_use_pyside("platformdirs")

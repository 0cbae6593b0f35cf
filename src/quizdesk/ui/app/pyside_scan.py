"""Spare the start PySide6's reading of every imported module's source.

Since PySide6 6.4 (PYSIDE-2029) the ``__feature__`` switches (``from __feature__
import snake_case``) hook ``__import__``: the first time an import statement
names a module after PySide6 is loaded, ``shibokensupport/feature.py`` reads
that module's whole source file (``inspect.getsource``) to see whether it
mentions "PySide6". QuizDesk's start names ~110 modules after PySide6 is
loaded; reading them took 15–20 ms of its ~0.3 s to the first paint.

For the standard library and for ``quizdesk.core`` (which never imports Qt:
``tests/test_layering.py``) the answer is known without reading: neither uses
PySide's switches. :func:`skip_needless_source_scans` answers those from the
module's name and leaves every other module to PySide's own check. QuizDesk
selects no ``__feature__`` switch, so the answer changes nothing but the time
it takes; should PySide's internals change, nothing is installed.
"""

from __future__ import annotations

import sys
from types import ModuleType

_MARK = "_quizdesk_shortcut"


def known_not_to_use_pyside(name: str) -> bool:
    """The standard library and ``quizdesk.core``: modules that never use PySide's switches."""
    return name.partition(".")[0] in sys.stdlib_module_names or name == "quizdesk.core" or name.startswith("quizdesk.core.")


def skip_needless_source_scans() -> bool:
    """Answer PySide's "does this module use PySide?" from the name where it is known
    (imports PySide6). True when installed (or already), False when PySide has no such check."""
    import importlib

    try:
        feature = importlib.import_module("PySide6.support.feature")  # PySide's own module: not in its stubs
    except ImportError:
        return False
    scan = getattr(feature, "_mod_uses_pyside", None)
    if not callable(scan):
        return False
    if getattr(scan, _MARK, False):
        return True

    def mod_uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", None)
        if isinstance(name, str) and known_not_to_use_pyside(name):
            return False
        return bool(scan(module))

    setattr(mod_uses_pyside, _MARK, True)
    # feature_imported() and the feature table's first fill look the function up by this name.
    setattr(feature, "_mod_uses_pyside", mod_uses_pyside)
    return True

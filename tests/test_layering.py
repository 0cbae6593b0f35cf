"""The core is GUI-free: nothing under quizdesk/core imports PySide6."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "src" / "quizdesk" / "core"


def test_no_core_module_imports_qt_statically() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)):
                continue
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"} for n in names):
                offenders.append(f"{path.relative_to(CORE)}:{node.lineno}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    """Catches indirect imports too (a core module importing a UI helper)."""
    modules = sorted(
        ".".join(("quizdesk", "core", *p.relative_to(CORE).with_suffix("").parts)).removesuffix(".__init__")
        for p in CORE.rglob("*.py")
        if "migrations" not in p.parts
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); raise SystemExit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# -- inside ui/: one write path, one task runner (issue 17) ---------------------------------
UI = CORE.parent / "ui"
#: Only these open database sessions: every write is an operation (ui/ops.py) on the collection.
SESSION_OWNERS = {"ops.py", "collection.py"}
#: Only this starts threads: every background job goes through the task runner.
THREAD_OWNERS = {"tasks.py"}
#: Screens still writing inline (issue 17): none left — the exam, study and self-grading pages
#: write through ui/session_writes.py's operations. Nothing may join.
SESSION_PENDING: set[str] = set()
THREAD_NAMES = {"Thread", "Timer", "QThread", "QThreadPool", "QRunnable", "ThreadPoolExecutor", "ProcessPoolExecutor", "QEventLoop"}
THREAD_MODULES = {"concurrent", "_thread", "multiprocessing"}


def _ui_modules() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def session_uses(source: str) -> list[int]:
    """Lines that open a database session: ``x.session(…)``, ``Session(…)``, ``sessionmaker``,
    ``x.session_factory`` (a session made elsewhere, e.g. on a worker)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr == "session":
                lines.append(node.lineno)
            elif isinstance(func, ast.Name) and func.id in {"Session", "sessionmaker"}:
                lines.append(node.lineno)
        elif isinstance(node, ast.Attribute) and node.attr == "session_factory":
            lines.append(node.lineno)
    return lines


def thread_uses(source: str) -> list[int]:
    """Lines that start or name a thread, a pool or a nested event loop."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] in THREAD_MODULES for a in node.names):
            lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in THREAD_MODULES:
            lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and any(a.name in THREAD_NAMES for a in node.names):
            lines.append(node.lineno)
        elif isinstance(node, ast.Attribute) and node.attr in THREAD_NAMES:
            lines.append(node.lineno)
        elif isinstance(node, ast.Name) and node.id in THREAD_NAMES:
            lines.append(node.lineno)
    return lines


def test_ui_opens_sessions_only_in_ops_and_collection() -> None:
    offenders = []
    for path in _ui_modules():
        name = path.relative_to(UI).as_posix()
        if name in SESSION_OWNERS or name in SESSION_PENDING:
            continue
        offenders += [f"ui/{name}:{line}" for line in session_uses(path.read_text(encoding="utf-8"))]
    assert offenders == [], "write through ui/ops.py, read through Collection.read / read_orm"


def test_ui_starts_threads_only_in_the_task_runner() -> None:
    offenders = []
    for path in _ui_modules():
        name = path.relative_to(UI).as_posix()
        if name in THREAD_OWNERS:
            continue
        offenders += [f"ui/{name}:{line}" for line in thread_uses(path.read_text(encoding="utf-8"))]
    assert offenders == [], "run background work with Collection.tasks (ui/tasks.py); no nested event loops"


def test_the_checks_catch_what_they_are_for() -> None:
    """Each spelling the checks must refuse is refused, and ordinary code passes."""
    assert session_uses("with self.store.session() as s: pass") == [1]
    assert session_uses("s = Session(engine)") == [1]
    assert session_uses("run(paths, self.store.session_factory)") == [1]
    assert session_uses("with store.read() as c: pass\nself.session_count = 1") == []
    assert thread_uses("import threading\nthreading.Thread(target=f).start()") == [2]
    assert thread_uses("from PySide6.QtCore import QThread") == [1]
    assert thread_uses("from concurrent.futures import ThreadPoolExecutor") == [1]
    assert thread_uses("loop = QEventLoop(); loop.exec()") == [1]
    assert thread_uses("import threading\nalive = threading.enumerate()\nstop = threading.Event()") == []


# -- ui/ in rooms (issue 17): a room uses the spine and widgets/, never another room -----------
#: The rooms; app/ hosts the others (the main window opens their pages) and may import them.
ROOMS = {"app", "library", "study", "exam", "weak_areas", "settings", "dialogs", "widgets"}
HOST = "app"


def ui_imports(source: str) -> set[str]:
    """The first part below ``quizdesk.ui`` of every module ``source`` imports (``from quizdesk.ui
    import ops`` gives ``ops``; ``import quizdesk.ui.exam.runner`` gives ``exam``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules = [f"{node.module}.{a.name}" if node.module == "quizdesk.ui" else node.module for a in node.names]
        else:
            continue
        found |= {m.split(".")[2] for m in modules if m.startswith("quizdesk.ui.")}
    return found


def room_of(path: Path) -> str | None:
    """The room a ui/ module lives in; None for the spine (ui/*.py)."""
    parts = path.relative_to(UI).parts
    return parts[0] if len(parts) > 1 else None


def test_rooms_use_the_spine_and_widgets_not_each_other() -> None:
    offenders = []
    for path in _ui_modules():
        room = room_of(path)
        if room == HOST:
            continue
        allowed = {room, "widgets"} if room != "widgets" else {"widgets"}
        for imported in ui_imports(path.read_text(encoding="utf-8")) & ROOMS:
            if imported not in allowed:
                offenders.append(f"{path.relative_to(UI).as_posix()} imports ui/{imported}/")
    assert offenders == [], "move what two rooms share into widgets/ or the spine (ui/*.py)"


def test_every_ui_module_lives_in_a_room_or_the_spine() -> None:
    rooms = {room_of(p) for p in _ui_modules()} - {None}
    assert rooms == ROOMS


def test_the_rooms_check_sees_every_import_spelling() -> None:
    assert ui_imports("from quizdesk.ui.exam.runner import ExamRunner") == {"exam"}
    assert ui_imports("from quizdesk.ui import ops, preferences") == {"ops", "preferences"}
    assert ui_imports("from quizdesk.ui.exam import runner as exam_runner") == {"exam"}
    assert ui_imports("import quizdesk.ui.weak_areas.page\nimport os") == {"weak_areas"}
    assert ui_imports("def f():\n    from quizdesk.ui.study import study_view") == {"study"}

"""The PyInstaller bundle: built from packaging/quizdesk.spec into a temporary folder,
it runs with no Python anywhere on PATH, passes its self-test, starts the GUI, stays
under the size budget and carries what it needs and nothing it should not."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import quizdesk.commands.self_test as self_test
from quizdesk import __version__

pytestmark = [pytest.mark.bundle, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
BUDGET_MB = 150
EXECUTABLE = "quizdesk-cli.exe" if sys.platform == "win32" else "quizdesk"


class Build:
    def __init__(self, root: Path) -> None:
        self.dist = root / "dist" / "quizdesk"
        self.work = root / "build"
        self.executable = self.dist / EXECUTABLE
        self.internal = self.dist / "_internal"

    def python_modules(self) -> set[str]:
        """Names of the modules in the bundle's archive (PyInstaller's PYZ table of contents)."""
        toc = ast.literal_eval((self.work / "quizdesk" / "PYZ-00.toc").read_text(encoding="utf-8"))
        return {entry[0] for entry in toc[1]}


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    root = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build.py"), "--distpath", str(root / "dist"),
         "--workpath", str(root / "build"), "--quiet"],
        capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return Build(root)


def _bare_env(tmp_path: Path) -> dict[str, str]:
    """An environment like ``env -i``: PATH is an empty folder, so no Python can be found."""
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    env = {"PATH": str(empty), "HOME": str(tmp_path / "home")}
    if "XDG_CONFIG_HOME" in os.environ:  # the test run's throwaway settings folder
        env["XDG_CONFIG_HOME"] = os.environ["XDG_CONFIG_HOME"]
    if sys.platform == "win32":
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
    return env


def test_self_test_passes_with_no_python_on_path(build: Build, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(build.executable), "self-test"], env=_bare_env(tmp_path), capture_output=True, text=True,
        encoding="utf-8", timeout=300, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"QuizDesk {__version__} self-test: bundle") and "platform offscreen" in lines[0]
    assert sum(line.startswith("ok   ") for line in lines) == len(self_test.CHECKS), result.stdout
    assert lines[-1] == f"all {len(self_test.CHECKS)} checks passed"


def test_version_comes_from_the_package(build: Build, tmp_path: Path) -> None:
    result = subprocess.run([str(build.executable), "--version"], env=_bare_env(tmp_path), capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == f"QuizDesk {__version__}"


def test_the_gui_starts_and_paints(build: Build, tmp_path: Path) -> None:
    env = {**_bare_env(tmp_path), "QT_QPA_PLATFORM": "offscreen", "QUIZDESK_STARTUP_PROBE": "1"}
    result = subprocess.run([str(build.executable), "--data-dir", str(tmp_path / "data")], env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("first-paint "), result.stdout + result.stderr
    assert (tmp_path / "data" / "quizdesk.db").is_file()


def test_size_is_within_budget(build: Build) -> None:
    size = sum(p.stat().st_size for p in build.dist.rglob("*") if p.is_file() and not p.is_symlink())
    assert size / 1024 / 1024 <= BUDGET_MB, f"{size / 1024 / 1024:.1f} MB"


def test_carries_its_data_files(build: Build) -> None:
    root = build.internal
    assert sorted(p.name for p in (root / "content").iterdir()) == sorted(p.name for p in (REPO / "content").iterdir())
    assert (root / "LICENSE").read_text(encoding="utf-8") == (REPO / "LICENSE").read_text(encoding="utf-8")
    assert (root / "resources" / "icons" / "quizdesk-256.png").is_file()
    # The Chinese UI's catalogues: ours, our fixes to Qt's, and Qt's own (file dialogs, buttons).
    assert {p.name for p in (root / "resources" / "i18n").glob("*.qm")} >= {"quizdesk_zh_CN.qm", "quizdesk_en.qm", "qtbase_fixes_zh_CN.qm"}
    assert (root / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").is_file()
    versions = REPO / "src" / "quizdesk" / "core" / "db" / "migrations" / "versions"
    assert sorted(p.name for p in (root / "quizdesk/core/db/migrations/versions").glob("*.py")) == sorted(
        p.name for p in versions.glob("*.py")
    )
    assert list((root / "ziamath" / "fonts").glob("*.ttf"))
    # The drawing packages' metadata: the formula cache's key reads their versions from these names.
    from quizdesk.core.render.math_cache import DRAWING_PACKAGES, installed_version

    for package in DRAWING_PACKAGES:
        assert (root / f"{package}-{installed_version(package)}.dist-info").is_dir(), package
    assert (root / "PySide6" / "Qt" / "plugins" / "platforms").is_dir()
    assert list((root / "PySide6" / "Qt" / "plugins" / "platforms").glob("*qoffscreen*"))


def test_carries_the_bundled_formulas_pre_drawn(build: Build, tmp_path: Path) -> None:
    """packaging/predraw.py ran during the build: the bundle's math-cache/ holds the
    entries this machine's app computes for bundled answers (here: the slowest one)."""
    bundled = {p.name for p in (build.internal / "math-cache").rglob("*.json.z")}
    assert len(bundled) > 1000
    result = subprocess.run([sys.executable, str(REPO / "packaging" / "predraw.py"), str(tmp_path / "one"),
                             "--only", "llm-dpo"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    expected = {p.name for p in (tmp_path / "one").rglob("*.json.z")}
    assert expected and expected <= bundled


def test_leaves_out_what_it_does_not_use(build: Build) -> None:
    files = [p.relative_to(build.dist).as_posix() for p in build.dist.rglob("*")]
    for unwanted in ("WebEngine", "Qt6Qml", "Qt6Quick", "Qt6Pdf", "Qt63D", "Qt6Multimedia", "Qt6Designer", "libqgtk3",
                     "plugins/tls", "libssl", "tests/"):
        assert not [f for f in files if unwanted in f], unwanted
    modules = build.python_modules()
    assert "quizdesk.commands.self_test" in modules and "quizdesk.ui.dialogs.about_dialog" in modules
    assert "pygments.lexers.python" in modules and "markdown.extensions.footnotes" in modules
    for unwanted in ("pytest", "hypothesis", "mypy", "tkinter", "ssl", "PySide6.QtWebEngineCore", "PySide6.QtQml"):
        assert unwanted not in modules, unwanted

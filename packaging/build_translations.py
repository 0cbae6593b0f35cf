"""Update the translation sources and compile them.

    python packaging/build_translations.py            # update the .ts from the code, then compile the .qm
    python packaging/build_translations.py --compile  # only compile (what a build needs)

``resources/i18n/quizdesk_<lang>.ts`` are the sources translators edit (Qt
Linguist, or any text editor); ``pyside6-lupdate`` adds new UI strings to them
as "unfinished" and drops the ones the code no longer has.
``resources/i18n/qtbase_fixes_<lang>.ts`` (Qt's own strings that Qt's catalogue
lacks or words oddly) are written by hand: only compiled, never lupdated. The compiled
``.qm`` files are committed next to them so a checkout runs without a build
step; ``tests/ui/test_translations.py`` fails when they are out of date or when
a UI string has no Chinese translation.

Both tools ship with PySide6-Essentials (``PySide6/lupdate``, ``PySide6/lrelease``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "src" / "quizdesk" / "ui"
I18N = REPO / "resources" / "i18n"
LANGUAGES = ("zh_CN", "en")


def qt_tool(name: str) -> str:
    """Path of ``lupdate`` / ``lrelease`` inside the installed PySide6."""
    import PySide6

    path = Path(PySide6.__file__).parent / (name + (".exe" if sys.platform == "win32" else ""))
    if not path.exists():
        raise SystemExit(f"{name} not found in {path.parent}: install PySide6-Essentials")
    return str(path)


def source_files(folder: Path = SOURCES) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*.py"))


def run_lupdate(ts_files: list[Path], sources: list[str] | None = None) -> None:
    """Merge the UI strings of ``sources`` into ``ts_files`` (created if missing)."""
    for ts in ts_files:
        language = ts.stem.split("_", 1)[1]
        subprocess.run(
            [qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-source-language", "en",
             "-target-language", language, *(sources or source_files()), "-ts", str(ts)],
            check=True,
        )


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def ts_path(language: str, folder: Path = I18N) -> Path:
    return folder / f"quizdesk_{language}.ts"


def qt_fixes_sources(folder: Path = I18N) -> list[Path]:
    return sorted(folder.glob("qtbase_fixes_*.ts"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compile", action="store_true", help="only compile the .ts into .qm")
    args = parser.parse_args(argv)
    I18N.mkdir(parents=True, exist_ok=True)
    if not args.compile:
        run_lupdate([ts_path(language) for language in LANGUAGES])
    for ts in [*(ts_path(language) for language in LANGUAGES), *qt_fixes_sources()]:
        run_lrelease(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

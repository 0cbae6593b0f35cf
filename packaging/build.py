"""Build the one-folder QuizDesk bundle with PyInstaller.

    python packaging/build.py [--distpath DIR] [--workpath DIR]

Runs ``packaging/quizdesk.spec`` (output ``dist/quizdesk/`` by default, build
files in ``build/``) and prints the bundle's size and its largest files, which
is where to look when the size budget (150 MB) is at risk. Needs the ``bundle``
extra: ``pip install -e ".[bundle]"``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "quizdesk.spec"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def largest_files(folder: Path, count: int = 15) -> list[tuple[int, Path]]:
    files = [(p.stat().st_size, p) for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sorted(files, key=lambda f: f[0], reverse=True)[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--distpath", type=Path, default=ROOT / "dist", help="where the bundle goes (default dist/)")
    parser.add_argument("--workpath", type=Path, default=ROOT / "build", help="PyInstaller's build files (default build/)")
    parser.add_argument("--quiet", action="store_true", help="only PyInstaller's warnings and errors")
    args = parser.parse_args(argv)
    try:
        import PyInstaller.__main__
    except ImportError:
        print('PyInstaller is not installed: pip install -e ".[bundle]"', file=sys.stderr)
        return 2
    options = [str(SPEC), "--noconfirm", "--clean", "--distpath", str(args.distpath), "--workpath", str(args.workpath)]
    if args.quiet:
        options += ["--log-level", "WARN"]
    PyInstaller.__main__.run(options)
    bundle = args.distpath / "quizdesk"
    print(f"\nbundle: {bundle}  {folder_size(bundle) / 1024 / 1024:.1f} MB")
    for size, path in largest_files(bundle):
        print(f"  {size / 1024 / 1024:6.1f} MB  {path.relative_to(bundle)}")
    executable = bundle / ("quizdesk-cli.exe" if sys.platform == "win32" else "quizdesk")
    print(f"check it with: {executable} self-test")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

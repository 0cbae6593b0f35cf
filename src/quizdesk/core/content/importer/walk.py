"""The paths a user picked → source files, each with its import root and its topic.

A folder maps to a topic tree: its sub-folders are modules, the files in them
sub-topics (files right in the folder form a module named after the folder).
A file picked alone is a sub-topic of a module named after its folder. Names
lose their ordering prefixes (``ch03_``, ``01-``, ``第三章``). Topic keys start
with ``import:`` and a hash of the import root, so they never clash with the
bundled bank or with another imported folder.

Symlinked folders are not followed (a link back up the tree would loop
forever), and symlinked files only when they stay inside the folder.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from quizdesk.core.content.model import Problem, TopicRef

#: What a folder import reads. A file picked explicitly is read whatever its name.
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
#: Repository boilerplate that is never a question bank.
_BOILERPLATE = re.compile(r"^(license|licence|changelog|changes|contributing|code_of_conduct|security|authors)(\..*)?$", re.I)
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})

IMPORT_MODULE_NAME = "导入"
IMPORT_MODULE_NAME_EN = "Imported"

_NAME_PREFIXES = [
    re.compile(r"^(?:ch|chapter|chap|part|lesson|lec|unit|sec|section)[\s_.-]*\d+[\s_.:-]*", re.I),
    re.compile(r"^第\s*[0-9一二三四五六七八九十百零〇两]+\s*(?:章|节|部分|篇|课|讲|部)[\s_.:：、-]*"),
    re.compile(r"^\d+(?:[._-]\d+)*[\s_.、:-]+(?=\D)"),
    re.compile(r"^[【\[(（]\s*\d+\s*[】\])）][\s_-]*"),
]


@dataclass(frozen=True)
class SourceFile:
    path: Path  # absolute, as found (may be a symlink inside the root)
    root: Path  # the import root, real path
    relative: str  # path under the root, POSIX separators
    display: str  # how messages name the file (the user's spelling of the path)
    topic: TopicRef


def clean_name(name: str) -> str:
    """A folder or file name as a topic name: ordering prefixes and separators dropped."""
    stem = name
    for suffix in MARKDOWN_SUFFIXES | {".txt"}:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    cleaned = stem
    for pattern in _NAME_PREFIXES:
        cleaned = pattern.sub("", cleaned, count=1)
    cleaned = re.sub(r"[_]+", " ", cleaned)
    cleaned = re.sub(r"(?<=[A-Za-z0-9])-(?=[A-Za-z])", " ", cleaned).strip(" -.")
    return cleaned or stem or name


def root_key(root: Path) -> str:
    return hashlib.sha256(str(root).encode("utf-8", "surrogatepass")).hexdigest()[:10]


def natural_key(text: str) -> list[object]:
    """"ch2" before "ch10"."""
    return [int(part) if part.isdigit() else part.casefold() for part in re.split(r"(\d+)", text)]


def topic_for(root: Path, relative: str, fixed_topic: str | None, orders: tuple[int, int] = (0, 0)) -> TopicRef:
    """The module and sub-topic a file at ``relative`` under ``root`` belongs to."""
    if fixed_topic:
        return TopicRef("import:module", IMPORT_MODULE_NAME, IMPORT_MODULE_NAME_EN, f"import:topic:{fixed_topic}", fixed_topic, fixed_topic, 9000, 0)
    parts = relative.split("/")
    prefix = f"import:{root_key(root)}"
    if len(parts) == 1:
        module_key, module_name = prefix, clean_name(root.name) or clean_name(parts[0])
        topic_name = clean_name(parts[0])
    else:
        module_key, module_name = f"{prefix}/{parts[0]}", clean_name(parts[0])
        topic_name = " · ".join(clean_name(p) for p in parts[1:])
    return TopicRef(module_key, module_name, module_name, f"{prefix}/{relative}", topic_name, topic_name, 9000 + orders[0], orders[1])


def _inside(path: Path, root: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(root)
    except ValueError:
        return False
    return True


def walk_folder(folder: Path, display_root: str) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Markdown files under ``folder`` (a real path) as (path, display), naturally sorted."""
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []

    def on_error(error: OSError) -> None:
        problems.append(Problem(str(error.filename or folder), 0, f"skipped: cannot read folder ({error.strerror or error})", "warning"))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=on_error, followlinks=False):
        current = Path(dirpath)
        keep = []
        for name in sorted(dirnames, key=natural_key):
            if name.startswith(".") or name in _SKIPPED_DIRS:
                continue
            if (current / name).is_symlink():
                rel = (current / name).relative_to(folder).as_posix()
                problems.append(Problem(f"{display_root}/{rel}", 0, "symlinked folder not followed", "warning"))
                continue
            keep.append(name)
        dirnames[:] = keep
        for name in filenames:
            path = current / name
            if name.startswith(".") or Path(name).suffix.lower() not in MARKDOWN_SUFFIXES or _BOILERPLATE.match(name):
                continue
            display = f"{display_root}/{path.relative_to(folder).as_posix()}"
            if path.is_symlink() and not _inside(path, folder):
                problems.append(Problem(display, 0, "skipped: symlink to a file outside the imported folder", "warning"))
                continue
            found.append((path, display))
    found.sort(key=lambda item: natural_key(item[0].relative_to(folder).as_posix()))
    return found, problems


def _deepest_root(path: Path, candidates: list[Path]) -> Path | None:
    inside = [c for c in candidates if path == c or c in path.parents]
    return max(inside, key=lambda c: len(c.parts)) if inside else None


@dataclass
class Sources:
    files: list[SourceFile]
    #: Import roots whose whole tree was walked: a file missing there is gone from the source.
    complete_roots: set[Path]
    #: Every file found per root (read or not), for telling "gone" from "unreadable".
    present: dict[Path, set[str]]
    problems: list[Problem]


def collect_sources(paths: list[Path], known_roots: list[Path], fixed_topic: str | None) -> Sources:
    """Files to import, each assigned to its import root.

    A file's root is the deepest previously imported folder (``known_roots``)
    that contains it, else the folder picked now (for a picked file: its
    folder). So a file or sub-folder re-imported alone keeps the ids it got
    when its whole folder was imported.
    """
    result = Sources([], set(), {}, [])
    picked: list[tuple[Path, str, Path, bool]] = []  # (file, display, default root, walked)
    for given in paths:
        real = Path(os.path.realpath(given))
        if real.is_dir():
            found, problems = walk_folder(real, str(given).rstrip("/\\") or str(given))
            result.problems.extend(problems)
            if not found and not problems:
                result.problems.append(Problem(str(given), 0, "no Markdown files (.md, .markdown) in this folder", "warning"))
            picked.extend((path, display, real, True) for path, display in found)
            result.complete_roots.update(r for r in [*known_roots, real] if r == real or real in r.parents)
        elif real.exists():
            picked.append((Path(os.path.abspath(given)), str(given), real.parent, False))
        else:
            result.problems.append(Problem(str(given), 0, "no such file or folder", "warning"))
    # One file is read once whatever names lead to it; its own name beats a symlink's.
    chosen: dict[Path, int] = {}
    for index, (path, *_rest) in enumerate(picked):
        real_file = Path(os.path.realpath(path))
        if real_file not in chosen or (picked[chosen[real_file]][0].is_symlink() and not path.is_symlink()):
            chosen[real_file] = index
    module_order: dict[tuple[Path, str], int] = {}
    for index in sorted(chosen.values()):
        path, display, default_root, walked = picked[index]
        real_file = Path(os.path.realpath(path))
        location = path if walked else real_file
        root = _deepest_root(location, known_roots) or default_root
        relative = location.relative_to(root).as_posix()
        module = relative.split("/")[0] if "/" in relative else ""
        orders = (module_order.setdefault((root, module), len(module_order)), index)
        result.files.append(SourceFile(path, root, relative, display, topic_for(root, relative, fixed_topic, orders)))
        if walked:
            result.present.setdefault(root, set()).add(relative)
    return result

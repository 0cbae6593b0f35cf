"""Copying imported images into the data folder, in step with the database transaction.

Images are first copied under temporary names; only after the import has
committed are they renamed into place. A cancelled or failed import removes
its temporary files, so neither the database nor the images already there
change.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

from quizdesk.core.content.importer.images import MediaCopy
from quizdesk.core.content.model import Problem


@dataclass(frozen=True)
class Staged:
    temp: Path
    target: Path


def _same(a: Path, b: Path) -> bool:
    try:
        return b.is_file() and a.stat().st_size == b.stat().st_size and filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def stage(copies: list[MediaCopy]) -> tuple[list[Staged], list[Problem]]:
    """Copy each image beside its target under a temporary name (skipping unchanged ones)."""
    staged: list[Staged] = []
    problems: list[Problem] = []
    for copy in copies:
        if _same(copy.source, copy.target):
            continue
        temp = copy.target.with_name(f".{copy.target.name}.{uuid.uuid4().hex[:8]}.part")
        try:
            copy.target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(copy.source, temp)
        except OSError as exc:
            problems.append(Problem(str(copy.source), 0, f"image not copied: {exc.strerror or exc}", "warning"))
            continue
        staged.append(Staged(temp, copy.target))
    return staged, problems


def commit(staged: list[Staged]) -> list[Problem]:
    problems = []
    for item in staged:
        try:
            os.replace(item.temp, item.target)
        except OSError as exc:
            problems.append(Problem(str(item.target), 0, f"image not copied: {exc.strerror or exc}", "warning"))
            discard([item])
    return problems


def discard(staged: list[Staged]) -> None:
    for item in staged:
        try:
            item.temp.unlink(missing_ok=True)
        except OSError:
            pass  # a leftover ".part" file is harmless and never referenced

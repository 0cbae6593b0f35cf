"""Validate a bank folder or file: the checks of docs/content-format.md."""

from __future__ import annotations

from pathlib import Path

from quizdesk.core.content.bank_parser import parse_bank
from quizdesk.core.content.model import Problem


def lint_path(path: Path) -> list[Problem]:
    """Every problem in the bank at ``path``, errors and warnings, in file order."""
    if not path.exists():
        return [Problem(str(path), 0, "no such file or folder")]
    return parse_bank(path).problems

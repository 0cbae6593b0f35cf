"""A temporary file beside its target, for writes that end in one ``os.replace``."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def create_temp_beside(target: Path, suffix: str = ".tmp") -> tuple[int, Path]:
    """Create a new, empty, hidden file next to ``target``; returns its descriptor and path.

    The file gets the mode any new file gets (0o666 less the umask), unlike
    ``tempfile.mkstemp``'s owner-only 0o600: after the rename the result must be
    readable like any other file the user saves (a phone-sync or shared folder).
    """
    temp = target.parent / f".{target.name}.{secrets.token_hex(6)}{suffix}"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    return fd, temp

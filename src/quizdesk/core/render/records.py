"""The disk caches' files: one zlib-compressed JSON record per key, written atomically.

A damaged or unreadable file reads as None (a miss); a folder that cannot be
written only costs speed. Used by the formula cache and the answer cache.
"""

from __future__ import annotations

import json
import os
import tempfile
import zlib
from pathlib import Path
from typing import Any


def record_path(folder: Path, key: str) -> Path:
    """Where ``key``'s record lives: 256 sub-folders by its first two characters."""
    return folder / key[:2] / f"{key}.json.z"


def read_record(path: Path) -> Any:
    """The record at ``path``; None when it is missing, unreadable or damaged."""
    try:
        return json.loads(zlib.decompress(path.read_bytes()))
    except (OSError, ValueError, zlib.error):
        return None


def write_record(path: Path, record: Any, *, ensure_ascii: bool = True) -> bool:
    """Write ``record`` to ``path`` atomically (a temporary file, then a rename); whether it was written."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as f:
            f.write(zlib.compress(json.dumps(record, ensure_ascii=ensure_ascii).encode("utf-8", "surrogatepass"), 6))
        os.replace(tmp, path)
    except (OSError, UnicodeEncodeError):
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False
    return True

"""Bytes of a source file → text with ``\\n`` line ends, or a reason to skip it.

Files from public repositories come as UTF-8 (with or without a BOM), now and
then as GBK/GB18030 (older Chinese Windows editors), with CRLF or even lone CR
line ends. Anything else — binary data, another legacy encoding, a file too
big to be notes — is refused with a warning rather than imported as garbage.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from quizdesk.core.content.model import Problem

#: Refuse files above this size: no hand-written bank is that big, and reading
#: a disk image someone dropped into the folder would stall the import.
MAX_FILE_BYTES = 20 * 1024 * 1024

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Control characters other than tab, LF, FF and CR, and private-use code points, do not occur in text.
_ODD_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ue000-\uf8ff]")


@dataclass(frozen=True)
class Decoded:
    text: str  # "\n" line ends, no BOM
    encoding: str  # "utf-8", "utf-16" or "gb18030"


def _warn(path: str, message: str, line: int = 1) -> Problem:
    return Problem(path, line, message, "warning")


def _looks_like_text(text: str) -> bool:
    """Reject decodings that are technically valid but are not prose.

    GB18030 accepts many byte sequences, so random binary data can decode; such
    "text" is full of control characters and private-use code points.
    """
    if not text:
        return True
    sample = text[:200_000]
    odd = len(_ODD_RE.findall(sample))
    return odd <= max(2, len(sample) // 200)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, path: str) -> tuple[Decoded | None, list[Problem]]:
    """Decode ``data`` (the content of ``path``, used in messages only)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None, [_warn(path, "skipped: has a UTF-16 byte-order mark but is not valid UTF-16")]
        if _looks_like_text(text):
            return Decoded(_normalise_newlines(text.lstrip("\ufeff")), "utf-16"), [
                _warn(path, "decoded as UTF-16 (not UTF-8) and converted")
            ]
        return None, [_warn(path, "skipped: binary file, not text")]
    if b"\x00" in data:
        return None, [_warn(path, "skipped: binary file (contains NUL bytes), not text")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _looks_like_text(text):
            return None, [_warn(path, "skipped: binary file, not text")]
        return Decoded(_normalise_newlines(text), "utf-8"), []
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None, [_warn(path, "skipped: not UTF-8 or GBK/GB18030 text (save it as UTF-8 and import again)")]
    if not _looks_like_text(text):
        return None, [_warn(path, "skipped: binary file, not text")]
    return Decoded(_normalise_newlines(text), "gb18030"), [
        _warn(path, "not UTF-8: decoded as GBK/GB18030 and converted (check the text looks right)")
    ]


def read_source(path: Path, display: str | None = None) -> tuple[Decoded | None, list[Problem]]:
    """Read and decode one source file, refusing what is not a regular text file."""
    shown = display or str(path)
    try:
        info = path.stat()
    except OSError as exc:
        return None, [_warn(shown, f"skipped: cannot read ({exc.strerror or exc})")]
    # A FIFO or device would block or never end; only regular files are read.
    if not stat.S_ISREG(info.st_mode):
        return None, [_warn(shown, "skipped: not a regular file")]
    if info.st_size > MAX_FILE_BYTES:
        size_mb = info.st_size / 1024 / 1024
        return None, [_warn(shown, f"skipped: file too large ({size_mb:.0f} MB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MB)")]
    try:
        with open(path, "rb") as fh:
            # Read one byte past the limit: the size can change between stat and read.
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [_warn(shown, f"skipped: cannot read ({exc.strerror or exc})")]
    if len(data) > MAX_FILE_BYTES:
        return None, [_warn(shown, "skipped: file too large")]
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return None, [_warn(shown, "skipped: empty file")]
    return decode_bytes(data, shown)


def is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False

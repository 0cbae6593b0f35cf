"""Two-level cache of rendered formulas: an in-memory LRU in front of an optional folder.

Keys are the SHA-1 of (renderer version, display/inline, size, colour, LaTeX),
so a new ziamath or renderer release, a theme (colour) or font-size change
never reuses a stale picture. Files are small zlib-compressed JSON records,
written atomically; a damaged or unreadable file is treated as a miss.
Formulas that failed are remembered in memory only (a later release may draw
them), and so are those drawn with missing glyphs (a CJK font may be
installed later).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import ziamath

from quizdesk.core.render.math_svg import MathError, MathImage

RENDERER_VERSION = f"2/ziamath-{getattr(ziamath, '__version__', '?')}"


@dataclass(frozen=True)
class MathKey:
    tex: str
    display: bool
    size_px: float
    color: str
    cjk_scale: float = 1.0

    @property
    def digest(self) -> str:
        raw = (f"{RENDERER_VERSION}\0{int(self.display)}\0{self.size_px:.3f}\0{self.color.lower()}"
               f"\0{self.cjk_scale:.3f}\0{self.tex}")
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()


Entry = MathImage | MathError


class MathCache:
    """Memory LRU of ``max_items`` formulas, backed by ``directory`` when given."""

    def __init__(self, directory: Path | None = None, *, max_items: int = 2000) -> None:
        self.directory = directory
        self.max_items = max_items
        self._memory: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.disk_hits = self.misses = 0

    def get(self, key: MathKey) -> Entry | None:
        digest = key.digest
        with self._lock:
            entry = self._memory.get(digest)
            if entry is not None:
                self._memory.move_to_end(digest)
                self.hits += 1
                return entry
        image = self._read(digest)
        if image is None:
            self.misses += 1
            return None
        self.disk_hits += 1
        self._remember(digest, image)
        return image

    def put(self, key: MathKey, entry: Entry, *, persist: bool = True) -> None:
        digest = key.digest
        self._remember(digest, entry)
        if persist and isinstance(entry, MathImage) and not entry.missing_glyphs:
            self._write(digest, entry)

    def clear_memory(self) -> None:
        with self._lock:
            self._memory.clear()

    def __len__(self) -> int:
        return len(self._memory)

    def _remember(self, digest: str, entry: Entry) -> None:
        with self._lock:
            self._memory[digest] = entry
            self._memory.move_to_end(digest)
            while len(self._memory) > self.max_items:
                self._memory.popitem(last=False)

    def _path(self, digest: str) -> Path:
        assert self.directory is not None
        return self.directory / digest[:2] / f"{digest}.json.z"

    def _read(self, digest: str) -> MathImage | None:
        if self.directory is None:
            return None
        try:
            record = json.loads(zlib.decompress(self._path(digest).read_bytes()))
            return MathImage(
                svg=record["svg"].encode("utf-8"),
                width=float(record["width"]),
                ascent=float(record["ascent"]),
                depth=float(record["depth"]),
            )
        except (OSError, ValueError, KeyError, TypeError, zlib.error):
            return None

    def _write(self, digest: str, image: MathImage) -> None:
        if self.directory is None:
            return
        record = {"svg": image.svg.decode("utf-8"), "width": image.width, "ascent": image.ascent, "depth": image.depth}
        path = self._path(digest)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                f.write(zlib.compress(json.dumps(record).encode("utf-8"), 6))
            os.replace(tmp, path)
        except OSError:  # a read-only or full disk only costs speed
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)

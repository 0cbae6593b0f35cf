"""Cache of rendered formulas: an in-memory LRU in front of read-only folders
(the formulas of the bundled bank, drawn when the bundle was built) and an
optional writable folder (the user's).

Keys are the SHA-1 of (renderer version, display/inline, size, colour, LaTeX),
so a new ziamath, ziafont, latex2mathml or renderer release, a theme (colour)
or font-size change never reuses a stale picture. Files are small
zlib-compressed JSON records, written atomically; a damaged or unreadable file
is treated as a miss.

Nothing here imports ziamath (~160 ms: it parses its math font): a formula
drawn once is served without it. The versions in the key are read from the
installed packages' metadata folders instead.
Formulas that failed are remembered in memory only (a later release may draw
them), and so are those drawn with missing glyphs (a CJK font may be
installed later).
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quizdesk.core.paths import bundle_root
from quizdesk.core.render.math_image import MathError, MathImage
from quizdesk.core.render.records import read_record, record_path, write_record

#: Folder of the bundle (beside content/) holding the bundled bank's formulas,
#: drawn when the bundle was built (packaging/predraw.py); read-only.
BUNDLED_CACHE_FOLDER = "math-cache"

#: Bump when QuizDesk's own drawing of formulas changes (tex_rules, math_svg, cjk_fallback ...).
RENDERER_REVISION = 2
#: The packages that draw a formula: LaTeX → MathML → layout → glyph outlines.
DRAWING_PACKAGES = ("ziamath", "ziafont", "latex2mathml")


def installed_version(package: str) -> str:
    """``package``'s version without importing it (importing ziamath costs ~160 ms,
    importlib.metadata ~70 ms): the name of its ``<name>-<version>.dist-info``
    folder beside it. Imports the package only when that folder is not there or
    not alone (then ``__version__``); "missing" when the package is not installed."""
    spec = importlib.util.find_spec(package)
    if spec is None:
        return "missing"
    prefix, suffix = f"{package}-", ".dist-info"
    # Installed: beside the package. In the bundle: at its root (the spec copies the metadata).
    folders = [os.path.dirname(location) for location in spec.submodule_search_locations or ()] + [str(bundle_root())]
    for folder in folders:
        infos = [name for name in _names_in(folder) if name.startswith(prefix) and name.endswith(suffix)]
        if len(infos) == 1:
            return infos[0][len(prefix) : -len(suffix)]
    return str(getattr(importlib.import_module(package), "__version__", "?"))


@functools.lru_cache(maxsize=8)
def _names_in(folder: str) -> tuple[str, ...]:
    try:
        return tuple(os.listdir(folder))
    except OSError:
        return ()


RENDERER_VERSION = f"{RENDERER_REVISION}/" + "/".join(f"{p}-{installed_version(p)}" for p in DRAWING_PACKAGES)


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


def bundled_cache_dirs() -> tuple[Path, ...]:
    """The bundle's pre-drawn formula folder, when this installation has one."""
    folder = bundle_root() / BUNDLED_CACHE_FOLDER
    return (folder,) if folder.is_dir() else ()


class MathCache:
    """Memory LRU of ``max_items`` formulas, then the ``read_only`` folders in order
    (never written), then ``directory`` (where new drawings are kept) when given."""

    def __init__(self, directory: Path | None = None, *, max_items: int = 2000,
                 read_only: Sequence[Path] = ()) -> None:
        self.directory = directory
        self.read_only = tuple(read_only)
        self.max_items = max_items
        self._memory: OrderedDict[str, Entry] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.disk_hits = self.misses = 0

    def peek(self, key: MathKey) -> Entry | None:
        """The entry for ``key`` if it is in memory (no file is read)."""
        digest = key.digest
        with self._lock:
            entry = self._memory.get(digest)
            if entry is not None:
                self._memory.move_to_end(digest)
                self.hits += 1
            return entry

    def get(self, key: MathKey) -> Entry | None:
        """The entry for ``key`` from memory, else from the folders (read-only ones first)."""
        entry = self.peek(key)
        if entry is not None:
            return entry
        digest = key.digest
        image = None
        for folder in (*self.read_only, self.directory):
            if folder is not None and (image := self._read(folder, digest)) is not None:
                break
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

    @staticmethod
    def _path(folder: Path, digest: str) -> Path:
        return record_path(folder, digest)

    def _read(self, folder: Path, digest: str) -> MathImage | None:
        record = read_record(self._path(folder, digest))
        try:
            return MathImage(
                svg=record["svg"].encode("utf-8"),
                width=float(record["width"]),
                ascent=float(record["ascent"]),
                depth=float(record["depth"]),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def _write(self, digest: str, image: MathImage) -> None:
        if self.directory is None:
            return
        record = {"svg": image.svg.decode("utf-8"), "width": image.width, "ascent": image.ascent, "depth": image.depth}
        write_record(self._path(self.directory, digest), record)  # a read-only or full disk only costs speed


#: The app's formulas: memory, then the bundle's pre-drawn ones, then the user's
#: folder (``answer_cache.enable_disk_caches``).
default_cache = MathCache(read_only=bundled_cache_dirs())

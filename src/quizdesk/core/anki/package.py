"""Opening an ``.apkg`` / ``.colpkg`` safely: the zip, its collection and its media map.

A package is a zip holding ``collection.anki21b`` (zstd-compressed SQLite,
Anki 2.1.50+), ``collection.anki21`` or ``collection.anki2`` (plain SQLite),
a ``media`` map and the media files named ``0``, ``1``, … Newer packages keep a
dummy ``collection.anki2`` beside the real one, so the newest format present
wins. Everything read is size-capped (a zip bomb or a zstd bomb stops at the
cap with a clear error) and no name from the package is ever used as a path.
"""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from quizdesk.core.anki.errors import AnkiPackageError
from quizdesk.core.anki.protobuf import MediaEntry, media_entries, package_version

COLLECTION_NAMES = ("collection.anki21b", "collection.anki21", "collection.anki2")
PACKAGE_SUFFIXES = (".apkg", ".colpkg")
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
ZIP_MAGIC = b"PK\x03\x04"
#: The collection, once decompressed (a 10,000-card collection with history is ~20 MB).
MAX_COLLECTION_BYTES = 2 * 1024**3
#: One media file, and the media map.
MAX_MEDIA_BYTES = 20 * 1024 * 1024
MAX_MAP_BYTES = 64 * 1024 * 1024
MAX_ENTRIES = 500_000
LATEST_VERSION = 3


def is_anki_package(path: Path) -> bool:
    """By extension, or by content: a zip holding an Anki collection."""
    if path.suffix.lower() in PACKAGE_SUFFIXES:
        return True
    try:
        with path.open("rb") as handle:
            if handle.read(4) != ZIP_MAGIC:
                return False
        with zipfile.ZipFile(path) as archive:
            return any(name in archive.NameToInfo for name in COLLECTION_NAMES)
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def _copy_capped(source: IO[bytes], target: IO[bytes], cap: int, what: str) -> int:
    written = 0
    while True:
        chunk = source.read(1 << 20)
        if not chunk:
            return written
        written += len(chunk)
        if written > cap:
            raise AnkiPackageError(f"{what} is larger than {cap // (1024 * 1024)} MB once unpacked; not imported")
        target.write(chunk)


def _zstd_reader(raw: IO[bytes]) -> IO[bytes]:
    import zstandard

    return cast(IO[bytes], zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True))


@dataclass
class OpenedPackage:
    """A package opened for reading; :meth:`close` removes its temporary files."""

    path: Path
    archive: zipfile.ZipFile
    workdir: Path
    collection: Path  # the plain SQLite file, in ``workdir``
    collection_name: str
    version: int
    media: list[MediaEntry]

    def connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(f"file:{self.collection}?mode=ro", uri=True)
        connection.text_factory = lambda b: b.decode("utf-8", "replace")
        return connection

    def read_media(self, entry: MediaEntry, target: Path) -> bool:
        """Write the media file of ``entry`` to ``target``; False when the package lacks it or it is too big."""
        info = self.archive.NameToInfo.get(entry.zip_name)
        if info is None or info.flag_bits & 0x1:
            return False
        try:
            with self.archive.open(info) as raw:
                head = raw.read(4)
                stream: IO[bytes] = _Prefixed(head, raw)
                if head == ZSTD_MAGIC and self.version >= LATEST_VERSION:
                    stream = _zstd_reader(stream)
                with target.open("wb") as out:
                    _copy_capped(stream, out, MAX_MEDIA_BYTES, f"media file {entry.name!r}")
        except (AnkiPackageError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            target.unlink(missing_ok=True)
            if isinstance(exc, OSError) and not isinstance(exc, (zipfile.BadZipFile,)) and exc.errno is not None:
                raise  # our own disk (full, read-only): not the package's fault
            return False
        except Exception:  # zstd's own error for a damaged frame
            target.unlink(missing_ok=True)
            return False
        return True

    def close(self) -> None:
        self.archive.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


class _Prefixed(io.RawIOBase, IO[bytes]):
    """A stream that first gives back bytes already read from it (the format's magic number)."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        head, self._head = self._head, b""
        if size is None or size < 0:
            return head + self._rest.read()
        if len(head) >= size:
            self._head = head[size:]
            return head[:size]
        return head + self._rest.read(size - len(head))


def _read_map(archive: zipfile.ZipFile, version: int) -> list[MediaEntry]:
    info = archive.NameToInfo.get("media")
    if info is None:
        return []
    with archive.open(info) as raw:
        buffer = io.BytesIO()
        head = raw.read(4)
        source: IO[bytes] = _Prefixed(head, raw)
        if head == ZSTD_MAGIC:
            source = _zstd_reader(source)
        _copy_capped(source, buffer, MAX_MAP_BYTES, "the media list")
    data = buffer.getvalue()
    if not data.strip():
        return []
    if head == ZSTD_MAGIC or version >= LATEST_VERSION:
        return media_entries(data)
    try:
        mapping = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise AnkiPackageError("damaged package: its media list is neither JSON nor Anki's current format") from None
    if not isinstance(mapping, dict):
        raise AnkiPackageError("damaged package: its media list is not a map of numbers to names")
    return [MediaEntry(str(name), 0, str(key)) for key, name in mapping.items()]


def open_package(path: Path, workdir: Path) -> OpenedPackage:
    """Check and unpack ``path`` into ``workdir`` (which the caller created; :meth:`close` removes it).

    Raises :class:`AnkiPackageError` with what is wrong.
    """
    display = path.name
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
    except OSError as exc:
        raise AnkiPackageError(f"{display}: cannot be read ({exc.strerror or exc})") from None
    if magic != ZIP_MAGIC:
        raise AnkiPackageError(f"{display}: not an Anki package (.apkg/.colpkg files are zip archives; this one is not)")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise AnkiPackageError(f"{display}: damaged package (the zip cannot be read: {exc})") from None
    try:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise AnkiPackageError(f"{display}: {len(infos):,} files inside; not an Anki package QuizDesk can read")
        if any(info.flag_bits & 0x1 for info in infos):
            raise AnkiPackageError(f"{display}: the package is encrypted (password-protected); export it again from Anki without a password")
        name = next((n for n in COLLECTION_NAMES if n in archive.NameToInfo), None)
        if name is None:
            raise AnkiPackageError(
                f"{display}: no Anki collection inside (expected collection.anki21b, collection.anki21 or collection.anki2)"
            )
        version = 0
        if "meta" in archive.NameToInfo:
            with archive.open("meta") as meta:
                version = package_version(meta.read(4096))
        if version > LATEST_VERSION:
            raise AnkiPackageError(f"{display}: made by a newer Anki (package version {version}); update QuizDesk or export with 'Support older Anki versions'")
        target = workdir / "collection.sqlite"
        with archive.open(name) as raw, target.open("wb") as out:
            source: IO[bytes] = raw
            if name.endswith("anki21b"):
                source = _zstd_reader(raw)
            size = _copy_capped(source, out, MAX_COLLECTION_BYTES, "the collection")
        if size == 0:
            raise AnkiPackageError(f"{display}: damaged package (its collection is empty)")
        media = _read_map(archive, version)
    except AnkiPackageError:
        archive.close()
        raise
    except (zipfile.BadZipFile, EOFError, ValueError, RuntimeError, NotImplementedError) as exc:
        archive.close()
        raise AnkiPackageError(f"{display}: damaged package ({exc})") from None
    except OSError as exc:
        archive.close()
        if exc.errno is None:
            raise AnkiPackageError(f"{display}: damaged package ({exc})") from None
        raise
    except Exception as exc:  # zstandard.ZstdError: a truncated or damaged compressed collection
        archive.close()
        raise AnkiPackageError(f"{display}: damaged package (the compressed collection cannot be read: {exc})") from None
    return OpenedPackage(path, archive, workdir, target, name, version, media)

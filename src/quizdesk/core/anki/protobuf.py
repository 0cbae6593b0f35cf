"""Just enough protobuf to read Anki's media map and package metadata, without a protobuf dependency.

Anki 2.1.50+ writes ``meta`` (``PackageMetadata {Version version = 1}``) and a
zstd-compressed ``media`` (``MediaEntries {repeated MediaEntry entries = 1}``,
``MediaEntry {string name = 1; uint32 size = 2; bytes sha1 = 3;
optional uint32 legacy_zip_filename = 255}``). Unknown fields are skipped, as
protobuf readers do.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from quizdesk.core.anki.errors import AnkiPackageError


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise AnkiPackageError("damaged package: a truncated number in its media list")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, pos
        shift += 7


def fields(data: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) for each field: an int for varints, bytes for length-delimited ones."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
            yield number, value
        elif wire == 2:
            length, pos = _varint(data, pos)
            if pos + length > len(data):
                raise AnkiPackageError("damaged package: its media list is cut short")
            yield number, data[pos : pos + length]
            pos += length
        elif wire == 1:
            pos += 8
        elif wire == 5:
            pos += 4
        else:
            raise AnkiPackageError(f"damaged package: unknown protobuf wire type {wire}")


@dataclass(frozen=True)
class MediaEntry:
    name: str
    size: int
    zip_name: str  # the entry in the zip holding the file


def media_entries(data: bytes) -> list[MediaEntry]:
    out: list[MediaEntry] = []
    for number, value in fields(data):
        if number != 1 or not isinstance(value, bytes):
            continue
        name, size, legacy = "", 0, None
        for inner, inner_value in fields(value):
            if inner == 1 and isinstance(inner_value, bytes):
                name = inner_value.decode("utf-8", "replace")
            elif inner == 2 and isinstance(inner_value, int):
                size = inner_value
            elif inner == 255 and isinstance(inner_value, int):
                legacy = inner_value
        index = len(out)
        out.append(MediaEntry(name, size, str(legacy if legacy is not None else index)))
    return out


def package_version(data: bytes) -> int:
    """``PackageMetadata.version``: 1 legacy (anki2), 2 legacy (anki21), 3 latest (anki21b); 0 unknown."""
    for number, value in fields(data):
        if number == 1 and isinstance(value, int):
            return value
    return 0

"""Load a CJK font with ziafont: TrueType collections and CID-keyed CFF outlines.

ziafont reads single-font files with ``glyf`` or name-keyed ``CFF`` outlines.
The CJK fonts people actually have are mostly collections (``.ttc``: Noto CJK,
Source Han, WenQuanYi, msyh, PingFang) and the Adobe-made ones use CID-keyed
CFF, where each glyph picks its private dictionary (local subroutines, default
and nominal widths) through FDSelect. :class:`CjkFont` adds both, and skips the
GSUB/GPOS tables we never use for fallback glyphs (they are large in CJK fonts
and slow to parse).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ziafont
from ziafont.fonttypes import Table
from ziafont.glyph import SimpleGlyph
from ziafont.glyphcff import CFF, charstr2path, readdict

_ROS = 0x0C1E
_FDARRAY = 0x0C24
_FDSELECT = 0x0C25


def collection_offsets(data: bytes) -> list[int]:
    """Offsets of the fonts in a collection, or ``[0]`` for a single font."""
    if data[:4] != b"ttcf":
        return [0]
    (count,) = struct.unpack_from(">I", data, 8)
    return list(struct.unpack_from(f">{count}I", data, 12))


def _name_records(data: bytes, start: int) -> list[str]:
    """The family/full names (IDs 1, 4) of the font starting at ``start``."""
    (numtables,) = struct.unpack_from(">H", data, start + 4)
    for i in range(numtables):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, start + 12 + 16 * i)
        if tag != b"name":
            continue
        _fmt, count, stroff = struct.unpack_from(">HHH", data, offset)
        names = []
        for j in range(count):
            platform, _enc, _lang, name_id, length, noff = struct.unpack_from(">HHHHHH", data, offset + 6 + 12 * j)
            if name_id in (1, 4) and platform in (0, 3):
                raw = data[offset + stroff + noff : offset + stroff + noff + length]
                names.append(raw.decode("utf-16-be", errors="replace"))
        return names
    return []


def pick_collection_index(data: bytes, prefer: tuple[str, ...] = ("SC", "CN", "GB", "Hans")) -> int:
    """The member of a collection meant for Simplified Chinese, else the first."""
    offsets = collection_offsets(data)
    if len(offsets) == 1:
        return 0
    for wanted in prefer:
        for index, start in enumerate(offsets):
            names = _name_records(data, start)
            # "Mono" members of Noto CJK have narrow Latin; irrelevant for CJK but avoid them.
            if any(wanted in n.split() or n.endswith(" " + wanted) for n in names) and not any("Mono" in n for n in names):
                return index
    for index, start in enumerate(offsets):  # Microsoft YaHei: "Microsoft YaHei" before "... UI"
        if not any(" UI" in n for n in _name_records(data, start)):
            return index
    return 0


@dataclass
class _PrivateView:
    """What ziafont's charstring interpreter reads from a CFF, for one font dict."""

    globalsub: list[bytes]
    topdict: dict[str, Any]
    localsubs: list[bytes] = field(default_factory=list)
    defaultwidth: float = 0
    nominalwidth: float = 0


class CidCFF(CFF):
    """A CFF table that may be CID-keyed (FDArray + FDSelect)."""

    def read_topdict(self, d: dict[Any, Any]) -> dict[str, Any]:
        ros = d.pop(_ROS, None)
        fdarray = d.pop(_FDARRAY, None)
        fdselect = d.pop(_FDSELECT, None)
        result: dict[str, Any] = super().read_topdict(d)
        if ros is not None:
            result.update(ROS=ros, FDArray=fdarray, FDSelect=fdselect)
        return result

    def set_topdict(self, idx: int = 0) -> None:
        topdict = self.topdicts[idx]
        self.topdict = topdict
        if "ROS" not in topdict:
            super().set_topdict(idx)
            self._views = [self._view(self.privatedict, self.localsubs)]
            self._fd_of: bytes | list[int] | None = None
            return
        self.charstr_index = self.readindex(self.cffofst + topdict["charstrings"])
        self.nglyphs = len(self.charstr_index)
        self.localsubs = []
        self.privatedict = {}
        self._views = []
        for fd_bytes in self.readindex(self.cffofst + int(topdict["FDArray"])):
            fd = self.read_topdict(readdict(fd_bytes))
            size, offset = fd["private"]
            start = self.cffofst + int(offset)
            self.fontfile.seek(start)
            private = self.read_topdict(readdict(self.fontfile.read(int(size))))
            subrs = self.readindex(start + int(private["subrs"])) if "subrs" in private else []
            self._views.append(self._view(private, subrs))
        self._fd_of = self._read_fdselect(self.cffofst + int(topdict["FDSelect"]))

    def _view(self, private: dict[str, Any], subrs: list[bytes]) -> _PrivateView:
        return _PrivateView(
            globalsub=self.globalsub,
            topdict=self.topdict,
            localsubs=subrs,
            defaultwidth=private.get("defaultwidthx", 0),
            nominalwidth=private.get("nominalwidthx", 0),
        )

    def _read_fdselect(self, offset: int) -> bytes | list[int]:
        f = self.fontfile
        fmt = f.readuint8(offset)
        if fmt == 0:
            return f.read(self.nglyphs)
        if fmt != 3:
            raise ValueError(f"unsupported FDSelect format {fmt}")
        nranges = f.readuint16()
        firsts, fds = [], []
        for _ in range(nranges):
            firsts.append(f.readuint16())
            fds.append(f.readuint8())
        sentinel = f.readuint16()
        table = [0] * max(self.nglyphs, sentinel)
        for i, first in enumerate(firsts):
            end = firsts[i + 1] if i + 1 < nranges else sentinel
            table[first:end] = [fds[i]] * (end - first)
        return table

    def view_for(self, glyphid: int) -> _PrivateView:
        if self._fd_of is None:
            return self._views[0]
        return self._views[self._fd_of[glyphid]]


class CjkFont(ziafont.Font):
    """A ziafont ``Font`` for one member of a (possibly) collection file.

    Only what fallback glyphs need is read: outlines, advances, cmap, names.
    """

    def __init__(self, path: str | Path, index: int | None = None) -> None:
        self._collection_index = index
        self._cff_table: Table | None = None
        super().__init__(path)
        if self._cff_table is not None:
            self.tables["CFF "] = self._cff_table
            self.cffdata = CidCFF(self)

    def _readtables(self) -> None:
        data = self.fontfile.getvalue()
        if self._collection_index is None:
            self._collection_index = pick_collection_index(data)
        start = collection_offsets(data)[self._collection_index]
        (numtables,) = struct.unpack_from(">H", data, start + 4)
        self.tables = {}
        for i in range(numtables):
            tag, checksum, offset, length = struct.unpack_from(">4sIII", data, start + 12 + 16 * i)
            self.tables[tag.decode("latin-1")] = Table(checksum=checksum, offset=offset, length=length)
        if "glyf" not in self.tables and "CFF " not in self.tables:
            raise ValueError("unsupported font (no glyf or CFF outlines)")
        # Hidden from ziafont's loader: its CFF reader rejects CID fonts, and
        # shaping tables are not needed for single fallback glyphs.
        self._cff_table = self.tables.pop("CFF ", None)
        self.tables.pop("GSUB", None)
        self.tables.pop("GPOS", None)

    def glyph_fromid(self, glyphid: int) -> SimpleGlyph:
        glyph = self._glyphs.get(glyphid)
        if glyph is None:
            if isinstance(self.cffdata, CidCFF):
                view = self.cffdata.view_for(glyphid)
                ops, _width, bbox = charstr2path(self.cffdata.charstr_index[glyphid], view)  # type: ignore[arg-type]
                glyph = SimpleGlyph(glyphid, ops, bbox, self)
                self._glyphs[glyphid] = glyph
            else:
                glyph = super().glyph_fromid(glyphid)
        return glyph

    def has_char(self, char: str) -> bool:
        return self.glyphindex(char) != 0

    @property
    def units_per_em(self) -> int:
        return int(self.info.layout.unitsperem)

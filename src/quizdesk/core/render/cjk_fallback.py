"""Glyphs ziamath's math font lacks (CJK in ``\\text{…}``) come from a system CJK font.

ziamath draws ``\\text`` with STIX Two Math, which has no CJK, and its
``config.text.textfont`` only affects ``ziamath.Text``, not formulas. So we
hook :meth:`ziamath.mathfont.MathFont.findglyph` (through
core/render/ziamath_patches.py, which holds every ziamath patch), the one place every node
asks for a glyph: when the math font maps a character to glyph 0 (.notdef),
the glyph comes from the first CJK font found on the system, scaled into the
math font's units. Characters no font has are recorded so the renderer can
report them; they still draw as the math font's .notdef box.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ziafont.fonttypes import BBox
from ziafont.glyph import SimpleGlyph
from ziamath.mathfont import MathFont

from quizdesk.core.render import ziamath_patches
from quizdesk.core.render.cjk_font import CjkFont

log = logging.getLogger(__name__)

ENV_FONT = "QUIZDESK_CJK_FONT"

# Regular weights, Simplified Chinese first; sans first, because the answer text
# around a formula is drawn by Qt with a sans CJK font.
KNOWN_FILES = (
    "NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf", "NotoSansSC-Regular.ttf",
    "SourceHanSans-Regular.ttc", "SourceHanSansSC-Regular.otf", "SourceHanSansCN-Regular.otf",
    "NotoSerifCJK-Regular.ttc", "NotoSerifCJKsc-Regular.otf", "SourceHanSerif-Regular.ttc",
    "SourceHanSerifSC-Regular.otf", "SourceHanSerifCN-Regular.otf",
    "wqy-microhei.ttc", "wqy-zenhei.ttc",
    "msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc",
    "PingFang.ttc", "Hiragino Sans GB.ttc", "STHeiti Medium.ttc", "STHeiti Light.ttc",
    "Arial Unicode.ttf", "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf",
)
# Region of a CJK font file's name: Simplified Chinese first, the other regions'
# forms (Japanese 直, Traditional 骨 …) last. Names are split into words at
# separators, at camel case and after "CJK": SourceHanSansSC, NotoSansCJKjp.
_NAME_WORDS = re.compile(r"[-_ .]|(?<=[a-z])(?=[A-Z])|(?<=[cC][jJ][kK])")
_SIMPLIFIED = frozenset({"sc", "cn", "gb", "hans", "zh", "chs"})
_OTHER_REGION = frozenset({"jp", "ja", "kr", "ko", "tc", "hk", "tw", "hant", "cht"})
_NAME_HINT = re.compile(r"cjk|sc-|hans|wqy|msyh|pingfang|heiti|simhei|yahei|sourcehan|droidsansfallback", re.I)


def font_dirs() -> list[Path]:
    """Folders fonts are installed in on this platform, including fontconfig's."""
    home = Path.home()
    if sys.platform == "win32":
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    dirs = []
    if sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                 Path("/Library/Fonts"), home / "Library" / "Fonts"]
    dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts", home / ".fonts"]
    dirs += _fontconfig_dirs(Path("/etc/fonts/fonts.conf"))
    seen: list[Path] = []
    for d in dirs:
        if d not in seen:
            seen.append(d)
    return seen


def _fontconfig_dirs(conf: Path, depth: int = 0) -> list[Path]:
    try:
        text = conf.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    dirs = [Path(os.path.expanduser(d.strip())) for d in re.findall(r"<dir[^>]*>([^<]+)</dir>", text)]
    if depth < 2:  # conf.d includes, but never loop
        for inc in re.findall(r"<include[^>]*>([^<]+)</include>", text):
            target = (conf.parent / os.path.expanduser(inc.strip())).resolve()
            files = sorted(target.glob("*.conf")) if target.is_dir() else [target]
            for f in files:
                dirs += _fontconfig_dirs(f, depth + 1)
    return dirs


def candidate_fonts() -> Iterator[Path]:
    """CJK-capable font files, best first: $QUIZDESK_CJK_FONT, known names, fc-list, a name scan."""
    env = os.environ.get(ENV_FONT)
    if env:
        yield Path(env)
    dirs = [d for d in font_dirs() if d.is_dir()]
    by_name: dict[str, list[Path]] = {}
    scanned: list[Path] = []
    for d in dirs:
        for root, _sub, files in os.walk(d):
            for name in files:
                path = Path(root, name)
                by_name.setdefault(name.lower(), []).append(path)
                if _NAME_HINT.search(name) and name.lower().endswith((".ttc", ".otf", ".ttf")):
                    scanned.append(path)
    for known in KNOWN_FILES:
        yield from by_name.get(known.lower(), [])
    yield from _fc_list()
    yield from sorted(scanned, key=_preference)


def _region_rank(stem: str) -> int:
    words = {word.lower() for word in _NAME_WORDS.split(stem)}
    return 0 if words & _SIMPLIFIED else 2 if words & _OTHER_REGION else 1


def _preference(path: Path) -> tuple[int, bool, bool, str]:
    """Sort key: Simplified Chinese, then regular weight, then the name."""
    name = path.name.lower()
    return (_region_rank(path.stem), "regular" not in name, "bold" in name, path.name)


def _fc_list() -> list[Path]:
    exe = shutil.which("fc-list")
    if not exe:
        return []
    try:
        out = subprocess.run([exe, ":lang=zh", "file"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    paths = [Path(line.split(":")[0].strip()) for line in out.splitlines() if line.strip()]
    return sorted((p for p in paths if p.suffix.lower() in {".ttc", ".otf", ".ttf"}), key=_preference)


class FallbackGlyph(SimpleGlyph):
    """A glyph from the fallback font, presented in the math font's units.

    ziamath mixes ``glyph.advance()`` and ``glyph.bbox`` with the math font's
    units-per-em, so the outline is scaled here. Its index is 0 so that ziamath's
    kerning and italic-correction lookups (indexed by math-font glyph ids) skip it.
    """

    def __init__(self, source: SimpleGlyph, math_font: MathFont, size: float = 1.0) -> None:
        self._scale = size * math_font.info.layout.unitsperem / source.font.info.layout.unitsperem
        k = self._scale
        bbox = BBox(source.bbox.xmin * k, source.bbox.xmax * k, source.bbox.ymin * k, source.bbox.ymax * k)
        super().__init__(0, source.operators, bbox, math_font)
        self.id = f"cjk_{source.index}"
        self._advance = round(source.advance() * k)

    def advance(self, nextchr: SimpleGlyph | None = None) -> int:
        return self._advance

    def svgpath(self, x0: float = 0, y0: float = 0, scale_factor: float = 1) -> Any:
        scale = self.funits_to_points(1, scale_factor) * self._scale
        path = ""
        for operator in self.operators:
            segment = operator.path(x0, y0, scale=scale)
            if segment[0] == "M" and path:
                path += "Z "
            path += segment
        if not path:
            return None
        return ET.Element("path", attrib={"d": path + "Z "})


class _State(threading.local):
    missing: dict[str, None] | None = None  # an ordered set
    # Fallback glyphs relative to the formula size: formulas are drawn larger
    # than the text to match Latin x-heights, CJK should match the text's CJK.
    size = 1.0


_state = _State()
_lock = threading.Lock()
_font: CjkFont | None = None
_font_searched = False
_font_error: str | None = None


def fallback_font() -> CjkFont | None:
    """The CJK fallback font (searched for and loaded once), or None."""
    global _font, _font_searched, _font_error
    with _lock:
        if not _font_searched:
            _font_searched = True
            tried = []
            for path in candidate_fonts():
                try:
                    font = CjkFont(path)
                except Exception as exc:  # any unreadable font: try the next one
                    tried.append(f"{path}: {exc}")
                    continue
                if font.has_char("中"):
                    _font = font
                    log.info("CJK fallback font for formulas: %s", path)
                    break
                tried.append(f"{path}: no CJK glyphs")
            if _font is None:
                _font_error = "no CJK font found" + (f" (tried {len(tried)})" if tried else "")
        return _font


def font_status() -> str:
    """Human-readable: which fallback font formulas use, or why none."""
    font = fallback_font()
    if font is None:
        return _font_error or "no CJK font found"
    return f"{font.info.names.family} ({font.fname})"


def reset_for_tests(font: CjkFont | None = None, *, searched: bool = False) -> None:
    """Forget the chosen font (tests simulate machines with and without one)."""
    global _font, _font_searched
    with _lock:
        _font, _font_searched = font, searched
        _fallback_glyph.cache_clear()


@functools.lru_cache(maxsize=4096)
def _fallback_glyph(char: str, math_font: MathFont, size: float) -> SimpleGlyph | None:
    font = fallback_font()
    if font is None or not font.has_char(char):
        return None
    return FallbackGlyph(font.glyph(char), math_font, size)


def _findglyph(self: MathFont, char: str, variant: Any) -> SimpleGlyph:
    glyph: SimpleGlyph = ziamath_patches.original_findglyph(self, char, variant)
    if glyph.index == 0 and not char.isspace() and char.isprintable():
        fallback = _fallback_glyph(char, self, _state.size)
        if fallback is not None:
            return fallback
        if _state.missing is not None:
            _state.missing.setdefault(char)
    return glyph


def install() -> None:
    """Route missing math-font glyphs to the fallback font (idempotent)."""
    ziamath_patches.replace_findglyph(_findglyph)


@contextmanager
def recording_missing(size: float = 1.0) -> Iterator[dict[str, None]]:
    """Collect characters that no font could draw while the block runs, in order;
    fallback glyphs are drawn at ``size`` times the formula's font size."""
    missing: dict[str, None] = {}
    previous, _state.missing = _state.missing, missing
    previous_size, _state.size = _state.size, round(size, 3)
    try:
        yield missing
    finally:
        _state.missing, _state.size = previous, previous_size

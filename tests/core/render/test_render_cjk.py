"""CJK inside \\text{} draws real glyphs from a system CJK font, or is reported when none exists."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from ziafont.svgpath import Moveto

from quizdesk.core.render import MathCache, render_markdown
from quizdesk.core.render import cjk_fallback
from quizdesk.core.render.cjk_font import CjkFont, collection_offsets
from quizdesk.core.render.math_svg import render_tex

FONT = cjk_fallback.fallback_font()
needs_cjk_font = pytest.mark.skipif(
    FONT is None, reason="no CJK font on this machine (install fonts-noto-cjk); " + cjk_fallback.font_status()
)


@pytest.fixture
def no_cjk_font() -> Iterator[None]:
    """Simulate a machine without any CJK font."""
    cjk_fallback.reset_for_tests(None, searched=True)
    yield
    cjk_fallback.reset_for_tests()


def path_data(svg: bytes) -> list[str]:
    return re.findall(r'<path d="([^"]+)"', svg.decode())


@needs_cjk_font
def test_cjk_text_uses_the_fallback_font_glyphs() -> None:
    assert FONT is not None
    image = render_tex(r"\text{中}", display=False, size_px=20, color="#000000")
    assert image.missing_glyphs == ""
    (d,) = path_data(image.svg)
    contours = sum(isinstance(op, Moveto) for op in FONT.glyph("中").operators)
    assert d.count("M") == contours  # the CJK outline, not the math font's .notdef box


@needs_cjk_font
def test_cjk_glyphs_are_drawn_not_notdef(no_cjk_font: None) -> None:
    notdef = render_tex(r"\text{损失函数}", display=False, size_px=20, color="#000000")
    assert notdef.missing_glyphs == "损失函数"
    cjk_fallback.reset_for_tests()
    real = render_tex(r"\text{损失函数}", display=False, size_px=20, color="#000000")
    ascii_only = render_tex(r"\text{abcd}", display=False, size_px=20, color="#000000")
    assert real.missing_glyphs == ""
    assert set(path_data(real.svg)).isdisjoint(path_data(notdef.svg))
    def commands(svg: bytes) -> int:
        return sum(len(re.findall(r"[MLCQ] ", d)) for d in path_data(svg))

    assert commands(real.svg) > commands(ascii_only.svg)  # CJK outlines are richer than Latin ones


@needs_cjk_font
def test_cjk_formula_in_an_answer_reports_no_problem() -> None:
    answer = render_markdown(r"$$\text{损失} = -\sum_i y_i \log p_i$$", cache=MathCache())
    assert answer.problems == ()
    assert len(answer.images) == 1


def test_without_a_cjk_font_the_formula_renders_and_a_warning_is_reported(no_cjk_font: None) -> None:
    answer = render_markdown(r"公式 $\text{损失} + x$", cache=MathCache())
    assert len(answer.images) == 1  # still drawn
    assert [(p.kind, p.source) for p in answer.problems] == [("font", r"$\text{损失} + x$")]
    assert "损失" in answer.problems[0].message


@needs_cjk_font
def test_collection_member_for_simplified_chinese_is_chosen() -> None:
    assert FONT is not None and FONT.fname is not None
    data = Path(FONT.fname).read_bytes()
    if len(collection_offsets(data)) > 1:
        names = " ".join(FONT.info.names)
        assert any(tag in names for tag in ("SC", "GB", "CN", "Hans")), names


@needs_cjk_font
def test_font_loads_from_the_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    assert FONT is not None and FONT.fname is not None
    monkeypatch.setenv(cjk_fallback.ENV_FONT, str(FONT.fname))
    assert next(iter(cjk_fallback.candidate_fonts())) == Path(FONT.fname)
    font = CjkFont(FONT.fname)
    assert font.has_char("中") and not font.has_char("\U0010fffd")


def test_font_files_for_simplified_chinese_are_tried_before_other_regions(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Names the known-file list does not hold, so the folder scan and fc-list decide.
    names = ["SourceHanSansJP-Normal.otf", "SourceHanSansTC-Normal.otf", "SourceHanSansSC-Normal.otf", "NotoSansCJKkr-Regular.otf"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    monkeypatch.delenv(cjk_fallback.ENV_FONT, raising=False)
    monkeypatch.setattr(cjk_fallback, "font_dirs", lambda: [tmp_path])
    monkeypatch.setattr(cjk_fallback, "_fc_list", lambda: [])
    assert [p.name for p in cjk_fallback.candidate_fonts()][0] == "SourceHanSansSC-Normal.otf"
    listed = sorted((tmp_path / name for name in names), key=cjk_fallback._preference)
    assert listed[0].name == "SourceHanSansSC-Normal.otf"


DEJAVU = [Path("/usr/share/fonts/truetype/dejavu") / name for name in ("DejaVuSans.ttf", "DejaVuSerif.ttf")]
needs_dejavu = pytest.mark.skipif(not all(p.exists() for p in DEJAVU), reason="DejaVu fonts not installed")


def _make_collection(fonts: list[bytes]) -> bytes:
    """A TrueType collection of ``fonts`` (what msyh.ttc and wqy-zenhei.ttc are)."""
    import struct

    header_size = 12 + 4 * len(fonts)
    parts: list[bytes] = []
    offsets: list[int] = []
    position = header_size
    for data in fonts:
        numtables = struct.unpack_from(">H", data, 4)[0]
        records = [struct.unpack_from(">4sIII", data, 12 + 16 * i) for i in range(numtables)]
        directory_size = 12 + 16 * numtables
        offsets.append(position)
        table_position = position + directory_size
        directory = bytearray(data[:12])
        blobs = b""
        for tag, checksum, offset, length in records:
            directory += struct.pack(">4sIII", tag, checksum, table_position + len(blobs), length)
            blob = data[offset : offset + length]
            blobs += blob + b"\0" * (-len(blob) % 4)
        parts.append(bytes(directory) + blobs)
        position += directory_size + len(blobs)
    header = struct.pack(">4sII", b"ttcf", 0x00010000, len(fonts)) + struct.pack(f">{len(fonts)}I", *offsets)
    return header + b"".join(parts)


@needs_dejavu
def test_truetype_collections_load_the_chosen_member(tmp_path: Path) -> None:
    ttc = tmp_path / "pair.ttc"
    ttc.write_bytes(_make_collection([p.read_bytes() for p in DEJAVU]))
    assert CjkFont(ttc).info.names.family == "DejaVu Sans"  # no SC member: the first one
    serif = CjkFont(ttc, index=1)
    assert serif.info.names.family == "DejaVu Serif"
    assert serif.glyph("A").operators


@needs_dejavu
def test_fallback_glyphs_are_scaled_into_math_font_units() -> None:
    import ziamath

    math_font = ziamath.zmath.loadedfonts["default"]
    dejavu = CjkFont(DEJAVU[0])  # 2048 units per em; STIX Two Math has 1000
    source = dejavu.glyph("A")
    glyph = cjk_fallback.FallbackGlyph(source, math_font)
    k = 1000 / 2048
    assert glyph.advance() == round(source.advance() * k)
    assert glyph.bbox.xmax == pytest.approx(source.bbox.xmax * k)
    assert glyph.index == 0  # keeps ziamath's math-font kerning tables out of it

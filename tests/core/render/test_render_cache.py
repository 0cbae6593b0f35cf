"""The formula cache: memory LRU, on-disk persistence, keys, damaged files."""

from __future__ import annotations

from pathlib import Path

from quizdesk.core.render import MathCache, render_markdown
from quizdesk.core.render.math_cache import MathKey
from quizdesk.core.render.math_svg import MathError, MathImage


def image(tag: str = "x") -> MathImage:
    return MathImage(svg=f"<svg>{tag}</svg>".encode(), width=3.0, ascent=2.0, depth=1.0)


def test_key_covers_source_mode_size_and_colour() -> None:
    base = MathKey("x", False, 16.0, "#000")
    variants = [MathKey("y", False, 16.0, "#000"), MathKey("x", True, 16.0, "#000"),
                MathKey("x", False, 17.0, "#000"), MathKey("x", False, 16.0, "#fff")]
    assert len({base.digest, *(v.digest for v in variants)}) == 5


def test_memory_lru_evicts_the_least_recently_used() -> None:
    cache = MathCache(max_items=2)
    a, b, c = (MathKey(t, False, 16, "#000") for t in "abc")
    cache.put(a, image("a"))
    cache.put(b, image("b"))
    assert cache.get(a) is not None  # a is now the most recent
    cache.put(c, image("c"))
    assert cache.get(b) is None and cache.get(a) is not None and cache.get(c) is not None


def test_disk_cache_survives_a_new_process(tmp_path: Path) -> None:
    key = MathKey("x^2", False, 16, "#000")
    MathCache(tmp_path).put(key, image("disk"))
    fresh = MathCache(tmp_path)
    found = fresh.get(key)
    assert isinstance(found, MathImage) and found.svg == b"<svg>disk</svg>" and found.depth == 1.0
    assert fresh.disk_hits == 1


def test_damaged_cache_file_is_a_miss(tmp_path: Path) -> None:
    key = MathKey("x", False, 16, "#000")
    MathCache(tmp_path).put(key, image())
    for file in tmp_path.rglob("*.json.z"):
        file.write_bytes(b"not zlib")
    assert MathCache(tmp_path).get(key) is None


def test_failures_and_missing_glyphs_stay_in_memory(tmp_path: Path) -> None:
    cache = MathCache(tmp_path)
    cache.put(MathKey("bad", False, 16, "#000"), MathError("broken"))
    cache.put(MathKey("中", False, 16, "#000"), MathImage(b"<svg/>", 1, 1, 0, missing_glyphs="中"))
    assert list(tmp_path.rglob("*.json.z")) == []


def test_unwritable_folder_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = MathCache(blocker / "cache")
    cache.put(MathKey("x", False, 16, "#000"), image())
    assert cache.get(MathKey("x", False, 16, "#000")) is not None


def test_rendering_fills_the_disk_cache_and_reuses_it(tmp_path: Path) -> None:
    first = render_markdown("disk $a+b$ cache", cache=MathCache(tmp_path))
    assert list(tmp_path.rglob("*.json.z"))
    again = MathCache(tmp_path)
    second = render_markdown("disk $a+b$ cache", cache=again)
    assert second.images == first.images
    assert again.disk_hits == 1 and again.misses == 0  # the one drawing, kept in the neutral ink


def test_one_stored_drawing_serves_every_colour(tmp_path: Path) -> None:
    light = render_markdown("theme $a+b$ switch", cache=MathCache(tmp_path), color="#1f2328")
    assert len(list(tmp_path.rglob("*.json.z"))) == 1
    fresh = MathCache(tmp_path)  # the next launch, in the dark theme
    dark = render_markdown("theme $a+b$ switch", cache=fresh, color="#dfe1e5")
    assert fresh.disk_hits == 1 and fresh.misses == 0 and len(list(tmp_path.rglob("*.json.z"))) == 1
    (svg,) = dark.images.values()
    assert b'fill="#dfe1e5"' in svg and b"#1f2328" not in svg and light.images != dark.images

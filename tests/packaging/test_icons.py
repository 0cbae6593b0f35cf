"""The app icon: every PNG size, the .ico and .icns containers, the window icon."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

from quizdesk.ui.widgets.app_icon import SIZES, app_icon

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", REPO / "packaging" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shares(image: QImage) -> tuple[float, float, float]:
    """Shares of (opaque, white, accent-blue) pixels."""
    pixels = [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())]
    opaque = [c for c in pixels if c.alpha() > 128]
    white = [c for c in opaque if min(c.red(), c.green(), c.blue()) > 200]
    blue = [c for c in opaque if c.blue() > 180 and c.red() < 110]
    return len(opaque) / len(pixels), len(white) / len(pixels), len(blue) / len(pixels)


def test_every_png_size_is_there_and_drawn(qapp) -> None:
    for size in SIZES:
        image = QImage(str(ICONS / f"quizdesk-{size}.png"))
        assert image.size() == QSize(size, size)
        if size <= 64:
            # A blue rounded square with clear corners, a white Q that shows even at 16 px.
            opaque, white, blue = _shares(image)
            assert 0.7 < opaque < 0.98 and white > 0.1 and blue > 0.3, (size, opaque, white, blue)
            assert image.pixelColor(0, 0).alpha() == 0


def test_the_window_icon_has_every_size(qapp) -> None:
    icon = app_icon()
    assert {s.width() for s in icon.availableSizes()} == set(SIZES)
    assert not icon.pixmap(16, 16).isNull()


def test_ico_and_icns_hold_one_image_per_size(qapp) -> None:
    make_icons = _make_icons()
    ico = QImageReader(str(ICONS / "quizdesk.ico"))
    assert ico.imageCount() == len(make_icons.ICO_SIZES)
    sizes = set()
    for index in range(ico.imageCount()):
        ico.jumpToImage(index)
        sizes.add(ico.read().width())
    assert sizes == set(make_icons.ICO_SIZES)
    data = (ICONS / "quizdesk.icns").read_bytes()
    assert data[:4] == b"icns" and int.from_bytes(data[4:8], "big") == len(data)
    for code in make_icons.ICNS_TYPES.values():
        assert code in data


def test_the_containers_are_rebuilt_from_pngs(qapp, tmp_path: Path) -> None:
    make_icons = _make_icons()
    pngs = {size: make_icons.render_png(ICONS / "quizdesk.svg", size) for size in (16, 32, 256)}
    ico = tmp_path / "x.ico"
    ico.write_bytes(make_icons.ico_bytes(pngs))
    reader = QImageReader(str(ico))
    assert reader.imageCount() == 3
    reader.jumpToImage(2)
    assert reader.read().size() == QSize(256, 256)
    icns = make_icons.icns_bytes({16: pngs[16], 32: pngs[32]})
    assert icns[8:12] == b"icp4" and icns[8 + int.from_bytes(icns[12:16], "big"):][:4] == b"icp5"

"""SVG bytes → QImage at a device pixel ratio, for QTextDocument image resources.

Rasterising at the screen's ratio (and telling the image so) keeps formulas
crisp on HiDPI screens while layout keeps using logical pixels.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


def svg_to_image(svg: bytes, width: float | None = None, height: float | None = None, dpr: float = 1.0) -> QImage:
    """Draw ``svg`` into a transparent image of ``width`` × ``height`` logical px.

    Sizes default to the SVG's own; the result has ``devicePixelRatio() == dpr``.
    An unreadable SVG gives a null QImage.
    """
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        return QImage()
    size = renderer.defaultSize()
    w = width if width is not None else size.width()
    h = height if height is not None else size.height()
    image = QImage(max(1, math.ceil(w * dpr)), max(1, math.ceil(h * dpr)), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    image.setDevicePixelRatio(dpr)
    return image

"""The application icon, from the PNGs rendered by ``packaging/make_icons.py``."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from quizdesk.core.paths import resources_dir

SIZES = (16, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """QuizDesk's icon at every size it ships in (empty if the files are missing).

    Pre-rendered PNGs rather than the SVG: small sizes are drawn pixel-exact,
    and no SVG icon engine is needed to show a window.
    """
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in SIZES:
        path = folder / f"quizdesk-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon

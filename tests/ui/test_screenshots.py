"""Every screen renders offscreen in both themes without a Qt warning (tests/ui/screenshots.py
makes docs/img/ the same way); the pictures are not blank and the themes differ."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

HERE = Path(__file__).resolve().parent


def _load_script():
    spec = importlib.util.spec_from_file_location("quizdesk_ui_screenshots", HERE / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _mean_lightness(image: QImage) -> float:
    step = 16
    values = [image.pixelColor(x, y).lightness() for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    return sum(values) / len(values)


@pytest.mark.slow
def test_every_screen_renders_in_both_themes(qapp, tmp_path, gui_bank_dir) -> None:
    from quizdesk.ui.widgets.theme import apply_theme

    script = _load_script()
    try:
        written = script.render_all(tmp_path, gui_bank_dir)
    finally:
        apply_theme(qapp, "light")
    names = sorted(p.name for p in written)
    screens = ("main-window", "exam-setup", "study", "exam", "self-grading", "results", "results-questions", "history", "shortcuts", "weak-areas")
    for screen in screens:
        for theme in ("light", "dark"):
            assert f"{screen}-{theme}.png" in names
    for screen in ("main-window", "study", "exam", "results", "weak-areas"):
        light, dark = QImage(str(tmp_path / f"{screen}-light.png")), QImage(str(tmp_path / f"{screen}-dark.png"))
        assert (light.width(), light.height()) == (1280, 800)
        assert _mean_lightness(light) > 170 and _mean_lightness(dark) < 90, screen

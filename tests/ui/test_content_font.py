"""Chinese content is drawn with the Simplified Chinese CJK face in the English UI too.

fontconfig answers a non-Chinese locale with Noto Sans CJK JP (？ and ； centred
in their cell); the app's font lists the SC faces after the UI family.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout
from PySide6.QtWidgets import QApplication

from quizdesk.core.db.store import Store
from quizdesk.ui.widgets.content_font import SIMPLIFIED_CHINESE_FAMILIES, apply_content_font
from quizdesk.ui.app.main_window import MainWindow

SC = "Noto Sans CJK SC"  # CI installs fonts-noto-cjk


def _sc_installed() -> bool:
    return SC in QFontDatabase.families()


def _drawn_families(font: QFont, text: str) -> set[str]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    # glyphRuns() without a range returns nothing in PySide6
    return {run.rawFont().familyName() for run in layout.glyphRuns(0, len(text))}


_START_IN_ENGLISH = r"""
import json, sys
from PySide6.QtGui import QFontDatabase, QTextLayout
from quizdesk.ui.app.launch import make_application
app = make_application()
def drawn(text):
    layout = QTextLayout(text, app.font())
    layout.beginLayout(); layout.createLine(); layout.endLayout()
    return sorted({r.rawFont().familyName() for r in layout.glyphRuns(0, len(text))})
print(json.dumps({"families": app.font().families(), "drawn": drawn("什么是注意力？；"), "latin": drawn("Single choice")}))
"""


def test_the_app_started_in_an_english_locale_asks_for_the_sc_face() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG="en_US.UTF-8", LANGUAGE="en", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", _START_IN_ENGLISH], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    families = result["families"]
    assert families[-len(SIMPLIFIED_CHINESE_FAMILIES):] == list(SIMPLIFIED_CHINESE_FAMILIES)
    assert families[0] not in SIMPLIFIED_CHINESE_FAMILIES
    assert result["latin"] == families[:1]  # Latin keeps the system UI font
    if _sc_installed():
        assert result["drawn"] == [SC]


@pytest.fixture
def content_font(qapp: QApplication) -> Iterator[None]:
    """The app font as make_application() sets it, restored afterwards."""
    before = QFont(qapp.font())
    apply_content_font(qapp)
    yield
    qapp.setFont(before)


@pytest.mark.usefixtures("content_font")
def test_titles_answers_and_topics_draw_chinese_in_the_sc_face(qtbot, gui_store: Store) -> None:
    window = MainWindow(gui_store)  # the tests' UI is the English one
    qtbot.add_widget(window)
    window.show()
    window.library.question_list.setCurrentRow(1)
    qtbot.waitUntil(lambda: "，" in window.answer_view.toPlainText())
    widgets = {"answer": window.answer_view, "list": window.library.question_list, "tree": window.library.topic_tree}
    for name, widget in widgets.items():
        families = widget.font().families()
        assert families.index(SC) == families.index(SIMPLIFIED_CHINESE_FAMILIES[0]) >= 1, name
    if not _sc_installed():
        return
    # What the answer view really drew its Chinese text with
    window.answer_view.grab()  # laid out and drawn
    document = window.answer_view.document()
    drawn: set[str] = set()
    block = document.begin()
    while block.isValid():
        if any("\u4e00" <= ch <= "\u9fff" for ch in block.text()):
            drawn |= {run.rawFont().familyName() for run in block.layout().glyphRuns(0, block.length())}
        block = block.next()
    assert SC in drawn and not any("JP" in name for name in drawn), drawn
    assert _drawn_families(window.library.question_list.font(), "什么是注意力？") == {SC}

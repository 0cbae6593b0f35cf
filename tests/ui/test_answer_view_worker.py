"""AnswerView with a task runner: the text shows at once, formulas in no cache are
drawn on a worker and filled in; a newer answer is never replaced by an older drawing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QTextCharFormat

from quizdesk.core.render import MathCache
from quizdesk.ui.tasks import TaskRunner
from quizdesk.ui.widgets.answer_view import AnswerView

ANSWER = r"""梯度裁剪按全局范数缩放：

$$
g \leftarrow g \cdot \min\left(1, \frac{c}{\lVert g \rVert_2}\right)
$$

其中 $c$ 是阈值。"""


def _images(view: AnswerView) -> int:
    count = 0
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt: QTextCharFormat = it.fragment().charFormat()
            count += fmt.isImageFormat()
            it += 1
        block = block.next()
    return count


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


@pytest.fixture
def view(qtbot, runner: TaskRunner) -> AnswerView:
    widget = AnswerView(cache=MathCache(), tasks=runner)
    qtbot.add_widget(widget)
    widget.resize(700, 500)
    widget.show()
    return widget


def test_the_text_shows_at_once_and_the_formulas_follow(qtbot, view: AnswerView) -> None:
    with qtbot.waitSignals([view.rendered, view.rendered], timeout=30_000):
        view.set_markdown(ANSWER)
        # Returned before any drawing: the text is there, the formulas as their source.
        text = view.toPlainText()
        assert "梯度裁剪" in text and "其中" in text and r"\frac{c}{\lVert g \rVert_2}" in text
        assert _images(view) == 0 and view.pending_formulas()
    assert _images(view) == 2 and not view.pending_formulas()
    assert r"\frac" not in view.toPlainText() and view.problems() == ()


def test_formulas_already_drawn_show_with_the_text(qtbot, view: AnswerView) -> None:
    view.set_markdown(ANSWER)
    qtbot.waitUntil(lambda: _images(view) == 2, timeout=30_000)
    view.set_markdown("another answer")
    view.set_markdown(ANSWER)  # the formulas are in the cache now
    assert _images(view) == 2 and not view.pending_formulas()


def test_a_newer_answer_is_not_replaced_by_an_older_drawing(qtbot, view: AnswerView, runner: TaskRunner) -> None:
    view.set_markdown(ANSWER)
    view.set_markdown("the next card, no formula")
    qtbot.waitUntil(lambda: not runner.busy(), timeout=30_000)
    qtbot.wait(50)  # any queued result delivered
    assert view.toPlainText() == "the next card, no formula"


def test_a_theme_switch_while_drawing_shows_the_new_theme(qtbot, view: AnswerView, runner: TaskRunner) -> None:
    text = ANSWER + "\n\n$e^{i\\pi} + 1 = 0$"
    view.set_markdown(text)
    view.set_dark(True)
    qtbot.waitUntil(lambda: not runner.busy(), timeout=30_000)
    qtbot.wait(50)
    drawn_here = AnswerView(cache=MathCache())  # no runner: everything drawn at once
    qtbot.add_widget(drawn_here)
    drawn_here.resize(700, 500)
    drawn_here.show()
    drawn_here.set_dark(True)
    drawn_here.set_markdown(text)
    assert _images(view) == 3
    # The same document, formula resources named by their SVG (which holds the ink colour).
    assert view.document().toHtml() == drawn_here.document().toHtml()

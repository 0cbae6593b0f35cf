"""Draw formulas ahead of time into a cache folder (the bundle's read-only one).

The bundle build (packaging/predraw.py) runs :func:`predraw` over the bundled
bank with the text metrics and colours the app uses, so a bundled answer is
shown from that folder without importing ziamath. The folder holds exactly
the entries the app looks up: every text is rendered through
:func:`render_markdown` — the same spans (with CJK punctuation glued on), sizes
(headings scaled), colours and keys (:class:`~quizdesk.core.render.math_cache.MathKey`,
whose renderer version names the drawing packages) — with the folder as its
cache. A formula that fails, or lacks a glyph on the build machine, is not
stored (:meth:`MathCache.put`) and is drawn at run time as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quizdesk.core.render.baseline import TextMetrics
from quizdesk.core.render.code_highlight import DARK_CODE_STYLE, LIGHT_CODE_STYLE
from quizdesk.core.render.formulas import is_dark
from quizdesk.core.render.markdown_html import clear_answer_cache, render_markdown
from quizdesk.core.render.math_cache import MathCache
from quizdesk.core.render.result import RenderProblem


@dataclass
class PredrawReport:
    texts: int = 0
    formulas: int = 0  # files in the folder afterwards
    problems: list[RenderProblem] = field(default_factory=list)  # formulas left to run time


def predraw(texts: Iterable[str], directory: Path, *, metrics: Sequence[TextMetrics],
            colors: Sequence[str]) -> PredrawReport:
    """Render every text at every metrics × colour with ``directory`` as the formula
    cache, which keeps what was drawn; returns what was done and what could not be."""
    directory.mkdir(parents=True, exist_ok=True)
    cache = MathCache(directory)
    report = PredrawReport()
    seen: set[RenderProblem] = set()
    for text in dict.fromkeys(texts):  # in order, once each
        if "$" not in text and "\\(" not in text and "\\[" not in text:
            continue  # no formula delimiter: nothing to draw
        report.texts += 1
        for metric in metrics:
            for color in colors:
                answer = render_markdown(text, font_px=metric.font_px, color=color, metrics=metric, cache=cache,
                                         code_style=DARK_CODE_STYLE if is_dark(color) else LIGHT_CODE_STYLE)
                for problem in answer.problems:
                    if problem.kind in ("math", "font") and problem not in seen:
                        seen.add(problem)
                        report.problems.append(problem)
        cache.clear_memory()  # the folder is the result; keep memory flat over a whole bank
        clear_answer_cache()
    report.formulas = sum(1 for _ in directory.rglob("*.json.z"))
    return report

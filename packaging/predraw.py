"""Draw the bundled bank's formulas into the bundle's read-only formula cache.

    python packaging/predraw.py OUT_DIR [--limit N] [--only ID ...]

Run by packaging/quizdesk.spec before PyInstaller collects the files (the
folder ships as ``math-cache/`` beside ``content/``), and callable on its own.
The app looks a formula up in memory, then in that folder, then in the user's
cache, and draws it only when all three miss; so a bundled answer is shown
without importing ziamath at all (docs/rendering.md, "Formula cache").

The entries are the ones the app computes, for both themes and the sizes it
uses: the answer panes at the default answer text size and the exam results'
detail at its fixed size, measured with Qt the way the views measure
(``AnswerView`` with the application font of ``make_application``); the
texts as the views compose them (body, answer, choices and key points as a
list, the title as the library's and the results' heading). A machine whose
UI font measures differently computes other sizes: those formulas are drawn
there as before (and kept in the user's cache), never shown at a wrong size —
the size is in the key.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizdesk.core.render.baseline import TextMetrics

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

#: The exam results' detail view draws at this size (ui/exam/results.py).
RESULTS_FONT_PX = 14


def bank_texts(questions: Iterable[object]) -> Iterator[str]:
    """Every Markdown text the views render for these questions, formulas in their context."""
    for q in questions:
        title = getattr(q, "title", "")
        yield f"## {title}"  # the library's heading
        yield f"### {title}"  # the exam results' heading
        yield getattr(q, "body_md", "")
        yield getattr(q, "answer_md", "")
        choices = getattr(q, "choices", ()) or ()
        yield "\n".join(f"- **A.** {getattr(c, 'text', c)}" for c in choices)
        points = getattr(q, "key_points", ()) or ()
        yield "\n".join(f"- {p}" for p in points)


def app_metrics(font_sizes: Sequence[int]) -> list[TextMetrics]:
    """TextMetrics of the answer view at each pixel size, measured as the app does."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from quizdesk.ui.app.launch import make_application
    from quizdesk.ui.widgets.answer_view import AnswerView, measure_text

    make_application()
    view = AnswerView()
    result: list[TextMetrics] = []
    for px in font_sizes:
        view.set_font_px(px)
        result.append(measure_text(view.font()))
    view.deleteLater()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the folder to fill (created; existing entries are kept)")
    parser.add_argument("--only", nargs="*", default=None, help="only these question ids (tests)")
    args = parser.parse_args(argv)

    from quizdesk.core.content.bank_parser import parse_bank
    from quizdesk.core.paths import bundled_content_dir
    from quizdesk.core.render.predraw import predraw
    from quizdesk.ui.preferences import DEFAULT_ANSWER_FONT_PX
    from quizdesk.ui.widgets.answer_view import DARK_COLORS, LIGHT_COLORS

    questions = parse_bank(bundled_content_dir()).questions
    if args.only is not None:
        questions = [q for q in questions if q.external_id in set(args.only)]
    start = time.perf_counter()
    metrics = app_metrics(sorted({DEFAULT_ANSWER_FONT_PX, RESULTS_FONT_PX}))
    report = predraw(bank_texts(questions), args.out, metrics=metrics,
                     colors=[LIGHT_COLORS["text"], DARK_COLORS["text"]])
    print(f"pre-drew {report.formulas} formulas from {report.texts} texts of {len(questions)} questions "
          f"into {args.out} in {time.perf_counter() - start:.1f} s")
    for problem in report.problems:  # drawn at run time instead (and reported there too)
        print(f"  not pre-drawn ({problem.kind}): {problem.source[:80]}: {problem.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

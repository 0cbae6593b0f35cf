"""Import of external Markdown question banks (docs/import.md).

Heading-style Markdown from public interview repositories or one's own notes
becomes self-graded ``open`` questions: :func:`run_import` does the whole job
(used by the CLI, the GUI and the benchmark); :func:`split_text` is the pure
heading rule on one text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quizdesk.core.lazy import lazy_getattr

if TYPE_CHECKING:
    from quizdesk.core.content.importer.render_check import RenderIssue
    from quizdesk.core.content.importer.report import ImportedQuestion, ImportReport
    from quizdesk.core.content.importer.run import ImportCancelled, ImportPlan, plan_import, run_import, write_plan
    from quizdesk.core.content.importer.split import FileSplit, split_text

# The names below are loaded on first use (PEP 562), not with the package: the
# answer pane reads one helper of ``images`` for every imported question it
# shows, and importing ``run`` with it (titles, headings, its regexes) cost the
# first answer of a start ~60 ms.
_WHERE = {
    "RenderIssue": "render_check",
    "ImportedQuestion": "report",
    "ImportReport": "report",
    "ImportCancelled": "run",
    "ImportPlan": "run",
    "plan_import": "run",
    "run_import": "run",
    "write_plan": "run",
    "FileSplit": "split",
    "split_text": "split",
}


__getattr__ = lazy_getattr(__name__, _WHERE, globals())


__all__ = [
    "FileSplit",
    "ImportCancelled",
    "ImportPlan",
    "ImportReport",
    "ImportedQuestion",
    "RenderIssue",
    "plan_import",
    "run_import",
    "split_text",
    "write_plan",
]

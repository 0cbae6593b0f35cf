"""Import of external Markdown question banks (docs/import.md).

Heading-style Markdown from public interview repositories or one's own notes
becomes self-graded ``open`` questions: :func:`run_import` does the whole job
(used by the CLI, the GUI and the benchmark); :func:`split_text` is the pure
heading rule on one text.
"""

from __future__ import annotations

from quizdesk.core.content.importer.render_check import RenderIssue
from quizdesk.core.content.importer.report import ImportedQuestion, ImportReport
from quizdesk.core.content.importer.run import ImportCancelled, ImportPlan, plan_import, run_import, write_plan
from quizdesk.core.content.importer.split import FileSplit, split_text

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

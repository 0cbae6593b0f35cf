"""What an import did, for the summary dialog and ``quizdesk import --json``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from quizdesk.core.content.importer.render_check import RenderIssue
from quizdesk.core.content.model import Problem


@dataclass(frozen=True)
class ImportedQuestion:
    external_id: str
    title: str
    module: str
    topic: str
    source: str  # "path:line"
    db_id: int | None = None  # None in a dry run


@dataclass
class ImportReport:
    imported: int = 0  # new questions
    updated: int = 0  # existing questions whose content changed
    unchanged: int = 0
    retired: int = 0  # gone from a re-imported file: hidden, history kept
    skipped_files: int = 0  # refused or without questions (each has a warning)
    skipped_questions: int = 0  # refused by the database (duplicate ids; each has a warning)
    files: int = 0  # files read
    images: int = 0  # local images copied into the data folder
    dry_run: bool = False
    questions: list[ImportedQuestion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: What will not display in the imported cards (a formula, an image), per card.
    render_problems: list[RenderIssue] = field(default_factory=list)

    def cards_with_render_problems(self) -> int:
        return len({issue.question_id for issue in self.render_problems})

    @property
    def skipped(self) -> int:
        return self.skipped_files + self.skipped_questions

    @property
    def changed(self) -> bool:
        return not self.dry_run and bool(self.imported or self.updated or self.retired)

    @property
    def warnings(self) -> list[Problem]:
        return list(self.problems)

    def per_topic(self) -> list[tuple[str, str, int]]:
        """(module, topic, questions) in the order the questions came."""
        counts = Counter((q.module, q.topic) for q in self.questions)
        return [(module, topic, count) for (module, topic), count in counts.items()]

    def to_json(self) -> dict[str, Any]:
        return {
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "retired": self.retired,
            "dry_run": self.dry_run,
            "questions": [
                {"id": q.external_id, "title": q.title, "module": q.module, "topic": q.topic, "source": q.source}
                for q in self.questions
            ],
            "warnings": [str(p) for p in self.problems],
            "render_problems": [issue.to_json() for issue in self.render_problems],
        }

"""What a parsed question looks like before it reaches the database.

Both the bundled-bank parser and the external Markdown importer produce
:class:`ParsedQuestion`; :mod:`quizdesk.core.content.sync` stores them. Keeping
one shape means a question imported from a public repository is studied
exactly like a bundled one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

QUESTION_TYPES = ("open", "single", "multi", "truefalse")


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool


@dataclass(frozen=True)
class TopicRef:
    """A place in the topic tree: a module and one of its sub-topics.

    ``key`` values are stable identifiers (for the bundled bank the folder and
    file names); ``name`` is what the user sees, ``name_en`` its English form
    for the English UI (may equal ``name``).
    """

    module_key: str
    module_name: str
    module_name_en: str
    topic_key: str
    topic_name: str
    topic_name_en: str
    module_order: int = 0
    topic_order: int = 0


@dataclass(frozen=True)
class ParsedQuestion:
    external_id: str
    qtype: str
    title: str
    topic: TopicRef
    body_md: str = ""
    answer_md: str = ""
    key_points: tuple[str, ...] = ()
    choices: tuple[Choice, ...] = ()
    difficulty: int = 2
    tags: tuple[str, ...] = ()
    source_path: str = ""
    source_line: int = 0
    order: int = 0


@dataclass(frozen=True)
class Problem:
    """An error or warning about input, located as ``path:line``."""

    path: str
    line: int
    message: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class ParseResult:
    questions: list[ParsedQuestion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def extend(self, other: "ParseResult") -> None:
        self.questions.extend(other.questions)
        self.problems.extend(other.problems)

"""One source file → :class:`ParsedQuestion` objects (no database, no copying)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from quizdesk.core.content.importer.decode import read_source
from quizdesk.core.content.importer.images import ImageLocaliser, MediaCopy
from quizdesk.core.content.importer.headings import Heading
from quizdesk.core.content.importer.split import Dropped, Segment, split_text
from quizdesk.core.content.importer.titles import Title, id_key, strip_markup
from quizdesk.core.content.importer.walk import SourceFile
from quizdesk.core.content.model import ParsedQuestion, Problem

MAX_TITLE_CHARS = 300
MAX_FALLBACK_CHARS = 80
_MAX_NAMED_CHARS = 60
_WHY_DROPPED = {
    "section": "section text, part of no question",
    "preamble": "part of no question",
    "toc": "a table of contents inside an answer",
}


@dataclass
class ParsedFile:
    source: SourceFile
    read: bool = False  # decoded and split (it may still hold no question)
    questions: list[ParsedQuestion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    media: list[MediaCopy] = field(default_factory=list)


def origin_for(source: SourceFile) -> str:
    """Questions of one import root share an origin: ``import:<real path of the root>``."""
    return f"import:{source.root}"


def external_id(origin: str, relative: str, title: str, occurrence: int) -> str:
    """Stable id from where the question lives and its title without numbering.

    Renumbering (``3.`` → ``4.``) or moving a question inside its file keeps
    the id; ``occurrence`` tells apart equal titles in one file.
    """
    raw = f"{origin}\n{relative}\n{id_key(title)}\n{occurrence}".encode("utf-8", "surrogatepass")
    return "imp-" + hashlib.sha256(raw).hexdigest()[:24]


def _title(segment: Segment, answer: str, stem: str) -> str:
    title = segment.title.text
    if not title:
        # A heading of nothing but numbering or markup ("## 12."): the question is
        # usually the first line below it; else keep what the heading said, else its place.
        first = next((strip_markup(line) for line in answer.split("\n") if strip_markup(line)), "")
        title = first[:MAX_FALLBACK_CHARS] or segment.title.plain or f"{stem} ({segment.heading.start + 1})"
    if len(title) > MAX_TITLE_CHARS:
        title = title[: MAX_TITLE_CHARS - 1] + "…"
    return title


def dropped_problem(display: str, dropped: Dropped) -> Problem:
    """The warning for text that went into no question: ``N lines under "<heading>" not imported (why)``."""
    count = len(dropped.lines)
    noun = "line" if count == 1 else "lines"
    if dropped.title is None:
        where = "before the first heading"
    else:
        name = dropped.title.plain or dropped.title.text
        if len(name) > _MAX_NAMED_CHARS:
            name = name[: _MAX_NAMED_CHARS - 1] + "…"
        where = f'under "{name}"'
    return Problem(display, dropped.lines[0] + 1, f"{count} {noun} {where} not imported ({_WHY_DROPPED[dropped.reason]})", "warning")


def stub_problem(display: str, heading: Heading, title: Title) -> Problem:
    """The warning for a question heading with nothing under it: an empty stub is not a card."""
    name = title.plain or title.text
    if len(name) > _MAX_NAMED_CHARS:
        name = name[: _MAX_NAMED_CHARS - 1] + "…"
    return Problem(display, heading.start + 1, f'"{name}" has nothing under it; not imported (an empty heading)', "warning")


def parse_file(source: SourceFile, localiser: ImageLocaliser | None = None) -> ParsedFile:
    """Read one file and turn its question headings into questions."""
    out = ParsedFile(source)
    decoded, problems = read_source(source.path, source.display)
    out.problems.extend(problems)
    if decoded is None:
        return out
    out.read = True
    split = split_text(decoded.text)
    if split.scan.unclosed_fence is not None:
        out.problems.append(
            Problem(source.display, split.scan.unclosed_fence + 1, "code block never closed: headings after it are not read", "warning")
        )
    if not split.segments:
        out.problems.append(
            Problem(
                source.display,
                1,
                "no question headings found (looked for headings ending in ？/?, starting with 什么/如何/为什么…, "
                "numbered, or listed in a table of contents); file skipped",
                "warning",
            )
        )
        return out
    out.problems.extend(dropped_problem(source.display, dropped) for dropped in split.dropped)
    out.problems.extend(stub_problem(source.display, heading, title) for heading, title in split.stubs)
    origin = origin_for(source)
    stem = source.path.stem
    occurrences: dict[str, int] = {}
    lines, opaque = split.scan.lines, split.scan.opaque
    for order, segment in enumerate(split.segments):
        if localiser is not None:
            answer = "\n".join(
                lines[i] if opaque[i] else localiser.rewrite_line(lines[i], i + 1) for i in segment.answer_lines
            )
        else:
            answer = segment.answer
        title = _title(segment, answer, stem)
        key = id_key(title)
        occurrences[key] = occurrences.get(key, 0) + 1
        out.questions.append(
            ParsedQuestion(
                external_id=external_id(origin, source.relative, title, occurrences[key]),
                qtype="open",
                title=title,
                topic=source.topic,
                answer_md=answer,
                source_path=source.relative,
                source_line=segment.heading.start + 1,
                order=order,
            )
        )
    if localiser is not None:
        out.problems.extend(localiser.problems)
        out.media.extend(localiser.copies.values())
    out.problems.sort(key=lambda p: p.line)  # in file order, whatever step found them (stable)
    return out

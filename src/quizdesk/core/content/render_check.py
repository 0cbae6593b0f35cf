"""Does every question of a bank show as its author meant? (``quizdesk lint --render``)

The bank parser checks the format; this draws what the app will draw: every
formula through ziamath, every image path against the question's folder, every
code fence's language against Pygments. A formula that does not parse shows its
LaTeX source in red in the app; here it is an error with the file and line.
Slower than the format check (each formula is laid out), so it is opt-in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from quizdesk.core.content.bank_parser import fence_languages
from quizdesk.core.content.model import ParsedQuestion, Problem

def _known_language(name: str) -> bool:
    from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped]
    from pygments.util import ClassNotFound  # type: ignore[import-untyped]

    try:
        get_lexer_by_name(name)
    except ClassNotFound:
        return False
    return True


def rendering_problems(questions: Iterable[ParsedQuestion], path_of: Callable[[ParsedQuestion], Path]) -> list[Problem]:
    """What the app could not draw as written, located at each question's heading.

    ``path_of`` gives a question's file as it should be named in the problem
    (its folder is where relative images resolve).
    """
    from quizdesk.core.render import MathCache, render_markdown

    cache = MathCache()  # one for the bank: a formula used twice is drawn once
    problems: list[Problem] = []
    for q in questions:
        path = path_of(q)
        texts = (q.body_md, q.answer_md, *q.key_points, *(c.text for c in q.choices))
        seen: set[tuple[str, str]] = set()
        for text in texts:
            if not text.strip():
                continue
            for p in render_markdown(text, base_dir=path.parent, cache=cache).problems:
                if (p.kind, p.source) not in seen:
                    seen.add((p.kind, p.source))
                    problems.append(Problem(str(path), q.source_line, f"{p.kind}: {p.message}: {p.source[:80]}"))
        for language in fence_languages(q.body_md + "\n" + q.answer_md):
            if not _known_language(language):
                problems.append(Problem(
                    str(path), q.source_line,
                    f"code fence language '{language}' is unknown to Pygments; it shows as plain text", "warning",
                ))
    return problems

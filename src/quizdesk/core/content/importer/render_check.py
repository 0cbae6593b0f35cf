"""What will not display in the imported cards: the render check behind ``render_problems``.

Each imported answer goes through the app's renderer with the base folder the
app will use (the import root's media folder once the images are copied), so
the user learns at import time which cards show a grey image placeholder or a
formula in red. To stay inside the import's time budget, formulas are checked
up to the point where the renderer refuses them — its limits
(:func:`math_svg.check_tex`), LaTeX → MathML, unknown commands — without
laying each one out; the layout itself fails on no formula that passes these
(see docs/import.md, "Render check"). An answer with an image goes through
the whole renderer; one with formulas only through the renderer's steps that
find them (code lifted out, delimiters); one with neither is skipped.
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from quizdesk.core.render.result import RenderProblem

#: What the JSON report calls the renderer's problem kinds (font and HTML problems are not reported).
KINDS = {"math": "formula", "image": "image"}
# MathML elements and the children they need: with fewer (``\\frac{1}``, ``\\underset{a}``,
# a bare ``\\limits``) the layout fails, so the check says so without laying out.
_ARITY = {"mfrac": 2, "msub": 2, "msup": 2, "munder": 2, "mover": 2, "mroot": 2, "msubsup": 3, "munderover": 3}


@dataclass(frozen=True)
class RenderIssue:
    """One thing in one imported card that will not display as written."""

    question_id: str  # the question's stable id ("imp-…")
    kind: str  # "formula" | "image"
    message: str
    source: str  # "file:line" of the question

    def to_json(self) -> dict[str, str]:
        return {"id": self.question_id, "kind": self.kind, "message": self.message, "source": self.source}


class _FormulaCheck:
    """A math cache whose entries are the renderer's verdict without the drawing (memoised per LaTeX)."""

    def __init__(self) -> None:
        from quizdesk.core.render.math_cache import MathCache

        class Cache(MathCache):
            def get(inner, key):  # type: ignore[no-untyped-def]  # noqa: N805
                return self.verdict(key.tex, key.display)

        self.cache = Cache()
        self._verdicts: dict[tuple[str, bool], object] = {}
        self._image: object | None = None
        self._lock = threading.Lock()

    def _template(self) -> object:
        if self._image is None:
            from quizdesk.core.render.math_svg import render_tex

            self._image = render_tex("x", display=False, size_px=16.0, color="#0b0c0d")
        return self._image

    def verdict(self, tex: str, display: bool) -> object:
        from quizdesk.core.render import tex_rules
        from quizdesk.core.render.math_svg import MathError, check_tex, unknown_command

        found = self._verdicts.get((tex, display))
        if found is not None:
            return found
        try:
            check_tex(tex)
            if not tex.strip():
                raise MathError("empty formula")
            element = ET.fromstring(_tex2mml(tex, display))
            tex_rules.apply(element)  # as render_tex does: \big\lVert is drawn, not unknown
            unknown = unknown_command(element)
            if unknown:
                raise MathError(f"unknown command {unknown}")
            for node in element.iter():
                need = _ARITY.get(node.tag.rsplit("}", 1)[-1])
                if need is not None and len(node) < need:
                    raise MathError("a command is missing its argument (\\frac{a}{b}, \\underset{a}{b}, \\limits after an operator)")
            result: object = self._template()
        except MathError as exc:
            result = exc
        except RecursionError:
            result = MathError("formula nested too deeply")
        except Exception as exc:  # latex2mathml's own errors, worded as render_tex words them
            text = str(exc).strip() or type(exc).__name__
            if isinstance(exc, KeyError):
                text = f"unknown command or symbol {text}"
            result = MathError(text.splitlines()[0][:200])
        with self._lock:
            self._verdicts[(tex, display)] = result
        return result


def _tex2mml(tex: str, display: bool) -> str:
    import warnings

    from ziamath.tex import tex2mml

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return str(tex2mml(tex, inline=not display))


class AnswerCheck:
    """The check of one answer at a time, its formula verdicts shared across answers.

    :func:`check_answers` checks a list; an import that has its texts before their
    images are in place (the Anki import) checks the answers without images early
    (:func:`needs_files` tells them apart) and the others once the files are copied.
    """

    def __init__(self) -> None:
        # Imported here, once, not at each answer (and not in a worker thread: see the Anki import).
        from quizdesk.core.render import render_markdown
        from quizdesk.core.render.code_blocks import lift_fences
        from quizdesk.core.render.math_delimiters import protect_math
        from quizdesk.core.render.math_svg import MathError

        self._formulas = _FormulaCheck()
        self._render, self._lift, self._protect, self._error = render_markdown, lift_fences, protect_math, MathError

    def problems(self, text: str, base: Path | None) -> list[tuple[str, str]]:
        """What will not display in ``text`` (images looked up under ``base``): (kind, message) pairs."""
        if needs_files(text):
            problems = list(self._render(text, base_dir=base, cache=self._formulas.cache).problems)
        elif "$" in text or "\\(" in text or "\\[" in text:  # a formula may be there
            # Formulas only: the renderer's own first two steps find them (code lifted out,
            # then the delimiters); Markdown and the rest cannot add a formula problem.
            problems = []
            text = self._lift(text.replace("\r\n", "\n").replace("\r", "\n")).text
            for span in self._protect(text).spans:
                verdict = self._formulas.verdict(span.tex.strip(), span.display)
                if isinstance(verdict, self._error):
                    problems.append(RenderProblem(span.source, str(verdict), "math"))
        else:
            return []
        seen: set[tuple[str, str]] = set()
        out: list[tuple[str, str]] = []
        for problem in problems:
            kind = KINDS.get(problem.kind)
            if kind is None or (kind, problem.source) in seen:
                continue
            seen.add((kind, problem.source))
            out.append((kind, f"{problem.message}: {problem.source[:120]}"))
        return out


def needs_files(text: str) -> bool:
    """Whether checking ``text`` looks at files (it has an image): then only once they are in place."""
    return "![" in text or "<img" in text or "<IMG" in text


def check_answers(
    answers: Iterable[tuple[str, str, str, Path | None]],
    *,
    cancelled: Callable[[], bool] | None = None,
) -> list[RenderIssue]:
    """``answers``: (question id, "file:line", answer Markdown, base folder) → what will not display."""
    check = AnswerCheck()
    issues: list[RenderIssue] = []
    for question_id, source, text, base in answers:
        if cancelled is not None and cancelled():
            break
        issues.extend(RenderIssue(question_id, kind, message, source) for kind, message in check.problems(text, base))
    return issues

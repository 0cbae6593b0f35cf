"""What the renderer hands back: HTML, the formula images it references, and problems."""

from __future__ import annotations

from dataclasses import dataclass, field

PROBLEM_KINDS = ("math", "image", "html", "font")


@dataclass(frozen=True)
class RenderProblem:
    """Something in an answer that could not be shown as written.

    ``source`` is the offending text (a formula, an image path, a tag) so the
    user or an author can find it; ``kind`` is one of :data:`PROBLEM_KINDS`.
    """

    source: str
    message: str
    kind: str


@dataclass(frozen=True)
class RenderedAnswer:
    """A rendered answer.

    ``html`` is a fragment for ``QTextBrowser``; formulas are referenced as
    ``<img src="math/<sha1>.svg">`` and their SVG bytes are in ``images`` under
    the same name, for the view to register as document resources.
    ``pending`` counts formulas left undrawn (``render_markdown(draw=False)``):
    they show as their source, muted, until the answer is rendered with drawing.
    """

    html: str
    images: dict[str, bytes] = field(default_factory=dict)
    problems: tuple[RenderProblem, ...] = ()
    pending: int = 0

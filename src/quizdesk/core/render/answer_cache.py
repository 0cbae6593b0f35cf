"""Answers rendered once, kept on disk: the next start shows them without the renderer.

Rendering an answer needs Python-Markdown, Pygments (whose lexers compile
dozens of regular expressions) and the sanitiser: 0.1–0.3 s on the path to the
first answer after a start. A rendered answer (its HTML and its formula SVGs)
is kept here as one small zlib-compressed JSON file, so an answer already
shown once is a file read; nothing in this module imports the pipeline.

The key is the SHA-1 of everything the result depends on: the answer's text
and folder, the view's font metrics, colour and code style, the versions of
the packages that render (Markdown, Pygments, nh3, the formula stack) and a
fingerprint of QuizDesk's own renderer modules, so no change of any of them
reuses a stale answer. Only complete answers are kept: none with a problem
(an image or font may appear later) or a formula still being drawn. A kept
answer whose local image has gone is a miss. Files are written atomically; a
damaged or unreadable one is a miss.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from quizdesk import __version__
from quizdesk.core.render.baseline import TextMetrics
from quizdesk.core.render.math_cache import RENDERER_VERSION, MathCache, installed_version
from quizdesk.core.render.records import read_record, record_path, write_record
from quizdesk.core.render.result import RenderedAnswer

#: The packages whose output is part of a rendered answer, besides the formula stack.
PIPELINE_PACKAGES = ("markdown", "pygments", "nh3")
_FILE_IMAGE = re.compile(r'<img\b[^>]*\bsrc="(file://[^"]*)"', re.I)


@functools.lru_cache(maxsize=1)
def pipeline_version() -> str:
    """The renderer's versions and a fingerprint of its code.

    From source: the size and mtime of each module of ``core/render``. A frozen
    bundle has no module files; its executable's size and mtime stand in, so a
    rebuilt bundle never reuses answers the previous build rendered.
    """
    stamp = hashlib.sha1(f"{__version__}\0{RENDERER_VERSION}".encode())
    for package in PIPELINE_PACKAGES:
        stamp.update(f"\0{package}-{installed_version(package)}".encode())
    for name, path in _code_files():
        try:
            info = os.stat(path)
        except OSError:
            continue
        stamp.update(f"\0{name}:{info.st_size}:{info.st_mtime_ns}".encode())
    return stamp.hexdigest()


def _code_files() -> list[tuple[str, Path]]:
    folder = Path(__file__).parent
    try:
        names = sorted(name for name in os.listdir(folder) if name.endswith(".py"))
    except OSError:
        names = []
    if names:
        return [(name, folder / name) for name in names]
    if getattr(sys, "frozen", False):
        return [("executable", Path(sys.executable))]
    return []


def answer_key(text: str, *, base_dir: Path | None, metrics: TextMetrics, color: str, code_style: str) -> str:
    """The cache key of ``text`` rendered with these options."""
    raw = "\0".join((pipeline_version(), str(base_dir) if base_dir else "", repr(metrics), color.lower(), code_style, text))
    return hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _local_files(html: str) -> list[str]:
    return [unquote(urlsplit(src).path) for src in _FILE_IMAGE.findall(html)]


class AnswerCache:
    """Rendered answers in ``directory`` (nothing is kept while it is None)."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: str) -> RenderedAnswer | None:
        """The answer kept under ``key``, or None (also for a damaged file or a missing image)."""
        directory = self.directory
        answer = self._read(directory, key) if directory is not None else None
        with self._lock:
            if answer is None:
                self.misses += 1
            else:
                self.hits += 1
        return answer

    def put(self, key: str, answer: RenderedAnswer) -> bool:
        """Keep ``answer`` if it is complete; whether it was written."""
        directory = self.directory
        if directory is None or answer.pending or answer.problems:
            return False
        try:
            images = {name: svg.decode("utf-8") for name, svg in answer.images.items()}
        except UnicodeDecodeError:
            return False
        record = {"html": answer.html, "images": images, "files": _local_files(answer.html)}
        # A read-only or full disk only costs speed.
        return write_record(record_path(directory, key), record, ensure_ascii=False)

    def _read(self, directory: Path, key: str) -> RenderedAnswer | None:
        record = read_record(record_path(directory, key))
        if not isinstance(record, dict):
            return None
        html, images, files = record.get("html"), record.get("images"), record.get("files")
        if not isinstance(html, str) or not isinstance(images, dict) or not isinstance(files, list):
            return None
        if not all(isinstance(f, str) and os.path.isfile(f) for f in files):
            return None  # an image went away: render again, which reports it
        return RenderedAnswer(html=html, images={str(k): str(v).encode("utf-8") for k, v in images.items()})


#: The app's rendered answers (the data folder's cache/answers once enable_disk_caches ran).
default_answers = AnswerCache()


def enable_disk_caches(root: Path) -> None:
    """Keep drawn formulas in ``root/math`` and rendered answers in ``root/answers``."""
    from quizdesk.core.render.math_cache import default_cache

    default_cache.directory = root / "math"
    default_answers.directory = root / "answers"


def render_answer(text: str, *, answers: AnswerCache | None, base_dir: Path | None, metrics: TextMetrics, color: str,
                  code_style: str, cache: MathCache | None = None, draw: bool = True) -> RenderedAnswer:
    """``render_markdown``'s answer, from ``answers`` when it holds it (the renderer is then not imported).

    A complete result is kept in ``answers`` for the next time.
    """
    key = None
    if answers is not None and answers.directory is not None:  # no folder (yet): nothing to look up or keep
        key = answer_key(text, base_dir=base_dir, metrics=metrics, color=color, code_style=code_style)
        hit = answers.get(key)
        if hit is not None:
            return hit
    from quizdesk.core.render.markdown_html import render_markdown

    answer = render_markdown(text, base_dir=base_dir, metrics=metrics, font_px=metrics.font_px, color=color,
                             code_style=code_style, cache=cache, draw=draw)
    if answers is not None and key is not None:
        answers.put(key, answer)
    return answer

"""Images in imported answers: local ones are copied into the data folder, remote ones left alone.

A local image (``![x](img/a.png)``, ``<img src="img/a.png">``) is planned for a
copy to ``<data_dir>/media/<hash of the import root>/<path under the root>``
and its reference rewritten to that absolute path, so the answer still shows
it after the imported folder is moved or deleted. A path that leads outside
the imported folder (``../../secret.png``, an absolute path, a symlink out) is
refused with a warning and replaced by its alt text. Remote images
(``http(s)://…``) stay links: QuizDesk never touches the network.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from quizdesk.core.content.model import Problem

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico", ".tif", ".tiff"})
MAX_IMAGE_BYTES = 20 * 1024 * 1024
#: Image references are looked for in lines up to this long (a real one is short).
MAX_LINE_CHARS = 100_000

# Bounded repeats and no competing quantifiers: a garbage line of "![![![…"
# stays linear instead of quadratic.
_MD_IMAGE_RE = re.compile(
    r"!\[(?P<alt>[^\]\n]{0,1000})\]\([ \t]*(?P<url><[^>\n]{0,4000}>|[^)\s]{1,4000})"
    r"(?P<rest>(?:[ \t]+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'))?)[ \t]*\)"
)
_HTML_IMAGE_RE = re.compile(
    r"""(?P<head><img\b[^>]{0,1000}?\bsrc[ \t]*=[ \t]*)(?:"(?P<dq>[^"]{0,4000})"|'(?P<sq>[^']{0,4000})'|(?P<bare>[^\s>]{1,4000}))(?P<tail>[^>]{0,1000}>)""",
    re.IGNORECASE,
)
_ALT_RE = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+:")


@dataclass(frozen=True)
class MediaCopy:
    source: Path  # the real path of the image inside the import root
    target: Path  # where it goes in the data folder


def media_folder(media_root: Path, import_root: Path) -> Path:
    """Each import root gets its own folder, named by a hash of its path."""
    digest = hashlib.sha256(str(import_root).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return media_root / digest


class ImageLocaliser:
    """Rewrites image references in the answers of one file."""

    def __init__(self, file_path: Path, import_root: Path, media_dir: Path | None, display: str) -> None:
        self.file_dir = file_path.parent
        self.root = import_root
        self.media_dir = media_dir  # None: leave local references as they are (no data folder)
        self.display = display
        self.copies: dict[Path, MediaCopy] = {}
        self.problems: list[Problem] = []

    def _warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.display, line, message, "warning"))

    def _local_target(self, url: str, line: int) -> str | None | bool:
        """New reference for a local image; None to drop it (refused); False to keep it unchanged."""
        if url.startswith("file:"):
            path_text = url2pathname(urlsplit(url).path)
        else:
            path_text = unquote(url.split("#", 1)[0].split("?", 1)[0])
        if not path_text:
            return False
        candidate = Path(path_text)
        if not candidate.is_absolute():
            candidate = self.file_dir / candidate
        real = Path(os.path.realpath(candidate))
        try:
            relative = real.relative_to(self.root)
        except ValueError:
            self._warn(line, f"image '{url}' is outside the imported folder; not imported")
            return None
        if self.media_dir is None:
            return False
        if real.suffix.lower() not in IMAGE_SUFFIXES:
            self._warn(line, f"'{url}' is not an image file; left as it is")
            return False
        try:
            size = real.stat().st_size if real.is_file() else -1
        except OSError:
            size = -1
        if size < 0:
            self._warn(line, f"image '{url}' not found")
            return False
        if size > MAX_IMAGE_BYTES:
            self._warn(line, f"image '{url}' is larger than {MAX_IMAGE_BYTES // 1024 // 1024} MB; not imported")
            return None
        target = self.media_dir / relative
        self.copies[target] = MediaCopy(real, target)
        return target.as_posix()

    def _resolve(self, url: str, line: int) -> str | None | bool:
        if not url or url.startswith(("#", "//", "data:")):
            return False  # an anchor, a remote image without scheme, inline data: keep
        if _SCHEME_RE.match(url) and not url.startswith("file:"):
            return False  # http(s) and other schemes: a link, never fetched
        return self._local_target(url, line)

    def _markdown(self, match: re.Match[str], line: int) -> str:
        url = match.group("url")
        bare = url[1:-1].strip() if url.startswith("<") else url
        target = self._resolve(bare, line)
        if target is False:
            return match.group(0)
        if target is None:
            return match.group("alt") or Path(bare).name
        assert isinstance(target, str)
        if re.search(r"[\s()<>]", target):
            target = f"<{target}>"
        return f"![{match.group('alt')}]({target}{match.group('rest')})"

    def _html(self, match: re.Match[str], line: int) -> str:
        url = next(g for g in (match.group("dq"), match.group("sq"), match.group("bare")) if g is not None)
        target = self._resolve(url.strip(), line)
        if target is False:
            return match.group(0)
        if target is None:
            alt = _ALT_RE.search(match.group(0))
            return (next((g for g in alt.groups() if g), "") if alt else "") or Path(url).name
        assert isinstance(target, str)
        return f'{match.group("head")}"{target.replace(chr(34), "%22")}"{match.group("tail")}'

    def rewrite_line(self, text: str, line: int) -> str:
        """``text`` (one line outside code blocks) with its image references localised."""
        lowered = text.lower()
        if not ("![" in text and "](" in text) and not ("<img" in lowered and "src" in lowered):
            return text
        if len(text) > MAX_LINE_CHARS:
            self._warn(line, f"line longer than {MAX_LINE_CHARS} characters: its images were left as they are")
            return text
        # Code spans are shown literally: mask them so their content is never rewritten.
        spans = [(m.start(), m.end()) for m in _CODE_SPAN_RE.finditer(text)]
        pieces: list[str] = []
        last = 0
        for start, end in spans + [(len(text), len(text))]:
            chunk = text[last:start]
            chunk = _MD_IMAGE_RE.sub(lambda m: self._markdown(m, line), chunk)
            chunk = _HTML_IMAGE_RE.sub(lambda m: self._html(m, line), chunk)
            pieces.append(chunk)
            pieces.append(text[start:end])
            last = end
        return "".join(pieces)

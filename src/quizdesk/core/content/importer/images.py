"""Images in imported answers: local ones are copied into the data folder, remote ones left alone.

A local image (``![x](img/a.png)``, ``<img src="img/a.png">``) is planned for a
copy to ``<data_dir>/media/<hash of the import root>/<path under the root>``
and its reference rewritten to ``<path under the root>``: the app renders an
imported answer with that media folder as its base (:func:`media_base`), so
the answer still shows its figures after the imported folder moves or is
deleted, and the renderer never needs an absolute path.

Every image whose file exists in the imported tree is found whatever its
spelling: ``%20`` or plain spaces, ``img\\ch14\\x.png`` backslashes, a path
from the repository root (``/img/x.png``, as docsify reads it), or an absolute
path from the author's machine (``D:\\notes\\img\\x.png``) whose file name
exists in the tree (the file whose trailing folders match best, then the one
nearest the Markdown file). A path that leads outside the imported folder to
a file that exists there (``../../secret.png``, a symlink out) is refused with
a warning and replaced by its alt text. Remote images (``http(s)://…``) stay
links: QuizDesk never touches the network — except that a GitHub or Gitee
address of a file of the imported repository itself
(``https://raw.githubusercontent.com/u/repo/master/img/x.png``) is read from
the tree when that path exists there.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import unquote, urlsplit

# Re-exported (their home is core/content/media.py, which the answer pane imports alone).
from quizdesk.core.content.media import media_base as media_base, media_folder as media_folder
from quizdesk.core.content.model import Problem

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico", ".tif", ".tiff"})
MAX_IMAGE_BYTES = 20 * 1024 * 1024
#: Image references are looked for in lines up to this long (a real one is short).
MAX_LINE_CHARS = 100_000

# Bounded repeats and no competing quantifiers: a garbage line of "![![![…"
# stays linear instead of quadratic.
_MD_IMAGE_RE = re.compile(
    r"!\[(?P<alt>[^\]\n]{0,1000})\]\([ \t]*(?P<url><[^>\n]{0,4000}>|(?:[^()\s]|\([^()\s]{0,200}\)){1,4000})"
    r"(?P<rest>(?:[ \t]+(?:\"[^\"\n]{0,500}\"|'[^'\n]{0,500}'))?)[ \t]*\)"
)
_HTML_IMAGE_RE = re.compile(
    r"""(?P<head><img\b[^>]{0,1000}?\bsrc[ \t]*=[ \t]*)(?:"(?P<dq>[^"]{0,4000})"|'(?P<sq>[^']{0,4000})'|(?P<bare>[^\s>]{1,4000}))(?P<tail>[^>]{0,1000}>)""",
    re.IGNORECASE,
)
_ALT_RE = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_CODE_SPAN_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]+:")
# "![x](img/my pic.png)": spaces in a bare address, as some authors write it; only
# taken when that file exists (checked in :meth:`ImageLocaliser._spaced`).
_MD_SPACED_IMAGE_RE = re.compile(
    r"!\[(?P<alt>[^\]\n]{0,1000})\]\([ \t]*(?P<url>[^()<>\n\"' \t](?:[^()<>\n\"']|\([^()<>\n\"']{0,200}\)){0,4000}?)(?P<rest>(?:[ \t]+\"[^\"\n]{0,500}\")?)[ \t]*\)"
)
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})
# The repository's own files by address: raw.githubusercontent.com/<user>/<repo>/<branch>/<path>,
# github.com/<user>/<repo>/(raw|blob)/<branch>/<path>, gitee.com/<user>/<repo>/(raw|blob)/<branch>/<path>.
_REPOSITORY_FILE_RE = re.compile(
    r"^https?://(?:raw\.githubusercontent\.com/[^/?#]+/[^/?#]+/[^/?#]+"
    r"|(?:www\.)?(?:github\.com|gitee\.com)/[^/?#]+/[^/?#]+/(?:raw|blob)/[^/?#]+)/(?P<path>[^?#]+)(?:[?#].*)?$",
    re.IGNORECASE,
)
#: Characters a stored reference must escape: the renderer reads "#", "?" and "%" as URL syntax.


@dataclass(frozen=True)
class MediaCopy:
    source: Path  # the real path of the image inside the import root
    target: Path  # where it goes in the data folder


def stored_reference(relative: str) -> str:
    """A path under the root as written into an answer: "#", "?" and "%" escaped (the renderer unquotes)."""
    return relative.replace("%", "%25").replace("#", "%23").replace("?", "%3F")


@dataclass
class TreeImages:
    """The image files under one import root, by lower-case file name (built on first use)."""

    root: Path
    by_name: dict[str, list[str]] | None = field(default=None)

    def _build(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for dirpath, dirnames, filenames in os.walk(self.root, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in _SKIPPED_DIRS)
            rel_dir = Path(dirpath).relative_to(self.root).as_posix()
            for name in sorted(filenames):
                if Path(name).suffix.lower() in IMAGE_SUFFIXES:
                    found.setdefault(name.casefold(), []).append(name if rel_dir == "." else f"{rel_dir}/{name}")
        return found

    def find(self, parts: tuple[str, ...], near: str) -> str | None:
        """The image under the root named like ``parts[-1]``: most trailing folders in common, then nearest ``near``."""
        if self.by_name is None:
            self.by_name = self._build()
        candidates = self.by_name.get(parts[-1].casefold()) if parts else None
        if not candidates:
            return None
        wanted = [p.casefold() for p in reversed(parts)]
        near_parts = near.split("/") if near else []

        def rank(relative: str) -> tuple[int, int]:
            # The root's own name counts: "D:\\repo\\img\\x.png" names repo/img/x.png, not repo/ch1/img/x.png.
            have = [p.casefold() for p in reversed([self.root.name, *relative.split("/")])]
            common = 0
            while common < min(len(have), len(wanted)) and have[common] == wanted[common]:
                common += 1
            folders = relative.split("/")[:-1]
            shared = 0
            while shared < min(len(folders), len(near_parts)) and folders[shared] == near_parts[shared]:
                shared += 1
            return (-common, len(folders) + len(near_parts) - 2 * shared)

        return min(candidates, key=rank)


class ImageLocaliser:
    """Rewrites image references in the answers of one file."""

    def __init__(
        self, file_path: Path, import_root: Path, media_dir: Path | None, display: str, tree: TreeImages | None = None
    ) -> None:
        self.file_dir = file_path.parent
        self.root = import_root
        self.media_dir = media_dir  # None: leave local references as they are (no data folder)
        self.display = display
        self.tree = tree if tree is not None else TreeImages(import_root)
        self.copies: dict[Path, MediaCopy] = {}
        self.problems: list[Problem] = []

    def _warn(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.display, line, message, "warning"))

    def _inside(self, path: Path) -> Path | None:
        """``path`` under the root (real path, symlinks resolved), or None when it leads out."""
        try:
            return Path(os.path.realpath(path)).relative_to(self.root)
        except ValueError:
            return None

    def _find(self, path_text: str) -> tuple[Path | None, bool]:
        """(the file's path under the root or None, whether the path names an existing file outside the root)."""
        windows = PureWindowsPath(path_text)
        parts = tuple(p for p in PurePosixPath(path_text.replace("\\", "/")).parts if p != "/")
        if windows.drive and parts and parts[0].endswith(":"):
            parts = parts[1:]  # "D:\\notes\\img\\x.png": the author's drive
        if not parts:
            return None, False
        if path_text.startswith(("/", "\\")) or windows.drive:
            # An absolute path: as written (POSIX only), then from the root as docsify reads "/img/x.png".
            candidates = ([] if windows.drive else [Path(path_text)]) + [self.root.joinpath(*parts)]
        else:
            candidates = [self.file_dir.joinpath(*parts)]
        outside = False
        for candidate in candidates:
            if candidate.exists():
                relative = self._inside(candidate)
                if relative is not None:
                    return relative, False
                outside = True
        if outside:
            return None, True
        # Nothing where it says: the same file name elsewhere in the tree (a path on the
        # author's machine, a folder renamed since). Never a file outside the tree.
        near = self._inside(self.file_dir)
        found = self.tree.find(parts, "" if near is None or near == Path(".") else near.as_posix())
        # A symlink in the tree may point out of it: the real file must be inside too.
        return (self._inside(self.root / found) if found is not None else None), False

    def _local_target(self, url: str, line: int, must_exist: bool = False) -> str | None | bool:
        """New reference for a local image; None to drop it (refused); False to keep it unchanged."""
        if url.startswith("file:"):
            from urllib.request import url2pathname  # here: urllib.request loads http.client, email, ssl (~30 ms)

            path_text = url2pathname(urlsplit(url).path)
        else:
            path_text = unquote(url.split("#", 1)[0].split("?", 1)[0])
        if not path_text:
            return False
        relative, outside = self._find(path_text)
        if relative is None and not outside and path_text != url and not url.startswith("file:"):
            relative, outside = self._find(url)  # a file really named "a%20b.png" or "a#1.png"
        if relative is None:
            if must_exist:
                return False
            if outside:
                self._warn(line, f"image '{url}' is outside the imported folder; not imported")
                return None
            if self.media_dir is not None:
                self._warn(line, f"image '{url}' not found")
            return False
        if self.media_dir is None:
            return False
        return self._copy(relative, url, line)

    def _copy(self, relative: Path, url: str, line: int) -> str | None | bool:
        """Plan the copy of the image at ``relative`` under the root; its new reference."""
        assert self.media_dir is not None
        real = self.root / relative
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
        return stored_reference(relative.as_posix())

    def _own_file(self, url: str, line: int) -> str | None | bool:
        """A GitHub/Gitee address of a file of this very repository, taken from the tree; False if not one."""
        match = _REPOSITORY_FILE_RE.match(url)
        if match is None or self.media_dir is None:
            return False
        parts = [p for p in unquote(match.group("path")).split("/") if p not in ("", ".")]
        candidate = self.root.joinpath(*parts) if parts and ".." not in parts else None
        relative = self._inside(candidate) if candidate is not None and candidate.is_file() else None
        if relative is None:
            return False  # not (or no longer) in the tree: stays a link
        return self._copy(relative, url, line)

    def _resolve(self, url: str, line: int) -> str | None | bool:
        if not url or url.startswith(("#", "//", "data:")):
            return False  # an anchor, a remote image without scheme, inline data: keep
        if _SCHEME_RE.match(url) and not url.startswith("file:"):
            # http(s) and other schemes: a link, never fetched — unless it names a
            # file of the imported repository itself, which is copied like a local one.
            return self._own_file(url, line)
        return self._local_target(url, line)

    def _markdown(self, match: re.Match[str], line: int, spaced: bool = False) -> str:
        url = match.group("url")
        bare = url[1:-1].strip() if url.startswith("<") else url
        if spaced:
            if not re.search(r"\s", bare) or _SCHEME_RE.match(bare):
                return match.group(0)  # a plain address: the main pattern has had its say
            target = self._local_target(bare, line, must_exist=True)
        else:
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
            if "![" in chunk and " " in chunk:
                chunk = _MD_SPACED_IMAGE_RE.sub(lambda m: self._markdown(m, line, spaced=True), chunk)
            chunk = _HTML_IMAGE_RE.sub(lambda m: self._html(m, line), chunk)
            pieces.append(chunk)
            pieces.append(text[start:end])
            last = end
        return "".join(pieces)

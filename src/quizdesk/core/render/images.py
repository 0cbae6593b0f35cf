"""Images in answers: local files stay inside the answer's folder, remote ones are never fetched.

Runs on sanitised HTML (so ``src`` holds no ``javascript:``/``file:``). A
relative path is resolved against ``base_dir`` and must end up inside it
(``../`` escapes, absolute paths and symlinks out are refused; an absolute
path is taken only when it already lies inside ``base_dir``). ``base_dir`` is
the Markdown file's folder for the bundled bank and the import root's media
folder for imported questions (``importer.images.media_base``). The ``src``
becomes a ``file://`` URL of the resolved file, which QTextBrowser loads. A
remote image becomes its alt text plus the address as a link: the app works
offline and must not leak what the user is reading.
"""

from __future__ import annotations

import html
import re
from pathlib import Path, PurePosixPath, PureWindowsPath
from urllib.parse import unquote, urlsplit

from quizdesk.core.render.result import RenderProblem

_IMG = re.compile(r"<img\b([^>]*)>", re.I)
_ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')


def _attrs(raw: str) -> dict[str, str]:
    return {k.lower(): html.unescape(v) for k, v in _ATTR.findall(raw)}


def _tag(attrs: dict[str, str]) -> str:
    inner = "".join(f' {k}="{html.escape(v)}"' for k, v in attrs.items())
    return f"<img{inner}>"


def _placeholder(alt: str, link: str | None, muted: str) -> str:
    label = f'<span style="color: {muted};">[{html.escape(alt or "image")}]</span>'
    if link:
        return f'{label} <a href="{html.escape(link)}">{html.escape(link)}</a>'
    return label


def _inside(path: Path, base_dir: Path) -> bool:
    return path.resolve().is_relative_to(base_dir.resolve())


def resolve_local(src: str, base_dir: Path | None) -> tuple[Path | None, str]:
    """The file ``src`` names inside ``base_dir``, or (None, reason)."""
    path_text = unquote(urlsplit(src).path) if "%" in src or "?" in src or "#" in src else src
    if not path_text:
        return None, "empty image address"
    if base_dir is not None and path_text.startswith("/") and _inside(Path(path_text), base_dir):
        # Answers imported before the media folder became the base hold absolute
        # paths into it: still shown, and never anything outside the base.
        target = Path(path_text).resolve()
        return (target, "") if target.is_file() else (None, "image file not found")
    if (
        path_text.startswith(("/", "\\"))
        or PureWindowsPath(path_text).is_absolute()
        or PureWindowsPath(path_text).drive
    ):
        return None, "absolute image paths are not allowed; use a path relative to the Markdown file"
    if base_dir is None:
        return None, "no folder to resolve a relative image path against"
    parts = PurePosixPath(path_text.replace("\\", "/")).parts
    if ".." in parts:
        return None, "image path leaves the answer's folder"
    base = base_dir.resolve()
    target = (base / Path(*parts)).resolve()
    if not target.is_relative_to(base):
        return None, "image path leaves the answer's folder"
    if not target.is_file():
        return None, "image file not found"
    return target, ""


def rewrite_images(fragment: str, base_dir: Path | None, *, muted: str = "#656d76") -> tuple[str, list[RenderProblem]]:
    """Resolve or replace every ``<img>`` in ``fragment``; problems say what was refused."""
    problems: list[RenderProblem] = []

    def replace(match: re.Match[str]) -> str:
        attrs = _attrs(match.group(1))
        src = attrs.get("src", "").strip()
        alt = attrs.get("alt", "")
        if not src:
            # The sanitiser has already removed file:, javascript: and data: addresses.
            problems.append(RenderProblem(match.group(0)[:80], "image without an address, or with one that is not allowed (file:, javascript:)", "image"))
            return _placeholder(alt, None, muted)
        scheme = urlsplit(src).scheme.lower()
        if scheme in {"http", "https"} or src.startswith("//"):
            link = src if scheme else "https:" + src
            return _placeholder(alt, link, muted)
        if scheme and len(scheme) > 1:  # "c:" is a drive letter, handled as a path
            problems.append(RenderProblem(src, f"image address scheme '{scheme}:' is not supported", "image"))
            return _placeholder(alt, None, muted)
        target, reason = resolve_local(src, base_dir)
        if target is None:
            problems.append(RenderProblem(src, reason, "image"))
            return _placeholder(alt or src, None, muted)
        attrs["src"] = target.as_uri()
        return _tag(attrs)

    return _IMG.sub(replace, fragment), problems

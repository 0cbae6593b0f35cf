"""Where an import's images live in the data folder (stdlib only).

The answer pane asks this for every imported question it shows, on the path to
the first answer of a start: it must not load the importer (``importer.images``
and its regexes, the content model).
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def media_folder(media_root: Path, import_root: Path) -> Path:
    """Each import root gets its own folder, named by a hash of its path."""
    digest = hashlib.sha256(str(import_root).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return media_root / digest


def media_base(data_dir: Path, origin: str) -> Path | None:
    """The folder an imported question's images resolve against: its root's media folder.

    ``origin`` is ``import:<real path of the import root>``; None for any other origin.
    """
    if not origin.startswith("import:"):
        return None
    return media_folder(data_dir / "media", Path(origin[len("import:") :]))

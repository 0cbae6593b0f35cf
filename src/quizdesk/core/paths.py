"""Where QuizDesk keeps its data and finds what it ships with."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "QUIZDESK_DATA_DIR"
DB_FILENAME = "quizdesk.db"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``--data-dir``, else ``$QUIZDESK_DATA_DIR``, else the
    platform's user data dir. Not created here: opening the store does that, so a
    read-only location is reported at one place."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir("QuizDesk", appauthor=False, roaming=True))


def bundle_root() -> Path:
    """The folder holding ``content/`` and ``resources/``.

    In a PyInstaller bundle that is the unpacked folder; from a source checkout
    (``pip install -e .``) it is the repository root.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[3]


def bundled_content_dir() -> Path:
    return bundle_root() / "content"


def resources_dir() -> Path:
    return bundle_root() / "resources"

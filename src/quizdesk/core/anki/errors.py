"""The one error an Anki package can raise: it says what is wrong, in words for the user."""

from __future__ import annotations


class AnkiPackageError(Exception):
    """The file is not a usable Anki package (damaged, encrypted, unknown, too large); nothing was changed."""


class AnkiCancelled(Exception):
    """The user cancelled; nothing was written."""

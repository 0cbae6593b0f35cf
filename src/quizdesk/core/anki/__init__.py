"""Exchange with Anki (docs/anki.md): ``.apkg`` export and ``.apkg`` / ``.colpkg`` import.

No Qt here. The CLI and (later) the GUI each call one function with a progress
callback and a cancel check, like the Markdown import:
:func:`run_anki_export` writes one package, :func:`run_anki_import` reads one
into the database in one transaction.
"""

from __future__ import annotations

from quizdesk.core.anki.errors import AnkiCancelled, AnkiPackageError
from quizdesk.core.anki.exporter import AnkiExportOptions, AnkiExportReport, run_anki_export
from quizdesk.core.anki.importer import AnkiImportReport, run_anki_import
from quizdesk.core.anki.package import is_anki_package

__all__ = [
    "AnkiCancelled",
    "AnkiExportOptions",
    "AnkiExportReport",
    "AnkiImportReport",
    "AnkiPackageError",
    "is_anki_package",
    "run_anki_export",
    "run_anki_import",
]

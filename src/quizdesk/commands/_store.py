"""Opening the store for a command-line subcommand, with errors as plain messages."""

from __future__ import annotations

import sys

from quizdesk.core.db.store import Store, StoreError, open_store
from quizdesk.core.paths import bundled_content_dir, data_dir

# Problems the app's recovery dialog offers to fix (restore a backup, start fresh).
RECOVERABLE_IN_APP = frozenset({"corrupt", "notadb"})


def open_store_or_report(data_dir_arg: str | None, *, sync_bank: bool = True) -> Store | None:
    """The opened store with the bundled bank synced, or None after printing why not."""
    from quizdesk.core.content.bundled import sync_bundled_bank

    try:
        store = open_store(data_dir(data_dir_arg))
    except StoreError as exc:
        print(f"quizdesk: {exc.message}", file=sys.stderr)
        if exc.kind in RECOVERABLE_IN_APP:
            # The command line cannot choose a backup: the app's recovery dialog can.
            backups = exc.path.parent / "backups" if exc.path is not None else None
            where = f" Backups are in {backups}." if backups is not None and backups.is_dir() else ""
            print(f"quizdesk: start the app (quizdesk gui) to restore a backup or start fresh.{where}", file=sys.stderr)
        return None
    if sync_bank:
        with store.session() as session:
            sync_bundled_bank(session, bundled_content_dir())
    return store

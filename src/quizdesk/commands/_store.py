"""Opening the store for a command-line subcommand, with errors as plain messages."""

from __future__ import annotations

import sys

from quizdesk.core.db.store import Store, StoreError, open_store
from quizdesk.core.paths import bundled_content_dir, data_dir


def open_store_or_report(data_dir_arg: str | None, *, sync_bank: bool = True) -> Store | None:
    """The opened store with the bundled bank synced, or None after printing why not."""
    from quizdesk.core.content.bundled import sync_bundled_bank

    try:
        store = open_store(data_dir(data_dir_arg))
    except StoreError as exc:
        print(f"quizdesk: {exc.message}", file=sys.stderr)
        return None
    if sync_bank:
        with store.session() as session:
            sync_bundled_bank(session, bundled_content_dir())
    return store

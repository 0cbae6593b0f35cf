"""Two pieces of work at once, for work that lets go of Python's lock (SQLite, nh3)."""

from __future__ import annotations

import threading
from collections.abc import Callable


def run_beside(here: Callable[[], object], there: Callable[[], object], *, name: str) -> None:
    """Run ``here`` in this thread and ``there`` in a second one (``quizdesk-<name>``) meanwhile.

    The second thread is joined before this returns, whatever happened; an error
    of ``here`` is raised first, else one of ``there``.
    """
    failed: list[BaseException] = []

    def run() -> None:
        try:
            there()
        except BaseException as exc:  # raised in the caller's thread below
            failed.append(exc)

    thread = threading.Thread(target=run, name=f"quizdesk-{name}", daemon=True)
    thread.start()
    try:
        here()
    finally:
        thread.join()
    if failed:
        raise failed[0]

"""The exam clock: elapsed and remaining time from an injectable monotonic clock.

The clock only runs while the exam is on screen and not paused; what it shows
is rebuilt from the values saved in the database (``remaining_s``,
``elapsed_s``), so a resumed exam continues from its last save.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]


class ExamClock:
    def __init__(self, remaining_s: float | None, elapsed_s: float, *, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._remaining0 = remaining_s
        self._elapsed0 = elapsed_s
        self._started = clock()
        self.running = True

    def _segment(self) -> float:
        return max(0.0, self._clock() - self._started) if self.running else 0.0

    @property
    def has_limit(self) -> bool:
        return self._remaining0 is not None

    def elapsed(self) -> float:
        return self._elapsed0 + self._segment()

    def remaining(self) -> float | None:
        if self._remaining0 is None:
            return None
        return max(0.0, self._remaining0 - self._segment())

    def pause(self) -> None:
        if self.running:
            segment = self._segment()
            self._elapsed0 += segment
            if self._remaining0 is not None:
                self._remaining0 = max(0.0, self._remaining0 - segment)
            self.running = False

    def resume(self) -> None:
        if not self.running:
            self._started = self._clock()
            self.running = True

    def now(self) -> float:
        """The underlying monotonic time (for per-question timing)."""
        return self._clock()

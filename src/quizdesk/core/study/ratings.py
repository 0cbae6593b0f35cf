"""The four grades, as Anki's buttons: 1 Again, 2 Hard, 3 Good, 4 Easy.

A module of its own, importing nothing, so the study and exam screens can name
the grades without loading the scheduler (and FSRS) on the start-up path.
"""

from __future__ import annotations

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
RATINGS = (AGAIN, HARD, GOOD, EASY)

"""Find runs of text an answer shares with the seed articles.

The bundled answers must be written in the project's own words: no run of
``WINDOW`` or more consecutive characters may appear in a seed article. Code
blocks, inline code and shell command lines are set aside (a command is a
command whoever types it). Both sides are NFKC-normalised and stripped of
white space, so swapping full-width for half-width punctuation does not hide
a copied sentence.

Usable as a script while writing content::

    python tests/content/seed_overlap.py content/
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

WINDOW = 30
SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"

_FENCE = re.compile(r"^(```|~~~).*?^\1\s*$", re.S | re.M)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_COMMAND_LINE = re.compile(r"^\s*(\$|#|>>>|\w+@)\s.*$", re.M)
_HEADING = re.compile(r"^#{1,6}\s.*$", re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text)


def prose_of(markdown: str) -> str:
    """The part of a Markdown answer that must be original: no code, no titles."""
    text = _FENCE.sub("\n", markdown)
    text = _INLINE_CODE.sub(" ", text)
    text = _COMMAND_LINE.sub("", text)
    text = _HEADING.sub("", text)
    text = _COMMENT.sub("", text)
    return text


def seed_windows(seeds_dir: Path = SEEDS_DIR, window: int = WINDOW) -> set[str]:
    grams: set[str] = set()
    for path in sorted(seeds_dir.glob("*.txt")):
        flat = normalise(path.read_text(encoding="utf-8", errors="replace"))
        grams.update(flat[i : i + window] for i in range(len(flat) - window + 1))
    return grams


def shared_runs(markdown: str, grams: set[str], window: int = WINDOW) -> list[str]:
    """Every maximal run of the answer's prose that also stands in a seed."""
    flat = normalise(prose_of(markdown))
    runs: list[str] = []
    i = 0
    while i <= len(flat) - window:
        if flat[i : i + window] in grams:
            j = i + 1
            while j <= len(flat) - window and flat[j : j + window] in grams:
                j += 1
            runs.append(flat[i : j + window - 1])
            i = j + window - 1
        else:
            i += 1
    return runs


def main(argv: list[str]) -> int:
    grams = seed_windows()
    bad = 0
    for root in argv or ["content"]:
        for path in sorted(Path(root).rglob("*.md")):
            for run in shared_runs(path.read_text(encoding="utf-8"), grams):
                bad += 1
                print(f"{path}: shares {len(run)} chars with a seed: {run}")
    print("ok" if not bad else f"{bad} copied run(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

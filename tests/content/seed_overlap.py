"""Find runs of text an answer shares with the seed articles.

The bundled answers must be written in the project's own words: no run of
``WINDOW`` or more consecutive characters may appear in a seed article. Code
blocks, inline code and shell command lines are set aside (a command is a
command whoever types it). Both sides are NFKC-normalised and stripped of
white space, so swapping full-width for half-width punctuation does not hide
a copied sentence.

The seed texts themselves stay outside the repository: the check compares
against their fingerprints, committed in ``data/seed_fingerprints.bin`` — a
48-bit BLAKE2b hash of every ``WINDOW``-character window of each normalised
seed text (every window, not a sample, so a copied run of exactly ``WINDOW``
characters is caught too). ``make_seed_fingerprints.py`` writes that file
from ``../shared/seeds``.

Usable as a script while writing content (needs only the repository)::

    python tests/content/seed_overlap.py content/
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

WINDOW = 30
HASH_BYTES = 6  # 48 bits: over ~120k seed windows and ~250k answer windows, a false match is a 1-in-10,000 event
FINGERPRINTS = Path(__file__).resolve().parent / "data" / "seed_fingerprints.bin"
#: First line of the fingerprint file; the hashes follow, sorted, HASH_BYTES each.
HEADER = f"quizdesk seed fingerprints: blake2b-{8 * HASH_BYTES} of every {WINDOW}-char NFKC window without white space, count ".encode()

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


def window_hash(window: str) -> bytes:
    return hashlib.blake2b(window.encode("utf-8"), digest_size=HASH_BYTES).digest()


def _window_hashes(flat: str, window: int = WINDOW) -> list[bytes]:
    return [window_hash(flat[i : i + window]) for i in range(len(flat) - window + 1)]


def fingerprints_of(texts: Iterable[str], window: int = WINDOW) -> set[bytes]:
    """The fingerprints of some seed texts: the hash of every window of each, normalised."""
    hashes: set[bytes] = set()
    for text in texts:
        hashes.update(_window_hashes(normalise(text), window))
    return hashes


def write_fingerprints(hashes: set[bytes], path: Path = FINGERPRINTS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(HEADER + str(len(hashes)).encode() + b"\n" + b"".join(sorted(hashes)))


def load_fingerprints(path: Path = FINGERPRINTS) -> set[bytes]:
    """The committed fingerprints; raises ValueError if the file is not what this module writes."""
    data = path.read_bytes()
    head, _, body = data.partition(b"\n")
    if not head.startswith(HEADER):
        raise ValueError(f"{path}: not a seed fingerprint file of this format (window {WINDOW}, {HASH_BYTES}-byte hashes)")
    count = int(head[len(HEADER) :])
    if len(body) != count * HASH_BYTES:
        raise ValueError(f"{path}: {len(body)} bytes of hashes, expected {count} × {HASH_BYTES}")
    return {body[i : i + HASH_BYTES] for i in range(0, len(body), HASH_BYTES)}


def shared_runs(markdown: str, fingerprints: set[bytes], window: int = WINDOW) -> list[str]:
    """Every maximal run of the answer's prose whose every window stands in a seed."""
    flat = normalise(prose_of(markdown))
    seen = [h in fingerprints for h in _window_hashes(flat, window)]
    runs: list[str] = []
    i = 0
    while i < len(seen):
        if seen[i]:
            j = i + 1
            while j < len(seen) and seen[j]:
                j += 1
            runs.append(flat[i : j + window - 1])
            i = j + window - 1
        else:
            i += 1
    return runs


def main(argv: list[str]) -> int:
    fingerprints = load_fingerprints()
    bad = 0
    for root in argv or ["content"]:
        for path in sorted(Path(root).rglob("*.md")):
            for run in shared_runs(path.read_text(encoding="utf-8"), fingerprints):
                bad += 1
                print(f"{path}: shares {len(run)} chars with a seed: {run}")
    print("ok" if not bad else f"{bad} copied run(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Write ``data/seed_fingerprints.bin`` from the seed articles, for the seed copy-check.

The seed texts live outside the repository (``../shared/seeds`` beside a
checkout); the tests read only the fingerprints committed here. Run this when
the seeds change, then commit the file::

    python tests/content/make_seed_fingerprints.py              # from ../shared/seeds
    python tests/content/make_seed_fingerprints.py SEEDS_DIR    # from another folder of *.txt

See ``seed_overlap.py`` for what a fingerprint is.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SEEDS = HERE.parents[2] / "shared" / "seeds"


def _seed_overlap():
    """``seed_overlap.py`` beside this file (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("seed_overlap", HERE / "seed_overlap.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    seed_overlap = _seed_overlap()
    seeds = Path(argv[0]) if argv else DEFAULT_SEEDS
    out = Path(argv[1]) if len(argv) > 1 else seed_overlap.FINGERPRINTS
    paths = sorted(seeds.glob("*.txt"))
    if not paths:
        print(f"no seed texts (*.txt) in {seeds}", file=sys.stderr)
        return 1
    hashes = seed_overlap.fingerprints_of(p.read_text(encoding="utf-8", errors="replace") for p in paths)
    seed_overlap.write_fingerprints(hashes, out)
    print(f"{out}: {len(hashes)} fingerprints from {len(paths)} seed texts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

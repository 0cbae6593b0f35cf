"""No bundled answer copies a seed article: checked against committed fingerprints, never the texts.

The seed articles are not part of the repository (a fresh clone has no
``../shared`` beside it); ``data/seed_fingerprints.bin`` holds a hash of every
30-character window of each (``make_seed_fingerprints.py`` writes it). These
tests prove the check on a made-up seed — a copied run of 30 characters or
more is caught, through white space and full-width punctuation, and nothing
shorter is — and then run it on ``content/`` against the real fingerprints.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CONTENT = REPO / "content"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


seed_overlap = _load("seed_overlap")

# A made-up "seed article" (not from any real seed).
MADE_UP_SEED = """\
梯度裁剪在每次参数更新之前检查梯度的整体范数，一旦超过阈值就把梯度按比例缩小，
从而避免循环网络训练早期出现的数值爆炸。它不改变梯度的方向，只改变步长。
"""
COPIED = "梯度裁剪在每次参数更新之前检查梯度的整体范数，一旦超过阈值就把梯度按比例缩小"  # 38 chars of it
#: How the check reports it: runs come back normalised (NFKC, no white space).
REPORTED = seed_overlap.normalise(COPIED)


@pytest.fixture(scope="module")
def made_up_fingerprints() -> set[bytes]:
    return seed_overlap.fingerprints_of([MADE_UP_SEED])


def test_a_copied_run_of_thirty_or_more_characters_is_flagged(made_up_fingerprints: set[bytes]) -> None:
    answer = f"我们先用自己的话说明动机。{COPIED}。后面的解释也是原创的。"
    assert seed_overlap.shared_runs(answer, made_up_fingerprints) == [REPORTED]


def test_exactly_thirty_characters_are_flagged_and_twenty_nine_are_not(made_up_fingerprints: set[bytes]) -> None:
    flat = seed_overlap.normalise(MADE_UP_SEED)
    thirty, twenty_nine = flat[10:40], flat[10:39]
    assert len(thirty) == 30
    assert seed_overlap.shared_runs(f"开头不同。{thirty}。结尾不同。", made_up_fingerprints) == [thirty]
    assert seed_overlap.shared_runs(f"开头不同。{twenty_nine}。结尾不同。", made_up_fingerprints) == []


def test_white_space_and_full_width_punctuation_do_not_hide_a_copy(made_up_fingerprints: set[bytes]) -> None:
    disguised = "梯度裁剪在每次参数更新之前检查梯度的整体范数, 一旦超过阈值\n就把梯度按比例缩小"
    runs = seed_overlap.shared_runs(f"引言。{disguised}。", made_up_fingerprints)
    assert runs == [REPORTED]


def test_code_is_not_prose(made_up_fingerprints: set[bytes]) -> None:
    answer = f"代码里的注释不算正文：\n\n```python\n# {COPIED}\n```\n\n行内代码也不算：`{COPIED}`。\n"
    assert seed_overlap.shared_runs(answer, made_up_fingerprints) == []


def test_the_generator_writes_what_the_check_reads(tmp_path: Path) -> None:
    """make_seed_fingerprints.py on a folder of seed texts, as a maintainer runs it."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_made_up.txt").write_text(MADE_UP_SEED, encoding="utf-8")
    out = tmp_path / "fingerprints.bin"
    result = subprocess.run(
        [sys.executable, str(HERE / "make_seed_fingerprints.py"), str(seeds), str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "fingerprints from 1 seed texts" in result.stdout
    fingerprints = seed_overlap.load_fingerprints(out)
    assert fingerprints == seed_overlap.fingerprints_of([MADE_UP_SEED])
    assert seed_overlap.shared_runs(f"原创。{COPIED}。", fingerprints) == [REPORTED]


def test_the_generator_refuses_an_empty_folder(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(HERE / "make_seed_fingerprints.py"), str(tmp_path), str(tmp_path / "out.bin")],
        capture_output=True, text=True,
    )
    assert result.returncode == 1 and "no seed texts" in result.stderr
    assert not (tmp_path / "out.bin").exists()


def test_the_committed_fingerprints_are_complete() -> None:
    """Every window of five seed articles (~129k characters): not a stub, not a sample."""
    fingerprints = seed_overlap.load_fingerprints()
    assert len(fingerprints) > 100_000


def test_no_answer_copies_a_seed_article() -> None:
    fingerprints = seed_overlap.load_fingerprints()
    copied = []
    for path in sorted(CONTENT.rglob("*.md")):
        for run in seed_overlap.shared_runs(path.read_text(encoding="utf-8"), fingerprints):
            copied.append(f"{path.relative_to(REPO)}: {run}")
    assert copied == [], "reword these in the project's own words (python tests/content/seed_overlap.py content/)"

"""Odd encodings and bad input: each gives a clear warning with the file name, the rest imports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizdesk.core.content.importer import plan_import
from quizdesk.core.content.importer.decode import MAX_FILE_BYTES, decode_bytes, read_source

QUESTION = "## 1. 什么是梯度裁剪？\n\n限制梯度范数。\n"


def _warnings(plan) -> list[str]:
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in plan.problems]


def test_utf8_with_bom_and_crlf() -> None:
    decoded, problems = decode_bytes(b"\xef\xbb\xbf## A\r\nb\r\n", "f.md")
    assert decoded is not None and decoded.text == "## A\nb\n" and problems == []


def test_lone_carriage_returns_become_newlines() -> None:
    decoded, _ = decode_bytes(b"## A\rb\r", "f.md")
    assert decoded is not None and decoded.text == "## A\nb\n"


def test_gbk_is_detected_converted_and_warned_with_the_file_name() -> None:
    decoded, problems = decode_bytes(QUESTION.encode("gbk"), "notes/gbk.md")
    assert decoded is not None and decoded.text == QUESTION and decoded.encoding == "gb18030"
    assert [str(p) for p in problems] == ["notes/gbk.md:1: not UTF-8: decoded as GBK/GB18030 and converted (check the text looks right)"]
    assert problems[0].severity == "warning"


def test_gb18030_only_characters() -> None:
    text = "## 什么是𠀀？\n\n€ 与 ㈠\n"
    decoded, _ = decode_bytes(text.encode("gb18030"), "f.md")
    assert decoded is not None and decoded.text == text


def test_utf16_with_bom() -> None:
    decoded, problems = decode_bytes("\ufeff## 什么是 A？\r\n答\r\n".encode("utf-16-le"), "f.md")
    assert decoded is not None and decoded.text == "## 什么是 A？\n答\n" and "UTF-16" in problems[0].message


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (bytes(range(256)) * 4, "binary file"),
        (b"Caf\xe9 au lait\n", "not UTF-8 or GBK/GB18030"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08 text", "binary file"),
    ],
)
def test_binary_and_undecodable_bytes_are_refused(data: bytes, reason: str) -> None:
    decoded, problems = decode_bytes(data, "x.md")
    assert decoded is None and reason in problems[0].message and problems[0].severity == "warning"


def test_bad_files_each_warn_and_the_rest_imports(tmp_path: Path) -> None:
    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "good.md").write_text(QUESTION, encoding="utf-8")
    (folder / "binary.md").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (folder / "empty.md").write_bytes(b"")
    (folder / "blank.md").write_bytes(b"\xef\xbb\xbf\r\n  \n")
    (folder / "latin1.md").write_bytes("## Café?\n".encode("latin-1"))
    (folder / "plain.md").write_text("# 笔记\n\n随便写写。\n\n## 安装\n\n略。\n", encoding="utf-8")
    with open(folder / "huge.md", "wb") as fh:  # 50 MB, sparse: costs no disk
        fh.truncate(50 * 1024 * 1024)
    plan = plan_import([folder])
    assert [q.title for q in plan.questions] == ["什么是梯度裁剪？"]
    warnings = _warnings(plan)
    assert "binary.md:1: skipped: binary file (contains NUL bytes), not text" in warnings
    assert "empty.md:1: skipped: empty file" in warnings
    assert "blank.md:1: skipped: empty file" in warnings
    assert any(w.startswith("latin1.md:1: skipped: not UTF-8 or GBK/GB18030") for w in warnings)
    assert "huge.md:1: skipped: file too large (50 MB; the limit is 20 MB)" in warnings
    assert any(w.startswith("plain.md:1: no question headings found") for w in warnings)
    assert all(p.severity == "warning" for p in plan.problems)
    assert plan.files_skipped == 6


def test_huge_file_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    opened: list[object] = []
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or (_ for _ in ()).throw(AssertionError("read")))
    decoded, problems = read_source(huge)
    assert decoded is None and "too large" in problems[0].message and opened == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_named_md_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    decoded, problems = read_source(fifo)
    assert decoded is None and problems[0].message == "skipped: not a regular file"


def test_missing_path_warns(tmp_path: Path) -> None:
    plan = plan_import([tmp_path / "nope.md"])
    assert [str(p) for p in plan.problems] == [f"{tmp_path / 'nope.md'}:0: no such file or folder"]


def test_unclosed_fence_warns_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "f.md"
    path.write_text("## 什么是 A？\n\n```python\n## 什么是 B？\n", encoding="utf-8")
    plan = plan_import([path])
    assert [q.title for q in plan.questions] == ["什么是 A？"]
    assert _warnings(plan) == ["f.md:3: code block never closed: headings after it are not read"]


@pytest.mark.parametrize(
    "line",
    [
        " " * 1_000_000 + "x",  # trailing-space and list-marker patterns
        "# a" + " " * 1_000_000 + "b",  # heading text with a huge gap
        "- [a](#a)" + " " * 1_000_000 + "x",  # a "TOC entry" that goes on
        "![" * 500_000,  # image openers that never close
        "<img src" * 200_000,
        "**a" * 300_000,
        "a" + "`" * 1_000_000,
    ],
    ids=["spaces", "heading-gap", "toc-tail", "image-openers", "img-tags", "emphasis", "backticks"],
)
def test_pathological_lines_cost_one_pass(tmp_path: Path, line: str) -> None:
    """A hang guard, not a benchmark: regexes that backtrack would take hours here."""
    import time

    path = tmp_path / "f.md"
    path.write_text(f"## 什么是 A？\n\n{line}\n\n## 什么是 B？\n\nb\n", encoding="utf-8")
    start = time.monotonic()
    plan = plan_import([path], media_root=tmp_path / "media")
    assert time.monotonic() - start < 30
    assert [q.title for q in plan.questions] == ["什么是 A？", "什么是 B？"]

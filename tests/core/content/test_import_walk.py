"""Folders → topics: names, keys, what is read, symlinks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quizdesk.core.content.importer import plan_import
from quizdesk.core.content.importer.walk import clean_name, collect_sources

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
QUESTION = "## 什么是 {0}？\n\n{0} 的答案。\n"


def _write(path: Path, name: str = "A") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(QUESTION.format(name), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("ch03_机器学习", "机器学习"),
        ("01-优化.md", "优化"),
        ("第三章 机器学习", "机器学习"),
        ("第12章-大模型", "大模型"),
        ("chapter-2-trees.markdown", "trees"),
        ("03_deep_learning", "deep learning"),
        ("html_h1.md", "html h1"),
        ("3D视觉.md", "3D视觉"),
        ("2024.md", "2024"),
        ("README.md", "README"),
    ],
)
def test_clean_name(name: str, cleaned: str) -> None:
    assert clean_name(name) == cleaned


def test_folder_maps_to_modules_and_sub_topics(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "repo", tmp_path / "repo")
    sources = collect_sources([tmp_path / "repo"], [], None)
    topics = [(s.relative, s.topic.module_name, s.topic.topic_name) for s in sources.files]
    assert topics == [  # natural order: ch01 before README before 第三章
        ("ch01_深度学习基础/01-优化.md", "深度学习基础", "优化"),
        ("ch01_深度学习基础/02-归一化.md", "深度学习基础", "归一化"),
        ("README.md", "repo", "README"),
        ("第三章 机器学习/gbk.md", "机器学习", "gbk"),
        ("第三章 机器学习/html_h1.md", "机器学习", "html h1"),
        ("第三章 机器学习/nasty.md", "机器学习", "nasty"),
    ]
    keys = {s.topic.module_key for s in sources.files} | {s.topic.topic_key for s in sources.files}
    assert all(k.startswith("import:") for k in keys)
    assert len({s.topic.topic_key for s in sources.files}) == 6  # one sub-topic per file
    # notes.txt is not Markdown: a folder import ignores it.
    assert not any(s.relative.endswith(".txt") for s in sources.files)


def test_nested_folders_join_into_the_sub_topic_name(tmp_path: Path) -> None:
    _write(tmp_path / "bank" / "01-ml" / "02-trees" / "03-boosting.md")
    (source,) = collect_sources([tmp_path / "bank"], [], None).files
    assert (source.topic.module_name, source.topic.topic_name) == ("ml", "trees · boosting")


def test_single_file_module_is_its_folder(tmp_path: Path) -> None:
    path = _write(tmp_path / "ch02_深度学习" / "01-优化.md")
    (source,) = collect_sources([path], [], None).files
    assert (source.topic.module_name, source.topic.topic_name, source.relative) == ("深度学习", "优化", "01-优化.md")


def test_fixed_topic_puts_everything_in_one_topic(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "repo", tmp_path / "repo")
    plan = plan_import([tmp_path / "repo"], topic="我的笔记")
    refs = {(q.topic.module_key, q.topic.module_name, q.topic.topic_key, q.topic.topic_name) for q in plan.questions}
    assert refs == {("import:module", "导入", "import:topic:我的笔记", "我的笔记")}


def test_explicit_txt_file_is_read_but_folders_only_read_markdown(tmp_path: Path) -> None:
    txt = _write(tmp_path / "notes.txt")
    assert [q.title for q in plan_import([tmp_path]).questions] == []
    assert [q.title for q in plan_import([txt]).questions] == ["什么是 A？"]


def test_hidden_and_boilerplate_files_are_skipped(tmp_path: Path) -> None:
    _write(tmp_path / ".git" / "x.md")
    _write(tmp_path / ".hidden.md")
    _write(tmp_path / "LICENSE.md")
    _write(tmp_path / "node_modules" / "pkg" / "README.md")
    _write(tmp_path / "real.md", "B")
    assert [s.relative for s in collect_sources([tmp_path], [], None).files] == ["real.md"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    _write(bank / "sub" / "q.md")
    os.symlink(bank, bank / "sub" / "loop")  # sub/loop → bank → sub → loop …
    os.symlink(bank / "sub", bank / "again")
    plan = plan_import([bank])
    assert [q.title for q in plan.questions] == ["什么是 A？"]
    messages = sorted(f"{Path(p.path).name}: {p.message}" for p in plan.problems)
    assert messages == ["again: symlinked folder not followed", "loop: symlinked folder not followed"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinked_file_pointing_outside_is_skipped(tmp_path: Path) -> None:
    outside = _write(tmp_path / "secret.md", "S")
    bank = tmp_path / "bank"
    _write(bank / "ok.md")
    os.symlink(outside, bank / "leak.md")
    os.symlink(bank / "ok.md", bank / "alias.md")
    plan = plan_import([bank])
    # A link to a file inside is fine, but one file is read once, under its own name.
    assert [q.source_path for q in plan.questions] == ["ok.md"]
    assert [p.message for p in plan.problems] == ["skipped: symlink to a file outside the imported folder"]


def test_same_file_picked_twice_is_read_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.md")
    assert len(plan_import([path, tmp_path, path]).questions) == 1


def test_two_folders_with_the_same_layout_do_not_share_keys(tmp_path: Path) -> None:
    a = _write(tmp_path / "one" / "m" / "t.md")
    b = _write(tmp_path / "two" / "m" / "t.md")
    plan = plan_import([a.parents[1], b.parents[1]])
    first, second = plan.questions
    assert first.topic.topic_key != second.topic.topic_key and first.external_id != second.external_id


def test_known_root_keeps_ids_for_a_file_reimported_alone(tmp_path: Path) -> None:
    root = tmp_path / "bank"
    path = _write(root / "m" / "t.md")
    whole = plan_import([root]).questions[0]
    alone = plan_import([path], known_roots=[root.resolve()]).questions[0]
    assert (alone.external_id, alone.topic) == (whole.external_id, whole.topic)
    assert plan_import([path]).questions[0].external_id != whole.external_id  # without it: a new root

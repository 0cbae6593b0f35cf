"""No text is lost silently: what goes into no question is a warning naming where it was (issue 7)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from quizdesk.core.content.importer import run_import
from quizdesk.core.db.models import Question
from quizdesk.core.db.store import Store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"

DROPOUT_BN_ADAM = """## 1. Dropout
Dropout 随机丢弃神经元，训练时每个神经元以概率 p 被置零，推理时不丢弃。

### 为什么有效？
相当于集成了很多共享参数的子网络，减少神经元之间的共适应。

## 2. BatchNorm
BN 对每个 mini-batch 的激活做标准化，再做可学习的缩放和平移。

### 优点是什么？
允许更大的学习率，训练更稳定，也有一定正则化效果。

## 3. Adam
Adam 结合动量与自适应学习率，对每个参数维护一阶和二阶矩估计。
"""


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_numbered_questions_with_question_like_subheadings_lose_nothing(tmp_path: Path, store: Store) -> None:
    # The review finding: the ### sub-headings won the level, Adam and both intros vanished without a warning.
    folder = tmp_path / "notes"
    _write(folder, "dl.md", DROPOUT_BN_ADAM)
    report = run_import([folder], session_factory=store.session_factory, data_dir=store.path.parent, dry_run=True)
    out = report.to_json()
    assert [q["title"] for q in out["questions"]] == ["Dropout", "BatchNorm", "Adam"]
    assert [q["source"].rsplit("/", 1)[1] for q in out["questions"]] == ["dl.md:1", "dl.md:7", "dl.md:13"]
    assert out["warnings"] == []


def test_answers_keep_their_intro_and_their_sub_headings(tmp_path: Path, store: Store) -> None:
    path = _write(tmp_path / "notes", "dl.md", DROPOUT_BN_ADAM)
    report = run_import([path], session_factory=store.session_factory, data_dir=store.path.parent)
    assert report.imported == 3 and report.problems == []
    with store.session() as s:
        answers = {q.title: q.answer_md for q in s.scalars(select(Question).where(Question.origin.startswith("import:")))}
    assert answers["Dropout"] == (
        "Dropout 随机丢弃神经元，训练时每个神经元以概率 p 被置零，推理时不丢弃。\n\n"
        "### 为什么有效？\n相当于集成了很多共享参数的子网络，减少神经元之间的共适应。"
    )
    assert answers["BatchNorm"].startswith("BN 对每个 mini-batch") and "\n### 优点是什么？\n允许更大的学习率" in answers["BatchNorm"]
    assert answers["Adam"] == "Adam 结合动量与自适应学习率，对每个参数维护一阶和二阶矩估计。"


def test_section_text_and_text_before_the_first_heading_are_warnings_with_file_and_line(tmp_path: Path) -> None:
    text = (
        "本文整理常见面试题，\n欢迎补充。\n\n"
        "## 3.1 基本概念\n\n本节介绍基本概念。\n\n### 3.1.1 什么是过拟合？\n\n甲\n\n### 3.1.2 什么是欠拟合？\n\n乙\n\n"
        "## 参考文献\n\n[1] 某论文\n[2] 另一篇论文\n"
    )
    path = _write(tmp_path, "ml.md", text)
    report = run_import([path], session_factory=None, data_dir=None)
    assert [q.title for q in report.questions] == ["什么是过拟合？", "什么是欠拟合？"]
    assert [str(p) for p in report.problems] == [
        f"{path}:1: 2 lines before the first heading not imported (part of no question)",
        f'{path}:6: 1 line under "3.1 基本概念" not imported (section text, part of no question)',
        f'{path}:18: 2 lines under "参考文献" not imported (section text, part of no question)',
    ]
    assert all(p.severity == "warning" for p in report.problems)


def test_the_fixture_repository_reports_its_two_section_texts(tmp_path: Path) -> None:
    report = run_import([FIXTURES / "repo"], session_factory=None, data_dir=None)
    dropped = sorted(str(p).split("/repo/", 1)[1] for p in report.problems if "not imported" in p.message)
    assert dropped == [
        'ch01_深度学习基础/02-归一化.md:31: 1 line under "参考资料" not imported (section text, part of no question)',
        '第三章 机器学习/nasty.md:18: 1 line under "3.1 基本概念" not imported (section text, part of no question)',
    ]


def test_a_file_without_questions_gets_one_warning_not_one_per_section(tmp_path: Path) -> None:
    path = _write(tmp_path, "readme.md", "# 项目\n\n介绍。\n\n## 安装\n\npip install x\n")
    report = run_import([path], session_factory=None, data_dir=None)
    assert len(report.problems) == 1 and "no question headings found" in report.problems[0].message

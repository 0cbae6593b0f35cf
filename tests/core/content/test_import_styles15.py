"""The styles of public interview repositories (issue 15), one fixture file each in styles15/.

Exact card titles per file; every text line of a file in exactly one card or
reported; empty stubs and files without questions are warnings; every card
renders (figures and formulas) as the app will render it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quizdesk.core.content.importer import plan_import, run_import
from quizdesk.core.content.importer.decode import read_source
from quizdesk.core.content.importer.images import media_base
from quizdesk.core.content.importer.shape import is_trimmable
from quizdesk.core.content.importer.split import split_text
from quizdesk.core.db.store import Store

STYLES = Path(__file__).resolve().parents[2] / "fixtures" / "import" / "styles15"

EXPECTED = {
    # <h2 id> questions listed in a TOC, ### / ## / #### sub-headings inside answers, one <h1> and one <h3> question.
    "01-html问题与同级小标题.md": [
        "什么是梯度消失？",
        "BatchNorm 在训练和推理时有什么不同？",
        "为什么 Transformer 用 LayerNorm？",
        "Dropout 为什么能缓解过拟合？",
        "残差连接解决了什么问题？",
    ],
    # A numbered outline: parents with text, generic leaves, mixed depths, a non-question title, a stub.
    "02-数字大纲.md": [
        "卷积层",
        "卷积的计算",
        "1*1卷积的作用",
        "VGG：模型结构",
        "VGG：优缺点",
        "ResNet：模型结构",
        "为什么残差有效？",
        "最大池化与平均池化的区别",
        "池化层有参数吗？",
        "RNN 的结构",
        "为什么 RNN 会梯度爆炸？",
        "LSTM：定义",
        "三个门的作用",
        "RNN 的结构",
    ],
    "03-outline-en.md": [
        "Logistic Regression",
        "Logistic Regression：Loss function",
        "Why not use MSE?",
        "Support Vector Machines：Model structure",
        "What is the kernel trick?",
        "Soft margin",
        "Decision Trees：Definition",
        "How is a split chosen?",
    ],
    "04-编号与标记.md": [
        "什么是过拟合？",
        "偏差与方差的权衡",
        "L1 与 L2 正则的区别",
        "1*1卷积的作用",
        "＃include 和 import 的区别",
        "__name__ 的作用",
        "__init__ 和 __new__ 的区别",
    ],
    "05-公式写法.md": ["什么是 L2 范数？", "Sigmoid 函数是什么？", "最小二乘的推导", "多行公式怎么换行？", "价格不是公式"],
    "06-图片写法.md": ["LSTM 的结构是什么？", "GAN 的训练过程是怎样的？", "注意力热力图怎么看？", "残差块长什么样？"],
    "07-html-h1编号.md": ["什么是 Focal Loss？", "1*1卷积的作用", "KL 散度与交叉熵的关系"],
}


def _plan(tmp_path: Path):
    return plan_import([STYLES], media_root=tmp_path / "media")


def test_every_file_gives_exactly_its_questions(tmp_path: Path) -> None:
    plan = _plan(tmp_path)
    got: dict[str, list[str]] = {}
    for q in plan.questions:
        got.setdefault(q.source_path, []).append(q.title)
    assert got == EXPECTED


def test_empty_stubs_and_files_without_questions_are_warnings(tmp_path: Path) -> None:
    messages = sorted(f"{Path(p.path).name}:{p.line}: {p.message}" for p in _plan(tmp_path).problems)
    assert messages == [
        '01-html问题与同级小标题.md:59: 1 line under "参考文献" not imported (section text, part of no question)',
        '02-数字大纲.md:42: 1 line under "5.3 池化层" not imported (section text, part of no question)',
        '02-数字大纲.md:76: "6.1.4 GRU" has nothing under it; not imported (an empty heading)',
        '04-编号与标记.md:11: "【三】" has nothing under it; not imported (an empty heading)',
        '04-编号与标记.md:37: "【九】什么是交叉验证？" has nothing under it; not imported (an empty heading)',
        "2024秋招日历.md:1: no question headings found (looked for headings ending in ？/?, starting with 什么/如何/为什么…, "
        "numbered, or listed in a table of contents); file skipped",
        "README.md:1: no question headings found (looked for headings ending in ？/?, starting with 什么/如何/为什么…, "
        "numbered, or listed in a table of contents); file skipped",
    ]


def test_sub_headings_at_the_same_or_a_deeper_level_stay_in_the_answer(tmp_path: Path) -> None:
    answers = {q.title: q.answer_md for q in _plan(tmp_path).questions if q.source_path.startswith("01-")}
    bn = answers["BatchNorm 在训练和推理时有什么不同？"]
    assert bn.startswith("<font color=red>关键在于统计量的来源。</font>")
    assert "## 训练时" in bn and "## 推理时" in bn and bn.endswith("#### 一个细节\n\n滑动平均的动量一般取 0.9 或 0.99。")
    assert "### 基本概念" in answers["什么是梯度消失？"] and answers["什么是梯度消失？"].endswith("- 合适的初始化")
    # The <h1> question does not swallow the <h2> question after it; 参考文献 is not in the last answer.
    assert answers["为什么 Transformer 用 LayerNorm？"].startswith("序列长度可变") and "Dropout" not in answers["为什么 Transformer 用 LayerNorm？"]
    assert answers["残差连接解决了什么问题？"] == "让梯度可以直接流回浅层：$y = x + F(x)$。"


def test_outline_parents_leaves_and_sub_headings(tmp_path: Path) -> None:
    answers = {(q.title, q.source_line): q.answer_md for q in _plan(tmp_path).questions if q.source_path.startswith("02-")}
    assert answers[("卷积层", 3)] == "卷积层用共享权重的卷积核在输入上滑动，提取局部特征。\n参数量与输入大小无关，只与卷积核大小和通道数有关。"
    assert answers[("RNN 的结构", 54)].endswith("#### 输入层\n\n每个时间步输入一个词向量。")
    assert answers[("RNN 的结构", 78)] == "按输入输出可分为一对一、一对多、多对一、多对多。"
    assert answers[("VGG：优缺点", 26)] == "结构简单；但参数量大（约 138M）。"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_answer_text_is_lost_or_duplicated(name: str) -> None:
    decoded, _ = read_source(STYLES / name)
    assert decoded is not None
    result = split_text(decoded.text)
    lines = result.scan.lines
    silent = set(result.toc.lines) | set(range(result.scan.front_matter_end))
    for heading in result.scan.headings:
        silent.update(range(heading.start, heading.end + 1))
    dropped = {i for d in result.dropped for i in d.lines}
    for index, line in enumerate(lines):
        if index in silent or is_trimmable(line):
            continue
        owners = [s.title.text for s in result.segments if index in s.answer_lines]
        # In exactly one card, or reported (section text) and in none.
        assert len(owners) + (index in dropped) == 1, f"{name}:{index + 1} {line!r} in {owners}, reported: {index in dropped}"
    # The cards hold those lines as written.
    plan = plan_import([STYLES / name])
    assert [q.answer_md for q in plan.questions] == [s.answer for s in result.segments]


def test_every_card_renders_without_a_problem(tmp_path: Path, store: Store) -> None:
    from quizdesk.core.render import MathCache, render_markdown

    data = store.path.parent
    report = run_import([STYLES], session_factory=store.session_factory, data_dir=data)
    assert report.images == 4
    plan = plan_import([STYLES], media_root=data / "media")
    cache = MathCache()
    for q in plan.questions:
        rendered = render_markdown(q.answer_md, base_dir=media_base(data, plan.roots[0].origin), cache=cache)
        assert rendered.problems == (), (q.title, rendered.problems)
    figures = {q.title: q.answer_md for q in plan.questions if q.source_path.startswith("06-")}
    assert figures["LSTM 的结构是什么？"].startswith("![LSTM 结构](<img/ch14/lstm cell.png>)")
    assert figures["GAN 的训练过程是怎样的？"].startswith("![GAN](<assets/gan training.png>)")
    assert figures["注意力热力图怎么看？"].startswith('<img src="assets/attention map.png" width="400">')
    assert figures["残差块长什么样？"].startswith('![残差块](<assets/res block.png> "残差块")')


def test_reimport_of_every_style_keeps_ids_and_progress(tmp_path: Path, store: Store) -> None:
    import shutil

    from sqlalchemy import select

    from quizdesk.core.db.models import Attempt, Question, utcnow

    bank = tmp_path / "bank"
    shutil.copytree(STYLES, bank)
    data = store.path.parent
    first = run_import([bank], session_factory=store.session_factory, data_dir=data)
    assert first.imported == 46
    with store.session() as s:
        vgg = s.scalars(select(Question).where(Question.title == "VGG：模型结构")).one()
        s.add(Attempt(question_id=vgg.id, mode="study", given=None, score=1.0, rating=4, answered_at=utcnow()))
        vgg_id = vgg.id
    again = run_import([bank], session_factory=store.session_factory, data_dir=data)
    assert (again.imported, again.updated, again.unchanged, again.retired) == (0, 0, 46, 0)
    # Renumbering the outline and editing the answer updates the card in place.
    outline = bank / "02-数字大纲.md"
    outline.write_text(outline.read_text(encoding="utf-8").replace("5.2.1.1 模型结构", "5.2.1.3 模型结构").replace(
        "全部使用 3x3 卷积", "全部使用 3x3 卷积（Simonyan & Zisserman）"), encoding="utf-8")
    edited = run_import([bank], session_factory=store.session_factory, data_dir=data)
    assert (edited.imported, edited.updated, edited.retired) == (0, 1, 0)
    with store.session() as s:
        edited_vgg = s.get(Question, vgg_id)
        assert edited_vgg is not None and "Simonyan" in edited_vgg.answer_md
        assert s.scalars(select(Attempt.question_id)).all() == [vgg_id]

"""The heading rule on the fixture files and on small hand-made cases (docs/import.md)."""

from __future__ import annotations

from pathlib import Path

from quizdesk.core.content.importer.decode import read_source
from quizdesk.core.content.importer.split import split_text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"
REPO = FIXTURES / "repo"


def _split_file(path: Path):
    decoded, _ = read_source(path)
    assert decoded is not None
    return split_text(decoded.text)


def _titles(text: str) -> list[str]:
    return [s.title.text for s in split_text(text).segments]


def _answers(text: str) -> dict[str, str]:
    return {s.title.text: s.answer for s in split_text(text).segments}


# --- the fixture files -------------------------------------------------------


def test_bracket_numbered_h2_with_answer_subheadings() -> None:
    result = _split_file(REPO / "ch01_深度学习基础" / "01-优化.md")
    assert [s.title.text for s in result.segments] == [
        "什么是梯度下降？",
        "Adam 优化器的原理是什么？",
        "说说学习率预热（warmup）的作用",
    ]
    first, second, third = (s.answer for s in result.segments)
    assert "### 全局最优" in first and "### 局部最优" in first
    assert "$$\n\\theta_{t+1} = \\theta_t - \\eta \\nabla_\\theta L(\\theta_t)\n$$" in first
    assert "<font color=red>全局最优</font>" in first and "<br>实际训练中鞍点更常见。" in first
    assert "```python\n# 这是注释，不是标题\noptimizer = torch.optim.Adam(model.parameters(), lr=1e-3)\n```" in second
    assert "$m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t$" in second
    assert "![Adam 曲线](https://example.com/adam.png)" in second
    assert "\\(\\eta_t = \\eta \\cdot t / T\\)" in third and "\\[\n\\eta_t = \\eta_{max} \\cdot \\min(1, t/T)\n\\]" in third


def test_h3_questions_in_mixed_numbering_under_sections() -> None:
    result = _split_file(REPO / "ch01_深度学习基础" / "02-归一化.md")
    assert result.question_level == 3
    assert [s.title.text for s in result.segments] == [
        "什么是 Batch Normalization？",
        "LayerNorm 与 BatchNorm 的区别",
        "为什么 Transformer 使用 LayerNorm？",
        "GroupNorm 适用于什么场景？",
    ]
    bn = result.segments[0].answer
    assert bn.startswith("BN 对每个 mini-batch") and "#### 1. 训练阶段" in bn and bn.endswith("用训练时累计的滑动平均。")
    # The "参考资料" section after the last question is not part of its answer.
    assert result.segments[-1].answer == "小 batch 的检测与分割任务。"
    assert [h.text for h in result.sections] == ["归一化", "基础", "参考资料"]


def test_html_h1_questions_with_an_html_h2_inside_an_answer() -> None:
    result = _split_file(REPO / "第三章 机器学习" / "html_h1.md")
    assert [s.title.text for s in result.segments] == ["什么是交叉熵？", "Dropout的作用", "KL 散度与交叉熵的关系"]
    dropout = result.segments[1].answer
    assert '<h2 id="12-1">为什么能防止过拟合</h2>' in dropout and dropout.endswith("相当于集成了很多共享参数的子网络。")
    assert result.segments[2].answer == "$D_{KL}(p\\|q) = H(p,q) - H(p)$"


def test_nasty_mix_bom_crlf_front_matter_toc_sections_code_math_font() -> None:
    path = REPO / "第三章 机器学习" / "nasty.md"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the fixture is what it claims to be
    result = _split_file(path)
    assert result.question_level == 3
    assert [s.title.text for s in result.segments] == ["什么是过拟合？", "偏差与方差", "SVM 的核函数有什么作用？", "决策树如何剪枝"]
    overfit, bias, svm, tree = (s.answer for s in result.segments)
    assert overfit.startswith("模型在训练集上表现好")
    assert "#### 1. 损失函数" in overfit and "#### 2. 正则化" in overfit
    assert "$$\nL = \\frac{1}{N}\\sum_{i=1}^{N} (y_i - \\hat{y}_i)^2 + \\lambda \\lVert w \\rVert_2^2\n$$" in overfit
    assert "```python\n# L2 正则\n## 这也不是标题\nloss = mse + lam * (w ** 2).sum()\n```" in overfit
    assert "返回目录" not in overfit and "\r" not in overfit
    assert bias == "偏差是 $E[\\hat f] - f$，方差是 $E[(\\hat f - E[\\hat f])^2]$。<font color=#FF0000>二者需要权衡</font>。"
    assert "![核函数示意](img/kernel.png)" in svm and '<img src="img/kernel.png" width="300">' in svm
    assert tree.endswith("~~~\n# 波浪线围栏里的注释\n~~~")
    # The TOC, its heading, the front matter and the page title are never questions or answer text.
    every = "\n".join(s.title.text + "\n" + s.answer for s in result.segments)
    assert "](#" not in every and "title: 机器学习面试题" not in every and "机器学习面试题汇总" not in every
    assert {h.text for h in result.sections} >= {"目录", "3.1 基本概念", "3.2 模型"}


def test_flat_toc_names_questions_that_do_not_look_like_questions() -> None:
    result = _split_file(FIXTURES / "styles" / "toc_flat_h2.md")
    assert [s.title.text for s in result.segments] == ["Batch Normalization", "Dropout", "残差连接"]
    assert "### 公式" in result.segments[0].answer
    assert sorted(result.toc.lines) == [0, 1, 2]


def test_every_numbering_style() -> None:
    result = _split_file(FIXTURES / "styles" / "numbering.md")
    assert [s.title.text for s in result.segments] == [
        "什么是 softmax？",
        "交叉熵损失为什么适合分类？",
        "解释一下 ReLU 的优缺点",
        "如何处理类别不平衡？",
        "什么是 Focal Loss？",
        "注意力机制的计算复杂度是多少？",
        "位置编码有哪些？",
    ]


# --- the rule on small cases --------------------------------------------------


def test_no_question_heading_gives_no_segment() -> None:
    result = split_text("# 项目\n\n介绍。\n\n## 安装\n\npip install x\n")
    assert result.segments == [] and result.question_level is None


def test_chapter_headings_are_sections_and_their_intro_is_not_an_answer() -> None:
    text = "# 第三章 树模型\n\n本章讲树。\n\n## 1. 什么是决策树？\n\n一种树。\n\n# 第四章 集成\n\n## 2. 什么是随机森林？\n\n多棵树。\n"
    assert _answers(text) == {"什么是决策树？": "一种树。", "什么是随机森林？": "多棵树。"}


def test_question_like_subheadings_inside_answers_stay_inside() -> None:
    text = (
        "## 1. 什么是 BN？\n\nBN 是……\n\n### 为什么 BN 有效？\n\n平滑损失面。\n\n### BN 的缺点是什么？\n\n依赖 batch。\n\n"
        "## 2. 什么是 LN？\n\nLN 是……\n"
    )
    answers = _answers(text)
    assert list(answers) == ["什么是 BN？", "什么是 LN？"]
    assert "### 为什么 BN 有效？" in answers["什么是 BN？"] and answers["什么是 BN？"].endswith("依赖 batch。")


def test_plain_document_title_at_the_question_level_is_a_section() -> None:
    text = "# 深度学习面试题\n\n本文整理常见问题。\n\n# 1. 什么是 BN？\n\n答 1\n\n# 2. 什么是 LN？\n\n答 2\n"
    assert _titles(text) == ["什么是 BN？", "什么是 LN？"]


def test_group_heading_above_questions_at_a_deeper_level() -> None:
    text = "<h1>面试题</h1>\n\n### 什么是 A？\n\n甲\n\n### 什么是 B？\n\n乙\n\n<h1 id='c'>3.什么是 C？</h1>\n\n丙\n"
    assert _answers(text) == {"什么是 A？": "甲", "什么是 B？": "乙", "什么是 C？": "丙"}


def test_section_words_at_the_question_level_end_the_previous_answer() -> None:
    text = "## 1. 什么是 A？\n\n甲\n\n## 参考文献\n\n[1] 某论文\n\n## 总结\n\n略\n"
    assert _answers(text) == {"什么是 A？": "甲"}


def test_weakly_numbered_headings_are_questions_when_nothing_looks_more_like_one() -> None:
    text = "# 笔记\n\n## 1. Dropout\n\n随机失活。\n\n### 1. 原理\n\n集成。\n\n## 2. BatchNorm\n\n归一化。\n"
    answers = _answers(text)
    assert list(answers) == ["Dropout", "BatchNorm"] and "### 1. 原理" in answers["Dropout"]


def test_code_fences_hide_headings_even_when_indented_or_tilde() -> None:
    text = "## 什么是 A？\n\n  ```bash\n# 不是标题\n  ```\n\n~~~~\n## 也不是\n~~~~\n\n<!--\n## 注释里的\n-->\n\n## 什么是 B？\n\nb\n"
    assert _titles(text) == ["什么是 A？", "什么是 B？"]


def test_unclosed_fence_is_reported_and_hides_what_follows() -> None:
    result = split_text("## 什么是 A？\n\n```python\n# x\n\n## 什么是 B？\n")
    assert result.scan.unclosed_fence == 2 and [s.title.text for s in result.segments] == ["什么是 A？"]


def test_front_matter_is_skipped_but_a_lone_rule_is_not_front_matter() -> None:
    assert _titles("---\ntitle: 什么是 X？\n---\n## 什么是 A？\na\n") == ["什么是 A？"]
    assert _answers("---\n\n## 什么是 A？\na\n---\n") == {"什么是 A？": "a"}


def test_html_heading_spanning_lines_and_atx_closing_hashes() -> None:
    text = '<h2 id="q1">\n  1. 什么是 A？\n</h2>\n\na\n\n## 2. 什么是 B？ ##\n\nb\n'
    assert _answers(text) == {"什么是 A？": "a", "什么是 B？": "b"}


def test_back_to_top_links_and_trailing_rules_are_not_answer_text() -> None:
    text = "## 什么是 A？\n\na\n\n[回到顶部](#top)\n\n---\n\n<a id=\"b\"></a>\n\n## 什么是 B？\n\nb\n"
    assert _answers(text)["什么是 A？"] == "a"


def test_toc_under_a_contents_heading_with_unresolvable_anchors_is_still_dropped() -> None:
    text = "## 目录\n- [甲](#x1)\n- [乙](#x2)\n\n## 什么是甲？\n\n甲\n"
    result = split_text(text)
    assert [s.title.text for s in result.segments] == ["什么是甲？"] and sorted(result.toc.lines) == [1, 2]


def test_links_list_inside_an_answer_that_is_not_a_toc_stays() -> None:
    text = "## 什么是 A？\n\n参见：\n- [论文](#no-such-1)\n- [代码](#no-such-2)\n- [博客](#no-such-3)\n"
    assert "- [博客](#no-such-3)" in _answers(text)["什么是 A？"]


def test_duplicate_and_empty_titles_still_split() -> None:
    result = split_text("## 1.\n\n只有编号的标题\n\n## 1.\n\n又一个\n")
    assert len(result.segments) == 2


# --- numbered questions whose answers hold question-like sub-headings ---------

DROPOUT_BN_ADAM = (
    "## 1. Dropout\n"
    "Dropout 随机丢弃神经元，训练时每个神经元以概率 p 被置零。\n"
    "### 为什么有效？\n"
    "相当于集成了很多共享参数的子网络。\n"
    "## 2. BatchNorm\n"
    "BN 对每个 mini-batch 的激活做标准化。\n"
    "### 优点是什么？\n"
    "允许更大的学习率，训练更稳定。\n"
    "## 3. Adam\n"
    "Adam 结合动量与自适应学习率。\n"
)


def test_numbered_headings_with_text_are_the_questions_and_question_like_subheadings_their_answers() -> None:
    # The ### headings look more like questions, but the ## ones carry text of their own:
    # they are the questions, and nothing (Adam, the intros) is dropped.
    result = split_text(DROPOUT_BN_ADAM)
    assert result.question_level == 2
    assert _answers(DROPOUT_BN_ADAM) == {
        "Dropout": "Dropout 随机丢弃神经元，训练时每个神经元以概率 p 被置零。\n### 为什么有效？\n相当于集成了很多共享参数的子网络。",
        "BatchNorm": "BN 对每个 mini-batch 的激活做标准化。\n### 优点是什么？\n允许更大的学习率，训练更稳定。",
        "Adam": "Adam 结合动量与自适应学习率。",
    }
    assert result.dropped == [] and result.sections == []


def test_numbered_questions_without_an_intro_of_their_own_still_take_the_level() -> None:
    text = DROPOUT_BN_ADAM.replace("BN 对每个 mini-batch 的激活做标准化。\n", "")
    assert _titles(text) == ["Dropout", "BatchNorm", "Adam"]
    assert _answers(text)["BatchNorm"].startswith("### 优点是什么？")


def test_numbering_that_continues_the_parent_keeps_the_deeper_headings_as_questions() -> None:
    text = (
        "## 3.1 基本概念\n\n本节介绍基本概念。\n\n### 3.1.1 什么是过拟合？\n\n甲\n\n### 3.1.2 什么是欠拟合？\n\n乙\n\n"
        "## 3.2 模型\n\n本节讲模型。\n\n### 3.2.1 什么是 SVM？\n\n丙\n"
    )
    result = split_text(text)
    assert _answers(text) == {"什么是过拟合？": "甲", "什么是欠拟合？": "乙", "什么是 SVM？": "丙"}
    # The section introductions are reported, not silently dropped.
    assert [(d.title.plain if d.title else None, d.lines, d.reason) for d in result.dropped] == [
        ("3.1 基本概念", (2,), "section"),
        ("3.2 模型", (14,), "section"),
    ]


def test_a_toc_whose_leaves_are_the_deeper_headings_keeps_them_as_questions() -> None:
    text = (
        "- [1. 基础](#1-基础)\n  - [什么是A？](#什么是a)\n  - [什么是B？](#什么是b)\n- [2. 进阶](#2-进阶)\n  - [什么是C？](#什么是c)\n\n"
        "## 1. 基础\n\n简介一。\n\n### 什么是A？\n\n甲\n\n### 什么是B？\n\n乙\n\n## 2. 进阶\n\n简介二。\n\n### 什么是C？\n\n丙\n"
    )
    assert _titles(text) == ["什么是A？", "什么是B？", "什么是C？"]


def test_a_numbered_page_title_with_an_intro_does_not_swallow_the_questions() -> None:
    text = "# 1. 深度学习笔记\n\n简介。\n\n## 什么是A？\n\n甲\n\n## 什么是B？\n\n乙\n"
    result = split_text(text)
    assert _titles(text) == ["什么是A？", "什么是B？"]
    assert [(d.title.plain if d.title else None, d.lines) for d in result.dropped] == [("1. 深度学习笔记", (2,))]


def test_a_question_above_the_question_level_without_questions_under_it_is_a_question() -> None:
    questions = "".join(f"### 3.1.{n} 什么是{x}？\n\n答{x}\n\n" for n, x in enumerate("ABCDE", 1))
    text = f"## 3.1 基础\n\n{questions}## 总结：为什么要做特征工程？\n\n因为特征决定上限。\n"
    result = split_text(text)
    assert result.question_level == 3
    assert _titles(text)[-1] == "总结：为什么要做特征工程？"
    assert _answers(text)["总结：为什么要做特征工程？"] == "因为特征决定上限。"


# --- text that goes into no question is reported -------------------------------


def test_text_before_the_first_heading_and_under_sections_is_listed_as_dropped() -> None:
    text = "本文整理面试题。\n\n## 什么是A？\n\n甲\n\n## 参考文献\n\n[1] 某论文\n[2] 另一篇\n"
    result = split_text(text)
    assert [(d.title.plain if d.title else None, d.lines, d.reason) for d in result.dropped] == [
        (None, (0,), "preamble"),
        ("参考文献", (8, 9), "section"),
    ]


def test_a_table_of_contents_cut_out_of_an_answer_is_listed_as_dropped() -> None:
    text = "## 什么是A？\n\n见：\n- [什么是B？](#什么是b)\n- [什么是C？](#什么是c)\n- [什么是A？](#什么是a)\n\n## 什么是B？\n\n乙\n\n## 什么是C？\n\n丙\n"
    result = split_text(text)
    assert _answers(text)["什么是A？"] == "见："
    assert [(d.title.text if d.title else None, d.lines, d.reason) for d in result.dropped] == [("什么是A？", (3, 4, 5), "toc")]


def test_a_leading_toc_front_matter_and_back_to_top_links_go_without_a_warning() -> None:
    path = REPO / "第三章 机器学习" / "nasty.md"
    result = _split_file(path)
    # Only the one line of section introduction is reported.
    assert [(d.title.plain if d.title else None, d.lines, d.reason) for d in result.dropped] == [("3.1 基本概念", (17,), "section")]


# --- issue 15: numbered questions are marks too --------------------------------


def test_plain_same_level_sub_headings_stay_in_numbered_answers() -> None:
    text = (
        "## 问题 6：什么是 BN？\n\nBN 归一化。\n\n## 训练时\n\n用 batch 统计量。\n\n## 推理时\n\n用滑动平均。\n\n"
        "## 问题 7：什么是 LN？\n\nLN 归一化。\n\n## 问题 8：为什么 Transformer 用 LN？\n\n序列长度可变。\n\n## 扩展阅读\n\n- 某论文\n"
    )
    result = split_text(text)
    assert [s.title.text for s in result.segments] == ["什么是 BN？", "什么是 LN？", "为什么 Transformer 用 LN？"]
    assert result.segments[0].answer == "BN 归一化。\n\n## 训练时\n\n用 batch 统计量。\n\n## 推理时\n\n用滑动平均。"
    assert result.segments[2].answer == "序列长度可变。"
    assert [(d.title.plain if d.title else None, d.reason) for d in result.dropped] == [("扩展阅读", "section")]


def test_unnumbered_files_keep_plain_headings_as_questions() -> None:
    # Without numbered questions nothing marks "训练时" as a sub-heading: the level rule decides.
    text = "## 什么是 BN？\n\nBN。\n\n## Dropout\n\n随机失活。\n\n## 什么是 LN？\n\nLN。\n"
    assert _titles(text) == ["什么是 BN？", "Dropout", "什么是 LN？"]

"""Title cleaning (numbering, markup) and the question-likeness score of the importer."""

from __future__ import annotations

import pytest

from quizdesk.core.content.importer.titles import clean_title, id_key, question_score


@pytest.mark.parametrize(
    ("raw", "title", "numbering"),
    [
        ("【一】什么是梯度下降？", "什么是梯度下降？", "question"),
        ("1. 什么是过拟合？", "什么是过拟合？", "plain"),
        ("3.1.1 什么是过拟合？", "什么是过拟合？", "plain"),
        ("12.Dropout的作用", "Dropout的作用", "plain"),
        ("2、LayerNorm 与 BatchNorm 的区别", "LayerNorm 与 BatchNorm 的区别", "plain"),
        ("Q1: 什么是 softmax？", "什么是 softmax？", "question"),
        ("Q1. 什么是 softmax？", "什么是 softmax？", "question"),
        ("q12、为什么？", "为什么？", "question"),
        ("第1题 什么是 RoPE？", "什么是 RoPE？", "question"),
        ("第十二题：什么是 RoPE？", "什么是 RoPE？", "question"),
        ("问题3：如何调参？", "如何调参？", "question"),
        ("第三章 机器学习", "机器学习", "chapter"),
        ("Chapter 3: Trees", "Trees", "chapter"),
        ("（2）偏差与方差", "偏差与方差", "plain"),
        ("一、基本概念", "基本概念", "plain"),
        ("【二】1. 嵌套编号？", "嵌套编号？", "question"),
        ("**Adam** 优化器的原理是什么？", "Adam 优化器的原理是什么？", ""),
        ("<font color=red>KL 散度</font>与交叉熵的关系", "KL 散度与交叉熵的关系", ""),
        ('13.<font color="#f00">KL</font> 散度', "KL 散度", "plain"),
        ("什么是 __注意力__ 与 *位置编码*？", "什么是 注意力 与 位置编码？", ""),
        ("[链接标题](https://x.y) 是什么？", "链接标题 是什么？", ""),
        ("a&lt;b 时怎么办？", "a<b 时怎么办？", ""),
        ("List<int> 与 batch_size 的关系", "List<int> 与 batch_size 的关系", ""),
        ("什么是 `torch.no_grad()`？", "什么是 `torch.no_grad()`？", ""),
        ("换行<br>标题", "换行 标题", ""),
    ],
)
def test_clean_title_strips_numbering_and_markup(raw: str, title: str, numbering: str) -> None:
    cleaned = clean_title(raw)
    assert cleaned.text == title
    assert cleaned.numbering == numbering


@pytest.mark.parametrize(
    "text",
    ["3.5亿参数的模型怎么部署？", "2:1 的采样比例合理吗？", "1.5 倍学习率会怎样？", "问一下：什么是 BN？", "第一个问题是什么？", "3D 卷积是什么？"],
)
def test_numbers_that_are_not_numbering_stay(text: str) -> None:
    assert clean_title(text).text == text


def test_full_width_punctuation_is_kept() -> None:
    assert clean_title("1. 请解释：什么是「注意力」？").text == "请解释：什么是「注意力」？"


@pytest.mark.parametrize(
    ("raw", "looks_like_question"),
    [
        ("什么是过拟合？", True),
        ("Why does BN help?", True),
        ("介绍一下 Transformer", True),
        ("简述 Adam", True),
        ("说说 RLHF 的流程", True),
        ("Q3 LoRA", True),
        ("12.Dropout的作用", True),
        ("全局最优", False),
        ("1. 损失函数", False),
        ("3.1 基本概念", False),
        ("原理", False),
        ("第三章 机器学习", False),
        ("目录", False),
        ("参考文献", False),
    ],
)
def test_question_score(raw: str, looks_like_question: bool) -> None:
    assert (question_score(clean_title(raw)) >= 2) is looks_like_question


def test_section_words_and_chapters_score_below_zero() -> None:
    assert question_score(clean_title("目录")) < 0
    assert question_score(clean_title("第三章 树模型")) < 0


def test_id_key_ignores_width_case_spacing_and_end_punctuation() -> None:
    assert id_key("什么是 BatchNorm？") == id_key("什么是batchnorm?") == id_key("什么是ＢａｔｃｈＮｏｒｍ")


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        # Numbering is stripped only up to its separator: "12." here, the title keeps "1*1".
        ("12.1*1卷积的作用", "1*1卷积的作用"),
        ("1*1卷积的作用", "1*1卷积的作用"),
        ("2.1x1 卷积和 3x3 卷积的区别", "1x1 卷积和 3x3 卷积的区别"),
        ("3.1.1什么是过拟合？", "什么是过拟合？"),
        # Debris of a broken tag before the title.
        ('">52.＃include 和 import 的区别', "＃include 和 import 的区别"),
        ('id="q7">7.什么是 BN？', "什么是 BN？"),
        ('什么是 BN？<a href="#top"', "什么是 BN？"),
        # Markdown escapes and Python dunder names keep their characters.
        ("\\_\\_name\\_\\_ 的作用", "__name__ 的作用"),
        ("__init__ 和 __new__ 的区别", "__init__ 和 __new__ 的区别"),
        ('if \\_\\_name\\_\\_ == "\\_\\_main\\_\\_" 有什么用？', 'if __name__ == "__main__" 有什么用？'),
        ("a\\*b 与 a\\_b", "a*b 与 a_b"),
    ],
)
def test_titles_keep_what_the_reader_saw(raw: str, title: str) -> None:
    assert clean_title(raw).text == title


def test_a_unit_that_starts_a_word_is_numbering_not_a_quantity() -> None:
    assert clean_title("3.3 位置编码").text == "位置编码"
    assert clean_title("4.2 层归一化的作用").text == "层归一化的作用"
    assert clean_title("2.5 位").text == "2.5 位"


def test_a_quantity_before_x_is_not_numbering_but_a_product_is() -> None:
    assert clean_title("3.5x 加速的原因").text == "3.5x 加速的原因"
    assert clean_title("7.5B 模型怎么部署？").text == "7.5B 模型怎么部署？"

"""Search ranks what a question is about above a passing mention, and says why each result matched."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizdesk.core.content.bundled import sync_bundled_bank
from quizdesk.core.db.store import Store
from quizdesk.core.search import search
from quizdesk.core.search_snippet import find_spans, plain_text, snippet

BANK = """# 深度学习 · 注意力
<!-- module: 深度学习; module_en: Deep learning; topic: 注意力; topic_en: Attention -->

## 什么是混合精度训练？
<!-- id: r-amp; type: open; difficulty: 2 -->

前向和反向用 FP16 或 BF16 计算，主权重保留 FP32 副本，配合损失缩放防止梯度下溢；
速度更快，也顺带省了一些显存，但要留意数值范围。

## FlashAttention 相比朴素注意力实现，主要减少了什么？
<!-- id: r-flash; type: single; difficulty: 2 -->

- [x] 显存读写
- [ ] 参数量

### 解析
它按块计算，不把整个分数矩阵写回显存。

## 什么是 KV Cache？
<!-- id: r-kv; type: open; difficulty: 2 -->

解码时缓存每层的键和值，避免对已生成的前缀重复计算键和值的投影；它随序列长度和层数线性增长，批越大占用越多，
在长上下文的推理服务中往往是最主要的开销之一。长序列下注意力的显存占用主要来自它，所以有了 GQA 和分页管理。

## 缩放点积注意力中除以 √d_k 的主要原因是：
<!-- id: r-scale; type: single; difficulty: 2 -->

- [x] 防止 softmax 饱和
- [ ] 加快训练

### 解析
点积方差随维度增长。

## BatchNorm 与 LayerNorm 有什么区别？
<!-- id: r-norm; type: open; difficulty: 2 -->

一个沿批维度归一化，一个沿特征维度。

## 介绍一下Transformer中的Self-Attention机制
<!-- id: r-self; type: open; difficulty: 2 -->

**自注意力**让序列里每个位置根据内容决定从其他位置取多少信息，一步就能连接任意两个位置。
多头注意力把维度拆开并行计算；注意力矩阵的大小是 $O(n^2)$。

### 要点
- 注意力权重由 softmax 归一化

## 交叉注意力与自注意力有什么区别？
<!-- id: r-cross; type: open; difficulty: 2 -->

交叉注意力的 Q 来自解码器，K、V 来自编码器。
"""


@pytest.fixture
def ranked_store(store: Store, tmp_path: Path) -> Store:
    bank = tmp_path / "bank" / "01-dl"
    bank.mkdir(parents=True)
    (bank / "01-attention.md").write_text(BANK, encoding="utf-8")
    with store.session() as session:
        sync_bundled_bank(session, tmp_path / "bank")
    return store


def _titles(store: Store, query: str) -> list[str]:
    with store.read() as connection:
        return [hit.title for hit in search(connection, query)]


def test_questions_about_the_term_come_before_passing_mentions(ranked_store: Store) -> None:
    titles = _titles(ranked_store, "注意力")
    assert titles == [
        # open questions whose title names it, in either language, shorter titles first
        "交叉注意力与自注意力有什么区别？",
        "介绍一下Transformer中的Self-Attention机制",
        # choice questions that name it in their title
        "缩放点积注意力中除以 √d_k 的主要原因是：",
        "FlashAttention 相比朴素注意力实现，主要减少了什么？",
        # the answer mentions it in passing
        "什么是 KV Cache？",
    ]


def test_the_english_name_finds_the_chinese_titles_too(ranked_store: Store) -> None:
    titles = _titles(ranked_store, "attention")
    assert titles[:2] == ["交叉注意力与自注意力有什么区别？", "介绍一下Transformer中的Self-Attention机制"]
    assert "什么是 KV Cache？" in titles


def test_matches_outside_titles_are_ranked_by_where_and_how_often(ranked_store: Store) -> None:
    # 显存 is in no title: the question whose choice and explanation are about
    # memory traffic ranks above the answers that mention it once (one of
    # them comes first in the bank)
    titles = _titles(ranked_store, "显存")
    assert set(titles) == {"FlashAttention 相比朴素注意力实现，主要减少了什么？", "什么是 KV Cache？", "什么是混合精度训练？"}
    assert titles[0] == "FlashAttention 相比朴素注意力实现，主要减少了什么？"


def _snippet(store: Store, title: str, query: str):
    with store.read() as connection:
        hit = next(h for h in search(connection, query) if h.title == title)
        return snippet(connection, hit.question_id, query)


def test_the_snippet_shows_the_matched_term_in_readable_text(ranked_store: Store) -> None:
    found = _snippet(ranked_store, "什么是 KV Cache？", "注意力")
    assert found is not None and found.field == "answer"
    assert [found.text[s:e] for s, e in found.spans] == ["注意力"]
    assert found.text.startswith("…") and "长序列下注意力的显存" in found.text
    # markdown and formula markers are not shown
    about = _snippet(ranked_store, "介绍一下Transformer中的Self-Attention机制", "注意力")
    assert about is not None and about.text.startswith("自注意力让序列") and "**" not in about.text and "$" not in about.text
    assert [about.text[s:e] for s, e in about.spans][:2] == ["注意力", "注意力"]


def test_the_snippet_highlights_the_other_language_and_any_case(ranked_store: Store) -> None:
    found = _snippet(ranked_store, "什么是 KV Cache？", "ATTENTION")
    assert found is not None and [found.text[s:e] for s, e in found.spans] == ["注意力"]


def test_spans_prefer_the_longest_name_and_do_not_overlap() -> None:
    text = "Self-Attention 与 attention"
    assert [text[s:e] for s, e in find_spans(text, ["注意力"])] == ["Attention", "attention"]
    assert find_spans("无关的文字", ["注意力"]) == ()
    assert plain_text("## 标题\n\n- **加粗** 与 `代码` 和 [链接](http://x) $x^2$\n```py\nprint(1)\n```\n") == "标题 加粗 与 代码 和 链接 x^2"


def test_a_word_too_common_to_rank_still_lists_titles_first(ranked_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    import quizdesk.core.search as search_module

    monkeypatch.setattr(search_module, "MAX_RANKED", 2)  # as if 注意力 were in thousands of questions
    titles = _titles(ranked_store, "注意力")
    assert titles[:4] == [
        "交叉注意力与自注意力有什么区别？",
        "介绍一下Transformer中的Self-Attention机制",
        "缩放点积注意力中除以 √d_k 的主要原因是：",
        "FlashAttention 相比朴素注意力实现，主要减少了什么？",
    ]
    assert titles[4:] == ["什么是 KV Cache？"]


def test_a_title_only_match_shows_the_start_of_its_text(ranked_store: Store) -> None:
    found = _snippet(ranked_store, "交叉注意力与自注意力有什么区别？", "区别")
    assert found is not None and found.spans == () and found.text.startswith("交叉注意力的 Q 来自解码器")

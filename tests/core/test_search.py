"""Full-text search in Chinese and Latin, trigram index and LIKE fallback."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from quizdesk.core.content.bundled import sync_bundled_bank
from quizdesk.core.db.models import Question
from quizdesk.core.db.store import Store
from quizdesk.core.search import search


def _titles(store: Store, query: str) -> list[str]:
    with store.session() as s:
        return [h.title for h in search(s, query)]


def test_five_character_chinese_query_uses_the_index(synced_store: Store) -> None:
    assert _titles(synced_store, "缩放点积注") == ["介绍一下Transformer中的Self-Attention机制"]


def test_two_character_chinese_query_matches_titles_first_then_answers(synced_store: Store) -> None:
    titles = _titles(synced_store, "裁剪")
    assert titles[0] == "什么是深度学习中的梯度裁剪技术？"  # title matches first
    assert set(titles) == {
        "什么是深度学习中的梯度裁剪技术？",
        "按全局范数裁剪梯度后，梯度会：",
        "按值裁剪不会改变梯度方向。",
    }


def test_latin_query_is_case_insensitive_and_terms_combine(synced_store: Store) -> None:
    assert _titles(synced_store, "transformer") == ["介绍一下Transformer中的Self-Attention机制"]
    assert _titles(synced_store, "softmax 价格") == ["介绍一下Transformer中的Self-Attention机制"]
    assert _titles(synced_store, "softmax 裁剪") == []


def test_index_follows_edits_and_retirements(synced_store: Store, bank_dir: Path) -> None:
    with synced_store.session() as s:
        q = s.scalars(select(Question).where(Question.external_id == "t-attn")).one()
        q.answer_md = "改写后的答案：旋转位置编码"
    assert _titles(synced_store, "旋转位置编码") == ["介绍一下Transformer中的Self-Attention机制"]
    assert _titles(synced_store, "缩放点积注") == []
    (bank_dir / "02-more" / "01-attention.md").unlink()
    with synced_store.session() as s:
        sync_bundled_bank(s, bank_dir, force=True)
    assert _titles(synced_store, "Transformer") == []


def test_odd_queries_do_not_break(synced_store: Store) -> None:
    for query in ['"', "AND OR NOT", "%_", "'; DROP TABLE questions; --", "   ", "a*", "NEAR(x y)"]:
        _titles(synced_store, query)
    assert _titles(synced_store, "梯度") != []


def test_two_character_query_finds_answer_text_through_the_index(synced_store: Store) -> None:
    # "价格" only appears inside the attention answer, never in a title.
    assert _titles(synced_store, "价格") == ["介绍一下Transformer中的Self-Attention机制"]


def test_one_character_query_searches_titles_only(synced_store: Store) -> None:
    assert _titles(synced_store, "值") == ["按值裁剪不会改变梯度方向。"]
    assert _titles(synced_store, "价") == []  # only in an answer


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_query_returns_hits_without_raising(query: str) -> None:
    # One store for all examples: hypothesis cannot use function-scoped fixtures.
    global _FUZZ_STORE
    if _FUZZ_STORE is None:
        import shutil
        import tempfile

        from quizdesk.core.db.store import open_store

        root = Path(tempfile.mkdtemp(prefix="quizdesk-fuzz-"))
        shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "bank", root / "bank")
        _FUZZ_STORE = open_store(root / "data")
        with _FUZZ_STORE.session() as s:
            sync_bundled_bank(s, root / "bank")
    with _FUZZ_STORE.read() as connection:
        hits = search(connection, query)
    assert all(h.title for h in hits)


_FUZZ_STORE: Store | None = None

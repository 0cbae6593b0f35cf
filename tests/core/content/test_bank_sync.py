"""Loading the bank into a real SQLite file: idempotent, updates, retirements, progress kept."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from quizdesk.core.content.bundled import sync_bundled_bank
from quizdesk.core.db.models import Attempt, Question, Topic, utcnow
from quizdesk.core.db.store import Store, open_store


def _counts(store: Store) -> tuple[int, int, int]:
    with store.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Question)) or 0,
            s.scalar(select(func.count()).select_from(Topic)) or 0,
            s.scalar(select(func.count()).select_from(Attempt)) or 0,
        )


def _add_attempt(store: Store, external_id: str) -> None:
    with store.session() as s:
        q = s.scalars(select(Question).where(Question.external_id == external_id)).one()
        s.add(Attempt(question_id=q.id, mode="study", given=None, score=1.0, correct=True, answered_at=utcnow()))


def test_first_start_on_empty_dir_loads_every_question(store: Store, bank_dir: Path) -> None:
    with store.session() as s:
        report = sync_bundled_bank(s, bank_dir)
    assert report is not None and report.inserted == 5 and not report.problems
    questions, topics, _ = _counts(store)
    assert (questions, topics) == (5, 4)  # 2 modules + 2 sub-topics
    with store.session() as s:
        tf = s.scalars(select(Question).where(Question.external_id == "t-clip-tf")).one()
        assert tf.choices == [{"text": "正确", "correct": False}, {"text": "错误", "correct": True}]
        open_q = s.scalars(select(Question).where(Question.external_id == "t-clip")).one()
        assert open_q.key_points == ["反向传播后、更新前限制梯度", "按范数裁剪保持方向", "防止梯度爆炸"]
        assert "### 为什么需要" in open_q.answer_md and "clip_grad_norm_" in open_q.answer_md
        assert open_q.topic.parent is not None and open_q.topic.parent.name == "深度学习基础"


def test_second_start_changes_nothing(data_dir: Path, bank_dir: Path) -> None:
    store = open_store(data_dir)
    with store.session() as s:
        sync_bundled_bank(s, bank_dir)
    before = _counts(store)
    store.close()
    store = open_store(data_dir)
    with store.session() as s:
        skipped = sync_bundled_bank(s, bank_dir)
        forced = sync_bundled_bank(s, bank_dir, force=True)
    assert skipped is None  # fingerprint unchanged: no parse at all
    assert forced is not None and (forced.inserted, forced.updated, forced.retired, forced.unchanged) == (0, 0, 0, 5)
    assert _counts(store) == before
    store.close()


def test_content_edit_updates_question_and_keeps_attempts(synced_store: Store, bank_dir: Path) -> None:
    _add_attempt(synced_store, "t-attn")
    path = bank_dir / "02-more" / "01-attention.md"
    path.write_text(path.read_text(encoding="utf-8").replace("缩放点积注意力", "缩放点积注意力（已修订）"), encoding="utf-8")
    with synced_store.session() as s:
        report = sync_bundled_bank(s, bank_dir, force=True)
    assert report is not None and report.updated == 1 and report.inserted == 0
    with synced_store.session() as s:
        q = s.scalars(select(Question).where(Question.external_id == "t-attn")).one()
        assert "已修订" in q.answer_md
        assert len(q.attempts) == 1
    assert _counts(synced_store)[0] == 5


def test_removed_question_is_retired_with_history_kept(synced_store: Store, bank_dir: Path) -> None:
    _add_attempt(synced_store, "t-attn")
    (bank_dir / "02-more" / "01-attention.md").unlink()
    with synced_store.session() as s:
        report = sync_bundled_bank(s, bank_dir, force=True)
    assert report is not None and report.retired == 1
    with synced_store.session() as s:
        q = s.scalars(select(Question).where(Question.external_id == "t-attn")).one()
        assert q.retired_at is not None and len(q.attempts) == 1
    assert _counts(synced_store) == (5, 4, 1)


def test_retired_question_comes_back_with_its_history(synced_store: Store, bank_dir: Path, tmp_path: Path) -> None:
    _add_attempt(synced_store, "t-attn")
    moved = tmp_path / "attention.md"
    (bank_dir / "02-more" / "01-attention.md").rename(moved)
    with synced_store.session() as s:
        sync_bundled_bank(s, bank_dir, force=True)
    moved.rename(bank_dir / "02-more" / "01-attention.md")
    with synced_store.session() as s:
        sync_bundled_bank(s, bank_dir, force=True)
        q = s.scalars(select(Question).where(Question.external_id == "t-attn")).one()
        assert q.retired_at is None and len(q.attempts) == 1


def test_broken_file_does_not_hide_valid_questions(store: Store, bank_dir: Path) -> None:
    (bank_dir / "02-more" / "02-broken.md").write_text(
        "# 坏文件\n<!-- module: 机器学习基础; topic: 坏 -->\n\n## 没有元数据的题目\n\n答案\n\n"
        "## 未知类型\n<!-- id: t-bad-type; type: essay -->\n\n答案\n\n"
        "## 好题目\n<!-- id: t-good; type: open -->\n\n答案正文\n\n### 要点\n- 一\n",
        encoding="utf-8",
    )
    (bank_dir / "02-more" / "03-gbk.md").write_bytes("# 标题\n\n## 题目\n".encode("gbk"))
    with store.session() as s:
        report = sync_bundled_bank(s, bank_dir)
    assert report is not None and report.inserted == 6
    messages = [str(p) for p in report.problems]
    assert any("02-more/02-broken.md:4:" in m and "metadata" in m for m in messages)
    assert any("02-more/02-broken.md:8:" in m and "essay" in m for m in messages)
    assert any("02-more/03-gbk.md:1:" in m and "UTF-8" in m for m in messages)


def test_a_large_sync_merges_the_search_index_and_a_small_one_does_not(store: Store, monkeypatch) -> None:
    import sys

    from quizdesk.core import search
    from quizdesk.core.content import sync

    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
    from synthetic import make_questions  # type: ignore[import-not-found]  # benchmarks/, put on sys.path just above

    merges: list[bool] = []
    real = search.optimize_index
    monkeypatch.setattr(search, "optimize_index", lambda session: merges.append(True) or real(session))
    questions = make_questions(sync.OPTIMIZE_INDEX_AFTER + 20)
    with store.session() as session:
        sync.sync_questions(session, questions[:10], origin="import:small", retire_missing=False)
    assert merges == []
    with store.session() as session:
        report = sync.sync_questions(session, questions[10:], origin="import:big", retire_missing=False)
    assert report.inserted >= sync.OPTIMIZE_INDEX_AFTER and merges == [True]
    with store.session() as session:  # the merged index is consistent with its content
        session.connection().exec_driver_sql("INSERT INTO question_fts(question_fts, rank) VALUES('integrity-check', 1)")
    with store.read() as connection:
        hits = search.search(connection, questions[-1].title[:6])
    assert any(h.title == questions[-1].title for h in hits)

"""Importing into a real SQLite file: stable ids, updates in place, progress kept, one transaction."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quizdesk.core.content.importer import ImportCancelled, run_import
from quizdesk.core.db.models import Attempt, Question, ReviewState, Topic, utcnow
from quizdesk.core.db.store import Store

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "import"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(FIXTURES / "repo", target)
    return target


def _import(store: Store, paths: list[Path], **kwargs):
    return run_import(paths, session_factory=store.session_factory, data_dir=store.path.parent, **kwargs)


def _questions(store: Store) -> dict[str, Question]:
    with store.session() as s:
        return {q.title: q for q in s.scalars(select(Question).where(Question.origin.startswith("import:")))}


def _count(store: Store, model: type) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def _attempt(store: Store, title: str) -> int:
    with store.session() as s:
        q = s.scalars(select(Question).where(Question.title == title)).one()
        s.add(Attempt(question_id=q.id, mode="study", given=None, score=0.5, rating=3, answered_at=utcnow()))
        s.add(ReviewState(question_id=q.id, card={}, reps=1))
        return q.id


def test_first_import_stores_open_questions_in_a_topic_tree(store: Store, repo: Path) -> None:
    report = _import(store, [repo])
    assert (report.imported, report.updated, report.unchanged, report.retired) == (16, 0, 0, 0)
    assert report.skipped_files == 1 and report.files == 6  # README has no question
    assert report.per_topic() == [
        ("深度学习基础", "优化", 3),
        ("深度学习基础", "归一化", 4),
        ("机器学习", "gbk", 2),
        ("机器学习", "html h1", 3),
        ("机器学习", "nasty", 4),
    ]
    questions = _questions(store)
    q = questions["什么是过拟合？"]
    assert (q.qtype, q.key_points, q.choices, q.origin) == ("open", [], [], f"import:{repo.resolve()}")
    assert q.source_path == "第三章 机器学习/nasty.md" and q.source_line == 20
    assert "#### 1. 损失函数" in q.answer_md and "## 这也不是标题" in q.answer_md
    with store.session() as s:
        topic = s.scalars(select(Topic).join(Question).where(Question.title == "K-means 的步骤是什么？")).one()
        assert topic.name == "gbk" and topic.parent is not None and topic.parent.name == "机器学习"
        assert topic.key.startswith("import:") and topic.parent.key.startswith("import:")


def test_images_are_copied_into_the_data_folder_and_answers_point_there(store: Store, repo: Path) -> None:
    report = _import(store, [repo])
    assert report.images == 1
    answer = _questions(store)["SVM 的核函数有什么作用？"].answer_md
    copied = list((store.path.parent / "media").rglob("kernel.png"))
    assert len(copied) == 1 and copied[0].read_bytes() == (repo / "第三章 机器学习/img/kernel.png").read_bytes()
    # Named from the root's media folder (the renderer's base); the path has a space: wrapped in <…>.
    from quizdesk.core.content.importer.images import media_base

    base = media_base(store.path.parent, f"import:{repo.resolve()}")
    assert base is not None and copied[0] == base / "第三章 机器学习/img/kernel.png"
    assert "![核函数示意](<第三章 机器学习/img/kernel.png>)" in answer and '<img src="第三章 机器学习/img/kernel.png" width="300">' in answer
    assert not list((store.path.parent / "media").rglob("*.part"))


def test_reimport_changes_nothing(store: Store, repo: Path) -> None:
    _import(store, [repo])
    before = _count(store, Question)
    report = _import(store, [repo])
    assert (report.imported, report.updated, report.unchanged, report.retired) == (0, 0, 16, 0)
    assert _count(store, Question) == before and report.images == 0


def test_renumbering_and_editing_update_in_place_and_keep_progress(store: Store, repo: Path) -> None:
    _import(store, [repo])
    adam_id = _attempt(store, "Adam 优化器的原理是什么？")
    path = repo / "ch01_深度学习基础" / "01-优化.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("【三】", "【四】").replace("【二】", "【三】").replace("【一】", "【二】")
    text = text.replace("## 【二】什么是梯度下降？", "## 【一】什么是随机梯度下降？\n\n每次用一个样本。\n\n## 【二】什么是梯度下降？")
    text = text.replace("Adam 结合动量", "Adam（Kingma & Ba, 2015）结合动量")
    path.write_text(text, encoding="utf-8")
    report = _import(store, [repo])
    assert (report.imported, report.updated) == (1, 3)  # new question; the others moved, Adam also edited
    questions = _questions(store)
    adam = questions["Adam 优化器的原理是什么？"]
    assert adam.id == adam_id and "Kingma" in adam.answer_md
    assert _count(store, Attempt) == 1 and _count(store, ReviewState) == 1
    with store.session() as s:
        assert s.get(Attempt, 1).question_id == adam_id
    assert _count(store, Question) == 17


def test_question_removed_from_a_file_is_retired_with_its_history(store: Store, repo: Path) -> None:
    _import(store, [repo])
    ln_id = _attempt(store, "LayerNorm 与 BatchNorm 的区别")
    path = repo / "ch01_深度学习基础" / "02-归一化.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("### 2、")
    path.write_text(text[:start] + text[text.index("### Q3"):], encoding="utf-8")
    report = _import(store, [repo])
    # The two questions after it moved up: their source lines changed, so they count as updated.
    assert (report.retired, report.updated, report.unchanged) == (1, 2, 13)
    with store.session() as s:
        row = s.get(Question, ln_id)
        assert row is not None and row.retired_at is not None and len(row.attempts) == 1
    path.write_text(text, encoding="utf-8")  # it comes back: revived, same row
    report = _import(store, [repo])
    assert (report.imported, report.updated) == (0, 3)  # revived, and the two after it moved back
    with store.session() as s:
        assert s.get(Question, ln_id).retired_at is None


def test_deleted_file_retires_but_unreadable_file_keeps_its_questions(store: Store, repo: Path) -> None:
    _import(store, [repo])
    (repo / "第三章 机器学习" / "gbk.md").unlink()
    (repo / "第三章 机器学习" / "html_h1.md").write_bytes(b"\x00binary now")
    report = _import(store, [repo])
    assert report.retired == 2
    active = {t for t, q in _questions(store).items() if q.retired_at is None}
    assert "如何选择 K 值？" not in active and "什么是交叉熵？" in active


def test_partial_import_of_one_file_keeps_ids_and_retires_nothing_else(store: Store, repo: Path) -> None:
    _import(store, [repo])
    ids = {t: q.id for t, q in _questions(store).items()}
    report = _import(store, [repo / "第三章 机器学习" / "html_h1.md"])
    assert (report.imported, report.unchanged, report.retired) == (0, 3, 0)
    report = _import(store, [repo / "ch01_深度学习基础"])
    assert (report.imported, report.unchanged, report.retired) == (0, 7, 0)
    assert {t: q.id for t, q in _questions(store).items()} == ids
    assert all(q.retired_at is None for q in _questions(store).values())


def test_fixed_topic_moves_questions_without_duplicating(store: Store, repo: Path) -> None:
    _import(store, [repo])
    report = _import(store, [repo], topic="我的题")
    assert (report.imported, report.updated) == (0, 16)
    assert report.per_topic() == [("导入", "我的题", 16)]
    assert _count(store, Question) == 16


def test_bundled_questions_are_never_touched(synced_store: Store, repo: Path) -> None:
    with synced_store.session() as s:
        bundled = {q.external_id: q.content_hash for q in s.scalars(select(Question))}
    _import(synced_store, [repo])
    with synced_store.session() as s:
        rows = s.scalars(select(Question).where(Question.origin == "bundled"))
        assert {q.external_id: q.content_hash for q in rows} == bundled


def test_cancel_before_commit_leaves_database_and_media_as_they_were(
    store: Store, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quizdesk.core.content.importer import media

    _import(store, [repo / "ch01_深度学习基础"])
    before = _count(store, Question)
    staged: list[object] = []
    real_stage = media.stage

    def stage(copies):
        result = real_stage(copies)
        staged.extend(result[0])
        return result

    monkeypatch.setattr(media, "stage", stage)

    def cancelled() -> bool:  # the user cancels once everything is written and the images staged
        return bool(staged)

    with pytest.raises(ImportCancelled):
        _import(store, [repo], cancelled=cancelled)
    assert _count(store, Question) == before and len(staged) == 1
    assert not any(p.is_file() for p in (store.path.parent / "media").rglob("*"))


def test_cancel_while_reading(store: Store, repo: Path) -> None:
    with pytest.raises(ImportCancelled):
        _import(store, [repo], cancelled=lambda: True)
    assert _count(store, Question) == 0 and _count(store, Topic) == 0


def test_dry_run_reports_and_writes_nothing(store: Store, repo: Path) -> None:
    _import(store, [repo / "ch01_深度学习基础"])
    report = _import(store, [repo], dry_run=True)
    assert (report.imported, report.unchanged, report.dry_run) == (9, 7, True)
    assert _count(store, Question) == 7 and not (store.path.parent / "media").exists()


def test_a_write_error_rolls_everything_back(store: Store, repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quizdesk.core.content.sync as sync

    real = sync.sync_questions
    calls: list[int] = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(*args, **kwargs)

    monkeypatch.setattr(sync, "sync_questions", flaky)
    other = repo.parent / "other"
    other.mkdir()
    (other / "q.md").write_text("## 什么是 A？\n\na\n", encoding="utf-8")
    with pytest.raises(RuntimeError):
        _import(store, [repo, other])  # two roots: the second fails after the first was written
    assert _count(store, Question) == 0


def test_an_import_is_preceded_by_a_backup_that_restores_the_old_bank(store: Store, repo: Path) -> None:
    from quizdesk.core.db.backup import list_backups
    from quizdesk.core.db.recovery import restore_backup

    _import(store, [repo], dry_run=True)
    assert list_backups(store.path) == []  # a dry run changes nothing, so needs no copy
    _import(store, [repo])
    backups = list_backups(store.path)
    assert [b.reason for b in backups] == ["before-import"]
    store.close()
    restore_backup(store.path, backups[0].path)
    assert _questions(store) == {}

"""Migration 0007: a database whose index held HTML markup is reindexed once, by its readable text."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from quizdesk.core.db import migrate
from quizdesk.core.db.store import make_engine, open_store
from quizdesk.core.paths import DB_FILENAME
from quizdesk.core.search import search

ANSWER_HTML = (
    '<div>限制梯度的范数<br><pre><span style="color:#008000;font-weight:bold">import</span> torch\n'
    'torch<span style="color:#666">.</span>nn<span style="color:#666">.</span>utils<span style="color:#666">.</span>'
    "clip_grad_norm_(p, 1.0) <span>&lt;</span> 2</pre></div>"
)


def _insert(connection, external_id: str, body: str, answer: str) -> None:
    connection.execute(text(
        "INSERT INTO questions (external_id, origin, topic_id, qtype, title, body_md, answer_md, key_points, choices, "
        "difficulty, tags, source_path, source_line, content_hash, sort_order, created_at, updated_at) VALUES "
        "(:id, 'import:anki', 1, 'open', :title, :body, :answer, '[\"要点一\"]', '[]', 2, '[]', '', 0, 'h', 0, "
        "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"
    ), {"id": external_id, "title": f"题目 {external_id}", "body": body, "answer": answer})


def _found(connection, query: str) -> list[str]:
    return sorted(hit.external_id for hit in search(connection, query))


def test_database_at_0006_is_reindexed_by_readable_text(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    migrate.upgrade(engine, "0006")
    with engine.begin() as c:
        c.execute(text("INSERT INTO topics (id, key, name, name_en, origin, sort_order) VALUES (1, 'm', '模块', 'M', 'bundled', 0)"))
        _insert(c, "html", '<div><b>为什么</b>要裁剪</div>', ANSWER_HTML)
        _insert(c, "plain", "", "限制梯度的范数，先反向传播")
        for i in range(4):  # few changed rows: reindexed one by one, the rest of the index kept
            _insert(c, f"other{i}", "", f"别的答案 otherword{i}x")
        # As the old index stood: the markup was a word.
        assert c.execute(text("SELECT count(*) FROM question_fts WHERE question_fts MATCH 'span'")).scalar() == 1
    engine.dispose()

    store = open_store(data_dir)
    with store.read() as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == (migrate.SCHEMA_HEAD,)
        stored = dict(c.execute("SELECT external_id, answer_text FROM questions").fetchall())
        assert stored["plain"] is None  # no markup: no second copy, the index reads the Markdown
        assert "<span" not in stored["html"] and "clip_grad_norm_(p, 1.0) < 2" in stored["html"]
        assert c.execute("SELECT answer_md FROM questions WHERE external_id = 'html'").fetchone() == (ANSWER_HTML,)
        for word in ("span", "color", "style", "bold", "div"):
            assert _found(c, word) == [], word
        assert _found(c, "clip_grad_norm_") == ["html"]
        assert _found(c, "import torch") == ["html"]
        assert _found(c, "为什么要裁剪") == ["html"]  # the body too: <b> left no gap
        assert _found(c, "范数") == ["html", "plain"]
        assert _found(c, "otherword3x") == ["other3"]
        assert len(_found(c, "要点一")) == 6  # key points indexed as before
    with store.engine.begin() as c:  # the rebuilt index holds exactly the text of its content view
        c.execute(text("INSERT INTO question_fts(question_fts, rank) VALUES ('integrity-check', 1)"))
        # The triggers keep following the text: an edit of the answer reindexes it.
        c.execute(text("UPDATE questions SET answer_md = '<p>新的 <span>clip_grad_value_</span></p>', "
                       "answer_text = '\n新的 clip_grad_value_\n' WHERE external_id = 'html'"))
        c.execute(text("INSERT INTO question_fts(question_fts, rank) VALUES ('integrity-check', 1)"))
    with store.read() as c:
        assert _found(c, "clip_grad_value_") == ["html"] and _found(c, "clip_grad_norm_") == []
    store.close()
    assert len(list((data_dir / "backups").glob("*before-migration-from-0006.db"))) == 1


def test_downgrade_to_0006_restores_the_old_index_and_upgrades_again(data_dir: Path) -> None:
    store = open_store(data_dir)
    with store.engine.begin() as c:
        c.execute(text("INSERT INTO topics (id, key, name, name_en, origin, sort_order) VALUES (1, 'm', '模块', 'M', 'bundled', 0)"))
    store.close()
    engine = make_engine(data_dir / DB_FILENAME)
    with engine.begin() as c:
        _insert(c, "html", "", ANSWER_HTML)
    from alembic import command

    with engine.begin() as c:
        command.downgrade(migrate._alembic_config(c), "0006")
    with engine.begin() as c:
        columns = {row[1] for row in c.exec_driver_sql("PRAGMA table_info(questions)")}
        assert "answer_text" not in columns
        assert c.execute(text("SELECT count(*) FROM question_fts WHERE question_fts MATCH 'span'")).scalar() == 1
    migrate.upgrade(engine)
    with engine.begin() as c:
        assert c.execute(text("SELECT count(*) FROM question_fts WHERE question_fts MATCH 'span'")).scalar() == 0
        assert c.execute(text("SELECT count(*) FROM question_fts WHERE question_fts MATCH 'clip_grad_norm_'")).scalar() == 1
        c.execute(text("INSERT INTO question_fts(question_fts, rank) VALUES ('integrity-check', 1)"))
    engine.dispose()


@pytest.mark.parametrize(("html", "plain"), [(510, 1600), (60, 20)])
def test_many_html_answers_are_reindexed_and_the_plain_ones_left_alone(data_dir: Path, html: int, plain: int) -> None:
    """Row by row and merged afterwards (500 or more changed rows, under a quarter of all), or
    one rebuild (most rows change); either way the index is exactly its content view."""
    data_dir.mkdir(parents=True)
    engine = make_engine(data_dir / DB_FILENAME)
    migrate.upgrade(engine, "0006")
    with engine.begin() as c:
        c.execute(text("INSERT INTO topics (id, key, name, name_en, origin, sort_order) VALUES (1, 'm', '模块', 'M', 'bundled', 0)"))
        for i in range(html):
            _insert(c, f"html{i}", "", ANSWER_HTML.replace("clip_grad_norm_", f"clipnorm{i}x"))
        for i in range(plain):
            _insert(c, f"plain{i}", "", f"限制梯度的范数 plainword{i}x")
    engine.dispose()
    store = open_store(data_dir)
    with store.engine.begin() as c:
        c.execute(text("INSERT INTO question_fts(question_fts, rank) VALUES ('integrity-check', 1)"))
    with store.read() as c:
        assert _found(c, "span") == [] and _found(c, "color") == []
        assert _found(c, f"clipnorm{html - 1}x") == [f"html{html - 1}"] and _found(c, "plainword7x") == ["plain7"]
        assert len(search(c, "范数", limit=10000)) == html + plain
    store.close()

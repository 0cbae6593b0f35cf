"""search index over the readable text of bodies and answers, not their HTML markup

Answers imported from Anki are HTML, their code highlighted with inline
styles: the index held ``<span style="color:#008000">`` as text, so a search
for ``span`` or ``color`` matched every such answer, and indexing the markup
was about a third of a 5,000-note import. Two columns keep the text a reader
sees (``core/search_text.py``: tags out, character references decoded, code
kept) beside ``body_md`` and ``answer_md``; NULL when it is the Markdown
itself, so the bundled bank stores no second copy. The view
``question_search_text`` (0005) reads ``coalesce(answer_text, answer_md)``;
everything else about the index — its columns, the triggers' shape, the
trailing newline — is unchanged. The columns are filled here for the rows a
database already holds, and only the rows whose text changes are reindexed.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_COLUMNS = "title, body_md, answer_md, key_points, choices"
_TRIGGERS = ("questions_fts_insert", "questions_fts_delete", "questions_fts_update_old", "questions_fts_update")
# What the update triggers watch: any column the indexed text is made from.
_CHANGED_0005 = "title, body_md, answer_md, key_points, choices, qtype"
_CHANGED = _CHANGED_0005 + ", body_text, answer_text"


def _items(array: str, path: str = "") -> str:
    """The items of the JSON list ``array`` (each at ``path``), one per line; NULL if none (as in 0005)."""
    return (
        f"CASE WHEN json_valid({array}) THEN ("
        f"WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n + 1 < json_array_length({array})) "
        f"SELECT group_concat(json_extract({array}, '$[' || n || ']{path}'), char(10)) "
        f"FROM i WHERE n < json_array_length({array})) END"
    )


def _view(body: str, answer: str) -> str:
    return f"""CREATE VIEW question_search_text (id, {_COLUMNS}) AS SELECT
    q.id,
    q.title || char(10),
    {body} || char(10),
    {answer} || char(10),
    {_items("q.key_points")} || char(10),
    CASE WHEN q.qtype = 'truefalse' THEN '' ELSE {_items("q.choices", ".text")} END || char(10)
FROM questions q"""


def _from_view(row: str, delete: bool = False) -> str:
    """Add (or, with ``delete``, remove) the indexed text of question ``row`` (``new`` or ``old``), as in 0005."""
    if delete:
        return (
            f"INSERT INTO question_fts(question_fts, rowid, {_COLUMNS}) "
            f"SELECT 'delete', id, {_COLUMNS} FROM question_search_text WHERE id = {row}.id;"
        )
    return f"INSERT INTO question_fts(rowid, {_COLUMNS}) SELECT id, {_COLUMNS} FROM question_search_text WHERE id = {row}.id;"


def _triggers(changed: str) -> None:
    """The index's four triggers (0005's shape), the update ones watching the columns ``changed``."""
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"CREATE TRIGGER questions_fts_insert AFTER INSERT ON questions BEGIN {_from_view('new')} END")
    op.execute(f"CREATE TRIGGER questions_fts_delete BEFORE DELETE ON questions BEGIN {_from_view('old', True)} END")
    op.execute(
        f"CREATE TRIGGER questions_fts_update_old BEFORE UPDATE OF {changed} ON questions "
        f"BEGIN {_from_view('old', True)} END"
    )
    op.execute(f"CREATE TRIGGER questions_fts_update AFTER UPDATE OF {changed} ON questions BEGIN {_from_view('new')} END")


def _rebuild(view: str, changed: str) -> None:
    """The index, its content view and its triggers made anew from ``view``, filled from the rows."""
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    # question_fts_terms (0003) finds question_fts by name when queried: no need to recreate it.
    op.execute("DROP TABLE IF EXISTS question_fts")
    op.execute("DROP VIEW IF EXISTS question_search_text")
    op.execute(view)
    op.execute(
        f"CREATE VIRTUAL TABLE question_fts USING fts5({_COLUMNS}, "
        "content='question_search_text', content_rowid='id', tokenize='trigram')"
    )
    _triggers(changed)
    op.execute("INSERT INTO question_fts(question_fts) VALUES ('rebuild')")
    op.execute("INSERT INTO question_fts(question_fts) VALUES ('optimize')")


# Reindexing this many rows one by one fragments the index enough to merge it (as a sync does).
_OPTIMIZE_AFTER = 500
# When more than one row in this many changes, the whole index is rebuilt instead.
_REBUILD_SHARE = 4


def upgrade() -> None:
    """Only the rows whose indexed text changes are reindexed: a database without HTML in its
    answers (the bundled bank) keeps its index untouched — a full rebuild took ~9 s at 20,000
    synthetic questions, this takes a fraction of a second. When most rows change, one rebuild."""
    from quizdesk.core.search_text import indexed_text

    op.add_column("questions", sa.Column("body_text", sa.Text(), nullable=True))
    op.add_column("questions", sa.Column("answer_text", sa.Text(), nullable=True))
    # The triggers go first: the index is kept by hand below.
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT id, body_md, answer_md FROM questions "
        "WHERE body_md LIKE '%<%' OR body_md LIKE '%&%' OR answer_md LIKE '%<%' OR answer_md LIKE '%&%'"
    )).all()
    changed = []
    for qid, body, answer in rows:
        body_text, answer_text = indexed_text(body or ""), indexed_text(answer or "")
        if body_text is not None or answer_text is not None:
            changed.append({"id": qid, "body": body_text, "answer": answer_text})
    total = connection.execute(sa.text("SELECT count(*) FROM questions")).scalar() or 0
    if len(changed) * _REBUILD_SHARE > total:
        # Most rows change (a bank of imported Anki decks): one rebuild costs less than taking
        # each row out of the index with its old text and putting it back (7 s vs 2 s at 5,000).
        connection.execute(sa.text("UPDATE questions SET body_text = :body, answer_text = :answer WHERE id = :id"), changed)
        _rebuild(_view("coalesce(q.body_text, q.body_md)", "coalesce(q.answer_text, q.answer_md)"), _CHANGED)
        return
    ids = [{"id": row["id"]} for row in changed]
    if changed:
        # Out of the index with the text it was indexed with (the old view), before the rows change.
        connection.execute(sa.text(
            f"INSERT INTO question_fts(question_fts, rowid, {_COLUMNS}) "
            f"SELECT 'delete', id, {_COLUMNS} FROM question_search_text WHERE id = :id"
        ), ids)
        connection.execute(sa.text("UPDATE questions SET body_text = :body, answer_text = :answer WHERE id = :id"), changed)
    # The index finds its content view by name: the view is replaced under it.
    op.execute("DROP VIEW question_search_text")
    op.execute(_view("coalesce(q.body_text, q.body_md)", "coalesce(q.answer_text, q.answer_md)"))
    if changed:
        connection.execute(sa.text(
            f"INSERT INTO question_fts(rowid, {_COLUMNS}) SELECT id, {_COLUMNS} FROM question_search_text WHERE id = :id"
        ), ids)
    _triggers(_CHANGED)
    if len(changed) >= _OPTIMIZE_AFTER:
        op.execute("INSERT INTO question_fts(question_fts) VALUES ('optimize')")


def downgrade() -> None:
    """Back to 0005's index of the Markdown as stored; the two columns go once nothing names them."""
    _rebuild(_view("q.body_md", "q.answer_md"), _CHANGED_0005)
    op.execute("ALTER TABLE questions DROP COLUMN answer_text")
    op.execute("ALTER TABLE questions DROP COLUMN body_text")

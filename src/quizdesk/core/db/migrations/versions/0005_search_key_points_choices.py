"""search index over key points and choices too; every indexed text ends with a newline

The index of 0002 covered title, body and answer only: a word that appeared
only in a key point (要点) or a choice could not be found. The index is
rebuilt with those two columns, read as plain text from the JSON lists.

Each indexed text now ends with a newline (and list items are joined by
newlines). Two-character queries are answered through the trigrams that start
with the pair (0003); a pair at the very end of a text had none, so an
answer ending "…是蝌蚪" was not found by ``蝌蚪``. ``蝌蚪\\n`` is a trigram.
Queries are split on whitespace, so no query term ever contains the newline.

The indexed text is defined once, by the view ``question_search_text``: it is
the index's external content (``'rebuild'`` and ``highlight()`` read it) and
every trigger reads it too, so the text deleted from the index is always the
text that was added. The JSON lists are flattened with ``json_extract`` over a
recursive count rather than ``json_each``: FTS5 refuses to read content
through a query that uses a table-valued function. True/false questions'
choices are the fixed labels 正确/错误 and are left out.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_COLUMNS = "title, body_md, answer_md, key_points, choices"
_TRIGGERS = ("questions_fts_insert", "questions_fts_delete", "questions_fts_update_old", "questions_fts_update")


def _items(array: str, path: str = "") -> str:
    """The items of the JSON list ``array`` (each at ``path``), one per line; NULL if none."""
    return (
        f"CASE WHEN json_valid({array}) THEN ("
        f"WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n + 1 < json_array_length({array})) "
        f"SELECT group_concat(json_extract({array}, '$[' || n || ']{path}'), char(10)) "
        f"FROM i WHERE n < json_array_length({array})) END"
    )


_VIEW = f"""CREATE VIEW question_search_text (id, {_COLUMNS}) AS SELECT
    q.id,
    q.title || char(10),
    q.body_md || char(10),
    q.answer_md || char(10),
    {_items("q.key_points")} || char(10),
    CASE WHEN q.qtype = 'truefalse' THEN '' ELSE {_items("q.choices", ".text")} END || char(10)
FROM questions q"""


def _from_view(row: str, delete: bool = False) -> str:
    """Add (or, with ``delete``, remove) the indexed text of question ``row`` (``new`` or ``old``)."""
    if delete:
        return (
            f"INSERT INTO question_fts(question_fts, rowid, {_COLUMNS}) "
            f"SELECT 'delete', id, {_COLUMNS} FROM question_search_text WHERE id = {row}.id;"
        )
    return f"INSERT INTO question_fts(rowid, {_COLUMNS}) SELECT id, {_COLUMNS} FROM question_search_text WHERE id = {row}.id;"


def upgrade() -> None:
    for trigger in ("questions_fts_insert", "questions_fts_delete", "questions_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    # question_fts_terms (0003) is an fts5vocab view that finds question_fts by
    # name when queried: it reads the new table without being recreated.
    op.execute("DROP TABLE IF EXISTS question_fts")
    op.execute(_VIEW)
    op.execute(
        f"CREATE VIRTUAL TABLE question_fts USING fts5({_COLUMNS}, "
        "content='question_search_text', content_rowid='id', tokenize='trigram')"
    )
    # The old text is read BEFORE the row changes (the view shows the row as
    # stored), the new text AFTER; the triggers write only to question_fts.
    op.execute(f"CREATE TRIGGER questions_fts_insert AFTER INSERT ON questions BEGIN {_from_view('new')} END")
    op.execute(f"CREATE TRIGGER questions_fts_delete BEFORE DELETE ON questions BEGIN {_from_view('old', True)} END")
    changed = "title, body_md, answer_md, key_points, choices, qtype"
    op.execute(
        f"CREATE TRIGGER questions_fts_update_old BEFORE UPDATE OF {changed} ON questions "
        f"BEGIN {_from_view('old', True)} END"
    )
    op.execute(f"CREATE TRIGGER questions_fts_update AFTER UPDATE OF {changed} ON questions BEGIN {_from_view('new')} END")
    op.execute("INSERT INTO question_fts(question_fts) VALUES ('rebuild')")
    # 'rebuild' leaves many small segments; merged into one, a two-character
    # query (an OR of up to 400 trigrams) reads about half as much: 15 ms -> 6 ms
    # for "量化 推理" over 20,000 questions. About 2 s once, at 20,000.
    op.execute("INSERT INTO question_fts(question_fts) VALUES ('optimize')")


def downgrade() -> None:
    """Back to the index of 0002: title, body and answer, as stored."""
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS question_fts")
    op.execute("DROP VIEW IF EXISTS question_search_text")
    old = "title, body_md, answer_md"
    op.execute(
        f"CREATE VIRTUAL TABLE question_fts USING fts5({old}, content='questions', content_rowid='id', tokenize='trigram')"
    )
    op.execute(
        f"""CREATE TRIGGER questions_fts_insert AFTER INSERT ON questions BEGIN
            INSERT INTO question_fts(rowid, {old}) VALUES (new.id, new.title, new.body_md, new.answer_md);
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER questions_fts_delete AFTER DELETE ON questions BEGIN
            INSERT INTO question_fts(question_fts, rowid, {old})
            VALUES ('delete', old.id, old.title, old.body_md, old.answer_md);
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER questions_fts_update AFTER UPDATE OF {old} ON questions BEGIN
            INSERT INTO question_fts(question_fts, rowid, {old})
            VALUES ('delete', old.id, old.title, old.body_md, old.answer_md);
            INSERT INTO question_fts(rowid, {old}) VALUES (new.id, new.title, new.body_md, new.answer_md);
        END"""
    )
    op.execute("INSERT INTO question_fts(question_fts) VALUES ('rebuild')")

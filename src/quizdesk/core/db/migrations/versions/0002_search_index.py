"""full-text search index over questions

FTS5 with the trigram tokenizer so that Chinese, which has no spaces between
words, is searchable by any substring of three or more characters. It is an
external-content table: the text lives once, in ``questions``, and triggers keep
the index in step with every insert, update and delete.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_COLUMNS = "title, body_md, answer_md"


def upgrade() -> None:
    op.execute(
        f"CREATE VIRTUAL TABLE question_fts USING fts5({_COLUMNS}, "
        "content='questions', content_rowid='id', tokenize='trigram')"
    )
    op.execute(
        f"""CREATE TRIGGER questions_fts_insert AFTER INSERT ON questions BEGIN
            INSERT INTO question_fts(rowid, {_COLUMNS})
            VALUES (new.id, new.title, new.body_md, new.answer_md);
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER questions_fts_delete AFTER DELETE ON questions BEGIN
            INSERT INTO question_fts(question_fts, rowid, {_COLUMNS})
            VALUES ('delete', old.id, old.title, old.body_md, old.answer_md);
        END"""
    )
    op.execute(
        f"""CREATE TRIGGER questions_fts_update AFTER UPDATE OF {_COLUMNS} ON questions BEGIN
            INSERT INTO question_fts(question_fts, rowid, {_COLUMNS})
            VALUES ('delete', old.id, old.title, old.body_md, old.answer_md);
            INSERT INTO question_fts(rowid, {_COLUMNS})
            VALUES (new.id, new.title, new.body_md, new.answer_md);
        END"""
    )
    # Questions that exist already (a database migrated from 0001).
    op.execute("INSERT INTO question_fts(question_fts) VALUES ('rebuild')")


def downgrade() -> None:
    for trigger in ("questions_fts_insert", "questions_fts_delete", "questions_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS question_fts")

"""list of indexed trigrams for two-character queries; title scan index

The trigram index cannot answer a two-character query directly. Its term
list (an ``fts5vocab`` view, no storage of its own) names every trigram that
starts with those two characters; searching for any of them finds the text
that contains the pair.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE VIRTUAL TABLE question_fts_terms USING fts5vocab(question_fts, 'row')")
    # Titles are matched with LIKE; this index lets SQLite scan only the titles
    # (a covering index) instead of whole rows with their long answers.
    op.execute("CREATE INDEX ix_questions_title_scan ON questions (title, retired_at, id)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_questions_title_scan")
    op.execute("DROP TABLE IF EXISTS question_fts_terms")

"""attempts: a partial index of the blank exam answers, for the weak-area stats

The weak-area model leaves blank exam answers out of coverage and evidence
(docs/weak-areas.md). Finding the topics that have any read the whole attempts
table at every refresh (~15–40 ms at 200,000 attempts, the stats' budget being
150 ms). Blank exam answers are few; this index holds only them, so that check
reads a handful of entries. Its WHERE is the query's (core/stats/mastery.py,
BLANK_EXAM) word for word: SQLite uses a partial index only then.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

WHERE = "session_id IS NOT NULL AND mode = 'exam' AND (given IS NULL OR given IN ('null', '[]'))"


def upgrade() -> None:
    op.create_index("ix_attempts_blank_exam", "attempts", ["question_id"], sqlite_where=sa.text(WHERE))


def downgrade() -> None:
    op.drop_index("ix_attempts_blank_exam", table_name="attempts")

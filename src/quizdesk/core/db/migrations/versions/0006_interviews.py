"""interviews: a date, the modules and topics it covers, a daily time budget

An interview is what the countdown plans for (docs/plan.md). Its date is a
local calendar date (stored as ``YYYY-MM-DD``): the user's zone decides when
the day begins, not UTC. The scope is kept as the topic tree's stable keys
(``topics.key``), not ids, so it survives a re-import that renumbers topics.

The index ``ix_questions_topic_plan`` covers what the plan reads of each
question of an interview's topics (id, topic, order, type): without it SQLite
visits every question's row, text and all, and reading 20,000 of them took
about three times as long (the forecast's budget is 100 ms in all).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from alembic import op
import sqlalchemy as sa

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("module_keys", sa.JSON(), nullable=False),
        sa.Column("topic_keys", sa.JSON(), nullable=False),
        sa.Column("daily_minutes", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_index("ix_questions_topic_plan", "questions", ["topic_id", "retired_at", "sort_order", "qtype"])


def downgrade() -> None:
    op.drop_index("ix_questions_topic_plan", table_name="questions")
    op.drop_table("interviews")

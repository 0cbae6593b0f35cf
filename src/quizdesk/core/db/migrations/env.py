"""Alembic environment: runs on the connection QuizDesk hands over.

Migrations are applied by :func:`quizdesk.core.db.migrate.upgrade_to_head`, never
from a command line against an arbitrary URL, so there is no offline mode.
"""

from alembic import context

from quizdesk.core.db.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()

"""Alembic environment: runs on the connection handed over in ``config.attributes``."""

from alembic import context
from sqlalchemy import Connection

from app.models import Base  # loads every model: the metadata is complete


def run_migrations(connection: Connection) -> None:
    """Run the pending revisions on ``connection`` (batch mode, for SQLite's ALTER TABLE)."""
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations(context.config.attributes["connection"])

"""a letter's language holds the bilingual Traditional Chinese code "zh-Hant+en"

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30

Letters are now also written in Traditional Chinese for Hong Kong and Taiwan data subjects
(``app.services.letter_languages``): ``zh-Hant``, and bilingual ``zh-Hant+en``, ten characters,
which ``letter.language`` (``VARCHAR(8)``) cannot hold on PostgreSQL. The column grows to 16.

SQLite and SQLCipher do not enforce a ``VARCHAR`` length, but the schema the models describe
must be the one the revisions build there too (tests/store/test_database.py), so the table is
rebuilt there (Alembic's batch mode: copied to a new table with the same rows, constraints and
indexes; the stored PDFs are copied once). Going down shortens the column again, which on
PostgreSQL fails while a letter in ``zh-Hant+en`` is stored: such a letter cannot be kept in
the older schema.
"""

import warnings

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | None = None
depends_on: str | None = None


def _language_type(length: int, was: int) -> None:
    # Batch mode reflects the tables ``letter`` links to; SQLAlchemy cannot reflect the
    # expression index of ``case`` (revision 0015's urgency order), which the rebuild of
    # ``letter`` does not touch.
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", "Skipped unsupported reflection of expression-based index", sa.exc.SAWarning
        )
        with op.batch_alter_table("letter") as batch:
            batch.alter_column(
                "language", type_=sa.String(length), existing_type=sa.String(was), nullable=False
            )


def upgrade() -> None:
    """Widen ``letter.language`` to 16 characters."""
    _language_type(16, 8)


def downgrade() -> None:
    """Shorten ``letter.language`` to 8 characters again."""
    _language_type(8, 16)

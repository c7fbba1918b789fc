"""clock: pauses, extension, internal target, calendar overrides

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "calendar_year",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("calendar", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("official", sa.Boolean(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("entered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entered_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_year")),
        sa.UniqueConstraint("calendar", "year", name=op.f("uq_calendar_year_calendar")),
    )
    op.create_table(
        "calendar_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("calendar_year_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("is_working_day", sa.Boolean(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["calendar_year_id"],
            ["calendar_year.id"],
            name=op.f("fk_calendar_day_calendar_year_id_calendar_year"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_day")),
        sa.UniqueConstraint(
            "calendar_year_id", "day", name=op.f("uq_calendar_day_calendar_year_id")
        ),
    )
    with op.batch_alter_table("calendar_day", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_calendar_day_calendar_year_id"), ["calendar_year_id"], unique=False
        )

    op.create_table(
        "case_pause",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column(
            "reason",
            sa.Enum(
                "identity_verification",
                "clarification",
                "fee",
                "other",
                name="pausereason",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_case_pause_case_id_case")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_pause")),
    )
    with op.batch_alter_table("case_pause", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_pause_case_id"), ["case_id"], unique=False)

    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.add_column(sa.Column("extension_notice_due_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("internal_target_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("verified_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("extension_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("extended_at", sa.DateTime(timezone=True), nullable=True))
    # Until now extended_due_date held the date an extension *could* reach; from this revision
    # it is set only once an extension is taken, and no extension could be taken before it.
    op.execute('UPDATE "case" SET extended_due_date = NULL')


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_column("extended_at")
        batch_op.drop_column("extension_reason")
        batch_op.drop_column("verified_at")
        batch_op.drop_column("internal_target_date")
        batch_op.drop_column("extension_notice_due_date")

    with op.batch_alter_table("case_pause", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_pause_case_id"))

    op.drop_table("case_pause")
    with op.batch_alter_table("calendar_day", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_day_calendar_year_id"))

    op.drop_table("calendar_day")
    op.drop_table("calendar_year")

"""case list indexes: urgency (binding due date, none last) per view, requester name prefix

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out, not imported from the models: a revision must not change when the code does.
URGENCY = sa.text("coalesce(extended_due_date, due_date, '9999-12-31')")
CASE_INDEXES = (
    ("ix_case_urgency", ()),
    ("ix_case_status_urgency", ("status",)),
    ("ix_case_assignee_status_urgency", ("assignee", "status")),
    ("ix_case_subject_status_urgency", ("subject_id", "status")),
)


def upgrade() -> None:
    """Create the indexes the paged case list and its searches use (benchmarks/case_list.py)."""
    for name, columns in CASE_INDEXES:
        op.create_index(name, "case", [*columns, URGENCY])
    op.create_index(
        "ix_data_subject_display_name_lower", "data_subject", [sa.text("lower(display_name)")]
    )


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_data_subject_display_name_lower", "data_subject")
    for name, _columns in reversed(CASE_INDEXES):
        op.drop_index(name, "case")

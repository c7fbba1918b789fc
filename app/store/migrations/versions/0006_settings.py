"""team-wide settings (letterhead, retention, inventory) and the dashboard's indexes

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

On PostgreSQL, managers and admins may write settings (everyone reads them, through the default
privileges of revision 0004).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SETTING_WRITERS = "privacy_desk_manager, privacy_desk_admin"


def upgrade() -> None:
    """Create ``app_setting`` and the indexes on ``case.responded_at`` / ``case.closed_at``."""
    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("content", sa.LargeBinary(), nullable=True),
        sa.Column("updated_by", sa.String(length=100), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_setting")),
    )
    op.create_index("ix_case_responded_at", "case", ["responded_at"])
    op.create_index("ix_case_closed_at", "case", ["closed_at"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"GRANT INSERT, UPDATE, DELETE ON app_setting TO {SETTING_WRITERS}")


def downgrade() -> None:
    """Drop them."""
    op.drop_index("ix_case_closed_at", "case")
    op.drop_index("ix_case_responded_at", "case")
    op.drop_table("app_setting")

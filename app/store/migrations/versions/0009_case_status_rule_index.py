"""case status/rule index: the start's check for cases timed under changed rules reads no rows

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30

At every start the app looks for open cases whose rule file changed since their deadline was
computed (app.services.clock_refresh.cases_to_recompute). Through ix_case_status_urgency that
read the row of every open case: at 1,000,000 cases 63,000 rows, 0.4 s and 30 MiB of page
cache right after the list's first paint. This index holds every column the check looks at,
so it reads the index alone and only the stale cases' rows (usually none).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ix_case_status_rule."""
    op.create_index("ix_case_status_rule", "case", ["status", "rule_ref", "jurisdiction", "kind"])


def downgrade() -> None:
    """Back to revision 0008's indexes."""
    op.drop_index("ix_case_status_rule", "case")

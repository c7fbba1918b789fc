"""case orders with the requester: a search walks the cases by date without reading a case row

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30

A search of all cases that matches many requesters' cases reads its page by walking the cases
in the sort order and keeping those whose requester matches (``app.services.case_search``).
The order's index (``ix_case_received_at``, ``ix_case_urgency``) held the key and the case id
only: the walk either read each case's row for its requester or first collected the matching
cases' ids from ``ix_case_subject_id``, one scattered index page per matching requester (at a
million cases "Anna S": 3,000 requesters, 2,000 of the search's 3,800 pages, which a smaller
page cache could not hold: issue 6, peak memory with the list and the dashboard open).

These indexes hold the key, the case id (the list's tie-break: the order the walk needs) and
the requester, so the walk tests each entry against the matching requesters from the index
alone: "Anna S" 3,800 -> 2,400 pages, 王 2,200 -> 1,800. The key and id stay first so that an
unsearched walk by the older, smaller indexes is unchanged. At a million cases each takes
10-15 s to build in SQLCipher on a busy 2-core machine.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out, not imported from the models: a revision must not change when the code does.
URGENCY = sa.text("coalesce(extended_due_date, due_date, '9999-12-31')")
RECEIVED_INDEX = "ix_case_received_subject"
URGENCY_INDEX = "ix_case_urgency_subject"


def upgrade() -> None:
    """Create the two indexes (key, case id, requester) over every case."""
    op.create_index(RECEIVED_INDEX, "case", ["received_at", "id", "subject_id"])
    op.create_index(URGENCY_INDEX, "case", [URGENCY, "id", "subject_id"])


def downgrade() -> None:
    """Drop them (revision 0014's indexes remain)."""
    op.drop_index(URGENCY_INDEX, "case")
    op.drop_index(RECEIVED_INDEX, "case")

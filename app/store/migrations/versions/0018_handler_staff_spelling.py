"""a case's handler is stored as the staff list spells the user name

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-01

Staff user names are one whatever their case (Settings › Staff and roles refuses "LI.WEI" next
to "li.wei"), and a handler chosen since QA round 16 (W2) is stored as the staff list spells it
(``app.services.staff_handlers.check_handler``). A handler typed before kept the typist's
spelling: a case of "LI.WEI" was in nobody's "Mine" view (the view compares the stored handler
with the signed-in user's staff spelling exactly, so that it reads the
``ix_case_assignee_status_urgency`` index) and made a row of its own in the dashboard's
workload.

This revision re-spells each stored handler that equals exactly one staff member's user name by
Unicode canonical caseless matching (case folding and normalization: "LI.WEI" or "André" typed
with a combining accent) but not exactly. A handler equal to several members' names (from
before names were unique regardless of case) or to none keeps its letters, in NFC. The
rule is ``app.services.staff_handlers.staff_spelling``, copied here as it stands (a later
change must not change what this revision writes); tests/store/test_migration_0018.py checks
the copy against the app's.

Only the distinct handlers are read, each by one step of the (assignee, status, urgency) index
(``min(assignee) WHERE assignee > :last``), never the cases; each handler to re-spell is one
``UPDATE`` over that index's range. No audit event is written, as by no revision before (see
revision 0016: the chain's hashes are the audit service's alone); the change is one of letter
case, the person the same. ``case.assignee`` links to no table, so the runner checks no links.
Going down changes nothing: the older schema holds the staff spelling as well.
"""

import unicodedata
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CASE = sa.table("case", sa.column("assignee", sa.String))
_STAFF = sa.table("staff_member", sa.column("username", sa.String))


def _key(name: str) -> str:
    """Canonical caseless matching (The Unicode Standard §3.13, D145)."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", name).casefold())


def staff_spelling(usernames: Iterable[str], name: str) -> str:
    """``name`` as the staff list spells it (the app's rule as of this revision)."""
    names, name = list(usernames), unicodedata.normalize("NFC", name)
    if name in names:
        return name
    key = _key(name)
    folded = [each for each in names if _key(each) == key]
    return folded[0] if len(folded) == 1 else name


def handlers(connection: sa.Connection) -> list[str]:
    """The distinct handlers stored, in order, one index step each."""
    found: list[str] = []
    while True:
        step = sa.select(sa.func.min(_CASE.c.assignee))
        if found:
            step = step.where(_CASE.c.assignee > found[-1])
        value = connection.scalar(step)
        if value is None:
            return found
        found.append(value)


def respell_handlers(connection: sa.Connection) -> int:
    """Re-spell every handler differing from a staff member's user name only in case;
    return how many distinct spellings were changed."""
    members = list(connection.scalars(sa.select(_STAFF.c.username)))
    changed = 0
    for handler in handlers(connection):
        spelled = staff_spelling(members, handler)
        if spelled != handler:
            connection.execute(
                sa.update(_CASE).where(_CASE.c.assignee == handler).values(assignee=spelled)
            )
            changed += 1
    return changed


def upgrade() -> None:
    """Store each handler as the staff list spells it."""
    respell_handlers(op.get_bind())


def downgrade() -> None:
    """Nothing to undo: the staff spelling is a handler's name in the older schema too."""

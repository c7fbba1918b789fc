"""Revision 0018: each stored handler differing from one staff member's user name only in
letter case takes the staff spelling (a handler typed before QA16 W2 was kept as typed, so
"LI.WEI"'s cases were in nobody's "Mine" view); a name of several members or of none stays."""

import random

from alembic import command

from app.models import StaffMember
from app.models.enums import StaffRole
from app.services.staff_handlers import staff_spelling
from app.store import Database
from app.store.migrations_runner import current_revision, run_alembic
from tests.services.test_staff_handlers import _new_case
from tests.store.helpers import revision_module
from tests.store.migration_steps import rows

# (reference number, handler as a 0017 app stored it, the handler after 0018)
HANDLERS = [
    (1, "li.wei", "li.wei"),  # the staff spelling already
    (2, "LI.WEI", "li.wei"),
    (3, "Li.Wei", "li.wei"),
    (4, "ANDRÉ.MÜLLER", "andré.müller"),  # folded beyond ASCII
    (5, "STRAUSS", "strauß"),  # ß folds to ss
    (6, "A.SMITH", "A.SMITH"),  # two members A.Smith and a.smith: left as it is
    (7, "old.name", "old.name"),  # no member of that name
    (8, None, None),  # unassigned
    (9, "ANDRE\u0301.MU\u0308LLER", "andré.müller"),  # combining accents (a macOS login), capitals
    (10, "jose\u0301", "josé"),  # no member: stored in NFC
]
MEMBERS = ["li.wei", "andré.müller", "strauß", "A.Smith", "a.smith"]


def _handlers(database: Database) -> list[tuple[object, ...]]:
    return rows(database, 'SELECT reference, assignee FROM "case" ORDER BY id')


def test_0018_stores_each_handler_as_the_staff_list_spells_it(database: Database) -> None:
    run_alembic(database.engine, lambda config: command.downgrade(config, "0017"))
    with database.session() as session:
        for username in MEMBERS:  # as the 0017 app's staff list may hold them
            session.add(
                StaffMember(username=username, display_name=username, role=StaffRole.HANDLER)
            )
        for number, stored, _after in HANDLERS:
            _new_case(session, stored, number)
    run_alembic(database.engine, lambda config: command.upgrade(config, "0018"))
    assert current_revision(database.engine) == "0018"
    assert _handlers(database) == [
        (f"PD-2026-{number:06d}", after) for number, _stored, after in HANDLERS
    ]
    # Down and up again: nothing changes (the spelling is the older schema's too).
    run_alembic(database.engine, lambda config: command.downgrade(config, "0017"))
    run_alembic(database.engine, lambda config: command.upgrade(config, "0018"))
    assert [after for _ref, after in _handlers(database)] == [after for *_n, after in HANDLERS]


def test_the_revisions_copy_of_the_rule_is_the_apps() -> None:
    revision = revision_module("0018")
    pick = random.Random(18)
    alphabet = ["a", "A", "ß", "s", "S", "İ", "ı", "i", "I", "Σ", "σ", "ς", "é", "É", "e\u0301",
                "E\u0301", "張", "."]  # fmt: skip
    for _sample in range(2000):
        members = ["".join(pick.choices(alphabet, k=pick.randint(1, 4))) for _ in range(4)]
        name = "".join(pick.choices(alphabet, k=pick.randint(1, 4)))
        assert revision.staff_spelling(members, name) == staff_spelling(members, name)

"""Revision 0012: stored phone identifiers rewritten into the one canonical form
(``app.services.contact_points.normalise_phone``): 008613800138000 becomes 13800138000, a
second spelling of a number its subject already holds is dropped, another subject's is kept."""

import random

from alembic import command
from sqlalchemy import Connection, text

from app.services.contact_points import normalise_phone
from app.store import Database
from app.store.migrations_runner import current_revision, run_alembic
from tests.store.helpers import insert_identifier, revision_module

# (identifier id, subject id, stored value at 0011, value after 0012 — None: row dropped)
ROWS = [
    (1, 1, "008613800138000", "13800138000"),
    (2, 2, "+8613900001111", "13900001111"),
    (3, 3, "8613912345678", "13912345678"),
    (4, 4, "13700000000", "13700000000"),  # already canonical
    (5, 5, "00442079460958", "+442079460958"),
    (6, 6, "+49301234567", "+49301234567"),
    (7, 7, "00861012345678", "01012345678"),
    (8, 8, "0223456789", "0223456789"),
    (9, 8, "+860223456789", None),  # the same subject's second spelling: dropped
    (10, 9, "13600000000", "13600000000"),
    (11, 10, "+8613600000000", "+8613600000000"),  # another subject holds the form: kept
    (12, 11, "not a number", "not a number"),
    (13, 12, "008613500000000", "13500000000"),
    (14, 13, "+8613500000000", "+8613500000000"),  # the same number, first given to 12
    (15, 14, "+86 (0)21 1234 5678", "02112345678"),
]


def test_the_revision_s_rule_is_the_app_s() -> None:
    rule = revision_module("0012").canonical_phone
    pick = random.Random(12)
    alphabet = "0123456789+-. ()８６＋（）\u3000\u2013١٣"
    samples = ["".join(pick.choices(alphabet, k=pick.randint(0, 24))) for _ in range(5000)]
    samples += ["+86" + s for s in samples[:1000]] + ["0086" + s for s in samples[:1000]]
    assert [s for s in samples if rule(s) != normalise_phone(s)] == []


def _insert(connection: Connection, identifier: int, subject: int, value: str) -> None:
    insert_identifier(connection, identifier, subject, "phone", value)


def _stored(database: Database) -> dict[int, str]:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT id, value FROM subject_identifier"))
        return {identifier: value for identifier, value in rows}


def test_a_0011_database_gets_canonical_phones(database: Database) -> None:
    run_alembic(database.engine, lambda config: command.downgrade(config, "0011"))
    with database.engine.begin() as connection:
        for identifier, subject, value, _ in ROWS:
            _insert(connection, identifier, subject, value)
    run_alembic(database.engine, lambda config: command.upgrade(config, "0012"))
    assert current_revision(database.engine) == "0012"
    expected = {identifier: after for identifier, _, _, after in ROWS if after is not None}
    assert _stored(database) == expected


def test_a_rewrite_in_small_batches_gives_the_same_result(database: Database) -> None:
    revision = revision_module("0012")
    with database.engine.begin() as connection:
        for identifier, subject, value, _ in ROWS:
            _insert(connection, identifier, subject, value)
    with database.engine.begin() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        cursor = driver.cursor()
        after = 0
        while (last := revision._rewrite_batch(cursor, "?", after, 3)) is not None:
            after = last
    expected = {identifier: after for identifier, _, _, after in ROWS if after is not None}
    assert _stored(database) == expected

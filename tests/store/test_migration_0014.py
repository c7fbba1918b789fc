"""Revision 0014: account IDs are folded without separators ("xuyun-88231" → "xuyun88231",
``app.models.identifier_folding.folded_account_id``), e-mail addresses and phone numbers keep
revision 0013's forms; going down writes 0013's forms again. Only account rows whose form
changes are written, in one UPDATE on SQLite and in batches elsewhere (on PostgreSQL:
tests/team/test_migration_0014_backends.py)."""

import random

from alembic import command
from sqlalchemy import text

from app.models.identifier_folding import folded_identifier
from app.store import Database
from app.store.migrations_runner import current_revision, run_alembic
from tests.store.helpers import insert_identifier, revision_module

# (identifier id, subject id, kind, value, folded form at 0013, folded form at 0014)
ROWS = [
    (1, 1, "account_id", "xuyun-88231", "xuyun-88231", "xuyun88231"),
    (2, 1, "account_id", "ＸＵＹＵＮ－８８２３２", "xuyun-88232", "xuyun88232"),
    (3, 2, "account_id", "u_12345", "u_12345", "u12345"),
    (4, 2, "account_id", "Wang.Fang·88", "wang.fang·88", "wangfang88"),
    (5, 3, "account_id", "acct\u20147788 99", "acct\u20147788 99", "acct778899"),
    (6, 3, "account_id", "1000000000007919", "1000000000007919", "1000000000007919"),
    (7, 4, "email", "li.na@example.com", "li.na@example.com", "li.na@example.com"),
    (8, 4, "email", "Li-Na@example.com", "li-na@example.com", "li-na@example.com"),
    (9, 5, "phone", "+819012345678", "9012345678", "9012345678"),
    (10, 5, "phone", "not a number", "not a number", "not a number"),
]
AT_0013 = {row[0]: row[4] for row in ROWS}
AT_0014 = {row[0]: row[5] for row in ROWS}
# Separators of every sort, letters in several widths and cases, marks, invisible characters.
ALPHABET = "aZß09 _-.·・。@/+＿－．\u2010\u2011\u2013\u2014\u2015\u2212\u00ad\u200b\u0301ＡΣİﬁ①ｱ"


def test_the_revision_s_rule_is_the_app_s() -> None:
    revision = revision_module("0014")
    pick = random.Random(14)
    samples = ["".join(pick.choices(ALPHABET, k=pick.randint(0, 24))) for _ in range(5000)]
    samples += ["x-" * 400, "ß." * 400]
    # Every character of the planes in use, between two letters.
    planes = [*range(0xD800), *range(0xE000, 0x20000), *range(0xE0000, 0xE0200)]
    samples += [f"a{chr(point)}b" for point in planes]
    differing = [
        s for s in samples if revision.folded_account_id(s) != folded_identifier("account_id", s)
    ]
    assert differing == []


def _folded(database: Database) -> dict[int, str]:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT id, folded FROM subject_identifier"))
        return {identifier: folded for identifier, folded in rows}


def _at_0013_with_rows(database: Database) -> None:
    """Go down to 0013 and write ``ROWS`` as that revision's app did (its folded forms)."""
    run_alembic(database.engine, lambda config: command.downgrade(config, "0013"))
    with database.engine.begin() as connection:
        for row in ROWS:
            insert_identifier(connection, *row[:4])
            connection.execute(
                text("UPDATE subject_identifier SET folded = :folded WHERE id = :id"),
                {"folded": row[4], "id": row[0]},
            )
    assert _folded(database) == AT_0013


def test_a_0013_database_gets_account_ids_without_separators_and_back_going_down(
    database: Database,
) -> None:
    _at_0013_with_rows(database)
    run_alembic(database.engine, lambda config: command.upgrade(config, "0014"))
    assert current_revision(database.engine) == "0014"
    assert _folded(database) == AT_0014
    run_alembic(database.engine, lambda config: command.downgrade(config, "0013"))
    assert _folded(database) == AT_0013


def test_a_refold_in_small_batches_gives_the_same_forms(database: Database) -> None:
    _at_0013_with_rows(database)
    revision = revision_module("0014")
    with database.engine.begin() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        cursor, after = driver.cursor(), 0
        while (
            last := revision.refold_batch(cursor, "?", revision.folded_account_id, after, 2)
        ) is not None:
            after = last
    assert _folded(database) == AT_0014

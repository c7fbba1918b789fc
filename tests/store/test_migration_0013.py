"""Revision 0013: every stored identifier gets its folded search form
(``app.models.identifier_folding``), filled in one pass on SQLite and in batches elsewhere,
with the index the search reads; going down drops both. Run on PostgreSQL too
(tests/team/test_migration_0013_backends.py)."""

import random

from alembic import command
from sqlalchemy import inspect, text

from app.models.identifier_folding import country_codes, folded_identifier
from app.store import Database
from app.store.migrations_runner import current_revision, run_alembic
from tests.store.helpers import insert_identifier, revision_module

# (identifier id, subject id, kind, value stored at 0012, folded form after 0013)
ROWS = [
    (1, 1, "account_id", "ＡＢＣ_User", "abc_user"),
    (2, 1, "email", "Zhang.Wei@example.com", "zhang.wei@example.com"),
    (3, 2, "account_id", "Li_Si_2020", "li_si_2020"),
    (4, 2, "phone", "+819012345678", "9012345678"),
    (5, 3, "phone", "13800138000", "13800138000"),
    (6, 3, "phone", "01012345678", "1012345678"),
    (7, 4, "phone", "+390612345678", "0612345678"),
    (8, 4, "account_id", "Straße", "strasse"),
    (9, 5, "phone", "+14155550100", "4155550100"),
    (10, 5, "phone", "not a number", "not a number"),
]


def test_the_revision_s_rule_is_the_app_s_for_addresses_and_phones() -> None:
    # Revision 0014 folds account IDs without separators (tests/store/test_migration_0014.py).
    revision = revision_module("0013")
    assert country_codes() == revision.COUNTRY_CODES
    pick = random.Random(13)
    alphabet = "0123456789+ aZß_-.@ＡＢｃ１２３ΣσİıﬁⅣ①ｱ"
    samples = ["".join(pick.choices(alphabet, k=pick.randint(0, 24))) for _ in range(5000)]
    samples += [f"+{pick.randint(1, 999)}{pick.randint(0, 10**10)}" for _ in range(5000)]
    samples += ["00" + s[1:] for s in samples[-1000:]] + ["0" + s for s in samples[:500]]
    samples += ["x" * 400, "ß" * 400]
    for kind in ("phone", "email"):
        differing = [
            s for s in samples if revision.folded_identifier(kind, s) != folded_identifier(kind, s)
        ]
        assert differing == []


def _folded(database: Database) -> dict[int, str]:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT id, folded FROM subject_identifier"))
        return {identifier: folded for identifier, folded in rows}


def _at_0012_with_rows(database: Database) -> None:
    run_alembic(database.engine, lambda config: command.downgrade(config, "0012"))
    with database.engine.begin() as connection:
        for row in ROWS:
            insert_identifier(connection, *row[:4])


def test_a_0012_database_gets_the_folded_forms_and_drops_them_going_down(
    database: Database,
) -> None:
    _at_0012_with_rows(database)
    run_alembic(database.engine, lambda config: command.upgrade(config, "0013"))
    assert current_revision(database.engine) == "0013"
    assert _folded(database) == {row[0]: row[4] for row in ROWS}
    indexes = {
        i["name"]: i["column_names"]
        for i in inspect(database.engine).get_indexes("subject_identifier")
    }
    assert indexes["ix_subject_identifier_folded"] == ["kind", "folded", "subject_id"]
    run_alembic(database.engine, lambda config: command.downgrade(config, "0012"))
    columns = {c["name"] for c in inspect(database.engine).get_columns("subject_identifier")}
    assert "folded" not in columns


def test_a_fill_in_small_batches_gives_the_same_forms(database: Database) -> None:
    _at_0012_with_rows(database)
    with database.engine.begin() as connection:
        connection.execute(
            text("ALTER TABLE subject_identifier ADD COLUMN folded VARCHAR(320) DEFAULT ''")
        )
        driver = connection.connection.driver_connection
        assert driver is not None
        revision, cursor, after = revision_module("0013"), driver.cursor(), 0
        while (last := revision._fill_batch(cursor, "?", after, 3)) is not None:
            after = last
    assert _folded(database) == {row[0]: row[4] for row in ROWS}

"""Revision 0012: stored phone identifiers rewritten into the one canonical form
(``app.services.contact_points.normalise_phone``): 008613800138000 becomes 13800138000, a
second spelling of a number its subject already holds is dropped, another subject's is kept."""

import importlib.util
import random
from pathlib import Path
from types import ModuleType

from alembic import command
from sqlalchemy import Connection, text

from app.services.contact_points import normalise_phone
from app.store import Database
from app.store.migrations_runner import current_revision, head_revision, run_alembic

VERSIONS = Path(__file__).parents[2] / "app" / "store" / "migrations" / "versions"

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


def _revision() -> ModuleType:
    path = next(VERSIONS.glob("0012_*.py"))
    spec = importlib.util.spec_from_file_location("revision_0012", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_revision_s_rule_is_the_app_s() -> None:
    rule = _revision().canonical_phone
    pick = random.Random(12)
    alphabet = "0123456789+-. ()８６＋（）\u3000\u2013١٣"
    samples = ["".join(pick.choices(alphabet, k=pick.randint(0, 24))) for _ in range(5000)]
    samples += ["+86" + s for s in samples[:1000]] + ["0086" + s for s in samples[:1000]]
    assert [s for s in samples if rule(s) != normalise_phone(s)] == []


def _insert(connection: Connection, identifier: int, subject: int, value: str) -> None:
    connection.execute(
        text(
            "INSERT OR IGNORE INTO data_subject (id, display_name, is_minor, is_deceased, "
            "created_at) VALUES (:id, 'x', 0, 0, '2026-01-01 00:00:00')"
        ),
        {"id": subject},
    )
    connection.execute(
        text(
            "INSERT INTO subject_identifier (id, subject_id, kind, value, added_at) "
            "VALUES (:id, :subject, 'phone', :value, '2026-01-01 00:00:00')"
        ),
        {"id": identifier, "subject": subject, "value": value},
    )


def _stored(database: Database) -> dict[int, str]:
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT id, value FROM subject_identifier"))
        return {identifier: value for identifier, value in rows}


def test_a_0011_database_gets_canonical_phones(database: Database) -> None:
    run_alembic(database.engine, lambda config: command.downgrade(config, "0011"))
    with database.engine.begin() as connection:
        for identifier, subject, value, _ in ROWS:
            _insert(connection, identifier, subject, value)
    run_alembic(database.engine, lambda config: command.upgrade(config, "head"))
    assert current_revision(database.engine) == head_revision() == "0012"
    expected = {identifier: after for identifier, _, _, after in ROWS if after is not None}
    assert _stored(database) == expected


def test_a_rewrite_in_small_batches_gives_the_same_result(database: Database) -> None:
    revision = _revision()
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

"""After a migration, the foreign keys are checked in every table it can have broken — the
tables it wrote, and those pointing at a table whose rows it removed or whose definition it
changed — and only there: a broken link is refused and nothing is committed, as before, while
a revision that rewrites one table no longer checks the whole database (36-50 s at a million
cases)."""

from collections.abc import Iterator

import pytest

from app.errors import NotADatabaseError
from app.store import Database
from app.store.connection import PAGE_CACHE_KIB, SQLITE_HEAP_BUDGET_BYTES
from app.store.migrations_runner import current_revision, run_alembic
from tests.store.migration_steps import rows, statements, write_unchecked

REFUSED = "The schema upgrade would break links between records"
TABLES = (
    "CREATE TABLE shelf (id INTEGER PRIMARY KEY, name TEXT)",
    "CREATE TABLE book (id INTEGER PRIMARY KEY, shelf_id INTEGER REFERENCES shelf (id))",
    "CREATE TABLE shelf_note (word TEXT, shelf_id INTEGER NOT NULL REFERENCES shelf (id), "
    "PRIMARY KEY (word, shelf_id)) WITHOUT ROWID",
    "CREATE TABLE ledger (id INTEGER PRIMARY KEY, line TEXT)",
    "INSERT INTO shelf (id, name) VALUES (1, 'a'), (2, 'b')",
    "INSERT INTO book (id, shelf_id) VALUES (10, 1), (11, 2), (12, NULL)",
    "INSERT INTO shelf_note (word, shelf_id) VALUES ('x', 1)",
)


@pytest.fixture
def shelves(database: Database) -> Iterator[Database]:
    """The app's database plus three linked tables, written by a migration that passes."""
    run_alembic(database.engine, statements(*TABLES))
    yield database


@pytest.mark.parametrize(
    "sql",
    [
        # a row pointing nowhere, inserted or updated
        ("INSERT INTO book (id, shelf_id) VALUES (13, 99)",),
        ("UPDATE book SET shelf_id = 7 WHERE id = 10",),
        # in a WITHOUT ROWID table (the name words' kind)
        ("INSERT INTO shelf_note (word, shelf_id) VALUES ('y', 42)",),
        # a parent row removed, or its key changed, under its children
        ("DELETE FROM shelf WHERE id = 2",),
        ("UPDATE shelf SET id = 3 WHERE id = 1",),
        # a table rebuilt the way Alembic's batch mode does, losing a row
        (
            "CREATE TABLE _alembic_tmp_shelf (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
            "INSERT INTO _alembic_tmp_shelf SELECT id, name FROM shelf WHERE id = 1",
            "DROP TABLE shelf",
            "ALTER TABLE _alembic_tmp_shelf RENAME TO shelf",
        ),
        # the parent dropped
        ("DROP TABLE shelf",),
        # a trigger's write, made by a statement on another table
        (
            "CREATE TEMP TRIGGER misfile AFTER INSERT ON ledger "
            "BEGIN INSERT INTO book (id, shelf_id) VALUES (new.id + 100, 55); END",
            "INSERT INTO ledger (id, line) VALUES (1, 'moved')",
        ),
        # a new table whose rows point nowhere
        (
            "CREATE TABLE shelf_tag (tag TEXT, shelf_id INTEGER REFERENCES shelf (id))",
            "INSERT INTO shelf_tag VALUES ('old', 8)",
        ),
    ],
)
def test_a_migration_that_breaks_a_link_is_refused_and_changes_nothing(
    shelves: Database, sql: tuple[str, ...]
) -> None:
    before = {t: rows(shelves, f"SELECT * FROM {t}") for t in ("shelf", "book", "shelf_note")}
    revision = current_revision(shelves.engine)
    with pytest.raises(NotADatabaseError, match=REFUSED):
        run_alembic(
            shelves.engine, statements(*sql, "UPDATE alembic_version SET version_num = 'x'")
        )
    after = {t: rows(shelves, f"SELECT * FROM {t}") for t in ("shelf", "book", "shelf_note")}
    assert after == before
    assert current_revision(shelves.engine) == revision
    assert rows(shelves, "PRAGMA foreign_keys") == [(1,)]  # enforced again afterwards


def test_a_migration_that_keeps_every_link_is_committed(shelves: Database) -> None:
    run_alembic(
        shelves.engine,
        statements(
            "INSERT INTO shelf (id, name) VALUES (3, 'c')",
            "INSERT INTO book (id, shelf_id) VALUES (13, 3)",
            "DELETE FROM shelf_note",
            "INSERT INTO shelf_note (word, shelf_id) VALUES ('y', 3)",
            "UPDATE book SET shelf_id = NULL WHERE id = 11",  # no link: nothing to break
            "DELETE FROM shelf WHERE id = 2",  # nothing points at it any more
        ),
    )
    assert rows(shelves, "SELECT id, shelf_id FROM book ORDER BY id") == [
        (10, 1),
        (11, None),
        (12, None),
        (13, 3),
    ]
    assert rows(shelves, "SELECT word, shelf_id FROM shelf_note") == [("y", 3)]


def _orphan_left_outside_a_migration(database: Database) -> None:
    """A broken link made with the check off, outside any migration (a damaged file)."""
    write_unchecked(database, "INSERT INTO book (id, shelf_id) VALUES (50, 404)")


def test_only_the_tables_a_migration_can_have_broken_are_checked(shelves: Database) -> None:
    _orphan_left_outside_a_migration(shelves)
    # Neither book nor a table it points at is changed: book is not read.
    run_alembic(shelves.engine, statements("INSERT INTO ledger (id, line) VALUES (1, 'a')"))
    run_alembic(shelves.engine, statements("INSERT INTO shelf (id, name) VALUES (5, 'e')"))
    assert rows(shelves, "SELECT count(*) FROM ledger") == [(1,)]
    # A change of book, or of the keys of the shelves it points at, checks all of book.
    for sql in ("INSERT INTO book (id, shelf_id) VALUES (14, 1)", "DELETE FROM shelf WHERE id = 5"):
        with pytest.raises(NotADatabaseError, match=REFUSED):
            run_alembic(shelves.engine, statements(sql))


def test_a_migration_writing_the_schema_directly_checks_every_table(shelves: Database) -> None:
    _orphan_left_outside_a_migration(shelves)
    with pytest.raises(NotADatabaseError, match=REFUSED):
        run_alembic(
            shelves.engine,
            statements("PRAGMA writable_schema = ON", "PRAGMA writable_schema = OFF"),
        )


def test_the_check_gives_the_page_cache_back(shelves: Database) -> None:
    run_alembic(shelves.engine, statements("INSERT INTO book (id, shelf_id) VALUES (13, 2)"))
    with shelves.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        assert driver.execute("PRAGMA cache_size").fetchone() == (-PAGE_CACHE_KIB,)
        assert driver.execute("PRAGMA soft_heap_limit").fetchone() == (SQLITE_HEAP_BUDGET_BYTES,)
        assert driver.execute("PRAGMA foreign_keys").fetchone() == (1,)

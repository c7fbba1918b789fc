"""A migration's UPDATE is link-checked only where it sets a linked column — a foreign-key
column of its table, the row id, or, of a table other rows point at, a key they can point at
or a unique column (``OR REPLACE`` deletes the row holding the value) — so that rewriting the
review flags of every case no longer checks every table pointing at cases (~20 s at a million
cases). Every other write is checked as before."""

from collections.abc import Iterator

import pytest

from app.errors import NotADatabaseError
from app.store import Database
from app.store.migrations_runner import current_revision, run_alembic
from app.store.migrations_writes import linked_columns
from tests.store.migration_steps import rows, statements, write_unchecked

REFUSED = "The schema upgrade would break links between records"
LIBRARY = ("shelf", "book", "label", "spine", "slot")
TABLES = (
    "CREATE TABLE shelf (id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT UNIQUE, colour TEXT)",
    # the parent named in another case than its definition's
    "CREATE TABLE book (id INTEGER PRIMARY KEY, shelf_id INTEGER REFERENCES SHELF (ID), "
    "title TEXT)",
    # a parent key that is not the primary key
    "CREATE TABLE label (id INTEGER PRIMARY KEY, shelf_code TEXT REFERENCES shelf (code), "
    "words TEXT)",
    # the row id is the foreign key, to the parent's primary key named by no column
    "CREATE TABLE spine (book_id INTEGER PRIMARY KEY REFERENCES book, colour TEXT)",
    # a foreign key computed from another column
    "CREATE TABLE slot (id INTEGER PRIMARY KEY, position INTEGER, "
    "shelf_id INTEGER GENERATED ALWAYS AS (position / 100) VIRTUAL REFERENCES shelf (id))",
    "INSERT INTO shelf VALUES (1, 'A', 'first', 'red'), (2, 'B', 'second', 'blue')",
    "INSERT INTO book VALUES (10, 1, 'Tao'), (11, 2, 'Odyssey')",
    "INSERT INTO label VALUES (1, 'A', 'fragile')",
    "INSERT INTO spine VALUES (10, 'gold')",
    "INSERT INTO slot (id, position) VALUES (1, 150), (2, 250)",  # shelves 1 and 2
)


def _library(database: Database) -> dict[str, list[tuple[object, ...]]]:
    return {table: rows(database, f"SELECT * FROM {table} ORDER BY 1") for table in LIBRARY}


@pytest.fixture
def library(database: Database) -> Iterator[Database]:
    """The app's database plus the linked tables above, written by a migration that passes."""
    run_alembic(database.engine, statements(*TABLES))
    yield database


def _broken_outside_a_migration(database: Database) -> None:
    """A row pointing nowhere in each child table, written with the check off (a damaged
    file): a check of any of them refuses the migration."""
    write_unchecked(
        database,
        "INSERT INTO book VALUES (50, 404, 'Lost')",
        "INSERT INTO label VALUES (2, 'NOPE', 'lost')",
        "INSERT INTO spine VALUES (77, 'red')",
        "INSERT INTO slot (id, position) VALUES (3, 990)",  # shelf 9
    )


def test_updates_of_unlinked_columns_are_not_checked(library: Database) -> None:
    _broken_outside_a_migration(library)
    run_alembic(
        library.engine,
        statements(
            "UPDATE book SET title = upper(title)",
            "UPDATE shelf SET colour = 'grey'",  # pointed at, but by id and code
            "UPDATE label SET words = 'handle with care' WHERE id = 1",
            "UPDATE spine SET colour = 'black'",
            "UPDATE alembic_version SET version_num = 'x'",
        ),
    )
    assert current_revision(library.engine) == "x"
    assert rows(library, "SELECT id, title FROM book ORDER BY id") == [
        (10, "TAO"),
        (11, "ODYSSEY"),
        (50, "LOST"),
    ]
    assert rows(library, "SELECT DISTINCT colour FROM shelf") == [("grey",)]
    assert rows(library, "SELECT words FROM label ORDER BY id") == [
        ("handle with care",),
        ("lost",),
    ]
    assert rows(library, "SELECT DISTINCT colour FROM spine") == [("black",)]
    # A linked column set to its own value is checked: the damaged rows are found.
    with pytest.raises(NotADatabaseError, match=REFUSED):
        run_alembic(library.engine, statements("UPDATE label SET shelf_code = shelf_code"))


@pytest.mark.parametrize(
    "sql",
    [
        # a foreign key set to point nowhere, alone or beside an unlinked column, in any case
        ("UPDATE book SET shelf_id = 7 WHERE id = 10",),
        ("UPDATE BOOK SET title = 'Tao Te Ching', Shelf_ID = 7 WHERE id = 10",),
        # a parent key changed under the rows pointing at it: primary or not
        ("UPDATE shelf SET id = 4 WHERE id = 1",),
        ("UPDATE shelf SET code = 'Z' WHERE id = 1",),
        ("UPDATE book SET id = 12 WHERE id = 10",),  # spine's, named by no column
        # the row id, under its other names: a parent's, and a child's that is its foreign key
        ("UPDATE shelf SET _rowid_ = 4 WHERE id = 1",),
        ("UPDATE book SET oid = 12 WHERE id = 10",),
        ("UPDATE spine SET rowid = 99",),
        # a unique column set to a value another parent holds: OR REPLACE deletes that one
        ("UPDATE OR REPLACE shelf SET name = 'first' WHERE id = 2",),
        # a column a generated foreign key is computed from
        ("UPDATE slot SET position = 950 WHERE id = 1",),
        # an upsert setting a parent key
        ("INSERT INTO shelf (id, name) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET code = 'Q'",),
        # an unlinked column's update whose trigger sets a foreign key
        (
            "CREATE TEMP TRIGGER refile AFTER UPDATE OF colour ON shelf "
            "BEGIN UPDATE book SET shelf_id = 9 WHERE id = 11; END",
            "UPDATE shelf SET colour = 'grey'",
        ),
        # inserts and deletes, beside an unlinked update or not
        ("INSERT INTO book VALUES (12, 9, 'Iliad')",),
        ("DELETE FROM shelf WHERE id = 2",),
        ("UPDATE shelf SET colour = 'grey'", "DELETE FROM shelf WHERE id = 1"),
    ],
)
def test_a_linked_update_or_any_other_write_is_still_checked(
    library: Database, sql: tuple[str, ...]
) -> None:
    before = _library(library)
    revision = current_revision(library.engine)
    with pytest.raises(NotADatabaseError, match=REFUSED):
        run_alembic(
            library.engine, statements(*sql, "UPDATE alembic_version SET version_num = 'x'")
        )
    assert _library(library) == before
    assert current_revision(library.engine) == revision
    assert rows(library, "PRAGMA foreign_keys") == [(1,)]


def test_the_linked_columns_of_each_table(library: Database) -> None:
    with library.engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        # Outside a migration: a foreign key to a parent declaring no primary key is an error
        # the check must still meet; a unique index on an expression or with a WHERE clause
        # may be what OR REPLACE deletes by.
        driver.execute("CREATE TABLE loose (a TEXT)")
        driver.execute("CREATE TABLE tie (a TEXT REFERENCES loose)")
        driver.execute("CREATE TABLE stamp (id INTEGER PRIMARY KEY, ink TEXT)")
        driver.execute("CREATE UNIQUE INDEX ix_stamp_ink ON stamp (lower(ink))")
        driver.execute("CREATE TABLE print (stamp_id INTEGER REFERENCES stamp (id))")
        driver.execute("CREATE TABLE badge (id INTEGER PRIMARY KEY, serial TEXT)")
        driver.execute("CREATE UNIQUE INDEX ix_badge_serial ON badge (serial) WHERE serial > ''")
        driver.execute("CREATE TABLE pin (badge_id INTEGER REFERENCES badge (id))")
        tables = [*LIBRARY, "loose", "tie", "stamp", "print", "badge", "gone"]
        assert linked_columns(driver, tables) == {
            # pointed at by book and slot (id) and label (code); name is unique
            "shelf": {"rowid", "id", "code", "name"},
            # pointed at by spine through its primary key, which no column names
            "book": {"rowid", "id", "shelf_id"},
            "label": {"rowid", "shelf_code"},  # pointed at by none
            "spine": {"rowid", "book_id"},
            "slot": None,  # a generated column
            "loose": None,  # pointed at by its primary key, which it does not declare
            "tie": {"rowid", "a"},
            "stamp": None,  # pointed at, with a unique index on an expression
            "print": {"rowid", "stamp_id"},
            "badge": None,  # pointed at, with a partial unique index
            "gone": None,  # no such table (any more)
        }

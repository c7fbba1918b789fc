"""Which tables a migration wrote on SQLite, and so which foreign keys it can have broken: told
by SQLite's authorizer (https://sqlite.org/c3ref/set_authorizer.html).
``app.store.migrations_runner`` checks the links of those tables before committing."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3.dbapi2 as sqlite

TABLES_SQL = (
    "SELECT name, sql FROM sqlite_schema "
    "WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
)


@dataclass
class Writes:
    """The tables a migration changed, told by SQLite's authorizer (called as each statement,
    trigger bodies included, is compiled: https://sqlite.org/c3ref/set_authorizer.html).

    Attributes:
        rows: tables whose rows were inserted or updated, or that were created: their own
            foreign keys may now point nowhere.
        keys: tables whose rows were deleted or updated, or that were dropped, altered or
            redefined: rows of other tables pointing at them may now point nowhere.
        everything: the schema was written directly (``writable_schema``): check all.
    """

    rows: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    everything: bool = False

    def __call__(self, action: int, first: str | None, second: str | None, *_: object) -> int:
        """The authorizer: note the table, allow everything (names compared lower-case)."""
        table = (second if action == sqlite.SQLITE_ALTER_TABLE else first) or ""
        if action in _ROW_WRITES:
            self.rows.add(table.lower())
        if action in _KEY_WRITES:
            self.keys.add(table.lower())
        if action == sqlite.SQLITE_PRAGMA and (first or "").lower() == "writable_schema":
            self.everything = True
        return int(sqlite.SQLITE_OK)


# SQLite's authorizer action codes (https://sqlite.org/c3ref/c_alter_table.html).
_ROW_WRITES = frozenset(
    (
        sqlite.SQLITE_INSERT,
        sqlite.SQLITE_UPDATE,
        sqlite.SQLITE_CREATE_TABLE,
        sqlite.SQLITE_ALTER_TABLE,
    )
)
_KEY_WRITES = frozenset(
    (
        sqlite.SQLITE_DELETE,
        sqlite.SQLITE_UPDATE,
        sqlite.SQLITE_DROP_TABLE,
        sqlite.SQLITE_ALTER_TABLE,
    )
)


@contextmanager
def watched_writes(driver: Any) -> Iterator[Writes]:
    """Note the tables written on ``driver`` inside the block, and those whose definition
    changed or that are new (a table renamed into place; a parent's rename rewrites its
    children's definitions)."""
    before = dict(driver.execute(TABLES_SQL).fetchall())
    writes = Writes()
    driver.set_authorizer(writes)  # also makes SQLite compile cached statements again
    try:
        yield writes
    finally:
        driver.set_authorizer(None)
    after = dict(driver.execute(TABLES_SQL).fetchall())
    changed = {name.lower() for name, sql in after.items() if before.get(name) != sql}
    writes.rows |= changed
    writes.keys |= changed

"""Which tables a migration wrote on SQLite, and so which foreign keys it can have broken: told
by SQLite's authorizer (https://sqlite.org/c3ref/set_authorizer.html), which is called as each
statement, trigger bodies included, is compiled — with the table, and for an UPDATE each column
it sets. ``app.store.migrations_runner`` checks the links of those tables before committing.

An UPDATE can break a link only through a linked column: a foreign-key column of its table, or
a parent key another table's foreign key points at (https://sqlite.org/foreignkeys.html §3). A
revision rewriting the review flags of a million cases so no longer checks every table pointing
at cases (~20 s).
"""

from collections.abc import Iterable, Iterator
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
    """The tables a migration changed (names lower-case, as SQLite compares them).

    Attributes:
        rows: tables whose rows were inserted or updated through a linked column, or that were
            created: their own foreign keys may now point nowhere.
        keys: tables whose rows were deleted or updated through a linked column, or that were
            dropped, altered or redefined: rows of other tables pointing at them may now point
            nowhere.
        updated: the columns each UPDATE set (``rowid`` for the row id under any of its
            names), by table; ``watched_writes`` moves the tables whose updated columns are
            linked into ``rows`` and ``keys``.
        everything: the schema was written directly (``writable_schema``): check all.
    """

    rows: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    updated: dict[str, set[str]] = field(default_factory=dict)
    everything: bool = False

    def __call__(self, action: int, first: str | None, second: str | None, *_: object) -> int:
        """The authorizer: note the table (and an UPDATE's column), allow everything."""
        table = ((second if action == sqlite.SQLITE_ALTER_TABLE else first) or "").lower()
        if action == sqlite.SQLITE_UPDATE:
            self.updated.setdefault(table, set()).add((second or "").lower())
        if action in _ROW_WRITES:
            self.rows.add(table)
        if action in _KEY_WRITES:
            self.keys.add(table)
        if action == sqlite.SQLITE_PRAGMA and (first or "").lower() == "writable_schema":
            self.everything = True
        return int(sqlite.SQLITE_OK)


# SQLite's authorizer action codes (https://sqlite.org/c3ref/c_alter_table.html); an UPDATE
# counts as both once a linked column is among those it set.
_ROW_WRITES = frozenset(
    (sqlite.SQLITE_INSERT, sqlite.SQLITE_CREATE_TABLE, sqlite.SQLITE_ALTER_TABLE)
)
_KEY_WRITES = frozenset((sqlite.SQLITE_DELETE, sqlite.SQLITE_DROP_TABLE, sqlite.SQLITE_ALTER_TABLE))
# The row id as the authorizer names it for ``SET rowid``/``_rowid_``/``oid``, lower-case: it
# is the INTEGER PRIMARY KEY column too, which may be a foreign key or a parent key.
_ROW_ID = "rowid"


@contextmanager
def watched_writes(driver: Any) -> Iterator[Writes]:
    """Note the tables written inside the block, and those whose definition changed or that
    are new (a table renamed into place; a parent's rename rewrites its children's
    definitions); after the block, count an updated table as written where an UPDATE set one
    of its linked columns (``linked_columns``, as the schema then stands).

    Args:
        driver: the migration's SQLCipher (DB-API) connection, inside its transaction.

    Yields:
        The ``Writes``, complete once the block has ended without an error.
    """
    before = dict(driver.execute(TABLES_SQL).fetchall())
    writes = Writes()
    driver.set_authorizer(writes)  # also makes SQLite compile cached statements again
    try:
        yield writes
    finally:
        driver.set_authorizer(None)
    after = dict(driver.execute(TABLES_SQL).fetchall())
    changed = {name.lower() for name, sql in after.items() if before.get(name) != sql}
    linked = linked_columns(driver, writes.updated)
    changed |= {t for t, columns in writes.updated.items() if _any_linked(columns, linked[t])}
    writes.rows |= changed
    writes.keys |= changed


def linked_columns(driver: Any, tables: Iterable[str]) -> dict[str, set[str] | None]:
    """The columns of each table whose change can break a link.

    Args:
        driver: a SQLCipher (DB-API) connection; its main schema is read.
        tables: table names, lower-case.

    Returns:
        Each of ``tables`` with its linked columns' names, lower-case (``rowid`` for the row
        id), or ``None`` where a change of any column can break a link.

    Linked are the table's foreign-key columns and the row id, and, when another table's
    foreign key points at it, its primary key, the columns pointed at and every column of a
    unique index (``UPDATE OR REPLACE``, or a ``ON CONFLICT REPLACE`` constraint, deletes the
    row holding a value set again, unseen by the authorizer). Any column is, of a table that
    is not in the main schema (dropped or renamed since, a view), that has generated columns
    (one may be a key, computed from any other), or, pointed at, that has a unique index on
    an expression or with a WHERE clause, or a foreign key to its implicit primary key while
    it declares none (an error ``PRAGMA foreign_key_check`` must raise as before).
    """
    names = {name.lower(): name for name, _ in driver.execute(TABLES_SQL).fetchall()}
    pointed_at: dict[str, set[str | None]] = {}
    for name in names.values():
        for parent, column in _foreign_keys(driver, name, '"table", "to"'):
            pointed_at.setdefault(parent, set()).add(column)
    return {
        table: _linked(driver, names[table], pointed_at.get(table)) if table in names else None
        for table in tables
    }


def _any_linked(columns: set[str], linked: set[str] | None) -> bool:
    """Whether one of ``columns`` is among ``linked`` (``None``: every column is)."""
    return linked is None or not columns.isdisjoint(linked)


def _linked(driver: Any, table: str, pointed_at: set[str | None] | None) -> set[str] | None:
    """``linked_columns`` of the existing ``table``, which the foreign keys of the schema
    point at through ``pointed_at`` (a ``None`` for its primary key), or not at all."""
    columns = driver.execute("SELECT name, pk, hidden FROM pragma_table_xinfo(?)", (table,))
    info = [(name.lower(), pk, hidden) for name, pk, hidden in columns.fetchall()]
    if any(hidden in (2, 3) for _, _, hidden in info):  # generated (virtual or stored)
        return None
    linked = {_ROW_ID} | {column for (column,) in _foreign_keys(driver, table, '"from"')}
    if pointed_at is None:
        return linked
    primary_key = {name for name, pk, _ in info if pk}
    unique = _unique_index_columns(driver, table)
    if unique is None or (None in pointed_at and not primary_key):
        return None
    return linked | primary_key | unique | {c for c in pointed_at if c is not None}


def _foreign_keys(driver: Any, table: str, columns: str) -> list[tuple[Any, ...]]:
    """``columns`` of ``table``'s foreign keys (``PRAGMA foreign_key_list``), lower-case."""
    rows = driver.execute(f"SELECT {columns} FROM pragma_foreign_key_list(?)", (table,))
    return [tuple(v.lower() if isinstance(v, str) else v for v in row) for row in rows.fetchall()]


def _unique_index_columns(driver: Any, table: str) -> set[str] | None:
    """The columns of ``table``'s unique indexes (primary key and UNIQUE constraints
    included), lower-case; ``None`` when one is on an expression or partial."""
    indexes = driver.execute(
        'SELECT name, partial FROM pragma_index_list(?) WHERE "unique"', (table,)
    ).fetchall()
    columns: set[str] = set()
    for index, partial in indexes:
        names = driver.execute("SELECT name FROM pragma_index_info(?)", (index,)).fetchall()
        if partial or any(name is None for (name,) in names):
            return None
        columns |= {name.lower() for (name,) in names}
    return columns

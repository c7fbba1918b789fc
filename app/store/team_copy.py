"""Copying every table of one database into another (local SQLCipher file -> team server).

The store does not import the models (layers), so the caller passes their ``MetaData``. Tables go
in foreign-key order; a table that refers to itself (``case.related_case_id``) is copied with
those columns empty and then filled in, so row order never matters. The source is read in one
transaction, i.e. one consistent snapshot, and the source file is only read. The target is
written in one transaction: a failure leaves it as empty as it was.
"""

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    Table,
    func,
    select,
    text,
    update,
)

from app.errors import TeamMigrationError

BATCH_ROWS = 200


def copy_tables(source: Engine, target: Engine, metadata: MetaData) -> dict[str, int]:
    """Copy every row of every table of ``metadata`` from ``source`` into ``target``.

    Args:
        source: the local database (only read).
        target: the team database, migrated to the same schema and empty.
        metadata: the models' metadata.

    Returns:
        Rows copied per table name.

    Raises:
        TeamMigrationError: the target already holds data (nothing is written).
    """
    with source.connect() as reading, target.begin() as writing:
        require_empty(writing, metadata)
        counts = {t.name: _copy_table(reading, writing, t) for t in metadata.sorted_tables}
        advance_sequences(writing, metadata)
    return counts


def require_empty(connection: Connection, metadata: MetaData) -> None:
    """Raises ``TeamMigrationError`` when any table of ``metadata`` has a row."""
    for table in metadata.sorted_tables:
        if connection.scalar(select(func.count()).select_from(table)):
            raise TeamMigrationError(
                "The team database already holds data; migrate-to only fills an empty one."
            )


def _copy_table(reading: Connection, writing: Connection, table: Table) -> int:
    self_refs = _self_referencing(table)
    later: list[dict[str, Any]] = []
    copied = 0
    result = reading.execution_options(stream_results=True).execute(
        select(table).order_by(*table.primary_key.columns)
    )
    for batch in result.mappings().partitions(BATCH_ROWS):
        rows = [dict(row) for row in batch]
        later.extend(row for row in rows if any(row[c.name] is not None for c in self_refs))
        writing.execute(table.insert(), [_without(row, self_refs) for row in rows])
        copied += len(rows)
    _fill_self_references(writing, table, self_refs, later)
    return copied


def _self_referencing(table: Table) -> list[Column[Any]]:
    return [fk.parent for fk in table.foreign_keys if fk.column.table is table]


def _without(row: Mapping[str, Any], columns: Sequence[Column[Any]]) -> dict[str, Any]:
    return {
        key: (None if key in {c.name for c in columns} else value) for key, value in row.items()
    }


def _fill_self_references(
    writing: Connection,
    table: Table,
    columns: Sequence[Column[Any]],
    rows: Iterable[dict[str, Any]],
) -> None:
    """Set the self-references; ``onupdate`` columns get their source value, not a new one."""
    stamped = [c for c in table.columns if c.onupdate is not None]
    for row in rows:
        key = [column == row[column.name] for column in table.primary_key.columns]
        values = {c.name: row[c.name] for c in [*columns, *stamped]}
        writing.execute(update(table).where(*key).values(values))


def advance_sequences(connection: Connection, metadata: MetaData) -> None:
    """Move each serial primary key's sequence past the copied ids (PostgreSQL), so the next
    row inserted gets a fresh id."""
    if connection.dialect.name != "postgresql":
        return
    quote = connection.dialect.identifier_preparer
    for table in metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        # Only integer keys have a sequence ("auto" also marks e.g. app_setting's text key).
        if len(keys) != 1 or keys[0].autoincrement not in (True, "auto"):
            continue
        if not isinstance(keys[0].type, Integer):
            continue
        name, column = quote.format_table(table), quote.quote(keys[0].name)
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column), "
                f"COALESCE(MAX({column}), 1), MAX({column}) IS NOT NULL) FROM {name}"
            ),
            {"table": name, "column": keys[0].name},
        )


def table_fingerprints(engine: Engine, metadata: MetaData) -> dict[str, tuple[int, str]]:
    """Return ``{table: (row count, SHA-256 of its rows in key order)}``, read in one snapshot.

    The rows are compared as the ORM types return them (aware UTC datetimes, JSON as Python
    values, bytes), so a table fingerprints the same on SQLite and PostgreSQL when its rows are
    the same.
    """
    with engine.connect() as connection:
        return {t.name: _fingerprint(connection, t) for t in metadata.sorted_tables}


def _fingerprint(connection: Connection, table: Table) -> tuple[int, str]:
    digest = hashlib.sha256()
    count = 0
    result = connection.execute(select(table).order_by(*table.primary_key.columns))
    for row in result.mappings():
        digest.update(repr(sorted(row.items())).encode())
        count += 1
    return count, digest.hexdigest()

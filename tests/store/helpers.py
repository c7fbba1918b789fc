"""Shared helpers for the store tests: real corpus data and raw table dumps."""

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from app.services.deadlines import load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.store import Database
from app.store.connection import connect
from app.store.keys import DatabaseKey
from tests.conftest import CORPUS_INBOX

CORPUS_MESSAGES = 51  # manifest.json lists 51 .eml files, each a distinct Message-ID


def import_corpus(database: Database) -> int:
    """Import the shared corpus; return how many cases it created."""
    report = import_paths(database.session, [CORPUS_INBOX], load_rule_book())
    return report.count(ImportOutcome.IMPORTED)


def dump_tables(path: Path, key: DatabaseKey) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every table of the closed database at ``path``, in rowid order
    (key order where a table has no rowid)."""
    connection = connect(path, key, read_only=True)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {name: _rows(connection, name) for name in names}
    finally:
        connection.close()


def _rows(connection: Any, name: str) -> list[tuple[Any, ...]]:
    """The rows of table ``name`` in rowid order, or key order for a table without a rowid
    (``subject_name_word``)."""
    try:
        return list(connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall())
    except sqlcipher.OperationalError:  # no such column: rowid
        return list(connection.execute(f'SELECT * FROM "{name}"').fetchall())

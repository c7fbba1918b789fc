"""Shared helpers for the store tests: real corpus data and raw table dumps."""

from pathlib import Path
from typing import Any

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
    """Return every row of every table of the closed database at ``path``, in rowid order."""
    connection = connect(path, key, read_only=True)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {
            name: connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall()
            for name in names
        }
    finally:
        connection.close()

"""Shared helpers for the store tests: real corpus data, raw table dumps, revisions read
from their files and rows written at an older revision."""

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, text

from app.services.deadlines import load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.store import Database
from app.store.connection import connect
from app.store.keys import DatabaseKey
from tests.conftest import CORPUS_INBOX

CORPUS_MESSAGES = 51  # manifest.json lists 51 .eml files, each a distinct Message-ID
VERSIONS = Path(__file__).parents[2] / "app" / "store" / "migrations" / "versions"


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


def revision_module(number: str) -> ModuleType:
    """The migration revision ``number`` ("0013"), read from its file."""
    path = next(VERSIONS.glob(f"{number}_*.py"))
    spec = importlib.util.spec_from_file_location(f"revision_{number}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def insert_identifier(
    connection: Connection, identifier: int, subject: int, kind: str, value: str
) -> None:
    """Write identifier row ``identifier`` of ``kind`` holding ``value`` for subject
    ``subject`` (added when new) in raw SQL, as a database of an older revision holds it."""
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
            "VALUES (:id, :subject, :kind, :value, '2026-01-01 00:00:00')"
        ),
        {"id": identifier, "subject": subject, "kind": kind, "value": value},
    )

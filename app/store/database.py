"""Opening and creating the encrypted case database; the engine and its sessions."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.errors import DatabaseMissingError, NotADatabaseError
from app.store.connection import BUSY_TIMEOUT_MS, checkpoint, connect, probe_writable
from app.store.keys import DatabaseKey
from app.store.migrations_runner import upgrade_to_head


@dataclass
class Database:
    """An open case database: its file, engine and session factory.

    One short session per user action (STYLE.md §2); sessions never cross threads.
    """

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Yield a session in a transaction that commits on success and rolls back on error."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        """Checkpoint the WAL into the file and release every connection."""
        checkpoint(self.engine)
        self.engine.dispose()


def open_database(
    path: Path, key: DatabaseKey, *, create: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Database:
    """Open the case database at ``path``, creating it only if it does not exist and ``create``.

    An existing file is never overwritten or recreated: creation claims the name with an
    exclusive create (``O_EXCL``), so a file that appears meanwhile is opened, not replaced.
    The key is checked before anything is written; Alembic then upgrades the schema to head
    (with a backup copy first when an existing schema is upgraded).

    Args:
        path: the database file.
        key: raw key or passphrase.
        create: create a new, empty database when ``path`` does not exist.
        busy_timeout_ms: wait for another writer this long, in milliseconds.

    Returns:
        The open ``Database``.

    Raises:
        DatabaseMissingError: ``path`` does not exist and ``create`` is false.
        WrongKeyError, NotADatabaseError, DatabaseLockedError: see ``app.store.connection``.
    """
    if not path.exists():
        if not create:
            raise DatabaseMissingError(f"No case database at '{path.name}'.")
        _claim_new_file(path)
    elif path.is_dir():
        raise NotADatabaseError(f"'{path.name}' is a folder, not a case database.")
    first = connect(path, key, busy_timeout_ms=busy_timeout_ms)
    probe_writable(first)
    engine = _engine(path, key, busy_timeout_ms, first)
    upgrade_to_head(engine, path)
    return Database(path, engine, sessionmaker(engine, expire_on_commit=False))


def _claim_new_file(path: Path) -> None:
    """Create ``path`` empty with owner-only permissions; SQLite initialises an empty file as a
    new database. ``O_EXCL`` makes this fail rather than truncate a file that exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)


def _engine(path: Path, key: DatabaseKey, busy_timeout_ms: int, first: Any) -> Engine:
    """Build the engine whose pool hands out keyed connections, starting with ``first``."""
    spare = [first]

    def creator() -> Any:
        return spare.pop() if spare else connect(path, key, busy_timeout_ms=busy_timeout_ms)

    # The plain pysqlite dialect with SQLCipher's DB-API module: the pysqlcipher dialect would
    # re-key every connection from the URL password, and the key must never be in a URL.
    engine = create_engine(
        "sqlite://", module=sqlcipher, creator=creator, poolclass=QueuePool, pool_size=4
    )
    # One writer at a time: every transaction takes the write lock up front, so two writers
    # queue on the busy timeout instead of failing when a read upgrades to a write.
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine

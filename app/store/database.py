"""Opening and creating the encrypted case database; the engine and its sessions."""

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.errors import DatabaseMissingError, LegacyFormatError, NotADatabaseError, WrongKeyError
from app.store.connection import (
    BUSY_TIMEOUT_MS,
    check_file_shape,
    checkpoint,
    connect,
    probe_writable,
)
from app.store.disk_space import disk_full_error, is_disk_full
from app.store.instance_lock import InstanceLock, acquire_instance_lock
from app.store.keys import DatabaseKey, connection_key
from app.store.legacy import FormatMigration, migrate_sqlcipher3
from app.store.reading import PlainReader, plain_reading
from app.store.schema_head import at_schema_head

if TYPE_CHECKING:
    from app.store.first_look import FirstLook

log = logging.getLogger(__name__)


@dataclass
class Database:
    """An open case database: its file, engine and session factory.

    One short session per user action (STYLE.md §2); sessions never cross threads.

    Attributes:
        key: the key that opened it (for a backup under the same key); never shown or logged.
        format_migration: set when opening migrated a SQLCipher 3 file (tell the user, and
            where the old file was kept).
        instance_lock: this process's hold on the database (released by ``close``).
    """

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    key: DatabaseKey | None = field(default=None, repr=False)
    format_migration: FormatMigration | None = None
    instance_lock: InstanceLock | None = field(default=None, repr=False)
    _closed: bool = field(default=False, init=False, repr=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """Yield a session in a transaction that commits on success and rolls back on error.

        Raises:
            DiskFullError: a write (or the commit) did not fit on the disk holding the
                database (SQLITE_FULL); the transaction was rolled back, nothing else is lost.
        """
        try:
            with self.sessions.begin() as session:
                yield session
        except DBAPIError as error:
            if is_disk_full(error):
                raise disk_full_error(self.path.parent.resolve()) from None
            raise

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """Yield a session for reading only, rolled back at the end.

        On SQLite it begins a deferred transaction instead of taking the write lock up front
        (``open_database``): the case list pages and counts while an import writes, reading
        the last committed state (WAL), instead of waiting for the import's transaction.
        """
        session = self.sessions(bind=self.engine.execution_options(read_only=True))
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @contextmanager
    def plain_reading(self) -> Iterator[PlainReader]:
        """Yield a ``PlainReader`` (``app.store.reading``): statements compiled by
        ``app.services.case_statements`` run on the DB-API connection, in a read-only
        transaction, without a session's cost."""
        with plain_reading(self.engine) as reader:
            yield reader

    def release_cache(self, session: Session) -> None:
        """Free the page cache of the connection ``session`` runs on (SQLite's ``PRAGMA
        shrink_memory``; nothing on another database), for work whose pages the next actions
        will not read again: the start's check for clocks timed under changed rules.

        All connections share one budget (``SQLITE_HEAP_BUDGET_BYTES``): a pooled connection
        keeps its pages until it is closed, and the list's connection gets that much less.
        """
        if session.get_bind().dialect.name == "sqlite":
            session.connection().exec_driver_sql("PRAGMA shrink_memory")

    def close(self) -> None:
        """Checkpoint the WAL into the file, release every connection and the instance lock.
        Closing again does nothing (the file may have been rekeyed or replaced meanwhile).

        A checkpoint that fails (a full disk: it grows the file) is logged and the close goes
        on: the write-ahead log stays beside the file, holding every committed change, and
        SQLite copies it in at the next opening.
        """
        if self._closed:
            return
        self._closed = True
        try:
            try:
                checkpoint(self.engine)
            except (sqlcipher.DatabaseError, DBAPIError) as error:
                reason = "the disk is full" if is_disk_full(error) else type(error).__name__
                log.warning(
                    "the write-ahead log was not copied into the database file (%s); it stays "
                    "beside it and is copied at the next opening",
                    reason,
                )
            self.engine.dispose()
        finally:
            if self.instance_lock is not None:
                self.instance_lock.release()


def open_database(
    path: Path, key: DatabaseKey, *, create: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Database:
    """Open the case database at ``path``, creating it only if it does not exist and ``create``.

    An existing file is never overwritten or recreated: creation claims the name with an
    exclusive create (``O_EXCL``), so a file that appears meanwhile is opened, not replaced.
    The key is checked before anything is written; a SQLCipher 3 file is migrated to the
    current format after a copy of it is kept (``Database.format_migration`` says so); Alembic
    then upgrades the schema to head (with a backup copy first when an existing schema is
    upgraded). The process holds the database's instance lock until ``Database.close``.

    Args:
        path: the database file.
        key: raw key or passphrase.
        create: create a new, empty database when ``path`` does not exist.
        busy_timeout_ms: wait for another writer this long, in milliseconds.

    Returns:
        The open ``Database``.

    Raises:
        DatabaseMissingError: ``path`` does not exist and ``create`` is false.
        DatabaseInUseError: another Privacy Desk process has it open.
        WrongKeyError, NotADatabaseError, DatabaseLockedError: see ``app.store.connection``.
        BackupError: a SQLCipher 3 file could not be migrated (it is left as it was).
    """
    if not path.exists():
        if not create:
            raise DatabaseMissingError(f"No case database at '{path}'.")
        _claim_new_file(path)
    elif path.is_dir():
        raise NotADatabaseError(f"'{path.name}' is a folder, not a case database.")
    elif path.stat().st_size == 0:
        _adopt_empty_file(path, create)
    else:
        check_file_shape(path)
    lock = acquire_instance_lock(path)
    try:
        first, keying, migration = _first_connection(path, key, busy_timeout_ms)
        probe_writable(first)
        if keying is key:  # a new file: its salt is written now, by the first connection
            keying = connection_key(path, key)
        engine = _engine(path, keying, busy_timeout_ms, first)
        if not at_schema_head(engine):
            from app.store.migrations_runner import upgrade_to_head  # Alembic: only to migrate

            upgrade_to_head(engine, path)
    except BaseException:
        lock.release()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(path, engine, sessions, key, migration, lock)


def open_looked(look: "FirstLook") -> Database:
    """The ``Database`` over a file ``app.store.first_look`` opened (key checked, writable,
    at the newest schema), taking over its connection as the engine's first and its instance
    lock."""
    engine = _engine(look.path, look.keying or look.key, look.busy_timeout_ms, look.connection)
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Database(look.path, engine, sessions, look.key, None, look.lock)


def _first_connection(
    path: Path, key: DatabaseKey, busy_timeout_ms: int
) -> tuple[Any, DatabaseKey, FormatMigration | None]:
    """Connect, migrating a SQLCipher 3 file first (a copy of it is kept in ``backups/``).

    Returns:
        The connection, the key for further connections (``_connect_deriving``) and the format
        migration made, if any.
    """
    try:
        return *_connect_deriving(path, key, busy_timeout_ms), None
    except LegacyFormatError:
        migration = migrate_sqlcipher3(path, key)
    return *_connect_deriving(path, key, busy_timeout_ms), migration


def _connect_deriving(
    path: Path, key: DatabaseKey, busy_timeout_ms: int
) -> tuple[Any, DatabaseKey]:
    """Connect to the existing ``path`` with ``key``, a passphrase through its derived raw key
    (``app.store.keys.connection_key``: one key derivation for all connections).

    Returns:
        The connection (as ``app.store.connection.connect`` returns it) and the key for the
        further connections: the derived raw key, or ``key`` where none was derived or the
        derived one did not open the file.

    Raises:
        What ``connect(path, key)`` raises: where the derived key does not open the file, the
        passphrase itself is tried, so a wrong passphrase gives the same ``WrongKeyError``
        as ever and a SQLCipher 3 file its ``LegacyFormatError`` (at the cost of a second
        derivation, only on those paths).
    """
    keying = connection_key(path, key)
    if keying is not key:
        try:
            return connect(path, keying, busy_timeout_ms=busy_timeout_ms), keying
        except WrongKeyError:
            pass
    return connect(path, key, busy_timeout_ms=busy_timeout_ms), key


def _adopt_empty_file(path: Path, create: bool) -> None:
    """An empty file holds no data: it is what a creation interrupted before its first write
    leaves. Creating may take it over (owner-only, like a new file); opening it to read is
    refused, so a read-only command never writes a new database into it."""
    if not create:
        raise NotADatabaseError(f"'{path.name}' is an empty file, not a case database.")
    os.chmod(path, 0o600)


def _claim_new_file(path: Path) -> None:
    """Create ``path`` empty with owner-only permissions; SQLite initialises an empty file as a
    new database. ``O_EXCL`` makes this fail rather than truncate a file that exists."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):  # the data folder's path names a file
        raise NotADatabaseError(
            f"'{path.parent.name}' is a file, not a folder: choose a folder for the case database."
        ) from None
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)


def _engine(path: Path, keying: DatabaseKey, busy_timeout_ms: int, first: Any) -> Engine:
    """Build the engine whose pool hands out connections keyed with ``keying`` (a passphrase's
    derived raw key: no key derivation per connection), starting with ``first``."""
    spare = [first]

    def creator() -> Any:
        return spare.pop() if spare else connect(path, keying, busy_timeout_ms=busy_timeout_ms)

    # The plain pysqlite dialect with SQLCipher's DB-API module: the pysqlcipher dialect would
    # re-key every connection from the URL password, and the key must never be in a URL.
    # Last in, first out: the GUI thread's one session per action gets back the connection it
    # just returned, with its decrypted pages, rather than each idle connection in turn (FIFO),
    # which filled every pooled connection's cache with the same pages.
    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=creator,
        poolclass=QueuePool,
        pool_size=4,
        pool_use_lifo=True,
        # A failed statement's message must not carry its values (names, addresses): it may
        # reach a console or a crash report.
        hide_parameters=True,
    )
    # One writer at a time: every transaction takes the write lock up front, so two writers
    # queue on the busy timeout instead of failing when a read upgrades to a write.
    event.listen(engine, "begin", _begin)
    return engine


def _begin(connection: Connection) -> None:
    """Begin with the write lock, except for ``Database.read_session``'s reads."""
    read_only = connection.get_execution_options().get("read_only", False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

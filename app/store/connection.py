"""Raw SQLCipher connections: keying, checking the key, and mapping failures to clear errors.

SQLCipher accepts any ``PRAGMA key``; a wrong key only shows at the first read, as "file is not
a database", which looks like corruption (failure-modes.md "Wrong key detection"). So every
connection reads ``sqlite_master`` right after keying, and the failure is classified from the
file itself: a plaintext SQLite header or a size that is no whole number of pages means the file
is not a case database; anything else means the key does not open it.
"""

import shlex
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3.dbapi2 as sqlcipher

from app.errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    LegacyFormatError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
    WrongKeyError,
)
from app.store.disk_space import disk_full_error, is_disk_full
from app.store.keys import DatabaseKey

if TYPE_CHECKING:  # SQLAlchemy is imported after the list's first paint (app.store.first_look)
    from sqlalchemy import Engine

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
SMALLEST_PAGE = 512
# Where the app keeps its own copies of a database, beside it (``app.store.copying``).
BACKUP_FOLDER = "backups"
# SQLCipher cannot tell a wrong key from a file whose pages are not this database's (random
# bytes, another database, a damaged file): both fail to decrypt the first page.
WRONG_KEY_MESSAGE = (
    "The key or passphrase does not open this case database: the passphrase or key is wrong, "
    "or the file is not this database (damaged or replaced). If the passphrase is right, "
    "restore the file from a backup."
)
BUSY_TIMEOUT_MS = 5000
# Each connection's page cache, KiB (SQLite's negative ``cache_size``). Smaller slows the
# searches at a million cases (benchmarks/case_list.py: Smith 38 ms at 32 MiB, 128 ms at 24,
# 226 ms at 16), and background imports (51 messages: 10 s at 32 MiB, 13-15 s at 4-16).
PAGE_CACHE_KIB = 32 * 1024
# All SQLite memory of the process (every connection's caches, schemas and statements), in
# bytes: a soft limit, never an allocation failure. Less than one connection's cache: the
# list's and the dashboard's connections, when both keep pages, never hold more together
# (issue 6, peak with the list and the dashboard open, benchmarks/memory.py at a million
# cases: 40 MiB let the two hold 40 MiB at the searches' peak, 174-180 MiB; 32 MiB: 160 MiB;
# 20 MiB: 148 MiB with PySide6 6.12, 151 with 6.11; 18 MiB: 149). 18 MiB still holds the
# dashboard's pages and the largest search's since a search walks an index holding the
# requester (migration 0015: "Anna S" reads 2,100-2,300 pages, 8-9 MiB, where it read 3,800
# and, at 20 MiB, read them again at every search); the dashboard refresh took 185-208 ms at
# 18 MiB against 197-226 at 20 on the same data.
SQLITE_HEAP_BUDGET_BYTES = 18 * 1024 * 1024


def connect(
    path: Path,
    key: DatabaseKey,
    *,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    read_only: bool = False,
    cipher_compatibility: int | None = None,
) -> Any:
    """Open ``path`` (never creating it), apply ``key`` and check it.

    Args:
        path: an existing database file.
        key: the raw key or passphrase.
        busy_timeout_ms: how long a statement waits for another writer, in milliseconds.
        read_only: open with ``mode=ro`` and change nothing in the file (no switch to WAL); for
            checking backups, which must stay byte-identical.
        cipher_compatibility: read the file with an older SQLCipher's settings (3 for a
            SQLCipher 3 database); ``None`` for the current format.

    Returns:
        A keyed ``sqlcipher3`` DB-API connection in autocommit mode (transactions are begun
        explicitly by the engine).

    Raises:
        WrongKeyError, NotADatabaseError, DatabaseLockedError.
        DiskFullError: the disk holding the file has no room for what opening writes.
        LegacyFormatError: the key opens the file only with SQLCipher 3 settings.
    """
    try:
        return _keyed(path, key, busy_timeout_ms, read_only, cipher_compatibility)
    except sqlcipher.DatabaseError as error:
        failure = classify_open_failure(path, error)
    legacy = cipher_compatibility is None and isinstance(failure, WrongKeyError)
    if legacy and _opens_as_sqlcipher3(path, key):
        raise LegacyFormatError(
            "This case database was written by an older SQLCipher (version 3); "
            "it must be migrated to the current format."
        )
    raise failure


def _keyed(
    path: Path, key: DatabaseKey, busy_timeout_ms: int, read_only: bool, compatibility: int | None
) -> Any:
    mode = "ro" if read_only else "rw"
    connection = sqlcipher.connect(
        f"{path.resolve().as_uri()}?mode={mode}", uri=True, check_same_thread=False
    )
    try:
        # SQLCipher's own log would print decryption failures to stderr on every wrong key.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(key.pragma())
        if compatibility is not None:
            # Only takes effect after the key (SQLCipher applies it to the keyed codec).
            connection.execute(f"PRAGMA cipher_compatibility = {int(compatibility)}")
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        connection.close()
        raise
    if read_only:
        connection.isolation_level = None
    else:
        _configure(connection)
    return connection


def _opens_as_sqlcipher3(path: Path, key: DatabaseKey) -> bool:
    """True when ``key`` opens ``path`` with SQLCipher 3 settings (read-only probe)."""
    try:
        _keyed(path, key, 0, True, 3).close()
    except sqlcipher.DatabaseError:
        return False
    return True


def _configure(connection: Any) -> None:
    """Per-connection settings: FK enforcement, WAL, no plaintext temp files, a page cache."""
    connection.isolation_level = None
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA temp_store = MEMORY")
    connection.execute("PRAGMA secure_delete = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    # SQLCipher decrypts a page again each time it leaves the cache; the default 2 MiB makes
    # list scans and searches at a million cases re-decrypt most of their pages
    # (benchmarks/case_list.py: 王 search 1.2 s -> 0.5 s at 16 MiB, 0.17 s at 64 MiB).
    connection.execute(f"PRAGMA cache_size = -{PAGE_CACHE_KIB}")  # grown only as pages are read
    # One budget for every connection together (process-wide): past it a cache recycles its
    # own pages instead of growing, so the list's connection and the dashboard's refresh no
    # longer hold 32 MiB each at once (issue 6: peak memory with both open; measured with
    # benchmarks/memory.py: 253 -> 227 MiB at a million cases, searches as fast).
    connection.execute(f"PRAGMA soft_heap_limit = {SQLITE_HEAP_BUDGET_BYTES}")


def classify_open_failure(path: Path, error: Exception) -> Exception:
    """Map an error raised while opening ``path`` to the user-facing error it means."""
    message = str(error).lower()
    if is_disk_full(error):
        return disk_full_error(path.parent.resolve())
    if "locked" in message or "busy" in message:
        return DatabaseLockedError(
            "The case database is in use by another program. Close it and try again."
        )
    if "malformed" in message or "corrupt" in message:
        return DamagedDatabaseError(_damaged(path))
    shape = _file_shape(path)
    if shape == "damaged_sqlite":
        return DamagedDatabaseError(_damaged(path))
    if shape == "plain_sqlite":
        return NotADatabaseError(
            f"'{path.name}' is a plain, unencrypted SQLite file, not a Privacy Desk database."
        )
    if shape == "foreign":
        return NotADatabaseError(f"'{path.name}' is not a Privacy Desk database.")
    if shape == "truncated":
        return DamagedDatabaseError(_damaged(path))
    return WrongKeyError(WRONG_KEY_MESSAGE)


def check_file_shape(path: Path) -> None:
    """Refuse, before any connection, a file whose bytes alone show it is no usable case
    database: SQLite writes whole pages, so a file cut mid-page is damaged even where its
    first pages still decrypt.

    Raises:
        NotADatabaseError: a plain SQLite file, or one too small or text-like to be a database.
        DamagedDatabaseError: no whole number of pages (truncated), or SQLite's plain header
            before contents SQLite cannot read.
    """
    shape = _file_shape(path)
    if shape == "pages":
        return
    raise classify_open_failure(path, ValueError(shape))


def _damaged(path: Path) -> str:
    """The damaged file's message: where the file is (its whole folder), where the app's own
    copies are when it has kept any (a ``backups`` folder beside the file: never named when
    there is none), and the one way to restore while the app cannot open it (the command
    line: the window, with its Backup and keys dialog, never opens on such a file)."""
    full = path.resolve()
    name, folder = full.name, full.parent
    backups, quoted = folder / BACKUP_FOLDER, shlex.quote(str(full))
    if backups.is_dir():
        return (
            f"'{name}' in '{folder}' is truncated or damaged and cannot be opened as it is. "
            "Restore it from a backup (yours, an automatic one, or a copy the app kept in "
            f"'{backups}'): python -m app --database {quoted} restore BACKUP-FILE; the damaged "
            "file is kept aside."
        )
    return (
        f"'{name}' in '{folder}' is truncated or damaged and cannot be opened as it is. "
        "Restore it from a backup of yours or an automatic one: python -m app --database "
        f"{quoted} restore BACKUP-FILE; the damaged file is kept aside."
    )


def _file_shape(path: Path) -> str:
    """What the bytes alone say: a plain SQLite file ("plain_sqlite", or "damaged_sqlite" when
    its schema cannot be read); something too small or text-like to be a database
    ("foreign"); a file that is no whole number of database pages ("truncated": an encrypted
    database cut short); else "pages" (only the key can tell more)."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(SMALLEST_PAGE)
    if head.startswith(PLAIN_SQLITE_HEADER):
        return "plain_sqlite" if _plain_schema_reads(path) else "damaged_sqlite"
    if size < SMALLEST_PAGE or _is_text(head):
        return "foreign"
    return "truncated" if size % SMALLEST_PAGE else "pages"


def _plain_schema_reads(path: Path) -> bool:
    """Whether SQLite (the standard library's, no key) reads the schema of ``path``. Opened
    read-only and immutable: no lock, journal, WAL or shared-memory file is made and nothing
    is written (SQLite's URI parameters "mode=ro", "immutable=1")."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        connection.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    except sqlite3.Error:
        return False
    finally:
        connection.close()
    return True


def _is_text(head: bytes) -> bool:
    """Encrypted pages look random; a text file (or a document format's header) does not."""
    printable = sum(32 <= byte < 127 or byte in b"\t\r\n" for byte in head)
    return printable > len(head) * 0.9


READ_ONLY_FILE_MESSAGE = (
    "The case database file is read-only: Privacy Desk cannot save anything to it. Make it "
    "writable (file permissions, a locked or read-only disk), or copy it to a folder you can "
    "write to."
)


def probe_writable(connection: Any) -> None:
    """Take the write lock and write the header's user version unchanged, then roll back: a
    database held by another writer, or a file that cannot be written, is reported at open
    time rather than at the user's first save. Nothing is changed.

    Raises:
        DatabaseLockedError: another process holds the write lock beyond the busy timeout.
        ReadOnlyDatabaseError: the file (or its file system) cannot be written.
    """
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlcipher.OperationalError as error:
        raise DatabaseLockedError(
            "The case database is in use by another program. Close it and try again."
        ) from error
    try:
        version = int(connection.execute("PRAGMA user_version").fetchone()[0])
        connection.execute(f"PRAGMA user_version = {version}")  # a write, rolled back below
    except sqlcipher.OperationalError as error:
        # SQLITE_READONLY ("attempt to write a readonly database"); sqlcipher3 gives no code.
        if "readonly" in str(error):
            raise ReadOnlyDatabaseError(READ_ONLY_FILE_MESSAGE) from None
        raise
    finally:
        connection.execute("ROLLBACK")


def checkpoint(engine: "Engine") -> None:
    """Copy the write-ahead log into the database file and truncate the log.

    Runs on the raw connection, outside any transaction (SQLite refuses it inside one).
    """
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None  # a checked-out pooled connection always has one
        driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")

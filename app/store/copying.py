"""Encrypted copies of a database: write with ``sqlcipher_export``, then check the copy.

``sqlcipher_export`` (rather than the SQLite online-backup API) because the copy may have a
different key from the source (a backup passphrase, a rekey to the current format), which the
backup API cannot do: it copies pages as they are, so source and copy must share key and cipher
settings. The export runs inside one read transaction of the source, so the copy is a single
consistent snapshot even while other connections write (WAL), and the row counts it is checked
against are taken in that same snapshot.
"""

import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from app.errors import BackupError
from app.store.connection import BACKUP_FOLDER, connect
from app.store.disk_space import disk_full_error, is_disk_full
from app.store.keys import DatabaseKey

COPY_SCHEMA = "pd_copy"


def claim_file(path: Path) -> None:
    """Create ``path`` empty and owner-only; fail rather than touch a file that exists.

    Raises:
        FileExistsError: ``path`` exists.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def table_counts(connection: Any, schema: str = "main") -> dict[str, int]:
    """Return ``{table: row count}`` for every table of ``schema`` (SQLite's own excluded)."""
    names = [
        row[0]
        for row in connection.execute(
            f"SELECT name FROM {schema}.sqlite_master "
            "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {
        name: connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]
        for name in names
    }


def write_verified_copy(source: Any, target: Path, key: DatabaseKey) -> dict[str, int]:
    """Copy the database open on ``source`` into the new file ``target`` and check the copy.

    Args:
        source: a keyed connection in autocommit mode (no transaction open).
        target: a file that does not exist yet (claimed with ``O_EXCL``).
        key: the copy's key, applied with the current SQLCipher format.

    Returns:
        The row counts per table (the same in the source snapshot and the copy).

    Raises:
        FileExistsError: ``target`` exists (it is left alone).
        BackupError: the copy failed its check; it has been deleted.
        DiskFullError: the copy did not fit on its disk; it has been deleted.
    """
    claim_file(target)
    try:
        counts = export_copy(source, target, key)
        return verify_copy(target, key, counts)
    except BaseException as error:
        target.unlink(missing_ok=True)
        if is_disk_full(error):
            raise disk_full_error(target.parent.resolve()) from None
        raise


def export_copy(source: Any, target: Path, key: DatabaseKey) -> dict[str, int]:
    """Write the database open on ``source`` into ``target`` (an empty or absent file) keyed
    with ``key``; return the source's row counts taken in the snapshot that was copied."""
    source.execute(f"ATTACH DATABASE ? AS {COPY_SCHEMA} KEY ?", (str(target), key.material()))
    try:
        source.execute("BEGIN")
        try:
            counts = table_counts(source)
            source.execute(f"SELECT sqlcipher_export('{COPY_SCHEMA}')")
            # sqlcipher_export copies schema and rows but not the header's user_version.
            version = int(source.execute("PRAGMA main.user_version").fetchone()[0])
            source.execute(f"PRAGMA {COPY_SCHEMA}.user_version = {version}")
            source.execute("COMMIT")
        except BaseException:
            if source.in_transaction:  # a COMMIT that failed (a full disk) leaves it open
                source.execute("ROLLBACK")
            raise
    finally:
        source.execute(f"DETACH DATABASE {COPY_SCHEMA}")
    _flush_to_disk(target)
    return counts


def verify_copy(path: Path, key: DatabaseKey, expected: Mapping[str, int] | None) -> dict[str, int]:
    """Open the copy at ``path`` read-only and check it page by page and table by table.

    Args:
        path: the copy.
        key: its key.
        expected: the row counts it must have (``None``: only check its integrity).

    Returns:
        Its row counts per table.

    Raises:
        BackupError: ``PRAGMA integrity_check`` or ``cipher_integrity_check`` fails, or the
            counts differ from ``expected``.
        WrongKeyError, NotADatabaseError, LegacyFormatError: ``key`` does not open it.
    """
    connection = connect(path, key, read_only=True)
    try:
        _check_integrity(connection)
        counts = table_counts(connection)
    finally:
        connection.close()
    if expected is not None and counts != dict(expected):
        raise BackupError("The copy's row counts differ from the database's; it was not kept.")
    return counts


def _check_integrity(connection: Any) -> None:
    try:
        pages = connection.execute("PRAGMA integrity_check").fetchall()
        cipher = connection.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher.DatabaseError as error:
        raise BackupError("The copy cannot be read back; it was not kept.") from error
    if pages != [("ok",)] or cipher:
        raise BackupError("The copy failed its integrity check; it was not kept.")


def aside_path(database_path: Path, label: str, now: datetime) -> Path:
    """Return where a copy of ``database_path`` is kept aside: ``backups/`` beside it, named
    ``<stem>-<label>-<UTC stamp><suffix>``, e.g. ``privacy-desk-sqlcipher3-20260105T093000Z.db``.
    """
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = database_path.parent / BACKUP_FOLDER
    return folder / f"{database_path.stem}-{label}-{stamp}{database_path.suffix}"


def move_aside(database_path: Path, target: Path) -> None:
    """Move a closed database and its ``-wal``/``-shm`` companions to ``target`` (same volume),
    so the pair stays consistent. Raises ``FileExistsError`` when ``target`` exists."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        raise FileExistsError(target)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{database_path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    os.replace(database_path, target)


def _flush_to_disk(path: Path) -> None:
    """fsync ``path`` so a rename that follows never publishes a file still in the page cache."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)

"""Encrypted backups of the case database and restoring them, each copy checked before use.

A backup is a new SQLCipher file (``sqlcipher_export``, see ``app.store.copying``) under the
database key or a passphrase of its own, written beside its final name and renamed into place
only after it has been read back (``PRAGMA integrity_check``, row counts table by table). A
restore writes a new file from the backup under the target's key, checks it the same way, and
only then moves the old database aside into ``backups/`` and renames the new file into place:
the live file is never written in place.

What opens a backup (its key note, the key search, the errors) is in ``app.store.backup_keys``;
staging and publishing the files, in ``app.store.staged_files``.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.errors import BackupError, DamagedDatabaseError, KeyUnavailableError
from app.store.backup_keys import damaged_backup_error, key_note_for, write_key_note
from app.store.connection import connect
from app.store.copying import aside_path, move_aside, verify_copy, write_verified_copy
from app.store.database import Database
from app.store.instance_lock import acquire_instance_lock
from app.store.keys import (
    DatabaseKey,
    pending_key,
    pending_secret_name,
    secret_name,
    stored_key,
)
from app.store.secrets import SecretStore
from app.store.staged_files import publish, staging_path

BACKUP_SUFFIX = ".pdbackup"


@dataclass(frozen=True)
class BackupReport:
    """A written and checked backup.

    Attributes:
        path: the backup file.
        tables: row counts per table, equal in the database snapshot and the backup.
    """

    path: Path
    tables: dict[str, int]

    @property
    def rows(self) -> int:
        """Rows in all tables together."""
        return sum(self.tables.values())


@dataclass(frozen=True)
class RestoreReport:
    """A restored database.

    Attributes:
        path: the restored database file.
        tables: row counts per table, equal in the backup and the restored file.
        previous_kept_at: where the database it replaced was moved (``None``: nothing replaced).
    """

    path: Path
    tables: dict[str, int]
    previous_kept_at: Path | None


def backup_database(
    database: Database, target: Path, key: DatabaseKey | None = None
) -> BackupReport:
    """Write a checked, encrypted backup of the open ``database`` to the new file ``target``.

    Other connections may keep working: the copy is one consistent snapshot.

    Args:
        database: the open database.
        target: the backup file to create; it must not exist.
        key: the backup's own passphrase, or ``None`` for the database's key.

    Returns:
        The ``BackupReport``.

    Raises:
        FileExistsError: ``target`` exists.
        BackupError: the written copy failed its check (nothing is left at ``target``).
        KeyUnavailableError: no ``key`` and the database does not know its own.
    """
    backup_key = key or _database_key(database)
    staging = staging_path(target, "part")
    raw = database.engine.raw_connection()
    try:
        tables = write_verified_copy(raw.driver_connection, staging, backup_key)
    finally:
        raw.close()
    publish(staging, target)
    write_key_note(target, key_note_for(backup_key, own=key is not None))
    return BackupReport(target, tables)


def restore_backup(
    backup: Path,
    backup_key: DatabaseKey,
    target: Path,
    target_key: DatabaseKey,
    secrets: SecretStore | None = None,
) -> RestoreReport:
    """Restore ``backup`` as the database at ``target``, keyed with ``target_key``.

    The backup is checked first and left unchanged; the new file is written beside ``target``
    and checked; only then is an existing ``target`` (closed, in no other process) moved to
    ``backups/<stem>-replaced-<UTC stamp><suffix>`` and the new file renamed into place.

    Args:
        backup: the backup file.
        backup_key: its key (the database key or its own passphrase).
        target: the database file to restore to (replaced if it exists, else created).
        target_key: the key the restored database gets (usually the keyring's key for
            ``target``, so the app opens it as before).
        secrets: the secret store holding ``target``'s raw key, if any: keys are looked up by
            path, so the key is also kept under the replaced file's new name (else nothing
            could open it). A passphrase database needs nothing: the passphrase opens it.

    Returns:
        The ``RestoreReport``.

    Raises:
        WrongKeyError, NotADatabaseError: ``backup_key`` does not open ``backup``.
        BackupError: the backup is damaged, or the new copy failed its check (nothing was
            replaced).
        DatabaseInUseError: ``target`` is open in this or another process.
    """
    try:
        expected = verify_copy(backup, backup_key, None)
    except (DamagedDatabaseError, BackupError):
        raise damaged_backup_error(backup) from None
    staging = staging_path(target, "restoring")
    source = connect(backup, backup_key, read_only=True)
    try:
        tables = write_verified_copy(source, staging, target_key)
    finally:
        source.close()
    if tables != expected:
        staging.unlink()
        raise BackupError("The restored copy's rows differ from the backup; nothing changed.")
    return RestoreReport(target, tables, _replace(staging, target, secrets))


def _replace(staging: Path, target: Path, secrets: SecretStore | None) -> Path | None:
    """Move an existing ``target`` aside and put ``staging`` in its place, under the target's
    instance lock so that no app instance opens it meanwhile."""
    try:
        lock = acquire_instance_lock(target, exclusive=True)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    try:
        kept: Path | None = None
        if target.exists():
            kept = aside_path(target, "replaced", datetime.now(UTC))
            _keep_key_for(secrets, target, kept)
            move_aside(target, kept)
        publish(staging, target)
    except BaseException:
        staging.unlink(missing_ok=True)
        raise
    finally:
        lock.release()
    return kept


def _keep_key_for(secrets: SecretStore | None, target: Path, kept: Path) -> None:
    """Store ``target``'s raw keys (the stored one, and one an interrupted rotation left
    pending) under ``kept``'s secret names before the file moves there, so that whatever
    moment a crash comes, the file opens under either name."""
    if secrets is None:
        return
    for key, name in (
        (stored_key(secrets, target), secret_name(kept)),
        (pending_key(secrets, target), pending_secret_name(kept)),
    ):
        if key is not None:
            secrets.set(name, key.key.hex())


def _database_key(database: Database) -> DatabaseKey:
    if database.key is None:
        raise KeyUnavailableError("The database's key is not known here: give a passphrase.")
    return database.key

"""Encrypted backups of the case database and restoring them, each copy checked before use.

A backup is a new SQLCipher file (``sqlcipher_export``, see ``app.store.copying``) under the
database key or a passphrase of its own, written beside its final name and renamed into place
only after it has been read back (``PRAGMA integrity_check``, row counts table by table). A
restore writes a new file from the backup under the target's key, checks it the same way, and
only then moves the old database aside into ``backups/`` and renames the new file into place:
the live file is never written in place.

Each backup gets a sidecar, ``<backup>.keycheck.json``, naming what opens it: the fingerprint
of the raw key (``app.store.keys.key_fingerprint``), or that it is the database's passphrase of
the time, or a passphrase of the backup's own. It never holds key material. A rotation keeps
the replaced raw key in the keyring under its fingerprint (``app.store.rekey``), so
``find_backup_key`` opens last week's backup with this week's keyring: it tries the keys
given, the current ones, the retired key the sidecar names, then every other retired key (a
backup copied without its sidecar); when none opens it, the error names the key needed.
"""

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.errors import BackupError, DamagedDatabaseError, KeyUnavailableError, WrongKeyError
from app.store.connection import connect
from app.store.copying import aside_path, move_aside, verify_copy, write_verified_copy
from app.store.database import Database
from app.store.instance_lock import acquire_instance_lock
from app.store.keys import (
    DatabaseKey,
    RawKey,
    key_fingerprint,
    pending_key,
    pending_secret_name,
    retired_fingerprints,
    retired_key,
    secret_name,
    stored_key,
)
from app.store.rekey import find_opening_key
from app.store.secrets import SecretStore

BACKUP_SUFFIX = ".pdbackup"
KEY_NOTE_SUFFIX = ".keycheck.json"
RAW = "raw"
DATABASE_PASSPHRASE = "database-passphrase"
BACKUP_PASSPHRASE = "backup-passphrase"
_FINGERPRINT = re.compile(r"[0-9A-F]{4}-[0-9A-F]{4}")


@dataclass(frozen=True)
class BackupKeyNote:
    """What opens a backup, as its sidecar records it (never the key itself).

    Attributes:
        kind: ``"raw"`` (a raw keyring key), ``"database-passphrase"`` (the database's
            passphrase when the backup was made) or ``"backup-passphrase"`` (its own).
        fingerprint: the raw key's ``XXXX-XXXX`` check value; ``None`` for a passphrase (a
            check value of a passphrase would help guess it offline).
    """

    kind: str
    fingerprint: str | None = None


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
    staging = _staging_path(target, "part")
    raw = database.engine.raw_connection()
    try:
        tables = write_verified_copy(raw.driver_connection, staging, backup_key)
    finally:
        raw.close()
    _publish(staging, target)
    write_key_note(target, _note_for(backup_key, own=key is not None))
    return BackupReport(target, tables)


def _note_for(key: DatabaseKey, *, own: bool) -> BackupKeyNote:
    if isinstance(key, RawKey):
        return BackupKeyNote(RAW, key_fingerprint(key))
    return BackupKeyNote(BACKUP_PASSPHRASE if own else DATABASE_PASSPHRASE)


def key_note_path(backup: Path) -> Path:
    """Return the sidecar of ``backup``: ``<backup name>.keycheck.json`` beside it."""
    return backup.with_name(backup.name + KEY_NOTE_SUFFIX)


def write_key_note(backup: Path, note: BackupKeyNote) -> None:
    """Write ``backup``'s sidecar: a new file, flushed, then renamed over any stale one (a
    sidecar is metadata, not a backup, so replacing it is safe).

    Raises:
        OSError: the folder cannot be written.
    """
    fields = {"format": 1, "key": note.kind, "fingerprint": note.fingerprint}
    staging = _staging_path(key_note_path(backup), "part")
    with staging.open("x", encoding="utf-8") as handle:
        json.dump({k: v for k, v in fields.items() if v is not None}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(staging, key_note_path(backup))


def read_key_note(backup: Path) -> BackupKeyNote | None:
    """Return what ``backup``'s sidecar says opens it; ``None`` when there is no sidecar or it
    is unreadable (an older backup, or one copied without it)."""
    try:
        fields = json.loads(key_note_path(backup).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    kind = fields.get("key") if isinstance(fields, dict) else None
    fingerprint = fields.get("fingerprint") if isinstance(fields, dict) else None
    if kind == RAW and isinstance(fingerprint, str) and _FINGERPRINT.fullmatch(fingerprint):
        return BackupKeyNote(RAW, fingerprint)
    if kind in (DATABASE_PASSPHRASE, BACKUP_PASSPHRASE):
        return BackupKeyNote(kind)
    return None


def find_backup_key(
    backup: Path,
    given: Sequence[DatabaseKey],
    current: Sequence[DatabaseKey],
    secrets: SecretStore | None,
) -> DatabaseKey:
    """Return the key that opens ``backup`` (read-only checks; the file is not changed).

    Tried in order: ``given`` (typed by the user), ``current``, the retired key the sidecar
    names, then every other retired key in ``secrets``.

    Args:
        backup: the backup file.
        given: keys the user gave (a backup passphrase, a recovery sheet's key).
        current: the keys of the database in use (keyring key first, pending, passphrase).
        secrets: the keyring holding retired keys, or ``None``.

    Returns:
        The first key that opens it.

    Raises:
        KeyUnavailableError: none opens it; the message names the key needed.
        BackupError: the backup is truncated or damaged. NotADatabaseError.
    """
    note = read_key_note(backup)
    candidates = [*given, *current, *_retired_keys(secrets, note)]
    try:
        return find_opening_key(backup, list(dict.fromkeys(candidates)))
    except (WrongKeyError, KeyUnavailableError):
        raise missing_backup_key_error(backup, note, current) from None
    except DamagedDatabaseError:
        raise damaged_backup_error(backup) from None


def _retired_keys(secrets: SecretStore | None, note: BackupKeyNote | None) -> list[RawKey]:
    if secrets is None:
        return []
    named = [note.fingerprint] if note is not None and note.fingerprint else []
    found = (retired_key(secrets, f) for f in [*named, *retired_fingerprints(secrets)])
    return [key for key in found if key is not None]


def missing_backup_key_error(
    backup: Path, note: BackupKeyNote | None, current: Sequence[DatabaseKey]
) -> KeyUnavailableError:
    """Return the error for a backup no key at hand opens, naming the key it needs: the raw
    key's fingerprint (and the current key's, so the user can tell the sheets apart), or which
    passphrase."""
    if note is None:
        return KeyUnavailableError(
            f"No key held here opens the backup '{backup.name}': enter the recovery sheet of "
            "the key in use when it was made, or the passphrase it was made with."
        )
    if note.kind == BACKUP_PASSPHRASE:
        return KeyUnavailableError(
            "This backup was made with a backup passphrase of its own, not the database key: "
            "enter that backup passphrase."
        )
    if note.kind == DATABASE_PASSPHRASE:
        return KeyUnavailableError(
            "This backup was made with the passphrase the database had at the time: enter "
            "that passphrase."
        )
    return _missing_raw_key_error(str(note.fingerprint), current)


def _missing_raw_key_error(needed: str, current: Sequence[DatabaseKey]) -> KeyUnavailableError:
    raw = [key for key in current if isinstance(key, RawKey)]
    if not raw:
        return KeyUnavailableError(
            f"This backup was made with key {needed}, which the keyring no longer holds (the "
            "database now uses a passphrase): enter that key's recovery sheet."
        )
    current_key = key_fingerprint(raw[0])
    return KeyUnavailableError(
        f"This backup was made with key {needed}, which the keyring no longer holds (the "
        f"current key is {current_key}): enter that key's recovery sheet."
    )


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
    staging = _staging_path(target, "restoring")
    source = connect(backup, backup_key, read_only=True)
    try:
        tables = write_verified_copy(source, staging, target_key)
    finally:
        source.close()
    if tables != expected:
        staging.unlink()
        raise BackupError("The restored copy's rows differ from the backup; nothing changed.")
    return RestoreReport(target, tables, _replace(staging, target, secrets))


def damaged_backup_error(backup: Path) -> BackupError:
    """Return the error for a backup that is truncated or fails its integrity check.

    The store's general message for a damaged file says to restore it from a backup, which
    is circular when the damaged file is the backup; this one says to choose another.
    """
    return BackupError(
        f"The backup '{backup.name}' is truncated or damaged and cannot be restored: choose "
        "another backup. Nothing was changed."
    )


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
        _publish(staging, target)
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


def _publish(staging: Path, target: Path) -> None:
    """Give the checked ``staging`` file its final name without ever replacing a file: a hard
    link fails if ``target`` appeared meanwhile (``os.replace`` would silently overwrite).

    Raises:
        FileExistsError: ``target`` exists (``staging`` is deleted).
    """
    try:
        os.link(staging, target)
    except FileExistsError:
        staging.unlink()
        raise
    except OSError:  # no hard links on this volume (FAT/exFAT sticks, some network shares)
        if target.exists():
            staging.unlink()
            raise FileExistsError(target) from None
        os.replace(staging, target)
        return
    staging.unlink()


def _staging_path(target: Path, label: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return target.with_name(f".{target.name}.{label}-{stamp}")


def _database_key(database: Database) -> DatabaseKey:
    if database.key is None:
        raise KeyUnavailableError("The database's key is not known here: give a passphrase.")
    return database.key

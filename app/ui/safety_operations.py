"""The work behind the "Backup and keys" page, run off the GUI thread (no Qt here but types).

Each function takes plain values and returns the store's report; the page runs them through
``BackgroundTask`` and shows the result.
"""

from dataclasses import dataclass
from pathlib import Path

from app.errors import ExportPathError, KeyUnavailableError, PrivacyDeskError
from app.files import check_export_target
from app.store import Database, open_database
from app.store.backup import BackupReport, RestoreReport, backup_database, restore_backup
from app.store.backup_keys import find_backup_key
from app.store.keys import (
    DatabaseKey,
    Passphrase,
    forget_secret,
    generate_raw_key,
    secret_name,
    store_new_key,
)
from app.store.recovery import keys_from_typed_text
from app.store.rekey import find_opening_key, rotate_key
from app.store.secrets import SecretStore


def back_up_to(database: Database, target: Path, passphrase: str | None) -> BackupReport:
    """Write a checked backup of ``database`` to the new file ``target``.

    Raises:
        ExportPathError: ``target`` exists (a backup never overwrites a file) or cannot be
            written. BackupError: the copy failed its check.
    """
    if target.exists():
        raise ExportPathError(f"'{target.name}' exists; a backup never replaces a file.")
    check_export_target(target)
    return backup_database(database, target, Passphrase(passphrase) if passphrase else None)


def restore_to_new_file(
    backup: Path,
    backup_passphrase: str | None,
    target: Path,
    database: Database,
    secrets: SecretStore | None,
) -> RestoreReport:
    """Restore ``backup`` into the new file ``target`` after checking both.

    The backup opens with what the user typed (its own passphrase, or a recovery sheet's 64
    digits), else the open database's key, else a retired key the keyring kept at a rotation
    (``app.store.backup_keys.find_backup_key``). The new file gets a new random key in the keyring,
    or, without a keyring, the open database's passphrase.

    Raises:
        ExportPathError: ``target`` exists. KeyUnavailableError: no key at hand opens the
            backup (the message names the key it needs). NotADatabaseError, BackupError.
    """
    if target.exists():
        raise ExportPathError(f"'{target.name}' exists; restore into a new file.")
    check_export_target(target)
    given = keys_from_typed_text(backup_passphrase or "")
    backup_key = find_backup_key(backup, given, [_key_of(database)], secrets)
    target_key = store_new_key(secrets, target) if secrets is not None else _key_of(database)
    try:
        return restore_backup(backup, backup_key, target, target_key)
    except BaseException:
        if secrets is not None:
            forget_secret(secrets, secret_name(target))
        raise


@dataclass(frozen=True)
class KeyRotationOutcome:
    """The database after a rotation attempt: always open again.

    Attributes:
        database: the reopened database (the old object is closed).
        rotated: the file is now under the new key.
        problem: why the rotation failed (a user-facing message), else "".
    """

    database: Database
    rotated: bool
    problem: str = ""


def rotate_and_reopen(
    database: Database, secrets: SecretStore | None, new_passphrase: str | None
) -> KeyRotationOutcome:
    """Close ``database``, re-encrypt it under a new key, and open it again.

    The new key is a random key in the keyring, or ``new_passphrase`` when given (required
    without a keyring). A failed rotation reopens the file with whichever key opens it, so the
    app is never left without its database.

    Returns:
        The ``KeyRotationOutcome``.

    Raises:
        WrongKeyError, KeyUnavailableError: neither key opens the file any more (not expected:
            ``rotate_key`` keeps one of them working at every step).
    """
    old_key, path = _key_of(database), database.path
    new_key: DatabaseKey = Passphrase(new_passphrase) if new_passphrase else generate_raw_key()
    database.close()
    try:
        rotate_key(path, old_key, new_key, secrets)
    except PrivacyDeskError as error:
        return KeyRotationOutcome(_reopen(path, [old_key, new_key]), False, str(error))
    return KeyRotationOutcome(_reopen(path, [new_key]), True)


def _reopen(path: Path, keys: list[DatabaseKey]) -> Database:
    return open_database(path, find_opening_key(path, keys))


def _key_of(database: Database) -> DatabaseKey:
    if database.key is None:
        raise KeyUnavailableError("The database's key is not known here.")
    return database.key

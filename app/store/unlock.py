"""Choosing the key that opens a database: the OS keyring first, else a passphrase.

Used by the CLI (passphrase from ``$PRIVACY_DESK_PASSPHRASE``) and the GUI (passphrase from a
dialog). A new database gets a random raw key kept in the keyring; where no keyring backend
exists, it is keyed from the passphrase instead (SQLCipher derives the key).
"""

from pathlib import Path

from app.errors import DatabaseMissingError, KeyUnavailableError, WrongKeyError
from app.store.connection import BUSY_TIMEOUT_MS
from app.store.database import Database, open_database
from app.store.keys import (
    MIN_PASSPHRASE_LENGTH,
    PASSPHRASE_ENV,
    DatabaseKey,
    Passphrase,
    passphrase_from_environment,
    pending_key,
    settle_rotation,
    store_new_key,
    stored_key,
)
from app.store.secrets import SecretStore

__all__ = [
    "PASSPHRASE_ENV",
    "needs_passphrase",
    "passphrase_from_environment",
    "unlock",
]


def unlock(
    path: Path,
    *,
    secrets: SecretStore | None,
    passphrase: str | None,
    create: bool = False,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Database:
    """Open (or, with ``create``, first create) the database at ``path``.

    Args:
        path: the database file.
        secrets: the OS secret store, or ``None`` where no keyring backend exists.
        passphrase: the passphrase the user gave, if any.
        create: create the database when ``path`` does not exist.
        busy_timeout_ms: wait for another writer this long, in milliseconds.

    Returns:
        The open ``Database``.

    Raises:
        KeyUnavailableError: no stored key and no passphrase (the caller asks for one), or a
            new database would get a passphrase shorter than 8 characters.
        WrongKeyError, NotADatabaseError, DatabaseLockedError, DatabaseMissingError.
    """
    # An empty file is a creation interrupted before its first write: it holds no key yet.
    if path.exists() and not (create and path.is_file() and path.stat().st_size == 0):
        return _open_existing(path, secrets, passphrase, busy_timeout_ms)
    if not create:  # before any key is chosen (or stored in the keyring) for a file never made
        raise DatabaseMissingError(f"No case database at '{path}'.")
    return open_database(
        path,
        _key_for_new(path, secrets, passphrase),
        create=create,
        busy_timeout_ms=busy_timeout_ms,
    )


def needs_passphrase(path: Path, secrets: SecretStore | None) -> bool:
    """True when opening ``path`` cannot succeed without asking the user for a passphrase."""
    if secrets is None:
        return True
    kept = stored_key(secrets, path) or pending_key(secrets, path)
    return path.exists() and kept is None


def _open_existing(
    path: Path, secrets: SecretStore | None, passphrase: str | None, busy_timeout_ms: int
) -> Database:
    """Try the stored key, then a key an interrupted rotation left pending, then the passphrase;
    settle the keyring entries to whichever key opened the file (see ``app.store.rekey``)."""
    keys = _candidate_keys(path, secrets, passphrase)
    if not keys:
        raise KeyUnavailableError("This case database needs its passphrase.")
    for key in keys[:-1]:
        try:
            database = open_database(path, key, busy_timeout_ms=busy_timeout_ms)
        except WrongKeyError:
            continue
        return _settled(database, secrets)
    return _settled(open_database(path, keys[-1], busy_timeout_ms=busy_timeout_ms), secrets)


def _candidate_keys(
    path: Path, secrets: SecretStore | None, passphrase: str | None
) -> list[DatabaseKey]:
    keys: list[DatabaseKey] = []
    if secrets is not None:
        keys.extend(key for key in (stored_key(secrets, path), pending_key(secrets, path)) if key)
    if passphrase:
        keys.append(Passphrase(passphrase))
    return keys


def _settled(database: Database, secrets: SecretStore | None) -> Database:
    """Finish a rotation a crash interrupted: the pending key opened the file, so it becomes
    the stored key; any key still pending after the stored key opened it was never applied."""
    if secrets is not None:
        settle_rotation(secrets, database.path, database.key)
    return database


def _key_for_new(path: Path, secrets: SecretStore | None, passphrase: str | None) -> DatabaseKey:
    if secrets is not None:
        return store_new_key(secrets, path)
    if passphrase is None:
        raise KeyUnavailableError(
            "No keyring is available on this machine: choose a passphrase for the new database."
        )
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise KeyUnavailableError(
            f"A new database's passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters."
        )
    return Passphrase(passphrase)

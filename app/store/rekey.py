"""Key rotation (``PRAGMA rekey``) without data loss and without locking the user out.

The keyring entry and the file's key cannot change in one atomic step, so the order is what
keeps the user in:

1. the new raw key is written to the keyring under a *pending* name, beside the old one;
2. the file is rekeyed in one transaction (rollback-journal mode, so a crash leaves the file
   wholly under the old key or wholly under the new one);
3. the rekeyed file is read back with the new key (integrity check, row counts);
4. only then does the new key replace the old one under the stored name, and the pending entry
   is blanked.

A crash before 2 completes leaves the old key in place and a pending key that ``unlock``
discards when the old key opens the file. A crash between 2 and 4 leaves a stored key that no
longer opens the file and a pending key that does: ``unlock`` tries both and promotes the one
that opens. For a passphrase as the new key the user holds it, so nothing is pending; the stale
raw key is blanked after step 3.

Backups made before a rotation are encrypted with the old raw key. Step 0, before anything
else, keeps that key in the keyring as a *retired* key named by its fingerprint
(``app.store.keys.retire_key``); each backup names the fingerprint of its key in a sidecar
(``app.store.backup``), so a restore finds it. Retired keys are never deleted: a backup may
lie on any disk, so nothing can tell that the last one keyed with it is gone. The old key's
recovery sheet no longer opens the database but still opens those backups.

Why not re-key the existing backups during the rotation instead: backups live on USB sticks,
network shares and offline disks the rotation cannot reach; re-keying many large files makes a
rotation slow, and a crash midway leaves a set of backups under mixed keys, each of which must
be written as a new verified copy and atomically swapped in (a backup is never rewritten in
place). Keeping the retired key changes no backup file at all, costs one keyring entry, and the
backups stay byte-identical; the price is that an old key remains usable for old backups, which
is what a restore of last week's backup needs anyway.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import DatabaseInUseError, KeyUnavailableError, WrongKeyError
from app.store.connection import connect
from app.store.copying import table_counts, verify_copy
from app.store.instance_lock import acquire_instance_lock
from app.store.keys import (
    DatabaseKey,
    RawKey,
    forget_secret,
    pending_key,
    pending_secret_name,
    retire_key,
    secret_name,
    stored_key,
)
from app.store.secrets import SecretStore


@dataclass(frozen=True)
class KeyRotation:
    """The result of a rotation.

    Attributes:
        to_raw_key: the new key is a raw key kept in the keyring (else a passphrase).
        tables: row counts per table, the same before and after.
    """

    to_raw_key: bool
    tables: dict[str, int]


def rotate_key(
    path: Path, current: DatabaseKey, new: DatabaseKey, secrets: SecretStore | None
) -> KeyRotation:
    """Re-encrypt the closed database at ``path`` from ``current`` to ``new``.

    Raw key ↔ passphrase works both ways. The keyring is updated only after the rekeyed file
    has been read back (see the module docstring for why a crash cannot lock the user out).

    Args:
        path: the database file; no connection may be open on it, in this process or another.
        current: the key that opens it now.
        new: the key it is to have; a ``RawKey`` is kept in ``secrets``.
        secrets: the keyring, or ``None`` where there is none (then ``new`` must be a passphrase).

    Returns:
        The ``KeyRotation``.

    Raises:
        KeyUnavailableError: ``new`` is a raw key and there is no keyring to keep it in, or
            the keyring did not keep the retired key (nothing was changed).
        DatabaseInUseError: the database is open somewhere.
        WrongKeyError, NotADatabaseError, BackupError (the read-back failed; the pending key
            still opens the file and ``unlock`` will settle it).
    """
    if isinstance(new, RawKey) and secrets is None:
        raise KeyUnavailableError(
            "No keyring is available to keep a new random key: choose a passphrase instead."
        )
    lock = acquire_instance_lock(path, exclusive=True)
    try:
        if isinstance(current, RawKey) and secrets is not None:
            retire_key(secrets, current)
        before = _rekey_file(path, current, new, secrets)
        tables = verify_copy(path, new, before)
        if secrets is not None:
            _record_new_key(secrets, path, new)
    finally:
        lock.release()
    return KeyRotation(isinstance(new, RawKey), tables)


def _rekey_file(
    path: Path, current: DatabaseKey, new: DatabaseKey, secrets: SecretStore | None
) -> dict[str, int]:
    connection = connect(path, current)
    try:
        before = table_counts(connection)
        if isinstance(new, RawKey) and secrets is not None:
            _keep_pending(secrets, path, new)
        _leave_wal(connection)
        connection.execute(new.pragma("rekey"))
    finally:
        connection.close()
    return before


def _leave_wal(connection: Any) -> None:
    """Fold the WAL into the file and switch to a rollback journal, so the rekey is one atomic
    transaction on the main file (the next ordinary open switches back to WAL).

    Raises:
        DatabaseInUseError: another connection still has the file open in WAL mode.
    """
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    mode = connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    if str(mode).lower() != "delete":
        raise DatabaseInUseError("Another program has the case database open; close it first.")


def _keep_pending(secrets: SecretStore, path: Path, new: RawKey) -> None:
    secrets.set(pending_secret_name(path), new.key.hex())
    if secrets.get(pending_secret_name(path)) != new.key.hex():
        raise KeyUnavailableError("The keyring did not keep the new key; nothing was changed.")


def _record_new_key(secrets: SecretStore, path: Path, new: DatabaseKey) -> None:
    if isinstance(new, RawKey):
        secrets.set(secret_name(path), new.key.hex())
    else:
        forget_secret(secrets, secret_name(path))
    forget_secret(secrets, pending_secret_name(path))


def find_opening_key(path: Path, candidates: Sequence[DatabaseKey]) -> DatabaseKey:
    """Return the first of ``candidates`` that opens ``path`` (read-only check).

    Raises:
        KeyUnavailableError: no candidates.
        WrongKeyError: none opens it; NotADatabaseError, LegacyFormatError.
    """
    if not candidates:
        raise KeyUnavailableError("This case database needs its key or passphrase.")
    for key in candidates[:-1]:
        try:
            connect(path, key, read_only=True).close()
        except WrongKeyError:
            continue
        return key
    connect(path, candidates[-1], read_only=True).close()
    return candidates[-1]


def keyring_candidates(path: Path, secrets: SecretStore | None) -> list[DatabaseKey]:
    """Return the raw keys the keyring holds for ``path``: the stored one, then one an
    interrupted rotation left pending (either may be absent)."""
    if secrets is None:
        return []
    return [key for key in (stored_key(secrets, path), pending_key(secrets, path)) if key]

"""What opens a backup: its key note, finding the key, and the errors when none does or the
backup is damaged.

Each backup gets a sidecar, ``<backup>.keycheck.json``, naming what opens it: the fingerprint
of the raw key (``app.store.keys.key_fingerprint``), or that it is the database's passphrase of
the time, or a passphrase of the backup's own. It never holds key material. A rotation keeps
the replaced raw key in the keyring under its fingerprint (``app.store.rekey``), so
``find_backup_key`` opens last week's backup with this week's keyring: it tries the keys
given, the current ones, the retired key the sidecar names, then every other retired key (a
backup copied without its sidecar); when none opens it, the error names the key needed, or
says that the passphrase or key the user gave is not the one (``WrongBackupKeyError``).
The sidecar is written owner-only (0600), as the backup is.
"""

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.errors import (
    BackupError,
    DamagedDatabaseError,
    KeyUnavailableError,
    WrongBackupKeyError,
    WrongKeyError,
)
from app.store.keys import (
    DatabaseKey,
    Passphrase,
    RawKey,
    key_fingerprint,
    retired_fingerprints,
    retired_key,
)
from app.store.rekey import find_opening_key
from app.store.secrets import SecretStore
from app.store.staged_files import staging_path

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


def key_note_for(key: DatabaseKey, *, own: bool) -> BackupKeyNote:
    """Return the note for a backup written under ``key``: its fingerprint for a raw key; for
    a passphrase, whether it is the backup's ``own`` or the database's."""
    if isinstance(key, RawKey):
        return BackupKeyNote(RAW, key_fingerprint(key))
    return BackupKeyNote(BACKUP_PASSPHRASE if own else DATABASE_PASSPHRASE)


def key_note_path(backup: Path) -> Path:
    """Return the sidecar of ``backup``: ``<backup name>.keycheck.json`` beside it."""
    return backup.with_name(backup.name + KEY_NOTE_SUFFIX)


def write_key_note(backup: Path, note: BackupKeyNote) -> None:
    """Write ``backup``'s sidecar: a new file readable by its owner only (0600, as the backup:
    it tells which key opens it), flushed, then renamed over any stale one (a sidecar is
    metadata, not a backup, so replacing it is safe).

    Raises:
        OSError: the folder cannot be written.
    """
    fields = {"format": 1, "key": note.kind, "fingerprint": note.fingerprint}
    staging = staging_path(key_note_path(backup), "part")
    descriptor = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
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
        WrongBackupKeyError: none opens it and ``given`` holds a key of the kind the backup
            needs (a passphrase for a passphrase backup, a recovery key for a keyring one, or
            either for a backup without its sidecar): what the user gave is wrong.
        KeyUnavailableError: none opens it otherwise; the message names the key needed.
        BackupError: the backup is truncated or damaged. NotADatabaseError.
    """
    note = read_key_note(backup)
    candidates = [*given, *current, *_retired_keys(secrets, note)]
    try:
        return find_opening_key(backup, list(dict.fromkeys(candidates)))
    except (WrongKeyError, KeyUnavailableError):
        wrong = wrong_given_key_error(backup, note, given)
        raise wrong or missing_backup_key_error(backup, note, current) from None
    except DamagedDatabaseError:
        raise damaged_backup_error(backup) from None


def _retired_keys(secrets: SecretStore | None, note: BackupKeyNote | None) -> list[RawKey]:
    if secrets is None:
        return []
    named = [note.fingerprint] if note is not None and note.fingerprint else []
    found = (retired_key(secrets, f) for f in [*named, *retired_fingerprints(secrets)])
    return [key for key in found if key is not None]


def wrong_given_key_error(
    backup: Path, note: BackupKeyNote | None, given: Sequence[DatabaseKey]
) -> WrongBackupKeyError | None:
    """Return the error for keys the user gave that do not open ``backup``: wrong ones of the
    kind its sidecar names, or only a recovery key for a backup made with a passphrase (the
    message says so and names the passphrase it needs, QA19 F7); else ``None`` (the message
    naming the key it needs says more, e.g. a passphrase given for a backup made under a
    keyring key: that key and the current one, ``missing_backup_key_error``)."""
    passphrase = any(isinstance(key, Passphrase) for key in given)
    raw = [key for key in given if isinstance(key, RawKey)]
    if note is None and given:
        return WrongBackupKeyError(
            f"The key or passphrase given does not open the backup '{backup.name}'; nothing "
            "was restored."
        )
    if note is None:
        return None
    if note.kind == BACKUP_PASSPHRASE and passphrase:
        return WrongBackupKeyError(
            "The backup passphrase is not right for this backup; nothing was restored."
        )
    if note.kind == DATABASE_PASSPHRASE and passphrase:
        return WrongBackupKeyError(
            "The passphrase given is not the one the database had when this backup was made; "
            "nothing was restored."
        )
    if note.kind == RAW and raw:
        given_key, needed = key_fingerprint(raw[0]), note.fingerprint
        return WrongBackupKeyError(
            f"The recovery key given is key {given_key}, but this backup was made with key "
            f"{needed}: enter that key's recovery sheet. Nothing was restored."
        )
    return _recovery_key_given(note) if raw else None


def _recovery_key_given(note: BackupKeyNote) -> WrongBackupKeyError | None:
    """A recovery key was given for a backup ``note`` says was made with a passphrase."""
    if note.kind == BACKUP_PASSPHRASE:
        return WrongBackupKeyError(
            "The recovery key given cannot open this backup: it was made with a backup "
            "passphrase of its own. Enter that backup passphrase; nothing was restored."
        )
    if note.kind == DATABASE_PASSPHRASE:
        return WrongBackupKeyError(
            "The recovery key given cannot open this backup: it was made with the passphrase "
            "the database had at the time. Enter that passphrase; nothing was restored."
        )
    return None


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


def damaged_backup_error(backup: Path) -> BackupError:
    """Return the error for a backup that is truncated or fails its integrity check.

    The store's general message for a damaged file says to restore it from a backup, which
    is circular when the damaged file is the backup; this one says to choose another.
    """
    return BackupError(
        f"The backup '{backup.name}' is truncated or damaged and cannot be restored: choose "
        "another backup. Nothing was changed."
    )

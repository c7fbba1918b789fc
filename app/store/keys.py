"""Database keys: a 32-byte raw key kept in the OS keyring, or a passphrase (SQLCipher KDF).

Keys are applied with ``PRAGMA key`` on every new connection and are never put into a URL, a
log, an exception message or a file. A passphrase's key is derived once per open database
(``connection_key``) and every connection is keyed with that raw key: SQLCipher would otherwise
run its key derivation (0.25 s) again for each new pooled connection, on whichever thread
asked for it — the GUI's, in the middle of a search (issue 6).
"""

import hashlib
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import KeyUnavailableError

if TYPE_CHECKING:  # keyring (0.15 s of imports) is not needed to key a connection (main.py)
    from app.store.secrets import SecretStore

RAW_KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 8

PASSPHRASE_ENV = "PRIVACY_DESK_PASSPHRASE"

# SQLCipher 4's key derivation, whose defaults the app keeps (app.store.connection sets no
# cipher_* setting but for SQLCipher 3 files): PBKDF2-HMAC-SHA512, 256,000 iterations, a 32-byte
# key, salted with the file's first 16 bytes (SQLCipher API, "PRAGMA key" (raw key data) and
# "cipher_default_kdf_iter"). Checked against SQLCipher by tests/store/test_passphrase_keying.
KDF_DIGEST = "sha512"
KDF_ITERATIONS = 256_000
SALT_BYTES = 16
# As app.store.connection's (which imports this module, so cannot be imported from here).
_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLCipher takes a key of this many bytes that starts with x' and goes on with hex digits as raw
# key data (64 digits: the key; 96: the key and a salt), never as a passphrase.
_RAW_KEY_DATA_DIGITS = {n + 3: n for n in (RAW_KEY_BYTES * 2, (RAW_KEY_BYTES + SALT_BYTES) * 2)}
_HEX_DIGITS = frozenset(b"0123456789abcdefABCDEF")


def passphrase_from_environment() -> str | None:
    """Return ``$PRIVACY_DESK_PASSPHRASE`` or ``None`` when unset or empty."""
    return os.environ.get(PASSPHRASE_ENV) or None


@dataclass(frozen=True)
class RawKey:
    """32 random bytes used directly as the SQLCipher encryption key (no KDF)."""

    key: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.key) != RAW_KEY_BYTES:
            raise ValueError("a raw database key is exactly 32 bytes")

    def pragma(self, verb: str = "key") -> str:
        """Return the ``PRAGMA key`` statement that applies this key (``verb="rekey"``: the
        ``PRAGMA rekey`` statement that changes the file to it)."""
        return f"PRAGMA {_verb(verb)} = \"x'{self.key.hex()}'\""

    def material(self) -> str:
        """Return the key as SQLCipher reads it in ``ATTACH … KEY ?`` (a bound value)."""
        return f"x'{self.key.hex()}'"


@dataclass(frozen=True)
class Passphrase:
    """A passphrase from which SQLCipher derives the key (PBKDF2)."""

    text: str = field(repr=False)

    def __post_init__(self) -> None:
        if not self.text or "\x00" in self.text:
            raise ValueError("a passphrase must be non-empty and contain no NUL character")

    def pragma(self, verb: str = "key") -> str:
        """Return the ``PRAGMA key`` (or ``rekey``) statement; the text is an SQL string literal
        with its single quotes doubled, so quotes, ``%``, ``@``, backslashes and non-ASCII are
        kept exactly."""
        quoted = self.text.replace("'", "''")
        return f"PRAGMA {_verb(verb)} = '{quoted}'"

    def material(self) -> str:
        """Return the passphrase as SQLCipher reads it in ``ATTACH … KEY ?`` (a bound value)."""
        return self.text


DatabaseKey = RawKey | Passphrase


def connection_key(path: Path, key: DatabaseKey) -> DatabaseKey:
    """Return the key to apply to each connection to the existing file ``path``: for a
    passphrase, the raw key SQLCipher derives from it with the file's salt (PBKDF2, about
    0.25 s; the GIL is released meanwhile), so only one derivation is made however many
    connections are opened; else ``key`` itself.

    ``key`` itself is also returned where nothing can be derived: no file, or one too short
    to hold a salt (not yet written) or plain SQLite; a passphrase SQLCipher reads as raw key
    data. A raw key derived from a wrong passphrase, or for a file in the SQLCipher 3 format,
    opens nothing: the caller then tries ``key`` itself, which tells why.

    The raw key is held only where the passphrase is (``Database``, ``FirstLook``), never
    written, logged or shown (``RawKey`` has no repr of its bytes).
    """
    if not isinstance(key, Passphrase) or _read_as_raw_key(key.text.encode()):
        return key
    salt = _file_salt(path)
    if salt is None:
        return key
    text = key.text.encode()
    return RawKey(hashlib.pbkdf2_hmac(KDF_DIGEST, text, salt, KDF_ITERATIONS, RAW_KEY_BYTES))


def _file_salt(path: Path) -> bytes | None:
    """The salt SQLCipher keeps as the first 16 bytes of an encrypted file, or ``None``."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_PLAIN_SQLITE_HEADER))
    except OSError:  # missing, a folder, unreadable: the open that follows reports it
        return None
    plain = head == _PLAIN_SQLITE_HEADER
    return head[:SALT_BYTES] if len(head) >= SALT_BYTES and not plain else None


def _read_as_raw_key(text: bytes) -> bool:
    """Whether SQLCipher takes ``text`` as raw key data rather than as a passphrase."""
    digits = _RAW_KEY_DATA_DIGITS.get(len(text))
    return (
        digits is not None
        and text[:2].lower() == b"x'"
        and all(byte in _HEX_DIGITS for byte in text[2 : 2 + digits])
    )


def _verb(verb: str) -> str:
    if verb not in ("key", "rekey"):
        raise ValueError("the key pragma is 'key' or 'rekey'")
    return verb


def generate_raw_key() -> RawKey:
    """Return a new random raw key from the OS CSPRNG."""
    return RawKey(secrets.token_bytes(RAW_KEY_BYTES))


def secret_name(database_path: Path) -> str:
    """Return the name under which the key of ``database_path`` is kept in the secret store.

    One key per database file, so the demo database and a real one never share a key; the
    path is hashed so the keyring shows no folder names.
    """
    digest = hashlib.sha256(str(database_path.resolve()).encode()).hexdigest()[:24]
    return f"database-key:{digest}"


def pending_secret_name(database_path: Path) -> str:
    """Return the name of the key a rotation is about to apply to ``database_path``.

    Rotation keeps the new key here until the file has been rekeyed and checked, and only then
    moves it to ``secret_name``; so whatever moment a crash comes, one of the two opens the file.
    """
    return f"{secret_name(database_path)}:pending"


def stored_key(store: "SecretStore", database_path: Path) -> RawKey | None:
    """Return the raw key kept for ``database_path``, or ``None`` when there is none or the
    stored value is not a valid key."""
    return _read_key(store, secret_name(database_path))


def pending_key(store: "SecretStore", database_path: Path) -> RawKey | None:
    """Return the key an interrupted rotation left for ``database_path``, or ``None``."""
    return _read_key(store, pending_secret_name(database_path))


def forget_secret(store: "SecretStore", name: str) -> None:
    """Blank the secret kept under ``name``: the interface has no delete, and a blank value reads
    back as no key (``stored_key`` returns ``None``)."""
    if store.get(name):
        store.set(name, "")


def settle_rotation(
    store: "SecretStore", database_path: Path, opened_with: DatabaseKey | None
) -> None:
    """Make the keyring agree with the key that just opened ``database_path``.

    A pending raw key that opened it becomes the stored key, then the pending entry is blanked
    (in that order, so a crash in between still leaves a key that opens). A pending key left
    while another key opened the file was never applied, and is blanked.
    """
    pending = pending_key(store, database_path)
    if pending is None:
        return
    if isinstance(opened_with, RawKey) and opened_with == pending:
        store.set(secret_name(database_path), pending.key.hex())
    forget_secret(store, pending_secret_name(database_path))


def _read_key(store: "SecretStore", name: str) -> RawKey | None:
    value = store.get(name)
    if value is None:
        return None
    try:
        return RawKey(bytes.fromhex(value))
    except ValueError:
        return None


def store_new_key(store: "SecretStore", database_path: Path) -> RawKey:
    """Generate a raw key for a new database, keep it in ``store`` and read it back.

    Raises:
        RuntimeError: the store did not return the key just written (the database must then
            not be created, or it could never be opened again).
    """
    key = generate_raw_key()
    store.set(secret_name(database_path), key.key.hex())
    if stored_key(store, database_path) != key:
        raise RuntimeError("the secret store did not keep the new database key")
    return key


def key_fingerprint(key: RawKey) -> str:
    """Return a short check value (first 8 hex digits of SHA-256 of the key, as ``XXXX-XXXX``)
    that tells which key a sheet holds without revealing it."""
    digest = hashlib.sha256(key.key).hexdigest()[:8].upper()
    return f"{digest[:4]}-{digest[4:]}"


RETIRED_PREFIX = "database-key:retired"


def retired_secret_name(fingerprint: str) -> str:
    """Return the keyring name of a retired raw key with ``fingerprint`` (``XXXX-XXXX``).

    Named by fingerprint, not by database path: a backup names the key that opens it by its
    fingerprint only, and may be restored beside any database.
    """
    return f"{RETIRED_PREFIX}:{fingerprint.upper()}"


def retired_fingerprints(store: "SecretStore") -> list[str]:
    """Return the fingerprints of all retired keys kept in ``store``, oldest first."""
    return (store.get(RETIRED_PREFIX) or "").split()


def retired_key(store: "SecretStore", fingerprint: str) -> RawKey | None:
    """Return the retired key with ``fingerprint``, or ``None`` when the keyring lacks it (or
    the key kept there does not have that fingerprint)."""
    key = _read_key(store, retired_secret_name(fingerprint))
    return key if key is not None and key_fingerprint(key) == fingerprint.upper() else None


def retire_key(store: "SecretStore", key: RawKey) -> str:
    """Keep ``key`` in ``store`` under its fingerprint's name before a rotation replaces it, so
    backups made with it still open; retired keys are never deleted (a backup may lie on any
    disk, so no one can tell that none is left).

    Returns:
        The fingerprint.

    Raises:
        KeyUnavailableError: the store did not keep it, or holds another key with the same
            fingerprint (1 in 4 billion); the rotation must then not go ahead.
    """
    fingerprint = key_fingerprint(key)
    name = retired_secret_name(fingerprint)
    if _read_key(store, name) not in (None, key):
        raise KeyUnavailableError(
            "The keyring already holds another retired key with the same check value; "
            "nothing was changed."
        )
    store.set(name, key.key.hex())
    if retired_key(store, fingerprint) != key:
        raise KeyUnavailableError("The keyring did not keep the retired key; nothing was changed.")
    if fingerprint not in retired_fingerprints(store):
        store.set(RETIRED_PREFIX, " ".join([*retired_fingerprints(store), fingerprint]))
    return fingerprint

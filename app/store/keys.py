"""Database keys: a 32-byte raw key kept in the OS keyring, or a passphrase (SQLCipher KDF).

Keys are applied with ``PRAGMA key`` on every new connection and are never put into a URL, a
log, an exception message or a file.
"""

import hashlib
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from app.store.secrets import SecretStore

RAW_KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 8


@dataclass(frozen=True)
class RawKey:
    """32 random bytes used directly as the SQLCipher encryption key (no KDF)."""

    key: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.key) != RAW_KEY_BYTES:
            raise ValueError("a raw database key is exactly 32 bytes")

    def pragma(self) -> str:
        """Return the ``PRAGMA key`` statement that applies this key."""
        return f"PRAGMA key = \"x'{self.key.hex()}'\""


@dataclass(frozen=True)
class Passphrase:
    """A passphrase from which SQLCipher derives the key (PBKDF2)."""

    text: str = field(repr=False)

    def __post_init__(self) -> None:
        if not self.text or "\x00" in self.text:
            raise ValueError("a passphrase must be non-empty and contain no NUL character")

    def pragma(self) -> str:
        """Return the ``PRAGMA key`` statement; the text is an SQL string literal with its single
        quotes doubled, so quotes, ``%``, ``@``, backslashes and non-ASCII are kept exactly."""
        quoted = self.text.replace("'", "''")
        return f"PRAGMA key = '{quoted}'"


DatabaseKey = RawKey | Passphrase


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


def stored_key(store: SecretStore, database_path: Path) -> RawKey | None:
    """Return the raw key kept for ``database_path``, or ``None`` when there is none or the
    stored value is not a valid key."""
    value = store.get(secret_name(database_path))
    if value is None:
        return None
    try:
        return RawKey(bytes.fromhex(value))
    except ValueError:
        return None


def store_new_key(store: SecretStore, database_path: Path) -> RawKey:
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

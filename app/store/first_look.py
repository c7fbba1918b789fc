"""A first look into an existing case database, without SQLAlchemy: enough to paint the list.

Importing SQLAlchemy and the ORM models takes about 0.6 s here, most of the 0.8 s a start
may take (README "Speed"). So the app opens an existing database that is already at the
newest schema through a plain keyed SQLCipher connection, paints its case list from it
(``app.services.case_list_start``), and only then builds the ``Database``: the same
connection becomes the engine's first (``FirstLook.database``), so a passphrase's key
derivation runs once. Anything unusual — no file yet, no stored key, a pending key rotation,
an older schema, a SQLCipher 3 file, a wrong key, a database in use — is left to the full
``app.store.unlock``, which handles and reports it.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import PrivacyDeskError
from app.store.connection import BUSY_TIMEOUT_MS, check_file_shape, connect, probe_writable
from app.store.instance_lock import InstanceLock, acquire_instance_lock
from app.store.keys import DatabaseKey, Passphrase, pending_key, stored_key
from app.store.schema_head import connection_at_schema_head
from app.store.secrets import SecretStore

if TYPE_CHECKING:
    from app.store.database import Database


@dataclass
class FirstLook:
    """An existing case database opened with a plain keyed connection, held with this
    process's instance lock until ``database()`` takes both over or ``close()`` lets go.

    Attributes:
        path: the database file; key: the key that opened it (never shown or logged).
        connection: the keyed ``sqlcipher3`` connection (autocommit; usable from any thread,
            one at a time): read the list from it until ``database()`` is called.
    """

    path: Path
    key: DatabaseKey = field(repr=False)
    connection: Any = field(repr=False)
    lock: InstanceLock = field(repr=False)
    busy_timeout_ms: int = BUSY_TIMEOUT_MS
    _database: "Database | None" = field(default=None, init=False, repr=False)
    _closed: bool = field(default=False, init=False, repr=False)

    def database(self) -> "Database":
        """The full ``Database`` over this file (built on the first call: SQLAlchemy is
        imported then), taking over the connection and the instance lock.

        Raises:
            PrivacyDeskError: the look was closed.
        """
        if self._database is None:
            if self._closed:
                raise PrivacyDeskError("The case database was closed.")
            from app.store.database import open_looked  # SQLAlchemy: after the first paint

            self._database = open_looked(self)
        return self._database

    def close(self) -> None:
        """Close the connection and release the lock, unless ``database()`` took them over
        (then the ``Database`` closes them). Closing again does nothing."""
        if self._database is not None or self._closed:
            return
        self._closed = True
        try:
            self.connection.close()
        finally:
            self.lock.release()


def first_look(
    path: Path,
    secrets: SecretStore | None,
    passphrase: str | None,
    *,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> FirstLook | None:
    """Open the existing database at ``path`` the quick way, or return ``None`` where the full
    ``app.store.unlock`` must (see the module docstring); never raises for those cases and
    never writes to the file.

    Args:
        path: the database file.
        secrets: the OS keyring, or ``None`` where none exists.
        passphrase: the passphrase given in the environment, if any.
        busy_timeout_ms: wait for another writer this long, in milliseconds.
    """
    key = _only_key(path, secrets, passphrase)
    if key is None or not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        check_file_shape(path)
        lock = acquire_instance_lock(path)
    except PrivacyDeskError:
        return None
    try:
        connection = connect(path, key, busy_timeout_ms=busy_timeout_ms)
    except PrivacyDeskError:
        lock.release()
        return None
    look = FirstLook(path, key, connection, lock, busy_timeout_ms)
    if _usable(connection):
        return look
    look.close()
    return None


def _only_key(
    path: Path, secrets: SecretStore | None, passphrase: str | None
) -> DatabaseKey | None:
    """The one key to try: the keyring's (when no rotation is pending), else the passphrase."""
    if secrets is not None:
        stored = stored_key(secrets, path)
        if stored is not None:
            return stored if pending_key(secrets, path) is None else None
    return Passphrase(passphrase) if passphrase else None


def _usable(connection: Any) -> bool:
    """Whether the database can be written and is at the newest schema (else the full open
    reports the problem or migrates)."""
    try:
        probe_writable(connection)
    except PrivacyDeskError:
        return False
    return connection_at_schema_head(connection)

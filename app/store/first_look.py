"""A first look into an existing case database, without SQLAlchemy: enough to paint the list.

Importing SQLAlchemy and the ORM models takes about 0.6 s here, most of the 0.8 s a start
may take (README "Speed"). So the app opens an existing database that is already at the
newest schema through a plain keyed SQLCipher connection, paints its case list from it
(``app.services.case_list_start``), and only then builds the ``Database``: the same
connection becomes the engine's first (``FirstLook.database``). A passphrase's key is derived
once, here (``app.store.keys.connection_key``), and every connection of the ``Database`` is
keyed with that raw key: a further pooled connection, opened when two threads read at once,
no longer derives it again on the GUI thread. Anything unusual — no file yet, no stored key, a
pending key rotation, an older schema, a SQLCipher 3 file, a wrong key, a database in use — is
left to the full ``app.store.unlock``, which handles and reports it.

With a passphrase in the environment the look can start ahead (``look_ahead``, from the top of
``main.py``): SQLCipher's key derivation (PBKDF2-HMAC-SHA512, 256,000 iterations, about
0.25 s) then runs on a thread while PySide6 and the window's modules import, and
``first_look`` takes the result over when the keyring holds no key of its own. A start that
opens a team server instead lets go of it with ``let_go_of_look_ahead``.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import PrivacyDeskError
from app.store.connection import BUSY_TIMEOUT_MS, check_file_shape, connect, probe_writable
from app.store.instance_lock import InstanceLock, acquire_instance_lock
from app.store.keys import DatabaseKey, Passphrase, connection_key, pending_key, stored_key
from app.store.schema_head import connection_at_schema_head

if TYPE_CHECKING:  # keyring is not imported before the look starts ahead (main.py)
    from app.store.database import Database
    from app.store.secrets import SecretStore


@dataclass
class FirstLook:
    """An existing case database opened with a plain keyed connection, held with this
    process's instance lock until ``database()`` takes both over or ``close()`` lets go.

    Attributes:
        path: the database file; key: the key that opened it (never shown or logged).
        connection: the keyed ``sqlcipher3`` connection (autocommit; usable from any thread,
            one at a time): read the list from it until ``database()`` is called.
        keying: what keyed the connection, and keys the ``Database``'s further ones: for a
            passphrase its derived raw key (``app.store.keys.connection_key``); never shown.
    """

    path: Path
    key: DatabaseKey = field(repr=False)
    connection: Any = field(repr=False)
    lock: InstanceLock = field(repr=False)
    busy_timeout_ms: int = BUSY_TIMEOUT_MS
    keying: DatabaseKey | None = field(default=None, repr=False)
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
    secrets: "SecretStore | None",
    passphrase: str | None,
    *,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> FirstLook | None:
    """Open the existing database at ``path`` the quick way, or return ``None`` where the full
    ``app.store.unlock`` must (see the module docstring); never raises for those cases and
    never writes to the file. A look started ahead (``look_ahead``) is taken over when it was
    made with the key chosen here; any other is closed first.

    Args:
        path: the database file.
        secrets: the OS keyring, or ``None`` where none exists.
        passphrase: the passphrase given in the environment, if any.
        busy_timeout_ms: wait for another writer this long, in milliseconds.
    """
    key = _only_key(path, secrets, passphrase)
    ahead = _take_ahead()
    if ahead is not None:
        made_for_this, look = ahead.claim(path, key, busy_timeout_ms)
        if made_for_this:
            return look
    return _looked(path, key, busy_timeout_ms)


def _looked(
    path: Path,
    key: DatabaseKey | None,
    busy_timeout_ms: int,
    wanted: Callable[[], bool] = lambda: True,
) -> FirstLook | None:
    """``first_look`` with its key chosen (``None``: none at hand); nothing is opened when
    ``wanted`` says, once the key is derived, that the look is no longer wanted."""
    if key is None or not path.is_file() or path.stat().st_size == 0:
        return None
    # A key derived from a wrong passphrase (or for a SQLCipher 3 file) opens nothing, and the
    # full unlock then says why: no need to try the passphrase itself here.
    keying = connection_key(path, key)
    if not wanted():
        return None
    try:
        check_file_shape(path)
        lock = acquire_instance_lock(path)
    except PrivacyDeskError:
        return None
    look = _opened(path, key, keying, lock, busy_timeout_ms)
    if look is None or _usable(look.connection):
        return look
    look.close()
    return None


def _opened(
    path: Path, key: DatabaseKey, keying: DatabaseKey, lock: InstanceLock, busy_timeout_ms: int
) -> FirstLook | None:
    """Connect with ``keying`` while holding ``lock``; ``None`` (lock released) if it fails."""
    try:
        connection = connect(path, keying, busy_timeout_ms=busy_timeout_ms)
    except PrivacyDeskError:
        lock.release()
        return None
    return FirstLook(path, key, connection, lock, busy_timeout_ms, keying)


def _only_key(
    path: Path, secrets: "SecretStore | None", passphrase: str | None
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


# A look nobody takes over within this time (the team server is used instead) is closed, so
# the file and its instance lock are not held for the whole session, in seconds.
UNCLAIMED_AHEAD_SECONDS = 60.0
_ahead: "_LookAhead | None" = None
_ahead_guard = threading.Lock()


def look_ahead(
    path: Path, passphrase: str | None, read: Callable[[Any], None] | None = None
) -> bool:
    """Start the first look at ``path`` with ``passphrase`` on a thread, so that SQLCipher's
    key derivation (which releases the GIL) runs while the caller imports the GUI; the next
    ``first_look`` takes it over (or closes it, when another key must be used).

    Never creates a file: a missing or empty one, and everything else ``first_look`` leaves
    to the full unlock, gives no look, so ``first_look`` returns ``None`` as it would have.

    Args:
        path: the database file ``first_look`` will be asked for.
        passphrase: the passphrase given in the environment; ``None`` or empty: nothing starts.
        read: run on the open connection on the same thread (the start view's first reads);
            its errors are its own to handle.

    Returns:
        Whether a look was started (one at most per process).
    """
    global _ahead
    if not passphrase:
        return False
    with _ahead_guard:
        if _ahead is not None:
            return False
        _ahead = _LookAhead(path, Passphrase(passphrase), read)
    _ahead.start()
    return True


def let_go_of_look_ahead() -> None:
    """Give up the look started ahead, if any, without waiting for it: its file and instance
    lock are released now, or, while its key derivation still runs (it cannot be stopped),
    right after it, without the file being opened. For a start that opens the team server
    instead of the local file; ``first_look`` then opens the file anew if asked."""
    ahead = _take_ahead()
    if ahead is not None:
        ahead.let_go()


def _take_ahead() -> "_LookAhead | None":
    global _ahead
    with _ahead_guard:
        ahead, _ahead = _ahead, None
    return ahead


class _LookAhead:
    """One first look made on a thread of its own (see ``look_ahead``)."""

    def __init__(self, path: Path, key: Passphrase, read: Callable[[Any], None] | None) -> None:
        self._path, self._key, self._read = path, key, read
        self._look: FirstLook | None = None
        self._error: BaseException | None = None
        self._done, self._claimed = threading.Event(), threading.Event()
        self._guard = threading.Lock()
        self._expired = self._let_go = False

    def start(self) -> None:
        """Start the thread (a daemon: it never keeps the app from ending)."""
        threading.Thread(target=self._run, name="first-look-ahead", daemon=True).start()

    def _run(self) -> None:
        try:
            self._look = _looked(self._path, self._key, BUSY_TIMEOUT_MS, self._wanted)
            if self._look is not None and self._read is not None and self._wanted():
                self._read(self._look.connection)
        except BaseException as error:  # handed to the main thread, raised there
            self._error = error
        finally:
            with self._guard:
                self._done.set()
                let_go = self._let_go
        if let_go:
            self._close()
        elif not self._claimed.wait(UNCLAIMED_AHEAD_SECONDS):
            self._expire()

    def _wanted(self) -> bool:
        return not self._let_go

    def let_go(self) -> None:
        """Close the look (see ``let_go_of_look_ahead``): now when the thread is done, else
        the thread closes it when it is."""
        with self._guard:
            self._let_go = True
            self._claimed.set()  # ends the thread's wait for a claim
            done = self._done.is_set()
        if done:
            self._close()

    def _expire(self) -> None:
        with self._guard:
            if self._claimed.is_set():
                return
            self._expired = True
        self._close()

    def claim(
        self, path: Path, key: DatabaseKey | None, busy_timeout_ms: int
    ) -> tuple[bool, FirstLook | None]:
        """Wait for the thread; when it looked at ``path`` with ``key`` (and the default busy
        timeout), return ``(True, its look)`` — a ``None`` look: the full unlock must open
        the file; else close what it opened and return ``(False, None)``.

        Raises:
            BaseException: an unexpected error the thread met (a bug, not a user's case).
        """
        self._done.wait()
        with self._guard:
            self._claimed.set()
            expired = self._expired
        same = path.resolve() == self._path.resolve() and key == self._key
        if expired or not same or busy_timeout_ms != BUSY_TIMEOUT_MS:
            self._close()
            return False, None
        if self._error is not None:
            self._close()
            raise self._error
        return True, self._look

    def _close(self) -> None:
        look, self._look = self._look, None  # with it goes the derived key
        if look is not None:
            look.close()

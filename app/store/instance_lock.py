"""One Privacy Desk instance per database: an OS lock on a small file beside it.

SQLite's own locks only stop two *writers at the same instant*; two app windows on one file
would each cache and overwrite the other's view. So the first process to open a database holds
an exclusive OS lock on ``<database>.lock`` (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on
Windows) until it closes it. The kernel drops the lock when the process dies, so a lock file
left behind by a crash never blocks the next start (stdlib only; ``filelock`` would add a
dependency for these few lines).

Inside one process the lock is shared and counted: the same app may open the same database
twice (a background import beside the GUI), and ``flock`` would otherwise refuse the second
open of the same file.
"""

import os
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from app.errors import DatabaseInUseError, ReadOnlyDatabaseError

IN_USE_MESSAGE = (
    "The case database is in use by another Privacy Desk window or command. "
    "Close it there and try again."
)
BUSY_MESSAGE = "The case database is open in this window; close it before this operation."
READ_ONLY_FOLDER_MESSAGE = (
    "The folder of the case database cannot be written: Privacy Desk keeps its lock and journal "
    "files beside the database. Choose a folder you can write to, or copy the database there."
)

_registry_guard = threading.Lock()
_held: dict[Path, "_Held"] = {}


@dataclass
class _Held:
    descriptor: int
    count: int = 1


@dataclass
class InstanceLock:
    """A held instance lock on one database; ``release`` it when the database is closed."""

    database_path: Path
    _released: bool = field(default=False, repr=False)

    def release(self) -> None:
        """Give up this hold; the OS lock goes when the last hold in the process is released.
        Releasing twice does nothing."""
        if self._released:
            return
        self._released = True
        _release(lock_file_path(self.database_path))


def lock_file_path(database_path: Path) -> Path:
    """Return the lock file beside ``database_path`` (``privacy-desk.db`` → ``….db.lock``)."""
    resolved = database_path.resolve()
    return resolved.with_name(resolved.name + ".lock")


def acquire_instance_lock(database_path: Path, *, exclusive: bool = False) -> InstanceLock:
    """Hold the instance lock of ``database_path``.

    Args:
        database_path: the database file (it need not exist yet; its folder must).
        exclusive: also refuse when this process already has the database open (key rotation
            and restore rewrite the file and need every connection closed).

    Returns:
        The ``InstanceLock``; call ``release`` when done.

    Raises:
        DatabaseInUseError: another process holds it, or ``exclusive`` and this one does.
        ReadOnlyDatabaseError: the lock file beside it cannot be written (a read-only folder).
    """
    path = lock_file_path(database_path)
    with _registry_guard:
        held = _held.get(path)
        if held is not None:
            if exclusive:
                raise DatabaseInUseError(BUSY_MESSAGE)
            held.count += 1
        else:
            _held[path] = _Held(_lock_os_file(path))
    return InstanceLock(database_path)


def _release(path: Path) -> None:
    with _registry_guard:
        held = _held.get(path)
        if held is None:
            return
        held.count -= 1
        if held.count == 0:
            del _held[path]
            _unlock_os_file(held.descriptor)


def _lock_os_file(path: Path) -> int:
    """Open ``path`` (creating it, owner-only) and take the OS lock without waiting.

    Raises:
        ReadOnlyDatabaseError: the lock file cannot be created or opened for writing.
        DatabaseInUseError: another process holds the lock.
    """
    try:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:  # a read-only folder or file system (the OS text names the path: not shown)
        raise ReadOnlyDatabaseError(READ_ONLY_FOLDER_MESSAGE) from None
    try:
        _os_lock(descriptor)
    except OSError:
        os.close(descriptor)
        raise DatabaseInUseError(IN_USE_MESSAGE) from None
    return descriptor


def _unlock_os_file(descriptor: int) -> None:
    # The lock file stays, empty and harmless: deleting it would let a second process lock a
    # new file of the same name while a third still holds the old one.
    try:
        _os_unlock(descriptor)
    finally:
        os.close(descriptor)


if sys.platform == "win32":
    import msvcrt

    def _os_lock(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)

    def _os_unlock(descriptor: int) -> None:
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _os_lock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _os_unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)

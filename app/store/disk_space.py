"""A full disk: telling it from other failures, the message that says so, and stopping a batch
at the first write that did not fit.

SQLite reports a full disk as ``SQLITE_FULL`` (13); ``sqlcipher3`` gives no code, only the
text "database or disk is full" (also what ``PRAGMA max_page_count`` gives when a database
reaches its page limit). Files the app writes itself (backups, staged files, PDFs) fail with
``OSError`` ``ENOSPC`` (or ``EDQUOT``, a user's quota). A failed write in SQLite rolls its
transaction back: what was committed before stays, so nothing is lost.
"""

import errno
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Generic, TypeVar

from app.errors import DiskFullError

SQLITE_FULL_TEXT = "database or disk is full"
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})

T = TypeVar("T")


def is_disk_full(error: BaseException) -> bool:
    """True when ``error`` (a DB-API error, SQLAlchemy's wrapper of one, or an ``OSError``)
    says the disk or the database is full."""
    if isinstance(error, DiskFullError):
        return True
    if isinstance(error, OSError):
        return error.errno in DISK_FULL_ERRNOS
    original = getattr(error, "orig", None)  # sqlalchemy.exc.DBAPIError wraps the driver's
    if isinstance(original, BaseException) and original is not error:
        return is_disk_full(original)
    return SQLITE_FULL_TEXT in str(error).lower()


def disk_full_error(folder: Path) -> DiskFullError:
    """The error to show when a write to ``folder`` did not fit.

    Args:
        folder: the folder written to (the database's, a backup's, an exported file's).
    """
    return DiskFullError(
        f"The disk holding '{folder}' is full: free space on it and try again. Nothing was "
        "lost: the change that did not fit was undone, everything saved before it is kept."
    )


class DiskFullWatch(Generic[T]):
    """A session source (``Database.session``) for a batch that notes the first write that
    did not fit, so the batch can stop there (``import_paths(..., should_cancel=watch.full)``)
    instead of failing every further file the same way.

    Attributes:
        error: the ``DiskFullError`` met, or ``None``.
    """

    def __init__(self, sessions: Callable[[], AbstractContextManager[T]]) -> None:
        self._sessions = sessions
        self.error: DiskFullError | None = None

    @contextmanager
    def __call__(self) -> Iterator[T]:
        """Yield a session from the wrapped source; a ``DiskFullError`` is noted and raised on."""
        try:
            with self._sessions() as session:
                yield session
        except DiskFullError as error:
            self.error = self.error or error
            raise

    def full(self) -> bool:
        """True once a write did not fit (a ``should_cancel`` for ``import_paths``)."""
        return self.error is not None

"""One writer at a time, and a retry when the busy timeout runs out.

Every transaction takes the write lock up front (``BEGIN IMMEDIATE``) and waits up to the busy
timeout for another writer. A long background import can still outlast it; the user's edit is
then retried a few times rather than dropped (failure-modes.md "Concurrent writes").
"""

import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.errors import DatabaseLockedError
from app.store.database import Database

Result = TypeVar("Result")
DEFAULT_ATTEMPTS = 4
DEFAULT_PAUSE_S = 0.25


def write_with_retry(
    database: Database,
    work: Callable[[Session], Result],
    *,
    attempts: int = DEFAULT_ATTEMPTS,
    pause_s: float = DEFAULT_PAUSE_S,
    on_retry: Callable[[int], None] | None = None,
) -> Result:
    """Run ``work`` in its own transaction; if the database stays locked past the busy timeout,
    roll back and run it again, up to ``attempts`` times.

    Args:
        database: the open database.
        work: the change; it gets a fresh session each attempt and must not keep ORM objects
            from an earlier one.
        attempts: how many times to try, at least 1.
        pause_s: wait between attempts, in seconds (doubled each time).
        on_retry: called with the attempt number (1-based) before each retry, so the GUI can
            show "waiting for the import…".

    Returns:
        What ``work`` returned.

    Raises:
        DatabaseLockedError: still locked after the last attempt.
    """
    if attempts < 1:
        raise ValueError("attempts must be at least 1")
    for attempt in range(1, attempts):
        try:
            return _attempt(database, work)
        except OperationalError as error:
            if not _is_lock_timeout(error):
                raise
        if on_retry is not None:
            on_retry(attempt)
        time.sleep(pause_s * 2 ** (attempt - 1))
    try:
        return _attempt(database, work)
    except OperationalError as error:
        if _is_lock_timeout(error):
            raise DatabaseLockedError(
                "The case database stayed busy; the change was not saved. Try again."
            ) from error
        raise


def _attempt(database: Database, work: Callable[[Session], Result]) -> Result:
    with database.session() as session:
        return work(session)


def _is_lock_timeout(error: OperationalError) -> bool:
    message = str(error.orig).lower()
    return "locked" in message or "busy" in message

"""One helper that runs long work off the GUI thread (STYLE.md §7).

The work function receives a ``report_progress(done, total)`` callable and an ``is_cancelled()``
callable; its result or error comes back on the GUI thread through Qt signals. Work functions
open their own sessions: no session crosses threads.

A task outlives nothing it reports to: when its Qt object goes (deleted with the window that
owns it) or ``abandon`` is called, the work is told to stop (``is_cancelled()`` turns true),
progress is no longer reported, and a result nobody can receive is handed to ``discard`` (e.g.
to close a database the work opened). ``stop_all`` cancels every running task and waits for
them, for the application's exit (QA18 F12: a demo still generating when the window went
raised "Signal source has been deleted" on every progress report).
"""

import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QDeadlineTimer, QObject, QRunnable, QThreadPool, Signal

from app.errors import PrivacyDeskError

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
Work = Callable[[ProgressFn, CancelledFn], Any]


class BackgroundTask(QObject):
    """A unit of background work with progress, cancel, and a result or error.

    Signals:
        progress(int, int): files (or steps) done and in all.
        succeeded(object): the work function's return value.
        failed(str, bool): a message for the user, and whether it is a known user error
            (``PrivacyDeskError``) rather than a bug.
        finished(): after ``succeeded`` or ``failed``.
    """

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, bool)
    finished = Signal()

    def __init__(
        self,
        work: Work,
        parent: QObject | None = None,
        discard: Callable[[Any], None] | None = None,
    ) -> None:
        """Make the task; ``start`` runs it.

        Args:
            work: the work function, run on a pool thread.
            parent: the owning Qt object; when it (and so this task) is deleted, the work is
                cancelled and nothing more is emitted.
            discard: called on the worker thread with the work's result when nobody can
                receive it any more (the task was abandoned or deleted), e.g. to close what it
                opened.
        """
        super().__init__(parent)
        self._work = work
        self._discard = discard
        self._cancel = threading.Event()
        self._abandoned = threading.Event()
        self._done = threading.Event()
        self._done.set()  # not started: nothing to wait for
        # Closes over the events, not this QObject: safe while Qt deletes the task.
        self.destroyed.connect(_setter(self._abandoned, self._cancel))
        _live.add(self)

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    def abandon(self) -> None:
        """Cancel the work and emit nothing more: whoever listened is going (e.g. the window
        closes). A result that still comes is handed to ``discard``."""
        self._abandoned.set()
        self._cancel.set()

    @property
    def running(self) -> bool:
        """True from ``start`` until the work function has returned or raised."""
        return not self._done.is_set()

    def wait(self, timeout_ms: int) -> bool:
        """Block up to ``timeout_ms`` milliseconds until the work has ended; returns whether it
        has (True at once when it never started)."""
        return self._done.wait(timeout_ms / 1000)

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run the work on ``pool`` (the global pool by default)."""
        self._done.clear()
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def _listened(self) -> bool:
        return not self._abandoned.is_set() and shiboken6.isValid(self)

    def _report(self, done: int, total: int) -> None:
        if not self._listened():
            self._cancel.set()
            return
        try:
            self.progress.emit(done, total)
        except RuntimeError:  # deleted between the check and the emit
            self.abandon()

    def _emit(self, signal_name: str, *args: object) -> bool:
        """Emit the signal unless nobody listens any more; returns whether it was emitted."""
        if not self._listened():
            return False
        try:
            getattr(self, signal_name).emit(*args)
        except RuntimeError:  # deleted between the check and the emit
            self.abandon()
            return False
        return True

    def _run(self) -> None:
        try:
            self._run_work()
        finally:
            self._done.set()

    def _run_work(self) -> None:
        try:
            result = self._work(self._report, self._cancel.is_set)
        except PrivacyDeskError as error:
            self._emit("failed", str(error), True)
        except Exception as error:  # a bug: tell the user, log the type only (no content)
            log.exception("background task failed with %s", type(error).__name__)
            self._emit("failed", type(error).__name__, False)
        else:
            if not self._emit("succeeded", result) and self._discard is not None:
                self._discard(result)
        self._emit("finished")


def _setter(*events: threading.Event) -> Callable[..., None]:
    def set_all(*_destroyed: object) -> None:
        for event in events:
            event.set()

    return set_all


# Tasks not yet collected; ``stop_all`` cancels the running ones.
_live: "weakref.WeakSet[BackgroundTask]" = weakref.WeakSet()


def stop_all(timeout_ms: int) -> bool:
    """Abandon every running task and wait, up to ``timeout_ms`` milliseconds in all, for
    their work to end (at its next cancel check); for the application's exit, after the
    event loop. Returns whether all ended in time."""
    running = [task for task in list(_live) if task.running]
    for task in running:
        task.abandon()
    deadline = QDeadlineTimer(timeout_ms)
    return all(task.wait(max(0, deadline.remainingTime())) for task in running)


class _Runner(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()

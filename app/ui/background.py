"""One helper that runs long work off the GUI thread (STYLE.md §7).

The work function receives a ``report_progress(done, total)`` callable and an ``is_cancelled()``
callable; its result or error comes back on the GUI thread through Qt signals. Work functions
open their own sessions: no session crosses threads.
"""

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

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

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    def start(self, pool: QThreadPool | None = None) -> None:
        """Run the work on ``pool`` (the global pool by default)."""
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def _run(self) -> None:
        try:
            result = self._work(self.progress.emit, self._cancel.is_set)
        except PrivacyDeskError as error:
            self.failed.emit(str(error), True)
        except Exception as error:  # a bug: tell the user, log the type only (no content)
            log.exception("background task failed with %s", type(error).__name__)
            self.failed.emit(type(error).__name__, False)
        else:
            self.succeeded.emit(result)
        self.finished.emit()


class _Runner(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()

"""Refreshing the window when other clients of the team server change cases (DESIGN.md §6).

A ``QTimer`` polls a ``ChangeListener`` without waiting (``poll(timeout_s=0)`` only reads what
the server already sent), so the GUI thread is never held up by the network.
"""

from PySide6.QtCore import QObject, QTimer, Signal

from app.store.changes import Change, ChangeListener

DEFAULT_INTERVAL_MS = 2000


class ChangeWatcher(QObject):
    """Polls ``listener`` every ``interval_ms`` milliseconds and announces committed changes.

    The server announces every client's commits, this one's too: a refresh after one's own
    change is harmless and keeps the rule simple.

    Signals:
        changed(set[int]): the ids of the cases changed since the last poll; an empty set means
            "something changed" (a restricted case, whose id is not announced).
        lost(): the listener's connection broke; polling stopped (the caller may reconnect).

    Args:
        listener: an open listener; the watcher owns it and closes it in ``stop``.
        interval_ms: the polling period in milliseconds.
    """

    changed = Signal(object)
    lost = Signal()

    def __init__(
        self,
        listener: ChangeListener,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._listener: ChangeListener | None = listener
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def poll(self) -> None:
        """Collect what arrived (never waits) and emit ``changed`` when there was anything."""
        if self._listener is None:
            return
        import psycopg  # loaded by the listener already; only team mode polls

        try:
            changes = self._listener.poll(timeout_s=0)
        except psycopg.Error:
            # Server restart or network loss; the listener cannot recover by itself.
            self.stop()
            self.lost.emit()
            return
        if changes:
            self.changed.emit(changed_case_ids(changes))

    def stop(self) -> None:
        """Stop polling and close the listener; stopping again does nothing."""
        self._timer.stop()
        if self._listener is not None:
            listener, self._listener = self._listener, None
            listener.close()


def changed_case_ids(changes: list[Change]) -> set[int]:
    """Return the case ids ``changes`` name, or the empty set ("refresh everything") when one
    of them does not name its case (restricted case or an event about no case)."""
    ids = {change.case_id for change in changes}
    if None in ids:
        return set()
    return {case_id for case_id in ids if case_id is not None}

"""Locks the app after the configured idle time: user input feeds ``IdleLock``, a timer asks it.

Installed as an application-wide event filter, so every key press, click, wheel turn or mouse
move in any window counts as activity. Only input counts: a background import that repaints
the window does not keep it unlocked.
"""

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from app.store.idle_lock import IdleLock

CHECK_INTERVAL_MS = 15_000
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class IdleGuard(QObject):
    """Emits ``lock_requested`` once after ``IdleLock.minutes`` without user input.

    Args:
        idle_lock: the policy (minutes; 0 = never lock).
        clock: returns the current aware instant (tests pass a fake one).
        check_interval_ms: how often the timer asks the policy, in milliseconds.

    Signals:
        lock_requested(): the idle time has passed; lock the window and ask for the key. Not
            emitted again until ``unlocked`` is called.
    """

    lock_requested = Signal()

    def __init__(
        self,
        idle_lock: IdleLock,
        clock: Callable[[], datetime] = _utc_now,
        check_interval_ms: int = CHECK_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._idle_lock = idle_lock
        self._clock = clock
        self._locked = False
        self._idle_lock.touch(clock())
        self.timer = QTimer(self)
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self.check)

    def install(self, target: QObject) -> None:
        """Watch the input of ``target`` (normally the ``QApplication``) and start the timer."""
        target.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802  # Qt API
        """Count user input as activity; never consume the event."""
        if event.type() in ACTIVITY and not self._locked:
            self._idle_lock.touch(self._clock())
        return False

    def check(self) -> None:
        """Ask the policy; emit ``lock_requested`` when the idle time has passed."""
        if not self._locked and self._idle_lock.should_lock(self._clock()):
            self._locked = True
            self.lock_requested.emit()

    def unlocked(self) -> None:
        """Start a fresh idle period after the user unlocked."""
        self._locked = False
        self._idle_lock.unlocked(self._clock())

    def set_minutes(self, minutes: int) -> None:
        """Change the idle time (minutes, 0 = never) from now on.

        Raises:
            ValueError: negative minutes.
        """
        self._idle_lock = IdleLock(minutes)
        self._idle_lock.touch(self._clock())

    @property
    def is_locked(self) -> bool:
        """Whether a lock was requested and the user has not unlocked yet."""
        return self._locked

"""When the app locks itself: a plain policy object the GUI asks on a timer.

The GUI calls ``touch`` on user input and ``should_lock`` every few seconds; when it answers
true the GUI closes the database and asks for the key or passphrase again. Times are passed in,
so the policy is tested without waiting.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

DEFAULT_IDLE_MINUTES = 10


@dataclass
class IdleLock:
    """Lock after ``minutes`` without user activity; ``minutes = 0`` never locks.

    Attributes:
        minutes: idle time before locking, in minutes (0 = off).
    """

    minutes: int = DEFAULT_IDLE_MINUTES
    _last_activity: datetime | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.minutes < 0:
            raise ValueError("the idle time is zero (off) or a positive number of minutes")

    def touch(self, now: datetime) -> None:
        """Record user activity at ``now`` (aware); an earlier instant than the last is ignored,
        so a clock step backwards cannot postpone the lock indefinitely."""
        if self._last_activity is None or now > self._last_activity:
            self._last_activity = now

    def should_lock(self, now: datetime) -> bool:
        """True when ``minutes`` or more have passed since the last activity (or since the
        first ``touch``); False when off or never touched."""
        if self.minutes == 0 or self._last_activity is None:
            return False
        return now - self._last_activity >= timedelta(minutes=self.minutes)

    def unlocked(self, now: datetime) -> None:
        """Start a fresh idle period after the user has unlocked again at ``now``."""
        self._last_activity = now

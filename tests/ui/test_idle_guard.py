"""The idle guard asks for the lock after the configured minutes without input (fake clock)."""

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.store.idle_lock import IdleLock
from app.ui.idle_guard import IdleGuard

START = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)


class FakeClock:
    """An instant that only moves when the test says so."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now

    def at(self, minutes: float) -> None:
        self.now = START + timedelta(minutes=minutes)


def test_locks_ten_minutes_after_the_last_key_press_and_not_before(qtbot: QtBot) -> None:
    clock = FakeClock()
    guard = IdleGuard(IdleLock(10), clock)
    guard.install(QApplication.instance())  # type: ignore[arg-type]
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    clock.at(5)
    qtbot.keyClick(field, Qt.Key.Key_A)  # activity at +5 min: the lock is due at +15
    with qtbot.assertNotEmitted(guard.lock_requested):
        clock.at(14.99)
        guard.check()
    with qtbot.waitSignal(guard.lock_requested, timeout=1000):
        clock.at(15)
        guard.check()
    assert guard.is_locked
    with qtbot.assertNotEmitted(guard.lock_requested):
        clock.at(40)
        qtbot.keyClick(field, Qt.Key.Key_B)  # input behind the lock screen does not count
        guard.check()  # asked once only
    guard.unlocked()
    with qtbot.assertNotEmitted(guard.lock_requested):
        clock.at(49)
        guard.check()
    with qtbot.waitSignal(guard.lock_requested, timeout=1000):
        clock.at(50)
        guard.check()
    QApplication.instance().removeEventFilter(guard)  # type: ignore[union-attr]


def test_zero_minutes_never_locks(qtbot: QtBot) -> None:
    clock = FakeClock()
    guard = IdleGuard(IdleLock(10), clock)
    guard.set_minutes(0)
    with qtbot.assertNotEmitted(guard.lock_requested):
        clock.at(60 * 24)
        guard.check()


def test_the_timer_asks_the_policy_on_its_own(qtbot: QtBot) -> None:
    clock = FakeClock()
    guard = IdleGuard(IdleLock(1), clock, check_interval_ms=10)
    guard.timer.start()
    clock.at(1)
    with qtbot.waitSignal(guard.lock_requested, timeout=2000):
        pass
    guard.timer.stop()

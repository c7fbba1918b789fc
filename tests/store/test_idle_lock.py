"""The idle-lock policy: lock after the configured minutes without activity."""

from datetime import UTC, datetime, timedelta

import pytest

from app.store.idle_lock import IdleLock

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_locks_exactly_when_the_idle_minutes_have_passed() -> None:
    policy = IdleLock(minutes=5)
    policy.touch(T0)
    assert not policy.should_lock(T0 + timedelta(minutes=4, seconds=59))
    assert policy.should_lock(T0 + timedelta(minutes=5))


def test_activity_restarts_the_idle_period_and_a_clock_step_back_does_not() -> None:
    policy = IdleLock(minutes=5)
    policy.touch(T0)
    policy.touch(T0 + timedelta(minutes=4))
    policy.touch(T0 - timedelta(hours=1))  # the system clock stepped back: ignored
    assert not policy.should_lock(T0 + timedelta(minutes=8))
    assert policy.should_lock(T0 + timedelta(minutes=9))
    policy.unlocked(T0 + timedelta(minutes=20))
    assert not policy.should_lock(T0 + timedelta(minutes=24))


def test_zero_minutes_never_locks_and_negative_is_refused() -> None:
    policy = IdleLock(minutes=0)
    policy.touch(T0)
    assert not policy.should_lock(T0 + timedelta(days=30))
    assert not IdleLock(minutes=1).should_lock(T0)  # never touched: nothing to time
    with pytest.raises(ValueError):
        IdleLock(minutes=-1)

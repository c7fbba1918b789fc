"""Receipt instants in the computer's zone, the zone named, UTC alongside (TZ set per test)."""

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.ui.local_times import (
    differs_from_local,
    local_minute,
    local_with_offset,
    local_zone,
    utc_minute,
    utc_offset,
    zone_label,
    zone_with_offset,
)

# zh01 was sent 09:30 +08:00: stored as 01:30 UTC.
SENT = datetime(2026, 11, 2, 1, 30, tzinfo=UTC)


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    yield
    monkeypatch.undo()
    time.tzset()


def _set_tz(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.setenv("TZ", name)
    time.tzset()


def test_beijing_sees_the_time_the_message_was_sent(
    monkeypatch: pytest.MonkeyPatch, zone: None
) -> None:
    _set_tz(monkeypatch, "Asia/Shanghai")
    assert local_minute(SENT) == "2026-11-02 09:30"
    assert local_with_offset(SENT) == "2026-11-02 09:30 (UTC+08:00)"
    assert utc_minute(SENT) == "2026-11-02 01:30 UTC"


def test_daylight_saving_follows_the_instant(monkeypatch: pytest.MonkeyPatch, zone: None) -> None:
    _set_tz(monkeypatch, "Europe/Berlin")  # CEST until 25 October 2026, CET after
    assert local_with_offset(datetime(2026, 10, 24, 22, 0, tzinfo=UTC)) == (
        "2026-10-25 00:00 (UTC+02:00)"
    )
    assert local_with_offset(SENT) == "2026-11-02 02:30 (UTC+01:00)"


def test_a_utc_computer_says_utc(monkeypatch: pytest.MonkeyPatch, zone: None) -> None:
    _set_tz(monkeypatch, "UTC")
    assert utc_offset(SENT) == "UTC"
    assert local_with_offset(SENT) == "2026-11-02 01:30 (UTC)"


def test_a_negative_offset_with_minutes(monkeypatch: pytest.MonkeyPatch, zone: None) -> None:
    _set_tz(monkeypatch, "America/St_Johns")  # Newfoundland, UTC-03:30 in November
    assert local_with_offset(SENT) == "2026-11-01 22:00 (UTC-03:30)"


def test_the_zone_is_named_with_its_standard_offset(
    monkeypatch: pytest.MonkeyPatch, zone: None
) -> None:
    _set_tz(monkeypatch, "Asia/Shanghai")
    assert zone_label() == "Asia/Shanghai (UTC+08:00)"
    _set_tz(monkeypatch, "Europe/Berlin")  # CET is +01:00 whatever the season
    assert zone_label() == "Europe/Berlin (UTC+01:00)"
    assert str(local_zone()) == "Europe/Berlin"


def test_another_zone_is_named_with_its_offset_at_the_instant() -> None:
    shanghai, berlin = ZoneInfo("Asia/Shanghai"), ZoneInfo("Europe/Berlin")
    assert zone_with_offset(shanghai, SENT) == "Asia/Shanghai (UTC+08:00)"
    assert zone_with_offset(berlin, SENT) == "Europe/Berlin (UTC+01:00)"  # CET from 25 October
    assert zone_with_offset(berlin, datetime(2026, 7, 1, tzinfo=UTC)) == (
        "Europe/Berlin (UTC+02:00)"
    )
    assert zone_with_offset(timezone(timedelta(hours=5, minutes=30)), SENT) == "UTC+05:30"


@pytest.mark.parametrize(
    ("computer", "differs"),
    [("Asia/Shanghai", False), ("Asia/Hong_Kong", False), ("Europe/Berlin", True), ("UTC", True)],
)
def test_a_zone_differs_from_the_computers_where_its_offset_does(
    monkeypatch: pytest.MonkeyPatch, zone: None, computer: str, differs: bool
) -> None:
    _set_tz(monkeypatch, computer)  # Hong Kong keeps UTC+08:00 as Shanghai: the same dates
    assert differs_from_local(ZoneInfo("Asia/Shanghai"), SENT) is differs

"""The controller's date: the list, the case header and the dashboard count from it."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from app.clock import company_today


def test_evening_in_utc_is_already_tomorrow_in_beijing() -> None:
    # 17:30 UTC on 30 November is 01:30 on 1 December in Beijing (UTC+8, no summer time).
    assert company_today(datetime(2026, 11, 30, 17, 30, tzinfo=UTC)) == date(2026, 12, 1)


def test_morning_in_new_york_is_the_same_day_in_beijing() -> None:
    # 09:00 in New York (EST, UTC-5) on 30 November is 22:00 the same day in Beijing.
    new_york = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    assert company_today(new_york) == date(2026, 11, 30)


def test_late_evening_in_new_york_is_tomorrow_in_beijing() -> None:
    # 20:00 in New York is 09:00 the next morning in Beijing: staff there see that day's list.
    new_york = datetime(2026, 11, 30, 20, 0, tzinfo=ZoneInfo("America/New_York"))
    assert company_today(new_york) == date(2026, 12, 1)

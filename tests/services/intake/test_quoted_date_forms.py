"""Quoted date lines the stdlib reads only in part (QA17 F1, F11): a 12-hour time's AM/PM and
a zone written after it are honoured, a line no reader is sure of is ``unreadable``, and a
dashed day and month that could swap is ``ambiguous`` as a slashed one is."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.services.intake.quoted_dates import read_written_date

SHANGHAI = timezone(timedelta(hours=8))  # the forward's "Date: … +0800"
NEW_YORK = timezone(timedelta(hours=-5))  # the forward's "Date: … -0500"
# 10:15 PM on Wed 25 Nov 2026 in +0800 = 22:15 - 8 h = 14:15 UTC.
TEN_FIFTEEN_PM_IN_SHANGHAI = datetime(2026, 11, 25, 14, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "instant"),
    [
        # Outlook, English, on every inline forward (QA's exact strings).
        ("Wednesday, November 25, 2026 10:15 PM", TEN_FIFTEEN_PM_IN_SHANGHAI),
        ("Wed, 25 Nov 2026 10:15 PM", TEN_FIFTEEN_PM_IN_SHANGHAI),
        ("25 Nov 2026 10:15 pm", TEN_FIFTEEN_PM_IN_SHANGHAI),
        ("25 Nov 2026 10:15 p.m.", TEN_FIFTEEN_PM_IN_SHANGHAI),
        # 12:30 AM is half past midnight: 25 Nov 00:30 +0800 = 24 Nov 16:30 UTC.
        ("Wed, 25 Nov 2026 12:30 AM", datetime(2026, 11, 24, 16, 30, tzinfo=UTC)),
        # 12:30 PM is half past noon: 12:30 +0800 = 04:30 UTC.
        ("Wed, 25 Nov 2026 12:30 PM", datetime(2026, 11, 25, 4, 30, tzinfo=UTC)),
        # 10:15 a.m. +0800 = 02:15 UTC.
        ("Wed, 25 Nov 2026 10:15 a.m.", datetime(2026, 11, 25, 2, 15, tzinfo=UTC)),
    ],
)
def test_a_12_hour_time_is_read_with_its_am_or_pm_in_the_forward_s_zone(
    written: str, instant: datetime
) -> None:
    read = read_written_date(written, SHANGHAI)
    assert (read.instant, read.problem, read.zone_stated) == (instant, None, False)


@pytest.mark.parametrize(
    ("written", "zone", "instant"),
    [
        # 22:15 +0800 = 14:15 UTC.
        ("Wed, 25 Nov 2026 10:15 PM +0800", NEW_YORK, TEN_FIFTEEN_PM_IN_SHANGHAI),
        # CET is +0100 in November: 22:15 - 1 h = 21:15 UTC.
        (
            "Wednesday, November 25, 2026 10:15 PM CET",
            SHANGHAI,
            datetime(2026, 11, 25, 21, 15, tzinfo=UTC),
        ),
        # Outlook's zone-annotated form, in a forward from -0500: the stated +08:00 wins.
        (
            "Wednesday, November 25, 2026 10:15:00 PM (UTC+08:00) Beijing",
            NEW_YORK,
            TEN_FIFTEEN_PM_IN_SHANGHAI,
        ),
        # GMT is UTC: 22:15 UTC, not 22:15 in the forward's -0500.
        (
            "Wednesday, November 25, 2026 10:15 PM GMT",
            NEW_YORK,
            datetime(2026, 11, 25, 22, 15, tzinfo=UTC),
        ),
        # "UTC+8": 22:15 - 8 h = 14:15 UTC (not 22:15 -0500 = 26 Nov 03:15 UTC).
        ("25 Nov 2026 22:15 UTC+8", NEW_YORK, TEN_FIFTEEN_PM_IN_SHANGHAI),
    ],
)
def test_a_zone_written_after_a_12_hour_time_is_honoured(
    written: str, zone: timezone, instant: datetime
) -> None:
    read = read_written_date(written, zone)
    assert (read.instant, read.problem, read.zone_stated) == (instant, None, True)


def test_a_line_the_stdlib_reads_only_in_part_and_dateparser_not_at_all_is_unreadable() -> None:
    # The stdlib takes "XYZ" for an unknown zone and would give 22:15 in some zone; dateparser
    # reads no date in it: neither reading is certain.
    read = read_written_date("Wed, 25 Nov 2026 22:15 XYZ", SHANGHAI)
    assert (read.instant, read.problem) == (None, "unreadable")


@pytest.mark.parametrize(
    "written",
    [
        "10-11-2026 10:00",  # 10 November (day first) or 11 October (US)
        "3-4-26 8:00 AM",
        "Sent 04-05-2026",
    ],
)
def test_a_dashed_day_and_month_that_could_swap_is_ambiguous(written: str) -> None:
    read = read_written_date(written, NEW_YORK)
    assert (read.instant, read.problem) == (None, "ambiguous")
    # The forms that can be only one day are still read: 10:00 -0500 = 15:00 UTC.
    ten_november = datetime(2026, 11, 10, 15, 0, tzinfo=UTC)
    assert read_written_date("2026-11-10 10:00", NEW_YORK).instant == ten_november  # ISO
    assert read_written_date("10.11.2026 10:00", NEW_YORK).instant == ten_november  # dots
    thirteenth = datetime(2026, 11, 13, 15, 0, tzinfo=UTC)  # 13 is no month
    assert read_written_date("13-11-2026 10:00", NEW_YORK).instant == thirteenth
    assert read_written_date("11-13-2026 10:00", NEW_YORK).instant == thirteenth

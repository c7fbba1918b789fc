"""A forwarded message's date as the forward writes it (``quoted_dates``): the clients' date
lines in their languages, read in the forward's zone when they state none; RFC 5322 dates with
their own zone; and what is not a date, or could be two, left unread."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.services.intake.quoted_dates import read_written_date, stated_zone

BERLIN_WINTER = timezone(timedelta(hours=1))  # the forward's "Date: … +0100"
# Wed 11 Nov 2026 08:00 in +0100 = 07:00 UTC.
EIGHT_IN_BERLIN = datetime(2026, 11, 11, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "written",
    [
        "Mittwoch, 11. November 2026 08:00",  # Outlook, German
        "mer. 11 nov. 2026 à 08:00",  # Gmail, French
        "2026年11月11日(星期三) 上午8:00",  # QQ Mail / Foxmail
        "2026年11月11日 8:00",  # Outlook, Chinese; Japanese (送信日時)
        "2026년 11월 11일 수요일 오전 8:00",  # Outlook, Korean
        "Wednesday, November 11, 2026 8:00 AM",  # Outlook, English
        "Wed, Nov 11, 2026 at 8:00 AM",  # Gmail, English
        "miércoles, 11 de noviembre de 2026 8:00",  # Outlook, Spanish
        "среда, 11 ноября 2026 г. 8:00",  # Outlook, Russian
        "11.11.2026 08:00",  # day first wherever dots are written
        "Wed, 11 Nov 2026 08:00:00",  # RFC 5322 without a zone
        "Wed, 11 Nov 2026 08:00:00 -0000",  # RFC 5322 §3.3: the zone is unknown
        "\u200b2026年11月11日\u00a08:00",  # a zero-width space and a no-break space
    ],
)
def test_a_date_line_without_a_zone_is_read_in_the_forward_s_zone(written: str) -> None:
    read = read_written_date(written, BERLIN_WINTER)
    assert (read.instant, read.problem, read.zone_stated) == (EIGHT_IN_BERLIN, None, False)


@pytest.mark.parametrize(
    ("written", "instant"),
    [
        ("Wed, 11 Nov 2026 08:00:00 +0800", datetime(2026, 11, 11, 0, 0, tzinfo=UTC)),
        ("11 November 2026 at 08:00:00 GMT+8", datetime(2026, 11, 11, 0, 0, tzinfo=UTC)),
        ("11 Nov 2026 08:00 CET", datetime(2026, 11, 11, 7, 0, tzinfo=UTC)),
        ("Wed, 11 Nov 2026 08:00 GMT", datetime(2026, 11, 11, 8, 0, tzinfo=UTC)),
    ],
)
def test_a_date_stating_its_zone_is_read_in_it(written: str, instant: datetime) -> None:
    read = read_written_date(written, BERLIN_WINTER)
    assert (read.instant, read.problem, read.zone_stated) == (instant, None, True)


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        (None, "missing"),
        ("   ", "missing"),
        ("sometime last week", "unreadable"),  # no year: not handed to dateparser
        ("yesterday 2026", "unreadable"),  # relative dates are never read
        ("31 Feb 2026 08:00", "unreadable"),
        ("2026 " + "x" * 200, "unreadable"),  # longer than a date line
        ("11/10/2026 08:00", "ambiguous"),  # 11 October (Europe) or 10 November (US)
        ("3/4/26 8:00 AM", "ambiguous"),
        ("13/4/26 8:00 AM", "unreadable"),  # one day, but a two-digit year is not read
    ],
)
def test_what_is_no_single_date_is_not_guessed(written: str | None, problem: str) -> None:
    read = read_written_date(written, BERLIN_WINTER)
    assert (read.instant, read.problem) == (None, problem)


def test_a_slashed_date_that_can_only_be_one_day_is_read() -> None:
    # 13 is no month: 13 November; 11/11 reads the same either way.
    for written in ("13/11/2026 08:00", "11/13/2026 08:00"):
        read = read_written_date(written, BERLIN_WINTER)
        assert read.instant == datetime(2026, 11, 13, 7, 0, tzinfo=UTC), written
    read = read_written_date("11/11/2026 08:00", BERLIN_WINTER)
    assert read.instant == EIGHT_IN_BERLIN


def test_the_forward_s_zone_is_the_offset_its_date_states() -> None:
    assert stated_zone("Thu, 12 Nov 2026 09:00:00 +0100") == BERLIN_WINTER
    assert stated_zone("Thu, 12 Nov 2026 09:00:00 -0000") is None
    assert stated_zone("Thu, 12 Nov 2026 09:00:00") is None
    assert stated_zone("not a date") is None
    assert stated_zone(None) is None

"""Zone names with several meanings, in a Date: header and in a forward's quoted date line
(QA18 F14): each is read by the meaning giving the earliest instant, and said to be ambiguous;
a numeric offset wins over a comment naming a zone."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from app.services.intake.mail_dates import MailDate, read_mail_date_zone
from app.services.intake.quoted_dates import WrittenDate, read_written_date, stated_zone

SHANGHAI = timezone(timedelta(hours=8))


def _read(utc: tuple[int, ...], hours: float | None, ambiguous: bool = False) -> MailDate:
    """What a date reads as: instant (``utc``: year, month, day, hour[, minute] in UTC), zone
    known, ambiguous, offset (``hours``; ``None``: unknown)."""
    offset = None if hours is None else timedelta(hours=hours)
    return MailDate(datetime(*utc, tzinfo=UTC), hours is not None, ambiguous, offset)


@pytest.mark.parametrize(
    ("value", "read"),
    [
        # China +0800, US Central -0600, Cuba -0500: 10:00 - 8 h.
        ("Mon, 30 Nov 2026 10:00:00 CST", _read((2026, 11, 30, 2), 8, True)),
        # Java's Date.toString(): the zone before the year.
        ("Mon Nov 30 10:00:00 CST 2026", _read((2026, 11, 30, 2), 8, True)),
        ("Mon, 30 Nov 2026 10:00:00 +0800 (CST)", _read((2026, 11, 30, 2), 8)),
        ("Mon, 30 Nov 2026 10:00:00 -0600 (CST)", _read((2026, 11, 30, 16), -6)),
        # India +0530, Ireland +0100, Israel +0200: 10:00 - 5:30.
        ("Mon, 30 Nov 2026 10:00:00 IST", _read((2026, 11, 30, 4, 30), 5.5, True)),
        # British Summer +0100 or Bangladesh +0600: 00:30 - 6 h = 18:30 the day before.
        ("Mon, 30 Mar 2026 00:30:00 BST", _read((2026, 3, 29, 18, 30), 6, True)),
        # Atlantic -0400 or Arabia +0300.
        ("Mon, 30 Nov 2026 10:00:00 AST", _read((2026, 11, 30, 7), 3, True)),
        # "PST" in July, when Los Angeles keeps -0700: a mislabel; the earlier -0700 is taken.
        ("Mon, 6 Jul 2026 10:00:00 PST", _read((2026, 7, 6, 17), -7, True)),
        # "EST" in November is what it says (RFC 5322 §4.3): unambiguous.
        ("Mon, 23 Nov 2026 10:30:00 EST", _read((2026, 11, 23, 15, 30), -5)),
        # A name with one meaning is read at it: Japan +0900, 10:30 - 9 h (was read as UTC,
        # RFC 5322 §4.3: the receipt 9 hours late).
        ("Mon, 23 Nov 2026 10:30:00 JST", _read((2026, 11, 23, 1, 30), 9)),
        ("Mon, 23 Nov 2026 10:30:00 HKT", _read((2026, 11, 23, 2, 30), 8)),
        ("Mon, 23 Nov 2026 00:30:00 KST", _read((2026, 11, 22, 15, 30), 9)),
        # Central European Summer Time +0200, and the German name of winter time +0100.
        ("Fri, 23 Oct 2026 10:30:00 CEST", _read((2026, 10, 23, 8, 30), 2)),
        ("Mon, 23 Nov 2026 10:30:00 MEZ", _read((2026, 11, 23, 9, 30), 1)),
        ("Mon, 23 Nov 2026 10:30:00 AEDT", _read((2026, 11, 22, 23, 30), 11)),
        # Gulf +0400 or South Georgia -0200: the earlier.
        ("Mon, 23 Nov 2026 10:30:00 GST", _read((2026, 11, 23, 6, 30), 4, True)),
        # A name zone_names does not know stays unknown: read as UTC (RFC 5322 §4.3).
        ("Mon, 23 Nov 2026 10:30:00 XYZ", _read((2026, 11, 23, 10, 30), None)),
    ],
)
def test_a_zone_name_is_read_by_its_earliest_meaning(value: str, read: MailDate) -> None:
    assert read_mail_date_zone(value) == read


@pytest.mark.parametrize(
    ("line", "instant"),
    [
        ("Monday, November 30, 2026 10:00 AM CST", datetime(2026, 11, 30, 2, tzinfo=UTC)),
        # dateparser alone reads "IST" as Israel's +0200 (08:00 UTC).
        ("Monday, November 30, 2026 10:00 AM IST", datetime(2026, 11, 30, 4, 30, tzinfo=UTC)),
        ("Mon Nov 30 10:00:00 CST 2026", datetime(2026, 11, 30, 2, tzinfo=UTC)),
    ],
)
def test_a_quoted_date_line_s_zone_name_is_read_by_its_earliest_meaning(
    line: str, instant: datetime
) -> None:
    # The forward's own zone (here -0500) does not apply: the line names its zone.
    assert read_written_date(line, timezone(timedelta(hours=-5))) == WrittenDate(
        instant, None, zone_stated=True, zone_ambiguous=True
    )


def test_an_offset_in_a_quoted_line_wins_over_a_zone_name() -> None:
    written = read_written_date("Monday, November 30, 2026 10:00 AM GMT-6 CST", SHANGHAI)
    assert written == WrittenDate(datetime(2026, 11, 30, 16, tzinfo=UTC), None, zone_stated=True)


def test_a_forward_dated_in_cst_has_its_quoted_lines_read_at_the_earliest_offset() -> None:
    assert stated_zone("Mon, 30 Nov 2026 10:00:00 CST") == SHANGHAI
    assert stated_zone("Mon, 30 Nov 2026 10:00:00 -0600 (CST)") == timezone(timedelta(hours=-6))


@pytest.mark.parametrize(
    ("value", "instant"),
    [
        # QA20 N11: 23:00 at +0800 = 15:00 UTC; 23:00 at -0530 = 04:30 UTC the next day.
        ("Sun, 29 Nov 2026 23:00:00 GMT+0800", datetime(2026, 11, 29, 15, 0, tzinfo=UTC)),
        ("Sun, 29 Nov 2026 23:00:00 +08:00", datetime(2026, 11, 29, 15, 0, tzinfo=UTC)),
        ("Sun, 29 Nov 2026 23:00:00 UTC+8", datetime(2026, 11, 29, 15, 0, tzinfo=UTC)),
        ("Sun, 29 Nov 2026 23:00:00 UTC-05:30", datetime(2026, 11, 30, 4, 30, tzinfo=UTC)),
    ],
)
def test_a_loosely_written_offset_states_the_zone(value: str, instant: datetime) -> None:
    read = read_mail_date_zone(value)
    assert read.instant == instant
    assert read.zone_known
    assert not read.zone_ambiguous


def test_an_offset_no_zone_has_is_not_taken() -> None:
    # "+99:00" cannot be an offset (at most 14 hours): no zone, the time read as UTC.
    read = read_mail_date_zone("Sun, 29 Nov 2026 23:00:00 +99:00")
    assert read.instant == datetime(2026, 11, 29, 23, 0, tzinfo=UTC)
    assert not read.zone_known

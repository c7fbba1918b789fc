"""The From: display name as RFC 5322 quotes it, and whether a Date: states its zone."""

from datetime import UTC, datetime

import pytest

from app.models.enums import ReviewFlag
from app.services.intake import parse_message
from app.services.intake.headers import parse_sender
from app.services.intake.mail_dates import read_mail_date


@pytest.mark.parametrize(
    ("header", "name", "address"),
    [
        # quoted-pairs (RFC 5322 §3.2.4) are part of the name, the closing one too
        (
            r'"Smith, John \"JJ\"" <john@xn--fsq.example>',
            'Smith, John "JJ"',
            "john@xn--fsq.example",
        ),
        (r'"\"JJ\" Smith" <jj@example.com>', '"JJ" Smith', "jj@example.com"),
        (r'"O\'Brien, Max" <max@example.com>', "O'Brien, Max", "max@example.com"),
        # quotes around the whole name inside an encoded word are not part of it
        ("=?utf-8?b?IuadjuWonCI=?= <li.na@example.cn>", "李娜", "li.na@example.cn"),
        ('"Zhang San" <zs@Example.CN>', "Zhang San", "zs@example.cn"),
    ],
)
def test_the_display_name_keeps_its_escaped_quotes(header: str, name: str, address: str) -> None:
    assert parse_sender(header) == (name, address)


def test_a_whole_message_keeps_the_escaped_quotes_in_the_name() -> None:
    raw = (
        b'From: "Smith, John \\"JJ\\"" <john@xn--fsq.example>\r\n'
        b"Date: Mon, 23 Nov 2026 10:00:00 +0800\r\n\r\nAccess request\r\n"
    )
    message = parse_message(raw)
    assert (message.from_name, message.from_address) == ('Smith, John "JJ"', "john@xn--fsq.example")


@pytest.mark.parametrize(
    ("value", "instant", "zone_known"),
    [
        ("Mon, 23 Nov 2026 23:30:00 +0800", datetime(2026, 11, 23, 15, 30, tzinfo=UTC), True),
        ("Mon, 23 Nov 2026 23:30:00 +0000", datetime(2026, 11, 23, 23, 30, tzinfo=UTC), True),
        ("Mon, 23 Nov 2026 23:30:00 UT", datetime(2026, 11, 23, 23, 30, tzinfo=UTC), True),
        ("Mon, 23 Nov 2026 23:30:00", datetime(2026, 11, 23, 23, 30, tzinfo=UTC), False),
        ("Mon, 23 Nov 2026 23:30:00 -0000", datetime(2026, 11, 23, 23, 30, tzinfo=UTC), False),
        ("23 Nov 2026 23:30 XYZ", datetime(2026, 11, 23, 23, 30, tzinfo=UTC), False),
        ("not a date", None, False),
        (None, None, False),
    ],
)
def test_a_date_says_whether_its_zone_is_known(
    value: str | None, instant: datetime | None, zone_known: bool
) -> None:
    assert read_mail_date(value) == (instant, zone_known)


@pytest.mark.parametrize(
    ("date_header", "problem"),
    [
        (b"Mon, 23 Nov 2026 23:30:00", ReviewFlag.DATE_WITHOUT_ZONE),
        (b"Mon, 23 Nov 2026 23:30:00 -0000", ReviewFlag.DATE_WITHOUT_ZONE),
        (b"Mon, 23 Nov 2026 23:30:00 XYZ", ReviewFlag.DATE_WITHOUT_ZONE),
        (b"Mon, 23 Nov 2026 23:30:00 +0800", None),
    ],
)
def test_a_date_without_a_zone_is_a_date_problem(
    date_header: bytes, problem: ReviewFlag | None
) -> None:
    message = parse_message(b"From: a@example.com\r\nDate: " + date_header + b"\r\n\r\nHi\r\n")
    assert message.date_problem is problem
    assert message.sent_at is not None

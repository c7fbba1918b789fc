"""An Outlook .msg gets the .eml rule for its Date: (RFC 5322 §3.3 requires a zone): a Date:
without a known zone is flagged DATE_WITHOUT_ZONE, an unreadable one UNPARSABLE_DATE, for a
person to confirm, a missing one MISSING_DATE; Outlook's submit time (UTC by definition,
MS-OXCDATA §2.11.1) stands in for the instant where the headers give none."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import ReceivedAtSource, ReviewFlag
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.services.intake import parse_message, parse_outlook_message
from app.store import Database
from tests.services.intake.msg_builder import build_msg

SUBMITTED = datetime(2026, 11, 23, 15, 29, 58, tzinfo=UTC)
DELIVERED = datetime(2026, 11, 23, 15, 31, tzinfo=UTC)
BODY = "我申请查阅我的个人信息。"
NAIVE_2330 = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)  # a zone-less 23:30 read as UTC
UNPARSABLE, MISSING = ReviewFlag.UNPARSABLE_DATE, ReviewFlag.MISSING_DATE
NO_ZONE = ReviewFlag.DATE_WITHOUT_ZONE

DATES = [
    # (Date: header, sent_at by the .eml rule, date problem)
    ("Mon, 23 Nov 2026 23:30:00 +0800", datetime(2026, 11, 23, 15, 30, tzinfo=UTC), None),
    ("Mon, 23 Nov 2026 10:30:00 EST", datetime(2026, 11, 23, 15, 30, tzinfo=UTC), None),
    ("Mon, 23 Nov 2026 23:30:00", NAIVE_2330, NO_ZONE),
    ("Mon, 23 Nov 2026 23:30:00 -0000", NAIVE_2330, NO_ZONE),
    ("Mon, 23 Nov 2026 23:30:00 XYZ", NAIVE_2330, NO_ZONE),
    ("23 Nov 2026 23:30", NAIVE_2330, NO_ZONE),
    ("星期一, 23 十一月 2026", None, UNPARSABLE),
    ("Mon, 23 Nov 0001 23:30:00 +0000", None, UNPARSABLE),
    ("   ", None, MISSING),
    (None, None, MISSING),
]


def _headers(date_header: str | None) -> str:
    date_line = "" if date_header is None else f"Date: {date_header}\r\n"
    return (
        "Microsoft Mail Internet Headers Version 2.0\r\n"
        "From: =?utf-8?b?546L5LqU?= <wangwu@example.cn>\r\n"
        f"{date_line}Message-ID: <nozone@example.cn>\r\n\r\n"
    )


def _msg(date_header: str | None, *, submitted: bool = False) -> bytes:
    times = {0x0E06: DELIVERED} | ({0x0039: SUBMITTED} if submitted else {})
    strings = {"0037": "查阅个人信息", "007D": _headers(date_header), "1000": BODY}
    return build_msg(strings, times=times)


def _eml(date_header: str | None) -> bytes:
    # Written out, not with EmailMessage, which drops a Date: it cannot parse.
    date_line = "" if date_header is None else f"Date: {date_header}\r\n"
    return (
        "From: =?utf-8?b?546L5LqU?= <wangwu@example.cn>\r\nSubject: x\r\n"
        f"{date_line}Content-Type: text/plain; charset=utf-8\r\n\r\n{BODY}\r\n"
    ).encode()


@pytest.mark.parametrize(("date_header", "sent_at", "problem"), DATES)
def test_a_msg_reads_its_date_header_as_an_eml_does(
    date_header: str | None, sent_at: datetime | None, problem: ReviewFlag | None
) -> None:
    from_msg = parse_outlook_message(_msg(date_header))
    from_eml = parse_message(_eml(date_header))
    assert (from_msg.sent_at, from_msg.date_problem) == (sent_at, problem)
    assert (from_eml.sent_at, from_eml.date_problem) == (sent_at, problem)


@pytest.mark.parametrize(("date_header", "sent_at", "problem"), DATES)
def test_the_submit_time_gives_the_instant_but_never_clears_a_doubtful_date(
    date_header: str | None, sent_at: datetime | None, problem: ReviewFlag | None
) -> None:
    message = parse_outlook_message(_msg(date_header, submitted=True))
    if problem is None:
        # A Date: with its zone is the sent date, as in an .eml.
        assert (message.sent_at, message.date_problem) == (sent_at, None)
    elif problem is MISSING:
        # No Date: at all: the submit time is a sent date in UTC of its own.
        assert (message.sent_at, message.date_problem) == (SUBMITTED, None)
    else:
        # Unreadable or zone-less: the exact instant, still for a person to confirm.
        assert (message.sent_at, message.date_problem) == (SUBMITTED, problem)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.mark.parametrize(
    ("date_header", "received_at", "source", "flag"),
    [
        ("Mon, 23 Nov 2026 23:30:00", NAIVE_2330, ReceivedAtSource.DATE_HEADER, NO_ZONE),
        (None, DELIVERED, ReceivedAtSource.RECEIVED_HEADER, MISSING),
    ],
)
def test_an_imported_msg_is_flagged_as_the_same_eml_would_be(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    date_header: str | None,
    received_at: datetime,
    source: ReceivedAtSource,
    flag: ReviewFlag,
) -> None:
    (tmp_path / "request.msg").write_bytes(_msg(date_header))
    report = import_paths(database.session, [tmp_path / "request.msg"], rule_book)
    (result,) = report.results
    assert (result.outcome, result.flags) == (ImportOutcome.IMPORTED, (flag,))
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        # Without a Date:, Outlook's delivery time is the newest Received: stamp.
        assert (case.received_at, case.received_at_source) == (received_at, source)
        assert case.review_flags == [flag.value]

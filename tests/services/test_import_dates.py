"""A Date: without a time zone gives no receipt instant (RFC 5322 §3.3 requires the zone): the
case is flagged for a person to confirm the receipt date, as an unreadable Date: is, and its
deadline then runs from the date confirmed."""

from datetime import UTC, date, datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import ReceivedAtSource, ReviewFlag
from app.services.clock_adjustments import confirm_receipt
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_paths
from app.store import Database

TODAY = date(2026, 11, 30)
BEIJING = timezone(timedelta(hours=8))


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _eml(folder: Path, date_header: str) -> Path:
    message = EmailMessage()
    message["From"] = "王五 <nozone@example.cn>"
    message["Subject"] = "查阅个人信息"
    message["Date"] = date_header
    message["Message-ID"] = "<nozone@example.cn>"
    message.set_content("我申请查阅我的个人信息。")
    path = folder / "nozone.eml"
    path.write_bytes(bytes(message))
    return path


@pytest.mark.parametrize(
    "date_header",
    [
        "Mon, 23 Nov 2026 23:30:00",
        "Mon, 23 Nov 2026 23:30:00 -0000",
        "Mon, 23 Nov 2026 23:30:00 XYZ",  # an unknown zone name counts as -0000 (RFC 5322 §4.3)
    ],
)
def test_a_date_without_a_zone_is_flagged_until_the_receipt_is_confirmed(
    database: Database, rule_book: RuleBook, tmp_path: Path, date_header: str
) -> None:
    import_paths(database.session, [_eml(tmp_path, date_header)], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        # Meanwhile the time is read as UTC, as before; only a person can say which zone.
        assert case.received_at == datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
        assert case.received_at_source == ReceivedAtSource.DATE_HEADER
        # The flag names the problem (no zone), not an unreadable Date: (QA9 L6).
        assert ReviewFlag.DATE_WITHOUT_ZONE.value in case.review_flags
        assert ReviewFlag.UNPARSABLE_DATE.value not in case.review_flags
        # Confirmed as 23:30 Beijing on Mon 23 Nov 2026: PIPL's 15 working days from the
        # next day (24 Nov) end on Mon 14 Dec 2026; read as UTC it would be Tue 15 Dec.
        confirm_receipt(
            session,
            case,
            rule_book,
            received_at=datetime(2026, 11, 23, 23, 30, tzinfo=BEIJING),
            today=TODAY,
        )
        assert (case.received_at_source, case.due_date) == (
            ReceivedAtSource.ENTERED,
            date(2026, 12, 14),
        )


def test_confirming_the_receipt_clears_the_missing_zone_flag(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    import_paths(database.session, [_eml(tmp_path, "Mon, 23 Nov 2026 23:30:00")], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        confirm_receipt(
            session,
            case,
            rule_book,
            received_at=datetime(2026, 11, 23, 23, 30, tzinfo=BEIJING),
            today=TODAY,
        )
        assert ReviewFlag.DATE_WITHOUT_ZONE.value not in case.review_flags


@pytest.mark.parametrize(
    ("date_header", "instant", "due"),
    [
        # 23:30 Beijing on Mon 23 Nov 2026: 15 working days from 24 Nov -> Mon 14 Dec.
        ("Mon, 23 Nov 2026 23:30:00 +0800", datetime(2026, 11, 23, 15, 30, tzinfo=UTC), 14),
        ("Mon, 23 Nov 2026 10:30:00 EST", datetime(2026, 11, 23, 15, 30, tzinfo=UTC), 14),
        # 23:30 UTC is 07:30 on Tue 24 Nov in Beijing: from 25 Nov -> Tue 15 Dec.
        ("Mon, 23 Nov 2026 23:30:00 +0000", datetime(2026, 11, 23, 23, 30, tzinfo=UTC), 15),
        ("Mon, 23 Nov 2026 23:30:00 GMT", datetime(2026, 11, 23, 23, 30, tzinfo=UTC), 15),
    ],
)
def test_a_date_with_its_zone_is_the_receipt_unflagged(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    date_header: str,
    instant: datetime,
    due: int,
) -> None:
    import_paths(database.session, [_eml(tmp_path, date_header)], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert case.received_at == instant
        assert ReviewFlag.UNPARSABLE_DATE.value not in case.review_flags
        assert case.due_date == date(2026, 12, due)

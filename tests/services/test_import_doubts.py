"""What a person must check is flagged, never dropped: a reused Message-ID, impossible dates,
a sender known only by name; and no letter states an unconfirmed receipt date."""

from datetime import UTC, date, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import LetterError
from app.models import Case
from app.models.enums import ReceivedAtSource, ReviewFlag
from app.reports.case_letters import render_case_letter
from app.services.clock_adjustments import confirm_receipt
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.services.letters import generate_letter
from app.store import Database

TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _eml(
    folder: Path,
    name: str,
    sender: str,
    body: str,
    *,
    date_header: str | None,
    message_id: str | None,
) -> Path:
    message = EmailMessage()
    message["From"] = sender
    message["Subject"] = "Data request"
    if date_header is not None:
        message["Date"] = date_header
    if message_id is not None:
        message["Message-ID"] = message_id
    message.set_content(body)
    path = folder / name
    path.write_bytes(bytes(message))
    return path


def test_a_reused_message_id_from_another_sender_is_a_new_flagged_case(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    date_header = "Mon, 02 Nov 2026 09:30:00 +0000"
    one = _eml(
        tmp_path,
        "1.eml",
        "Dup One <one@example.com>",
        "Under Article 15 GDPR I request access to my personal data.",
        date_header=date_header,
        message_id="<same@example.com>",
    )
    two = _eml(
        tmp_path,
        "2.eml",
        "Dup Two <two@example.com>",
        "Under Article 17 GDPR please erase all my personal data.",
        date_header=date_header,
        message_id="<same@example.com>",
    )
    report = import_paths(database.session, [one, two, two], rule_book)
    assert [r.outcome for r in report.results] == [
        ImportOutcome.IMPORTED,
        ImportOutcome.IMPORTED,
        ImportOutcome.DUPLICATE,
    ]
    with database.session() as session:
        first, second = session.scalars(select(Case).order_by(Case.id)).all()
        assert second.kind.value == "deletion" and second.duplicate_of_id == first.id
        assert ReviewFlag.POSSIBLE_DUPLICATE.value in second.review_flags


@pytest.mark.parametrize(
    "date_header", ["Thu, 01 Jan 2035 10:00:00 +0000", "Thu, 01 Jan 1970 00:00:00 +0000"]
)
def test_an_impossible_date_is_flagged_until_a_person_confirms_the_receipt(
    database: Database, rule_book: RuleBook, tmp_path: Path, date_header: str
) -> None:
    path = _eml(
        tmp_path,
        "d.eml",
        "Zhang San <zs@example.com>",
        "我申请查阅我的个人信息。",
        date_header=date_header,
        message_id="<d@example.com>",
    )
    import_paths(database.session, [path], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert ReviewFlag.IMPLAUSIBLE_DATE.value in case.review_flags
        # Confirmed as Mon 2 Nov 2026 09:30 Shanghai: 15 working days -> Mon 23 Nov 2026.
        confirm_receipt(
            session,
            case,
            rule_book,
            received_at=datetime(2026, 11, 2, 1, 30, tzinfo=UTC),
            today=TODAY,
        )
        assert (case.received_at_source, case.due_date) == (
            ReceivedAtSource.ENTERED,
            date(2026, 11, 23),
        )
        assert case.review_flags == []
        generate_letter(
            session,
            case.reference,
            "acknowledgement",
            "zh",
            renderer=render_case_letter,
            rule_book=rule_book,
            issued_date=TODAY,
        )


def test_a_sender_known_only_by_name_keeps_the_name(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    path = _eml(
        tmp_path,
        "n.eml",
        "Just A Name",
        "Under Article 15 GDPR I request access.",
        date_header="Mon, 02 Nov 2026 09:30:00 +0000",
        message_id=None,
    )
    import_paths(database.session, [path], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert case.subject is not None and case.subject.display_name == "Just A Name"


def test_no_letter_states_a_receipt_date_the_app_made_up(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    path = _eml(
        tmp_path,
        "x.eml",
        "Zhang San <zs@example.com>",
        "我申请查阅我的个人信息。",
        date_header=None,
        message_id="<x@example.com>",
    )
    import_paths(database.session, [path], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert ReviewFlag.MISSING_DATE.value in case.review_flags
        with pytest.raises(LetterError, match="Confirm the receipt date"):
            generate_letter(
                session,
                case.reference,
                "acknowledgement",
                "zh",
                renderer=render_case_letter,
                rule_book=rule_book,
                issued_date=TODAY,
            )


@pytest.mark.parametrize(
    "date_header", ["Fri, 31 Dec 9999 23:59:59 +0000", "Sat, 01 Jan 2201 00:00:00 +0000"]
)
def test_a_date_no_deadline_can_be_counted_from_is_imported_and_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path, date_header: str
) -> None:
    path = _eml(
        tmp_path,
        "far.eml",
        "Test Person <test.person@example.com>",
        "Please delete all my personal data under Article 17 GDPR.",
        date_header=date_header,
        message_id="<far@example.com>",
    )
    report = import_paths(database.session, [path], rule_book)
    assert report.count(ImportOutcome.IMPORTED) == 1
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert ReviewFlag.IMPLAUSIBLE_DATE.value in case.review_flags
        assert (case.due_date, case.rule_ref) == (None, None)


@pytest.mark.parametrize(
    "date_header",
    ["Thu, 24 Dec 2037 11:20:00 +0800", "Mon, 01 Jan 1900 00:00:00 +0000"],
)
def test_no_letter_states_an_impossible_receipt_date(
    database: Database, rule_book: RuleBook, tmp_path: Path, date_header: str
) -> None:
    path = _eml(
        tmp_path,
        "f.eml",
        "Sun Qi <sun.qi@example.cn>",
        "我申请查阅我的个人信息。",
        date_header=date_header,
        message_id="<f@example.com>",
    )
    import_paths(database.session, [path], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert ReviewFlag.IMPLAUSIBLE_DATE.value in case.review_flags
        with pytest.raises(LetterError, match="Confirm the receipt date") as blocked:
            generate_letter(
                session,
                case.reference,
                "acknowledgement",
                "zh",
                renderer=render_case_letter,
                rule_book=rule_book,
                issued_date=TODAY,
            )
        assert "dated in the future or long past" in str(blocked.value)
        assert case.letters == []


def test_stray_nul_bytes_are_removed_and_the_case_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    path = _eml(
        tmp_path,
        "nul.eml",
        "Zhang San <zs@example.com>",
        "我申请查阅我的个人信息。",
        date_header="Mon, 02 Nov 2026 09:30:00 +0800",
        message_id="<nul@example.com>",
    )
    path.write_bytes(path.read_bytes().replace("查阅".encode(), b"\x00" + "查阅".encode()))
    report = import_paths(database.session, [path, path], rule_book)
    assert [r.outcome for r in report.results] == [
        ImportOutcome.IMPORTED,
        ImportOutcome.DUPLICATE,  # recognised from the bytes, before parsing
    ]
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert case.kind.value == "access"
        assert ReviewFlag.STRAY_NUL_BYTES.value in case.review_flags
        # Received Mon 2 Nov 2026 09:30 Shanghai: 15 working days -> Mon 23 Nov 2026.
        assert case.due_date == date(2026, 11, 23)

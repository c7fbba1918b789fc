"""Requests taken by phone, letter or in person become cases the way imports do: reference,
deadline from the rule book, subject matching, audit events; bad input writes nothing."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.errors import ManualIntakeError
from app.models import Case, DataSubject, Event, IdentifierKind, Message
from app.models.enums import (
    CaseKind,
    CaseStatus,
    Channel,
    MessageDirection,
    ReceivedAtSource,
    ReviewFlag,
)
from app.services.audit import verify_chain
from app.services.case_queries import case_detail
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_message_file
from app.services.manual_intake import ManualRequest, record_manual_request
from app.services.manual_request import local_instant
from app.store import Database
from tests.conftest import CORPUS_INBOX

BEIJING = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)  # 11:00 in Beijing
TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _phone_request(**changes: object) -> ManualRequest:
    values: dict[str, object] = {
        "channel": Channel.PHONE,
        "received_at": datetime(2026, 9, 30, 10, 0, tzinfo=BEIJING),
        "kind": CaseKind.ACCESS,
        "jurisdiction": "CN",
        "language": "zh",
        "requester_name": "王小明",
        "phone": "+86 138-0013-8000",
        "summary": "来电要求查阅其账户中保存的个人信息。\n第二行",
    }
    values.update(changes)
    return ManualRequest(**values)  # type: ignore[arg-type]


def _record(database: Database, rule_book: RuleBook, request: ManualRequest) -> str:
    with database.session() as session:
        case = record_manual_request(
            session, request, rule_book, today=TODAY, actor="li.handler", now=NOW
        )
        return case.reference


def test_phone_access_request_over_national_day(database: Database, rule_book: RuleBook) -> None:
    # CN access: 15 working days (2019 认定方法), receipt day 30 Sep 2026 is day 0. 1-7 Oct are
    # the National Day holiday (State Council 2026 notice); 8 Oct = 1, 9 Oct = 2, Sat 10 Oct
    # (调休 make-up working day) = 3, 12-16 Oct = 4-8, 19-23 Oct = 9-13, 26 Oct = 14,
    # Tue 27 Oct = 15 (reference/deadlines.md E6). Unverified, it counts from receipt.
    reference = _record(database, rule_book, _phone_request())
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert case.due_date == date(2026, 10, 27)
        assert case.due_provisional is False
        assert case.rule_ref is not None and case.rule_ref.startswith("CN/access@")
        assert case.channel == Channel.PHONE
        assert case.status == CaseStatus.NEW
        assert case.received_at == datetime(2026, 9, 30, 2, 0, tzinfo=UTC)
        assert case.received_at_source == ReceivedAtSource.ENTERED
        assert case.subject_line == "来电要求查阅其账户中保存的个人信息。"
        assert reference.startswith("PD-2026-")


def test_receipt_just_after_midnight_in_beijing_counts_from_the_beijing_date(
    database: Database, rule_book: RuleBook
) -> None:
    # 00:30 on 30 Sep in Beijing is still 29 Sep in UTC; day 0 is the Beijing date, so the
    # due date stays 27 Oct (counting from 29 Sep would give 26 Oct).
    received = local_instant(date(2026, 9, 30), 0, 30)
    assert received.astimezone(UTC).date() == date(2026, 9, 29)
    reference = _record(database, rule_book, _phone_request(received_at=received))
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert case.due_date == date(2026, 10, 27)


def test_letter_deletion_request_has_its_clock_and_audit_trail(
    database: Database, rule_book: RuleBook
) -> None:
    # CN deletion, received by letter Thu 12 Feb 2026: 13 Feb, Sat 14 Feb (调休), Spring
    # Festival 15-23 Feb, 24-27 Feb, Sat 28 Feb (调休), 2-6 Mar, 9-11 Mar → Wed 11 Mar (E7).
    request = _phone_request(
        channel=Channel.LETTER,
        kind=CaseKind.DELETION,
        received_at=datetime(2026, 2, 12, 15, 0, tzinfo=BEIJING),
        phone="",
        email="Zhang.San@Example.COM",
    )
    reference = _record(database, rule_book, request)
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert case.due_date == date(2026, 3, 11)
        actions = [e.action for e in session.scalars(select(Event).where(Event.case_id == case.id))]
        assert actions[:3] == ["case.created", "message.recorded", "clock.recomputed"]
        created = session.scalars(select(Event).where(Event.action == "case.created")).one()
        assert created.payload["source"] == "manual"
        assert created.payload["channel"] == "letter"
        assert "王小明" not in str(created.payload)
        message = session.scalars(select(Message)).one()
        assert message.direction == MessageDirection.INCOMING
        assert message.channel == "letter"
        assert message.summary.startswith("来电要求查阅")
        assert case.subject is not None
        assert (
            case.subject.identifier(IdentifierKind.EMAIL) == "zhang.san@example.com"
        )  # SubjectIdentifier stores e-mail lower-cased
        assert verify_chain(session).ok


def test_subject_matched_to_an_imported_request_by_email(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        imported = import_message_file(
            session, CORPUS_INBOX / "001-en-access-default.eml", rule_book, import_time=NOW
        )
    with database.session() as session:
        first = session.scalars(select(Case).where(Case.reference == imported.reference)).one()
        assert first.subject is not None
        email = first.subject.identifier(IdentifierKind.EMAIL)
        assert email is not None
        subject_id = first.subject.id
    request = _phone_request(
        kind=CaseKind.DELETION, email=email.upper(), phone="", requester_name="Someone"
    )
    reference = _record(database, rule_book, request)
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert case.subject_id == subject_id
        assert session.scalar(select(func.count()).select_from(DataSubject)) == 1


def test_phone_number_matches_the_same_mobile_written_otherwise(
    database: Database, rule_book: RuleBook
) -> None:
    first = _record(database, rule_book, _phone_request(phone="13800138000"))
    second = _record(
        database, rule_book, _phone_request(phone="+86 138 0013 8000", kind=CaseKind.DELETION)
    )
    with database.session() as session:
        cases = {c.reference: c for c in session.scalars(select(Case))}
        assert cases[first].subject_id == cases[second].subject_id


def test_same_request_twice_is_flagged_as_possible_duplicate(
    database: Database, rule_book: RuleBook
) -> None:
    _record(database, rule_book, _phone_request())
    second = _record(database, rule_book, _phone_request())
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == second)).one()
        assert ReviewFlag.POSSIBLE_DUPLICATE.value in case.review_flags


def test_detail_shows_the_summary_as_the_original_text(
    database: Database, rule_book: RuleBook
) -> None:
    reference = _record(database, rule_book, _phone_request())
    with database.session() as session:
        detail = case_detail(session, reference, rule_book, today=TODAY, actor="li.handler")
    assert detail.message_text.startswith("来电要求查阅其账户中保存的个人信息。")
    assert detail.channel == Channel.PHONE
    assert detail.rule is not None and detail.rule.awaiting_verification


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"received_at": datetime(2026, 11, 29, 12, 0, tzinfo=BEIJING)}, "received_at"),
        ({"received_at": datetime(2026, 9, 30, 10, 0)}, "received_at"),  # noqa: DTZ001
        ({"received_at": datetime(1999, 12, 31, 10, 0, tzinfo=BEIJING)}, "received_at"),
        ({"email": "zhang.san@"}, "email"),
        ({"email": "张三 <zhang san@example.com>"}, "email"),
        ({"phone": "call me maybe"}, "phone"),
        ({"phone": "123"}, "phone"),
        ({"account_id": "acct 42"}, "account_id"),
        ({"account_id": "<script>"}, "account_id"),
        ({"requester_name": "  ", "phone": ""}, "requester"),
        ({"requester_name": "abc\u202eexe.live"}, "requester"),  # reads "abcevil.exe"
        ({"requester_name": "王\x00小\x07明"}, "requester"),
        ({"summary": "   "}, "summary"),
        ({"summary": "x" * 20_001}, "summary"),
        ({"channel": Channel.EMAIL}, "channel"),
        ({"jurisdiction": "XX"}, "jurisdiction"),
        ({"kind": CaseKind.REMINDER}, "kind"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    database: Database, rule_book: RuleBook, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ManualIntakeError) as raised:
        _record(database, rule_book, _phone_request(**changes))
    assert raised.value.field == field
    assert "王小明" not in str(raised.value) and "138" not in str(raised.value)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 0
        assert session.scalar(select(func.count()).select_from(Event)) == 0


def test_in_person_request_with_only_an_account_id_and_hostile_text(
    database: Database, rule_book: RuleBook
) -> None:
    summary = "请尽快处理 <b>紧急 & S&P 500 😀 𠀾"
    request = _phone_request(
        channel=Channel.IN_PERSON,
        kind=CaseKind.ACCOUNT_CANCELLATION,
        requester_name="",
        phone="",
        account_id="xuyun-1234567890",
        summary=summary,
        language="en",
    )
    reference = _record(database, rule_book, request)
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert case.subject is not None and case.subject.display_name is None
        assert case.subject_line == summary
        assert case.language == "en"
        assert ReviewFlag.UNKNOWN_REQUESTER.value not in case.review_flags
        # account cancellation: 15 working days from 30 Sep 2026 → 27 Oct 2026 (E6).
        assert case.due_date == date(2026, 10, 27)


def test_name_only_request_is_flagged_unknown_requester(
    database: Database, rule_book: RuleBook
) -> None:
    reference = _record(database, rule_book, _phone_request(phone=""))
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert ReviewFlag.UNKNOWN_REQUESTER.value in case.review_flags

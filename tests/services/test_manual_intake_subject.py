"""A request typed in whose e-mail (or phone) an existing data subject holds: the dialog learns
whose it is; linked, the stored name stays and the name typed is kept on the case as the name
given; kept apart, a new subject gets the name and the identifier stays with its holder."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Case, DataSubject, Event, IdentifierKind
from app.models.enums import CaseKind, Channel
from app.services.deadlines import RuleBook, load_rule_book
from app.services.manual_intake import ManualRequest, record_manual_request
from app.services.manual_intake_subject import SubjectMatch, matching_subject
from app.store import Database

NOW = datetime(2026, 11, 29, 3, 0, tzinfo=UTC)
TODAY = date(2026, 11, 29)
EMAIL = "wang.xiaoming@example.com"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _request(name: str, **changes: object) -> ManualRequest:
    values: dict[str, object] = {
        "channel": Channel.PHONE,
        "received_at": datetime(2026, 11, 20, 2, 0, tzinfo=UTC),
        "kind": CaseKind.ACCESS,
        "requester_name": name,
        "email": EMAIL,
        "summary": "来电要求查阅个人信息",
    }
    values.update(changes)
    return ManualRequest(**values)  # type: ignore[arg-type]


def _record(database: Database, rule_book: RuleBook, request: ManualRequest) -> str:
    with database.session() as session:
        case = record_manual_request(
            session, request, rule_book, today=TODAY, actor="li.handler", now=NOW
        )
        return case.reference


def _case(session: Session, reference: str) -> Case:
    return session.scalars(select(Case).where(Case.reference == reference)).one()


def _subjects(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(DataSubject)) or 0


def test_the_dialog_learns_whose_address_it_is(database: Database, rule_book: RuleBook) -> None:
    first = _record(database, rule_book, _request("王小明", phone="13800138000"))
    second = _record(database, rule_book, _request("王小明", kind=CaseKind.DELETION))
    with database.session() as session:
        subject_id = _case(session, first).subject_id
        match = matching_subject(session, email="Wang.Xiaoming@EXAMPLE.com")
        by_phone = matching_subject(session, phone="+86 138-0013-8000")
        assert match == SubjectMatch(subject_id or 0, "王小明", IdentifierKind.EMAIL,
                                     (second, first), 2)  # fmt: skip
        assert by_phone is not None and by_phone.matched_by == IdentifierKind.PHONE
        assert matching_subject(session, email="someone.else@example.com") is None
        assert matching_subject(session, email="not an address") is None
        assert matching_subject(session) is None


def test_linked_with_another_name_the_typed_name_is_kept_as_given(
    database: Database, rule_book: RuleBook
) -> None:
    first = _record(database, rule_book, _request("王小明"))
    second = _record(database, rule_book, _request("Xiaoming Wang", email=EMAIL.upper()))
    with database.session() as session:
        case = _case(session, second)
        assert case.subject_id == _case(session, first).subject_id and _subjects(session) == 1
        assert case.subject is not None and case.subject.display_name == "王小明"
        given = [r for r in case.triage_reasons if r["field"] == "requester"]
        assert given == [
            {"field": "requester", "signal": "entered", "evidence": "Xiaoming Wang (phone)"}
        ]
        created = session.scalars(
            select(Event).where(Event.case_id == case.id, Event.action == "case.created")
        ).one()
        assert "Xiaoming" not in str(created.payload) and created.payload["new_subject"] is False


def test_linked_with_the_same_name_nothing_is_added(
    database: Database, rule_book: RuleBook
) -> None:
    _record(database, rule_book, _request("王小明"))
    second = _record(database, rule_book, _request("王小明"))
    with database.session() as session:
        assert [r for r in _case(session, second).triage_reasons if r["field"] == "requester"] == []


def test_a_subject_stored_without_a_name_takes_the_name_typed(
    database: Database, rule_book: RuleBook
) -> None:
    first = _record(database, rule_book, _request(""))
    _record(database, rule_book, _request("王小明"))
    with database.session() as session:
        subject = _case(session, first).subject
        assert subject is not None and subject.display_name == "王小明"


def test_kept_apart_a_new_subject_gets_the_name_and_the_address_is_noted(
    database: Database, rule_book: RuleBook
) -> None:
    first = _record(database, rule_book, _request("王小明"))
    second = _record(database, rule_book, _request("王小红", new_subject=True))
    with database.session() as session:
        old, new = _case(session, first), _case(session, second)
        assert _subjects(session) == 2 and new.subject_id != old.subject_id
        assert new.subject is not None and new.subject.display_name == "王小红"
        # One address, one subject: it stays with its holder and is kept on the new case.
        assert new.subject.identifier(IdentifierKind.EMAIL) is None
        assert old.subject is not None and old.subject.identifier(IdentifierKind.EMAIL) == EMAIL
        given = [r["evidence"] for r in new.triage_reasons if r["field"] == "requester"]
        assert given == [f"{EMAIL} (phone)"]

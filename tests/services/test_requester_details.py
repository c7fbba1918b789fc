"""Correcting the requester's details (app/services/workflow/requester_details.py): a name
imported with a character no font has (CJK Extension B) is corrected and the letters then print
it; every case of the person shows
it; an identifier of another person is refused by field; the audit event names fields only."""

import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ManualIntakeError, MissingGlyphsError, WorkflowError
from app.models import Case, Event, IdentifierKind
from app.models.enums import CaseKind
from app.reports.case_letters import render_case_letter
from app.services.audit import verify_chain
from app.services.case_erasure import erase_case
from app.services.case_search import CaseQuery
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letters import generate_letter
from app.services.workflow import correct_requester, requester_details
from app.store import Database
from tests.services.letter_cases import TODAY, open_case, verify
from tests.services.retention_factory import HANDLER
from tests.services.test_case_search import found

UNPRINTABLE_NAME = "王𠀀芳"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _case(session: Session, rule_book: RuleBook, name: str = UNPRINTABLE_NAME) -> Case:
    case = open_case(session, rule_book, CaseKind.ACCESS)
    assert case.subject is not None
    case.subject.display_name = name
    verify(session, case, rule_book)
    return case


def _letter_text(session: Session, rule_book: RuleBook, case: Case) -> str:
    stored = generate_letter(
        session,
        case.reference,
        "acknowledgement",
        "zh",
        renderer=render_case_letter,
        rule_book=rule_book,
        issued_date=TODAY,
        actor=HANDLER,
    )
    pages = PdfReader(io.BytesIO(stored.pdf)).pages
    return "".join("".join(page.extract_text().split()) for page in pages)


def _correct(session: Session, case: Case, **fields: str) -> tuple[str, ...]:
    assert case.subject is not None
    current = requester_details(session, case)
    values = {"name": current.name, "email": current.email, "phone": current.phone} | fields
    return correct_requester(session, case, **values, actor=HANDLER).fields


def test_a_name_no_font_prints_is_corrected_and_the_letter_greets_the_person(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book)
        with pytest.raises(MissingGlyphsError, match="U\\+20000"):
            _letter_text(session, rule_book, case)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert _correct(session, case, name="  王芳 ") == ("name",)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert case.subject is not None and case.subject.display_name == "王芳"
        assert "尊敬的王芳" in _letter_text(session, rule_book, case)
        assert verify_chain(session).ok


def test_a_search_by_the_corrected_name_finds_the_case(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, "Li Wie")
        reference = case.reference
        _correct(session, case, name="Li Wei")
    assert found(database, CaseQuery(TODAY, text="Wei")) == {reference}
    assert found(database, CaseQuery(TODAY, text="Wie")) == set()


def test_the_correction_reaches_every_case_of_the_person(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        first = _case(session, rule_book)
        second = open_case(session, rule_book, CaseKind.DELETION)
        second.subject = first.subject
        session.flush()
        assert requester_details(session, first).other_cases == 1
        change = correct_requester(
            session, first, name="王芳", email="Wang.Fang@Example.COM", phone="", actor=HANDLER
        )
        assert (change.fields, change.other_cases) == (("name", "email"), 1)
        assert second.subject is not None
        assert second.subject.display_name == "王芳"
        assert second.subject.identifier(IdentifierKind.EMAIL) == "wang.fang@example.com"


def test_phone_is_added_replaced_and_removed(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        case = _case(session, rule_book, "王芳")
        subject = case.subject
        assert subject is not None
        assert _correct(session, case, phone="+86 138-0013-8000") == ("phone",)
        assert subject.identifier(IdentifierKind.PHONE) == "13800138000"
        with pytest.raises(WorkflowError, match="unchanged"):
            _correct(session, case, phone="13800138000")  # the same number, written otherwise
        assert _correct(session, case, phone="13900139000") == ("phone",)
        assert subject.identifier(IdentifierKind.PHONE) == "13900139000"
        assert _correct(session, case, phone="") == ("phone",)
        assert subject.identifier(IdentifierKind.PHONE) is None


def test_an_identifier_of_another_person_is_refused_naming_the_field(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book)
        other = open_case(session, rule_book, CaseKind.ACCESS)
        assert other.subject is not None
        taken = other.subject.identifier(IdentifierKind.EMAIL)
        assert taken is not None
        with pytest.raises(ManualIntakeError, match="e-mail address") as refused:
            _correct(session, case, name="王芳", email=taken.upper())
        assert refused.value.field == "email"
        assert case.subject is not None and case.subject.display_name == UNPRINTABLE_NAME


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": "   "}, "name", "Enter the requester's name."),
        ({"name": "王" * 201}, "name", "at most 200 characters"),
        ({"name": "王\u202e芳"}, "name", "direction-changing"),
        ({"name": "王\x00芳"}, "name", "invisible"),
        ({"email": "wang fang@example"}, "email", "valid e-mail"),
        ({"phone": "call me"}, "phone", "valid phone"),
    ],
)
def test_invalid_details_are_refused_by_field(
    database: Database, rule_book: RuleBook, fields: dict[str, str], field: str, message: str
) -> None:
    with database.session() as session:
        case = _case(session, rule_book)
        with pytest.raises(ManualIntakeError, match=message) as refused:
            _correct(session, case, **fields)
        assert refused.value.field == field


def test_a_name_of_200_characters_is_kept_whole(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        case = _case(session, rule_book)
        _correct(session, case, name="王" * 200)
        assert case.subject is not None and case.subject.display_name == "王" * 200


def test_nothing_changed_is_refused_and_records_nothing(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book)
        with pytest.raises(WorkflowError, match="unchanged"):
            _correct(session, case)
        assert not session.scalars(select(Event).where(Event.action == "subject.corrected")).all()


def test_the_audit_event_names_the_fields_never_the_values(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book)
        _correct(session, case, name="王芳", email="wang.fang@example.com")
        event = session.scalars(select(Event).where(Event.action == "subject.corrected")).one()
        assert (event.case_id, event.actor) == (case.id, HANDLER)
        assert event.payload == {"fields": ["name", "email"], "other_cases": 0}
        text = json.dumps(event.payload, ensure_ascii=False)
        for value in ("王", "芳", "wang", "example", "zs"):
            assert value not in text


def test_an_erased_requester_cannot_be_corrected(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        case = _case(session, rule_book)
        subject = case.subject
        erase_case(case)  # as the purge at the end of retention does
        assert subject is not None and subject.anonymised_at is not None
        with pytest.raises(WorkflowError, match="erased"):
            correct_requester(session, case, name="王芳", email="", phone="", actor=HANDLER)
        case.subject = None
        with pytest.raises(WorkflowError, match="no requester"):
            requester_details(session, case)

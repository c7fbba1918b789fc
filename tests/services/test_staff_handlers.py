"""A case's handler is an active member of Settings › Staff and roles (QA16 W2): a typo or a
pasted page is refused with the name and where to fix it, nothing written; a name differing
only in case is taken as the list spells it; while the list is empty (first start) any
well-formed user name is taken; a handler assigned before keeps the case."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import HandlerError
from app.models import Case, DataSubject, Event, StaffMember
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource, StaffRole
from app.services.settings_staff import add_staff, set_staff_active
from app.services.staff_handlers import HandlerChoices, check_handler, handler_choices
from app.services.workflow import triage
from app.store import Database

MANAGER = "zhao.lei"


def _new_case(session: Session, assignee: str | None = None, number: int = 1) -> Case:
    case = Case(
        reference=f"PD-2026-{number:06d}",
        kind=CaseKind.ACCESS,
        status=CaseStatus.NEW,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=datetime(2026, 11, 2, 2, 0, tzinfo=UTC),
        received_at_source=ReceivedAtSource.DATE_HEADER,
        subject=DataSubject(display_name="张三"),
        assignee=assignee,
    )
    session.add(case)
    session.flush()
    return case


def _team(session: Session) -> None:
    add_staff(session, MANAGER, "赵磊", StaffRole.MANAGER, actor=MANAGER)
    add_staff(session, "li.wei", "李伟", StaffRole.HANDLER, actor=MANAGER)
    add_staff(session, "wang.fang", "王芳", StaffRole.HANDLER, actor=MANAGER)


def test_a_typo_is_refused_naming_it_and_the_staff_settings_and_nothing_is_written(
    database: Database,
) -> None:
    with database.session() as session:
        _team(session)
        case = _new_case(session)
        with pytest.raises(HandlerError) as refused:
            triage(session, case, assignee="li.wel", actor=MANAGER)
        assert str(refused.value) == (
            "“li.wel” is not an active staff member: choose a handler from the list, or add "
            "them in Settings › Staff and roles first."
        )
        assert (case.status, case.assignee) == (CaseStatus.NEW, None)
        triaged = select(Event).where(Event.action == "case.triaged")
        assert session.scalars(triaged).all() == []


@pytest.mark.parametrize(
    ("typed", "length"),
    [
        ("长" * 10_000, 10_000),  # QA16 s4: a pasted page
        ("li wei", 6),  # a space
        ("li.\u202ewei", 7),  # a right-to-left override reads as another name
        ("li.\u200bwei", 7),  # a zero-width space
        ("x" * 101, 101),  # one over Settings › Staff's 100
    ],
)
def test_a_malformed_user_name_is_refused_even_before_there_is_a_staff_list(
    database: Database, typed: str, length: int
) -> None:
    with database.session() as session:
        case = _new_case(session)
        with pytest.raises(HandlerError) as refused:
            triage(session, case, assignee=typed, actor="li.wei")
        assert str(refused.value) == (
            "The handler must be a user name of 1-100 characters without spaces or control "
            f"characters ({length} characters given); choose one from Settings › Staff and "
            "roles."
        )
        assert case.status == CaseStatus.NEW


def test_first_start_without_staff_takes_any_well_formed_user_name(database: Database) -> None:
    with database.session() as session:
        assert handler_choices(session) == HandlerChoices((), open_list=True)
        case = _new_case(session)
        triage(session, case, assignee="  新同事.李  ", actor="新同事.李")
        assert (case.assignee, case.status) == ("新同事.李", CaseStatus.TRIAGED)
        assert check_handler(session, "x" * 100) == "x" * 100  # the longest form taken


def test_a_member_typed_in_another_case_is_stored_as_the_list_spells_it(
    database: Database,
) -> None:
    with database.session() as session:
        _team(session)
        case = _new_case(session)
        triage(session, case, assignee="LI.WEI", actor=MANAGER)
        assert case.assignee == "li.wei"  # the dashboard's workload has one row for li.wei


def test_an_inactive_member_is_refused_and_not_offered(database: Database) -> None:
    with database.session() as session:
        _team(session)
        set_staff_active(session, "wang.fang", False, actor=MANAGER)
        assert handler_choices(session) == HandlerChoices(
            (("li.wei", "李伟"), (MANAGER, "赵磊")), open_list=False
        )
        case = _new_case(session)
        with pytest.raises(HandlerError, match=r"^“wang\.fang” is no longer an active staff"):
            triage(session, case, assignee="wang.fang", actor=MANAGER)


def test_a_case_keeps_a_handler_assigned_before_the_staff_list(database: Database) -> None:
    with database.session() as session:
        _team(session)
        case = _new_case(session, assignee="old.name")
        triage(session, case, kind=CaseKind.DELETION, assignee="old.name", actor=MANAGER)
        assert (case.kind, case.assignee) == (CaseKind.DELETION, "old.name")
        triage_again = _new_case(session, assignee="old.name", number=2)
        with pytest.raises(HandlerError, match=r"^“OLD\.NAME” is not an active staff member"):
            triage(session, triage_again, assignee="OLD.NAME", actor=MANAGER)


def test_members_that_differ_only_in_case_from_before_the_rule_ask_for_the_exact_name(
    database: Database,
) -> None:
    with database.session() as session:
        _team(session)
        # Two members entered before names were unique regardless of case (QA16 W6).
        session.add(StaffMember(username="A.Smith", display_name="A", role=StaffRole.HANDLER))
        session.add(StaffMember(username="a.smith", display_name="B", role=StaffRole.HANDLER))
        session.flush()
        assert check_handler(session, "a.smith") == "a.smith"
        with pytest.raises(HandlerError) as refused:
            check_handler(session, "A.SMITH")
        assert str(refused.value) == (
            "“A.SMITH” matches several staff members whose user names differ only in case "
            "(A.Smith, a.smith): type the user name exactly as Settings › Staff and roles "
            "lists it."
        )

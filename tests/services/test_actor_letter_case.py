"""A user signed in under another letter case than the staff list spells the name ("LI.WEI",
an OS login or ``--actor``, for the member "li.wei") is the same person to every rule that
compares the person acting with a stored name: staff user names are one whatever their case
(Settings › Staff and roles). Four-eyes review refuses them on their own case and letter,
they may withdraw their own note, and a manager keeps the right to change the settings."""

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import SettingsError, TransitionBlockedError, WorkflowError
from app.models import Case, Event, StaffMember
from app.models.enums import ReviewDecision, ReviewSubject, StaffRole
from app.reports.letter_text import check_letter_text
from app.services.deadlines import load_rule_book
from app.services.settings import may_change_settings, write_setting
from app.services.settings_staff import add_staff, edit_staff
from app.services.staff_handlers import same_staff, staff_name
from app.services.user_names import same_user
from app.services.workflow import add_note, decide_review, request_review, start_work, triage
from app.services.workflow.notes import withdraw_note
from app.store import Database
from tests.services.test_staff_handlers import MANAGER, _new_case, _team

TODAY = date(2026, 11, 10)


def _case_of_li_wei(session: Session) -> Case:
    """A case handled by the member "li.wei", in progress (staff: zhao.lei, li.wei,
    wang.fang)."""
    _team(session)
    case = _new_case(session)
    triage(session, case, assignee="li.wei", actor=MANAGER)
    start_work(session, case, actor="li.wei")
    return case


def _events(session: Session, action: str) -> list[str]:
    return list(session.scalars(select(Event.actor).where(Event.action == action)))


@pytest.mark.parametrize("reviewer", ["LI.WEI", "Li.Wei", "li.WEI"])
def test_four_eyes_refuses_the_handler_signed_in_in_another_case(
    database: Database, reviewer: str
) -> None:
    with database.session() as session:
        case = _case_of_li_wei(session)
        review = request_review(
            session, case, ReviewSubject.DELETION, actor="wang.fang", printable=check_letter_text
        )
        with pytest.raises(TransitionBlockedError, match="second person"):
            decide_review(session, case, review, reviewer=reviewer, approve=True)
        assert review.decision == ReviewDecision.PENDING  # nothing written
        assert _events(session, "review.decided") == []
        # Nor the one who asked for the review, in any case either.
        with pytest.raises(TransitionBlockedError, match="second person"):
            decide_review(session, case, review, reviewer="WANG.FANG", approve=True)
        decide_review(session, case, review, reviewer="zhao.lei", approve=True)
        assert _events(session, "review.decided") == ["zhao.lei"]


def test_four_eyes_refuses_a_letter_by_its_author_in_another_case(database: Database) -> None:
    from app.reports.case_letters import render_case_letter
    from app.services.letters import approve_letter, generate_letter

    with database.session() as session:
        case = _case_of_li_wei(session)
        case.assignee = MANAGER  # the author is not the handler: the author rule alone
        generate_letter(
            session,
            case.reference,
            "acknowledgement",
            "zh",
            renderer=render_case_letter,
            rule_book=load_rule_book(),
            issued_date=TODAY,
            actor="li.wei",
        )
        letter = case.letters[0]
        with pytest.raises(TransitionBlockedError, match="second person"):
            approve_letter(session, case.reference, letter.id, reviewer="LI.WEI")
        with pytest.raises(TransitionBlockedError, match="second person"):
            approve_letter(session, case.reference, letter.id, reviewer="ZHAO.LEI")  # handler
        assert (letter.approved_at, _events(session, "letter.approved")) == (None, [])
        approve_letter(session, case.reference, letter.id, reviewer="wang.fang")
        assert letter.approved_by == "wang.fang"


def test_the_author_withdraws_their_note_whichever_case_they_signed_in_with(
    database: Database,
) -> None:
    with database.session() as session:
        case = _case_of_li_wei(session)
        note = add_note(session, case, "called back, no answer", actor="li.wei")
        session.flush()
        with pytest.raises(WorkflowError, match="author"):
            withdraw_note(session, case, note.id, actor="wang.fang")  # another person
        withdraw_note(session, case, note.id, actor="LI.WEI")
        assert case.notes == []
        # A note written as "LI.WEI" (stored so before the name was resolved) is li.wei's.
        legacy = add_note(session, case, "sent the form", actor="LI.WEI")
        session.flush()
        withdraw_note(session, case, legacy.id, actor="li.wei")
        assert case.notes == []
        assert _events(session, "note.withdrawn") == ["LI.WEI", "li.wei"]


def test_two_members_from_before_the_rule_stay_two_people(database: Database) -> None:
    # Two members differing only in case (added before names were unique regardless of
    # case): neither may withdraw the other's note; four-eyes refuses both on either's case.
    with database.session() as session:
        case = _case_of_li_wei(session)
        session.add(StaffMember(username="LI.WEI", display_name="李伟 (2)", role=StaffRole.HANDLER))
        note = add_note(session, case, "called back", actor="li.wei")
        session.flush()
        assert not same_staff(session, "LI.WEI", "li.wei")
        with pytest.raises(WorkflowError, match="author"):
            withdraw_note(session, case, note.id, actor="LI.WEI")
        review = request_review(
            session, case, ReviewSubject.DELETION, actor="wang.fang", printable=check_letter_text
        )
        with pytest.raises(TransitionBlockedError):
            decide_review(session, case, review, reviewer="LI.WEI", approve=True)


def test_a_manager_signed_in_in_another_case_may_change_the_settings(
    database: Database,
) -> None:
    with database.session() as session:
        # The first member must be whoever sets up: "boss" added by "Boss" is them.
        add_staff(session, "boss", "老板", StaffRole.MANAGER, actor="Boss")
        add_staff(session, "li.wei", "李伟", StaffRole.HANDLER, actor="BOSS")
        add_staff(session, MANAGER, "赵磊", StaffRole.MANAGER, actor="BOSS")
        assert may_change_settings(session, "Boss")
        assert not may_change_settings(session, "LI.WEI")  # a handler, in any case
        write_setting(session, "letters.sender", "Privacy Office", actor="Boss")
        # Nor can the manager take away their own right under another spelling.
        with pytest.raises(SettingsError, match="your own right"):
            edit_staff(session, "boss", "老板", StaffRole.HANDLER, actor="BOSS")
        count = select(func.count(StaffMember.id)).where(StaffMember.role == StaffRole.MANAGER)
        assert session.scalar(count) == 2  # boss and zhao.lei


def test_names_are_compared_by_unicode_case_folding() -> None:
    assert same_user("STRAUSS", "strauß")  # ß folds to "ss" (str.casefold)
    assert same_user("ANDRÉ.MÜLLER", "andré.müller")
    assert not same_user("andre.muller", "andré.müller")  # another name
    assert not same_user("li.wei", None)  # no handler: nobody
    assert not same_user(None, None)


def test_staff_name_reads_the_list_now(database: Database) -> None:
    with database.session() as session:
        assert staff_name(session, "LI.WEI") == "LI.WEI"  # nobody on the list yet
        _team(session)
        assert staff_name(session, "LI.WEI") == "li.wei"
        assert staff_name(session, "li.wei") == "li.wei"

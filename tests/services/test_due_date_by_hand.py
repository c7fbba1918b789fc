"""A due date set by hand with its reason, and handed back to its rule (Case › Clock and
``python -m app clock set-due|release-due``); the detail pane names where a stated date comes
from. Dates worked out by hand on the State Council's 2026 schedule (国办发明电〔2025〕7号:
no holiday in November 2026) under resources/rules/cn.toml (15 working days, day 0 = receipt).
"""

import hashlib
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ClockError, ClockNotRunningError
from app.models import Case, Event
from app.models.enums import CaseKind, CaseStatus, ReviewFlag
from app.services.case_queries import case_detail
from app.services.deadlines import RuleBook, load_rule_book
from app.services.due_date_by_hand import (
    DueDateAction,
    DueDateRefusal,
    due_date_refusal,
    release_due_date,
    set_due_date_by_hand,
)
from app.store import Database
from tests.services.clock_cases import timed_case

TODAY = date(2026, 11, 30)
# Mon 2 Nov 2026, 10:00 in Beijing. CN access, 15 working days: Tue 3 - Fri 6 Nov (4),
# 9-13 (9), 16-20 (14), Mon 23 Nov (15).
NOV_2 = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
RULE_DATE = date(2026, 11, 23)
REASON = "法院裁定 (2026)京01民初123号 要求于11月20日前答复"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _case(session: Session, rule_book: RuleBook, kind: CaseKind = CaseKind.ACCESS) -> Case:
    return timed_case(session, rule_book, kind=kind, received=NOV_2, today=TODAY)


def _events(session: Session) -> list[Event]:
    return list(session.scalars(select(Event).order_by(Event.id)))


def test_a_date_set_by_hand_keeps_its_reason_out_of_the_trail_and_goes_back_to_the_rule(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book)
        assert case.due_date == RULE_DATE
        set_due_date_by_hand(
            session, case, date(2026, 11, 20), f"  {REASON}\n", rule_book, today=TODAY, actor="li"
        )
        assert (case.due_date, case.rule_ref) == (date(2026, 11, 20), "stated:by_hand")
        assert [n.text for n in case.notes] == [REASON]
        note_added, due_set = _events(session)[-2:]
        assert (note_added.action, due_set.action, due_set.actor) == (
            "note.added",
            "clock.due_date_set",
            "li",
        )
        assert due_set.payload["reason_sha256"] == hashlib.sha256(REASON.encode()).hexdigest()
        assert due_set.payload["note_id"] == case.notes[0].id
        assert due_set.payload["source"] == "stated:by_hand"
        assert due_set.payload["before"]["due_date"] == "2026-11-23"
        assert REASON not in str(due_set.payload)
        assert due_date_refusal(DueDateAction.RELEASE, case) is None
        release_due_date(session, case, rule_book, today=TODAY, actor="li")
        assert (case.due_date, case.rule_ref) == (RULE_DATE, "CN/access@2026.11.2")
        assert "clock.due_date_released" in [e.action for e in _events(session)]
        assert due_date_refusal(DueDateAction.RELEASE, case) is DueDateRefusal.NOT_STATED


def test_the_detail_pane_names_the_source_of_a_stated_date_and_the_rule_under_a_hand_date(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.DELETION)
        ruled = case_detail(session, case.reference, rule_book, today=TODAY, record_view=False)
        assert ruled.rule is not None and ruled.explanation is not None
        set_due_date_by_hand(
            session, case, date(2026, 11, 20), REASON, rule_book, today=TODAY, actor="li"
        )
        stated = case_detail(session, case.reference, rule_book, today=TODAY, record_view=False)
        assert stated.rule_ref == "stated:by_hand"
        # The statute still counts its own date under a hand date (it binds if earlier).
        assert stated.rule is not None and stated.rule.rule_ref == "CN/deletion@2026.11.2"
        assert stated.explanation is not None
        # A regulator's inquiry stored before the source was: its letter's date, no rule_ref.
        case.kind, case.rule_ref = CaseKind.REGULATOR_INQUIRY, None
        legacy = case_detail(session, case.reference, rule_book, today=TODAY, record_view=False)
        assert (legacy.rule, legacy.rule_ref) == (None, "stated:regulator_letter")


@pytest.mark.parametrize(
    ("due", "reason", "message"),
    [
        (date(2026, 11, 20), " \n ", "A due date set by hand needs a reason (e.g. a court order)."),
        # Received Mon 2 Nov 2026, due Mon 23 Nov by PIPL Art. 50 (15 working days): the law's
        # date binds, a later one would promise the requester more time than it gives.
        (
            date(2026, 11, 24),
            REASON,
            "A due date set by hand cannot be later than the statutory due date 2026-11-23: "
            "that deadline binds in law; set an earlier date.",
        ),
        # Received Mon 2 Nov 02:00 UTC, which is still Sun 1 Nov at UTC-12: 31 Oct is before it
        # everywhere (the dialog, in the case's zone, refuses 1 Nov too).
        (
            date(2026, 10, 31),
            REASON,
            "The due date cannot be before the day the case was received.",
        ),
        (
            date(2201, 1, 1),
            REASON,
            "The due date 2201-01-01 is outside the dates deadlines are counted for; check the "
            "date.",
        ),
    ],
)
def test_a_refused_date_or_reason_changes_nothing(
    database: Database, rule_book: RuleBook, due: date, reason: str, message: str
) -> None:
    with pytest.raises(ClockError) as refused, database.session() as session:
        set_due_date_by_hand(
            session, _case(session, rule_book), due, reason, rule_book, today=TODAY, actor="li"
        )
    assert str(refused.value) == message
    with database.session() as session:
        assert session.scalar(select(Case)) is None  # the whole change was rolled back


def test_an_answered_case_keeps_its_due_date_and_a_ruled_one_has_nothing_to_hand_back(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book)
        with pytest.raises(ClockError, match="already computed by its rule"):
            release_due_date(session, case, rule_book, today=TODAY, actor="li")
        case.status = CaseStatus.RESPONDED
        assert due_date_refusal(DueDateAction.SET, case) is DueDateRefusal.ANSWERED
        with pytest.raises(ClockNotRunningError, match="answered or closed"):
            set_due_date_by_hand(
                session, case, date(2026, 11, 20), REASON, rule_book, today=TODAY, actor="li"
            )
        assert (case.due_date, case.notes) == (RULE_DATE, [])


def test_a_kind_no_rule_times_can_have_a_date_by_hand_and_loses_it_when_handed_back(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.REMINDER)
        assert case.due_date is None
        set_due_date_by_hand(
            session, case, date(2026, 11, 20), REASON, rule_book, today=TODAY, actor="li"
        )
        assert case.due_date == date(2026, 11, 20)
        release_due_date(session, case, rule_book, today=TODAY, actor="li")
        assert case.due_date is None
        assert ReviewFlag.NO_DEADLINE.value in case.review_flags


def test_a_kind_no_rule_times_takes_a_date_within_a_year_of_receipt(
    database: Database, rule_book: RuleBook
) -> None:
    # Received 2 Nov 2026: 366 days later is 3 Nov 2027.
    with pytest.raises(ClockError) as refused, database.session() as session:
        case = _case(session, rule_book, CaseKind.REMINDER)
        set_due_date_by_hand(
            session, case, date(2099, 12, 31), REASON, rule_book, today=TODAY, actor="li"
        )
    assert str(refused.value) == (
        "A due date set by hand for a case without a statutory deadline must fall within a "
        "year of its receipt (2027-11-03 at the latest)."
    )


def test_a_letter_asking_the_requester_says_what_the_law_does_under_a_hand_date(
    database: Database, rule_book: RuleBook
) -> None:
    # QA13 H6: a CN access request's statutory clock waits for the identity check, and a CN
    # deletion's stops from the letter asking for proof (GB/T 35273-2020 §8.7; cn.toml
    # pauses_stop_clock). A date set by hand is the company's own and comes before the
    # statutory one: the statutory clock under it still waits or stops, so the letter must
    # never say the law keeps it running.
    from app.services.letter_clock import (
        clock_stops_on_asking,
        clock_waits,
        due_date_set_by_hand,
    )

    with database.session() as session:
        access = _case(session, rule_book)
        set_due_date_by_hand(
            session, access, date(2026, 11, 20), REASON, rule_book, today=TODAY, actor="li"
        )
        deletion = timed_case(
            session,
            rule_book,
            kind=CaseKind.DELETION,
            received=NOV_2,
            today=TODAY,
            reference="PD-2026-000002",
        )
        set_due_date_by_hand(
            session, deletion, date(2026, 11, 20), REASON, rule_book, today=TODAY, actor="li"
        )
        found = [
            (clock_waits(case, rule_book), clock_stops_on_asking(case, rule_book))
            for case in (access, deletion)
        ]
        by_hand = [due_date_set_by_hand(case) for case in (access, deletion)]
    assert found == [(True, True), (False, True)]
    assert by_hand == [True, True]


def test_a_regulators_stated_date_stands_whatever_is_asked(
    database: Database, rule_book: RuleBook
) -> None:
    # No statute times a regulator's inquiry: its letter's date stands and is promised.
    from app.services.clock import DueDateSource
    from app.services.letter_clock import clock_stops_on_asking, clock_waits
    from app.services.stated_due_date import set_stated_due_date

    with database.session() as session:
        case = _case(session, rule_book)
        source = DueDateSource.REGULATOR_LETTER
        set_stated_due_date(session, case, date(2026, 11, 16), source, actor="importer")
        assert (clock_waits(case, rule_book), clock_stops_on_asking(case, rule_book)) == (
            False,
            False,
        )

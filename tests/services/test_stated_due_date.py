"""A due date no rule computes (a regulator's letter's, or one set by hand) is stored with its
source and kept through every recomputation, for a case of any kind. Dates worked out by hand
on the State Council's 2026 schedule (国办发明电〔2025〕7号: 国庆节 Thu 1 - Wed 7 Oct off,
Sat 10 Oct working)."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ClockError
from app.models import Case, CasePause, Event
from app.models.enums import (
    CaseKind,
    PauseReason,
    ReviewFlag,
)
from app.services.clock import DueDateSource, recompute_clock, stated_due_source
from app.services.clock_refresh import (
    cases_to_recompute,
    recompute_open_cases,
    refresh_after_rule_change,
)
from app.services.deadlines import RuleBook, load_rule_book
from app.services.intake.stated_limit import StatedLimit
from app.services.regulator_deadline import apply_stated_deadline
from app.services.stated_due_date import return_to_rule, set_stated_due_date
from app.store import Database
from tests.services.clock_cases import timed_case

TODAY = date(2026, 11, 29)
# Wed 30 Sep 2026, 10:00 in Beijing. CN deletion, 15 working days (E6): 8-9 Oct, Sat 10 Oct
# (make-up), 12-16 Oct (8), 19-23 (13), Mon 26 (14), Tue 27 Oct (15).
SEPT_30 = datetime(2026, 9, 30, 2, 0, tzinfo=UTC)
# Mon 2 Nov 2026, 10:00 in Beijing: 15 working days end Mon 23 Nov; 10 end Mon 16 Nov.
NOV_2 = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _case(session: Session, rule_book: RuleBook, kind: CaseKind, received: datetime) -> Case:
    return timed_case(session, rule_book, kind=kind, received=received, today=TODAY)


def _actions(session: Session) -> list[str]:
    return list(session.scalars(select(Event.action).order_by(Event.id)))


def test_a_date_set_by_hand_before_the_statute_survives_a_pause_and_every_recomputation(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.DELETION, SEPT_30)
        assert case.due_date == date(2026, 10, 27)
        set_stated_due_date(
            session, case, date(2026, 10, 20), DueDateSource.BY_HAND, actor="handler"
        )
        assert (case.due_date, case.rule_ref) == (date(2026, 10, 20), "stated:by_hand")
        assert stated_due_source(case) is DueDateSource.BY_HAND
        # A pause moves the statutory date to Mon 2 Nov (E6), further from the hand date,
        # which binds still: the statute is counted, and it does not fall before Tue 20 Oct.
        case.pauses.append(
            CasePause(
                start_date=date(2026, 10, 8),
                end_date=date(2026, 10, 12),
                reason=PauseReason.IDENTITY_VERIFICATION,
                created_by="handler",
            )
        )
        recompute_clock(session, case, rule_book, cause="paused", today=TODAY)
        assert refresh_after_rule_change(session, rule_book, today=TODAY) == []
        changed = recompute_open_cases(
            session, rule_book, cause="calendar_override", today=TODAY, actor="handler"
        )
        assert changed == []
        assert (case.due_date, case.binding_due_date) == (date(2026, 10, 20), date(2026, 10, 20))
        assert case.rule_ref == "stated:by_hand"
        assert "clock.due_date_set" in _actions(session)
        assert "clock.due_date_released" not in _actions(session)


def test_a_stated_date_is_never_read_as_a_stale_rule(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.DELETION, SEPT_30)
        set_stated_due_date(
            session, case, date(2026, 11, 20), DueDateSource.BY_HAND, actor="handler"
        )
        session.flush()
        stale = session.scalars(cases_to_recompute(rule_book, only_stale_rules=True)).all()
        assert stale == []


def test_handing_the_case_back_to_its_rule_recomputes_it(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.DELETION, SEPT_30)
        set_stated_due_date(
            session, case, date(2026, 11, 20), DueDateSource.BY_HAND, actor="handler"
        )
        assert return_to_rule(session, case, rule_book, today=TODAY, actor="handler")
        assert case.due_date == date(2026, 10, 27)
        assert case.rule_ref is not None and case.rule_ref.startswith("CN/deletion@")
        assert not return_to_rule(session, case, rule_book, today=TODAY, actor="handler")


def test_a_regulator_letter_date_wins_over_a_computed_one_for_any_kind(
    database: Database, rule_book: RuleBook
) -> None:
    # An access case (15 working days: Mon 23 Nov) whose letter states ten working days:
    # Tue 3 … Fri 6 (4), 9-13 Nov (9), Mon 16 Nov (10).
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, NOV_2)
        assert case.due_date == date(2026, 11, 23)
        limit = StatedLimit(10, "working_days", "请于十个工作日内书面说明情况")
        due = apply_stated_deadline(session, case, limit, rule_book, actor="importer")
        assert due == date(2026, 11, 16) == case.due_date
        assert case.rule_ref == DueDateSource.REGULATOR_LETTER.value
        assert not recompute_clock(session, case, rule_book, cause="triaged", today=TODAY)
        assert case.due_date == date(2026, 11, 16)


def test_a_regulator_date_stored_before_its_source_was_is_kept(
    database: Database, rule_book: RuleBook
) -> None:
    # As imports before 2026-11-30 left it: the letter's date, no rule reference.
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.REGULATOR_INQUIRY, NOV_2)
        case.due_date = date(2026, 11, 16)
        assert stated_due_source(case) is DueDateSource.REGULATOR_LETTER
        assert not recompute_clock(session, case, rule_book, cause="paused", today=TODAY)
        assert case.due_date == date(2026, 11, 16)
        # Handed back: no rule times a regulator's inquiry, so a person is asked for a date.
        assert return_to_rule(session, case, rule_book, today=TODAY, actor="handler")
        assert case.due_date is None
        assert ReviewFlag.NO_DEADLINE.value in case.review_flags


def test_a_set_date_clears_the_extension_and_the_no_deadline_flag(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.REGULATOR_INQUIRY, NOV_2)
        case.review_flags = [ReviewFlag.NO_DEADLINE.value]
        case.extended_due_date = date(2026, 12, 31)
        set_stated_due_date(
            session, case, date(2026, 11, 30), DueDateSource.BY_HAND, actor="handler"
        )
        assert case.binding_due_date == date(2026, 11, 30)
        assert case.review_flags == []


@pytest.mark.parametrize(
    "due",
    [
        date(2026, 10, 31),  # before the receipt day (1 Nov is its earliest local date)
        date(1, 1, 1),  # a mistyped year
    ],
)
def test_an_impossible_date_is_refused(database: Database, rule_book: RuleBook, due: date) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.DELETION, NOV_2)
        with pytest.raises(ClockError):
            set_stated_due_date(session, case, due, DueDateSource.BY_HAND, actor="handler")
        assert case.due_date == date(2026, 11, 23)

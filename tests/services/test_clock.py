"""The clock of a case: pauses, extensions, entered holiday schedules and rule changes, each
an audit event. Expected dates are worked out by hand (see each test)."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ClockError, ClockNotPausedError, PauseBeforeReceiptError, ScheduleError
from app.models import Case, Event
from app.models.enums import CaseKind, CaseStatus, PauseReason
from app.reports.letter_text import check_letter_text
from app.services.calendar_schedules import Schedule, store_schedule
from app.services.clock_adjustments import pause_clock, resume_clock, take_extension
from app.services.clock_refresh import cases_to_recompute, recompute_open_cases
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from tests.services.clock_cases import timed_case

TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _case(
    session: Session,
    rule_book: RuleBook,
    jurisdiction: str,
    kind: CaseKind,
    received: datetime,
    reference: str = "PD-2026-000001",
) -> Case:
    return timed_case(
        session,
        rule_book,
        kind=kind,
        received=received,
        today=TODAY,
        jurisdiction=jurisdiction,
        status=CaseStatus.NEW,
        reference=reference,
    )


def _actions(session: Session) -> list[str]:
    return list(session.scalars(select(Event.action).order_by(Event.id)))


def test_e6_a_pause_for_identity_proof_moves_the_china_deadline(
    database: Database, rule_book: RuleBook
) -> None:
    # Received Wed 30 Sep 2026 (Shanghai). Without a pause: 15th working day Tue 27 Oct (E6).
    # Paused Thu 8 – Mon 12 Oct: the working days 8, 9, Sat 10 (make-up) and 12 do not count,
    # so 13-16 Oct = 1-4, 19-23 = 5-9, 26-30 = 10-14, Mon 2 Nov = 15.
    with database.session() as session:
        case = _case(
            session, rule_book, "CN", CaseKind.DELETION, datetime(2026, 9, 30, 2, 0, tzinfo=UTC)
        )
        assert case.due_date == date(2026, 10, 27)
        pause_clock(
            session,
            case,
            rule_book,
            start_date=date(2026, 10, 8),
            reason=PauseReason.IDENTITY_VERIFICATION,
            today=TODAY,
        )
        resume_clock(session, case, rule_book, end_date=date(2026, 10, 12), today=TODAY)
        assert case.due_date == date(2026, 11, 2)
        assert _actions(session) == [
            "clock.recomputed",
            "clock.paused",
            "clock.recomputed",
            "clock.resumed",
            "clock.recomputed",
        ]


def test_pause_and_resume_refuse_what_makes_no_sense(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(
            session, rule_book, "CN", CaseKind.ACCESS, datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
        )
        with pytest.raises(ClockError, match="not paused"):
            resume_clock(session, case, rule_book, end_date=date(2026, 3, 5), today=TODAY)
        with pytest.raises(ClockError, match="future"):
            pause_clock(
                session,
                case,
                rule_book,
                start_date=date(2026, 12, 1),
                reason=PauseReason.CLARIFICATION,
                today=TODAY,
            )
        pause_clock(
            session,
            case,
            rule_book,
            start_date=date(2026, 3, 4),
            reason=PauseReason.CLARIFICATION,
            today=TODAY,
        )
        with pytest.raises(ClockError, match="already paused"):
            pause_clock(
                session,
                case,
                rule_book,
                start_date=date(2026, 3, 5),
                reason=PauseReason.CLARIFICATION,
                today=TODAY,
            )
        with pytest.raises(ClockError, match="between its start and today"):
            resume_clock(session, case, rule_book, end_date=date(2026, 3, 3), today=TODAY)


def test_e3_a_gdpr_extension_runs_three_months_from_receipt(
    database: Database, rule_book: RuleBook
) -> None:
    # Received Thu 15 Jan 2026: one month ends Sun 15 Feb -> Mon 16 Feb (Reg. 1182/71 art. 3(4)),
    # the last day to notify an extension; extended = receipt + 3 months = Wed 15 Apr 2026.
    with database.session() as session:
        case = _case(
            session, rule_book, "EU", CaseKind.ACCESS, datetime(2026, 1, 15, 10, 0, tzinfo=UTC)
        )
        assert (case.due_date, case.extension_notice_due_date) == (
            date(2026, 2, 16),
            date(2026, 2, 16),
        )
        assert case.extended_due_date is None
        with pytest.raises(ClockError, match="reason"):
            take_extension(
                session,
                case,
                rule_book,
                printable=check_letter_text,
                reason="  ",
                today=date(2026, 2, 10),
            )
        with pytest.raises(ClockError, match="2026-02-16"):
            take_extension(
                session,
                case,
                rule_book,
                printable=check_letter_text,
                reason="complex",
                today=date(2026, 2, 17),
            )
        extended = take_extension(
            session,
            case,
            rule_book,
            printable=check_letter_text,
            reason="many systems to search",
            today=date(2026, 2, 10),
        )
        assert extended == case.binding_due_date == date(2026, 4, 15)
        with pytest.raises(ClockError, match="already"):
            take_extension(
                session,
                case,
                rule_book,
                printable=check_letter_text,
                reason="again",
                today=date(2026, 2, 11),
            )


def test_chinese_law_has_no_extension(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        case = _case(
            session, rule_book, "CN", CaseKind.ACCESS, datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
        )
        with pytest.raises(ClockError, match="no extension"):
            take_extension(
                session,
                case,
                rule_book,
                printable=check_letter_text,
                reason="busy",
                today=date(2026, 3, 3),
            )


def _schedule_2027(working_days: dict[date, str] | None = None) -> Schedule:
    return Schedule(
        calendar="holidays:CN",
        year=2027,
        holidays={date(2027, 1, 1): "元旦"},
        working_days=working_days or {},
        source="test schedule (the real 2027 notice was not out on 2026-11-29)",
    )


def test_entering_the_2027_schedule_makes_provisional_dates_final(
    database: Database, rule_book: RuleBook
) -> None:
    # zh05: received Thu 24 Dec 2026 (Shanghai): 25 Dec = 1, 28-31 Dec = 2-5, Fri 1 Jan 2027 a
    # holiday, 4-8 Jan = 6-10, 11-15 Jan = 11-15 -> Fri 15 Jan 2027, provisional until 2027's
    # schedule is official. With a (hypothetical) make-up Saturday 9 Jan it is Thu 14 Jan.
    with database.session() as session:
        first = _case(
            session,
            rule_book,
            "CN",
            CaseKind.ACCOUNT_CANCELLATION,
            datetime(2026, 12, 24, 3, 20, tzinfo=UTC),
        )
        second = _case(
            session,
            rule_book,
            "CN",
            CaseKind.COMPLAINT,
            datetime(2026, 12, 24, 3, 20, tzinfo=UTC),
            "PD-2026-000002",
        )
        eu = _case(
            session,
            rule_book,
            "EU",
            CaseKind.ACCESS,
            datetime(2026, 12, 24, 3, 20, tzinfo=UTC),
            "PD-2026-000003",
        )
        assert (first.due_date, first.due_provisional) == (date(2027, 1, 15), True)
        store_schedule(session, _schedule_2027())
        changed = recompute_open_cases(session, rule_book, cause="calendar_override", today=TODAY)
        assert sorted(changed) == ["PD-2026-000001", "PD-2026-000002"]
        assert (first.due_date, first.due_provisional) == (date(2027, 1, 15), False)
        assert "provisional_deadline" not in first.review_flags
        assert eu.reference not in changed
        store_schedule(session, _schedule_2027({date(2027, 1, 9): "调休"}))
        recompute_open_cases(session, rule_book, cause="calendar_override", today=TODAY)
        assert second.due_date == date(2027, 1, 14)
        events = session.scalars(select(Event).where(Event.action == "clock.recomputed")).all()
        overrides = [e for e in events if e.payload["cause"] == "calendar_override"]
        assert len(overrides) == 4
        assert overrides[0].payload["before"]["due_provisional"] is True


def test_a_schedule_must_be_consistent() -> None:
    from app.services.calendar_schedules import validate_schedule

    with pytest.raises(ScheduleError, match="2026-05-01 is not in 2027"):
        validate_schedule(Schedule("holidays:CN", 2027, {date(2026, 5, 1): "x"}, {}, "src"))
    with pytest.raises(ScheduleError, match="weekday"):
        validate_schedule(Schedule("holidays:CN", 2027, {}, {date(2027, 2, 3): "x"}, "src"))
    with pytest.raises(ScheduleError, match="published"):
        validate_schedule(Schedule("holidays:CN", 2027, {}, {}, " "))
    validate_schedule(Schedule("holidays:CN", 2002, {}, {date(2001, 12, 29): "调休"}, "src"))


def test_a_changed_rule_file_recomputes_only_cases_on_an_old_rule(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(
            session, rule_book, "CN", CaseKind.ACCESS, datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
        )
        assert (
            recompute_open_cases(
                session, rule_book, cause="rule_changed", today=TODAY, only_stale_rules=True
            )
            == []
        )
        case.rule_ref = "CN/access@2025.1"
        assert recompute_open_cases(
            session, rule_book, cause="rule_changed", today=TODAY, only_stale_rules=True
        ) == ["PD-2026-000001"]
        assert case.rule_ref is not None and case.rule_ref.startswith("CN/access@")


def test_the_start_recomputes_never_timed_cases_only_where_a_rule_exists(
    database: Database, rule_book: RuleBook
) -> None:
    received = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
    with database.session() as session:
        timed = _case(session, rule_book, "CN", CaseKind.ACCESS, received)
        untimed = _case(session, rule_book, "XX", CaseKind.ACCESS, received, "PD-2026-000002")
        assert untimed.rule_ref is None  # no statute of "XX" times it
        timed.rule_ref, timed.due_date = None, None  # e.g. imported before its rule existed
        session.flush()
        stale = session.scalars(cases_to_recompute(rule_book, only_stale_rules=True)).all()
        assert stale == [timed]
        changed = recompute_open_cases(
            session, rule_book, cause="rule_changed", today=TODAY, only_stale_rules=True
        )
        assert changed == [timed.reference]
        # Mon 2026-03-02 09:30 Beijing: 15 working days from Tue 03-03 end on Mon 2026-03-23.
        assert timed.due_date == date(2026, 3, 23)
        assert (
            recompute_open_cases(
                session, rule_book, cause="rule_changed", today=TODAY, only_stale_rules=True
            )
            == []
        )


def test_a_pause_before_receipt_is_refused(database: Database, rule_book: RuleBook) -> None:
    # Received Tue 10 Nov 2026 00:30 Shanghai (= 9 Nov 16:30 UTC): the receipt date is 10 Nov
    # in the rule's zone, so a pause from 9 Nov (or 1 Jan) stops a clock that had not started.
    with database.session() as session:
        case = _case(
            session, rule_book, "CN", CaseKind.DELETION, datetime(2026, 11, 9, 16, 30, tzinfo=UTC)
        )
        for start in (date(2026, 1, 1), date(2026, 11, 9)):
            with pytest.raises(PauseBeforeReceiptError) as refused:
                pause_clock(session, case, rule_book, start_date=start,
                            reason=PauseReason.OTHER, today=TODAY)  # fmt: skip
            assert str(refused.value) == (
                "A pause cannot start before the request was received (2026-11-10)."
            )
        assert case.pauses == []
        assert _actions(session) == ["clock.recomputed"]
        # the receipt day itself may be paused (a question asked on the day it came in)
        pause_clock(session, case, rule_book, start_date=date(2026, 11, 10),
                    reason=PauseReason.OTHER, today=TODAY)  # fmt: skip
        assert [p.start_date for p in case.pauses] == [date(2026, 11, 10)]


def test_resuming_a_running_clock_is_refused(database: Database, rule_book: RuleBook) -> None:
    # A CN deletion received Tue 10 Nov 2026 00:30 Shanghai (day 0): 11-13 Nov = 1-3, 16-20 =
    # 4-8, 23-27 = 9-13, Mon 30 Nov = 14, Tue 1 Dec = 15. Asked and answered on Thu 12 Nov:
    # that day does not count (both ends of a pause are paused days, as in DPA 2018
    # s.54(3C)(b) "beginning with the day ... ending with the day"; 民法典 art. 201: counting
    # restarts the day after the reply), so 13 Nov = 2 ... 1 Dec = 14, Wed 2 Dec = 15.
    with database.session() as session:
        case = _case(
            session, rule_book, "CN", CaseKind.DELETION, datetime(2026, 11, 9, 16, 30, tzinfo=UTC)
        )
        assert case.due_date == date(2026, 12, 1)
        with pytest.raises(ClockNotPausedError, match=r"^The clock of this case is not paused\.$"):
            resume_clock(session, case, rule_book, end_date=TODAY, today=TODAY)
        pause_clock(session, case, rule_book, start_date=date(2026, 11, 12),
                    reason=PauseReason.OTHER, today=TODAY)  # fmt: skip
        resume_clock(session, case, rule_book, end_date=date(2026, 11, 12), today=TODAY)
        # a second restart of the same pause is refused too, and changes nothing
        with pytest.raises(ClockNotPausedError):
            resume_clock(session, case, rule_book, end_date=TODAY, today=TODAY)
        assert [(p.start_date, p.end_date) for p in case.pauses] == [
            (date(2026, 11, 12), date(2026, 11, 12))
        ]
        assert case.due_date == date(2026, 12, 2)
        assert _actions(session).count("clock.resumed") == 1

"""The statutory deadline is counted under a date set by hand, and binds once it falls before
it (QA13 H3); a regulator's stated period is counted again from a corrected receipt and over
a changed calendar (QA13 H5).

Dates worked out by hand under resources/rules/cn.toml (PIPL: 15 working days for a deletion,
day 0 = the receipt day in Asia/Shanghai, 民法典 art. 201) and resources/rules/eu.toml (GDPR
Art. 12(3): one month), on the State Council's 2026 schedule (国办发明电〔2025〕7号: no holiday
or make-up working day in November or December 2026).
"""

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, Event
from app.models.enums import CaseKind, CaseStatus, PauseReason, ReviewFlag
from app.services.clock import RELEASED_STATUTORY_EARLIER, DueDateSource, stated_due_source
from app.services.clock_adjustments import confirm_receipt, pause_clock
from app.services.deadlines import RuleBook, load_rule_book
from app.services.due_date_by_hand import set_due_date_by_hand
from app.services.regulator_deadline import retime_after_triage
from app.services.settings_calendar import set_day_override
from app.services.workflow import triage
from app.store import Database
from tests.services.clock_cases import timed_case
from tests.services.regulator_letters import COMPLAINT, import_inquiry, inquiry_mail

TODAY = date(2026, 11, 30)
BEIJING = timezone(timedelta(hours=8))
CN_CALENDAR = "holidays:CN"
# Mon 2 Nov 2026, 10:00 in Beijing. CN deletion: Tue 3 - Fri 6 Nov (4), 9-13 (9), 16-20 (14),
# Mon 23 Nov (15). EU deletion: one month, Wed 2 Dec 2026 (a working day).
NOV_2 = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
REASON = "与个人信息主体约定的答复日期"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _by_hand(
    session: Session,
    rule_book: RuleBook,
    due: date,
    *,
    jurisdiction: str = "CN",
    number: int = 1,
    status: CaseStatus = CaseStatus.IN_PROGRESS,
) -> Case:
    """A deletion received on NOV_2 whose due date a person set to ``due``."""
    case = timed_case(
        session,
        rule_book,
        kind=CaseKind.DELETION,
        received=NOV_2,
        today=TODAY,
        jurisdiction=jurisdiction,
        status=status,
        reference=f"PD-2026-{number:06d}",
    )
    set_due_date_by_hand(session, case, due, REASON, rule_book, today=TODAY, actor="li")
    return case


def _released(session: Session) -> list[dict[str, object]]:
    query = select(Event.payload).where(Event.action == "clock.due_date_released")
    return [dict(payload) for payload in session.scalars(query)]


def test_a_receipt_corrected_to_an_earlier_day_lets_the_statute_bind(
    database: Database, rule_book: RuleBook
) -> None:
    # QA13 H3: the hand date equals the statutory Mon 23 Nov; the letter really arrived on
    # Fri 30 Oct, 10:00 Beijing: Mon 2 - Fri 6 Nov (5), 9-13 (10), 16-20 (15) = Fri 20 Nov.
    with database.session() as session:
        case = _by_hand(session, rule_book, date(2026, 11, 23))
        earlier = datetime(2026, 10, 30, 10, 0, tzinfo=BEIJING)
        confirm_receipt(session, case, rule_book, received_at=earlier, today=TODAY, actor="li")
        assert (case.due_date, case.binding_due_date) == (date(2026, 11, 20), date(2026, 11, 20))
        assert stated_due_source(case) is None
        assert case.rule_ref is not None and case.rule_ref.startswith("CN/deletion@")
        [released] = _released(session)
        assert released["reason"] == RELEASED_STATUTORY_EARLIER
        assert released["cause"] == "receipt_confirmed"
        assert released["due_date"] == "2026-11-20"
        assert released["source"] == DueDateSource.BY_HAND.value
        assert ReviewFlag.DUE_DATE_RELEASED.value in case.review_flags


def test_a_hand_date_still_before_the_moved_statute_stays(
    database: Database, rule_book: RuleBook
) -> None:
    # The same correction (statute now Fri 20 Nov) leaves a hand date of Wed 18 Nov, or of
    # Fri 20 Nov itself, binding: a hand date may come before the statutory one or on it.
    with database.session() as session:
        earlier = datetime(2026, 10, 30, 10, 0, tzinfo=BEIJING)
        for number, hand in enumerate((date(2026, 11, 18), date(2026, 11, 20)), start=1):
            case = _by_hand(session, rule_book, hand, number=number)
            confirm_receipt(session, case, rule_book, received_at=earlier, today=TODAY, actor="li")
            assert (case.due_date, stated_due_source(case)) == (hand, DueDateSource.BY_HAND)
            assert ReviewFlag.DUE_DATE_RELEASED.value not in (case.review_flags or ())
            session.flush()
        assert _released(session) == []


def test_a_triage_to_a_stricter_law_lets_the_statute_bind(
    database: Database, rule_book: RuleBook
) -> None:
    # QA13 H3 (hostile PD-002): an EU deletion set by hand to its statutory Wed 2 Dec is
    # triaged to CN, whose 15 working days end Mon 23 Nov.
    with database.session() as session:
        case = _by_hand(
            session, rule_book, date(2026, 12, 2), jurisdiction="EU", status=CaseStatus.NEW
        )
        triage(session, case, jurisdiction="CN", actor="li")
        retime_after_triage(session, case, rule_book, today=TODAY, actor="li")
        assert (case.due_date, stated_due_source(case)) == (date(2026, 11, 23), None)
        assert [p["cause"] for p in _released(session)] == ["triaged"]


def test_a_make_up_working_day_lets_the_statute_bind(
    database: Database, rule_book: RuleBook
) -> None:
    # QA13 H3 (hostile PD-005): Sat 14 Nov made a working day: 3-6 Nov (4), 9-13 (9),
    # Sat 14 (10), 16-20 (15) = Fri 20 Nov, before the hand date Mon 23 Nov.
    with database.session() as session:
        case = _by_hand(session, rule_book, date(2026, 11, 23))
        changed = set_day_override(
            session,
            rule_book,
            CN_CALENDAR,
            date(2026, 11, 14),
            working=True,
            name="调休上班",
            actor="admin",
            today=TODAY,
        )
        assert changed == [case.reference]
        assert (case.due_date, stated_due_source(case)) == (date(2026, 11, 20), None)


def test_a_pause_moves_the_statute_and_the_hand_date_binds(
    database: Database, rule_book: RuleBook
) -> None:
    # QA13 H6: the clock of a hand-dated CN deletion can be stopped (its rule pauses for the
    # identity check, GB/T 35273-2020 §8.7). Stopped from Mon 16 Nov, the statutory date moves
    # past Mon 23 Nov; the earlier hand date, Fri 20 Nov, binds.
    with database.session() as session:
        case = _by_hand(session, rule_book, date(2026, 11, 20))
        pause_clock(
            session,
            case,
            rule_book,
            start_date=date(2026, 11, 16),
            reason=PauseReason.IDENTITY_VERIFICATION,
            today=TODAY,
            actor="li",
        )
        assert len(case.pauses) == 1
        assert case.due_date == date(2026, 11, 20)
        assert stated_due_source(case) is DueDateSource.BY_HAND
        assert _released(session) == []


# A CAC letter stating ten working days, with no Date: header (QA13 H5, hostile r1).
LETTER = inquiry_mail(COMPLAINT.format(limit="请于十个工作日内"))
# Imported Mon 30 Nov 2026, 10:00 Beijing: Tue 1 - Fri 4 Dec (4), 7-11 (9), Mon 14 Dec (10).
IMPORTED = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


def _inquiry(session: Session, rule_book: RuleBook, tmp_path: Path) -> Case:
    # With no Date: and no Received:, the file's time is the receipt (intake.receipt_instant):
    # dated as imported, or the count would start from whatever day the test runs on.
    case = import_inquiry(session, rule_book, tmp_path, LETTER, file_time=IMPORTED)
    assert (case.kind, case.due_date) == (CaseKind.REGULATOR_INQUIRY, date(2026, 12, 14))
    assert stated_due_source(case) is DueDateSource.REGULATOR_LETTER
    return case


def test_a_letters_period_is_counted_again_from_the_confirmed_receipt(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Received Fri 20 Nov, 10:00 Beijing: Mon 23 - Fri 27 Nov (5), 30 Nov - Fri 4 Dec (10).
    with database.session() as session:
        case = _inquiry(session, rule_book, tmp_path)
        received = datetime(2026, 11, 20, 10, 0, tzinfo=BEIJING)
        confirm_receipt(session, case, rule_book, received_at=received, today=TODAY, actor="li")
        assert (case.due_date, stated_due_source(case)) == (
            date(2026, 12, 4),
            DueDateSource.REGULATOR_LETTER,
        )


def test_a_letters_period_is_counted_again_over_a_make_up_working_day(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Sat 5 Dec made a working day: 1-4 Dec (4), Sat 5 (5), 7-11 (10) = Fri 11 Dec.
    with database.session() as session:
        case = _inquiry(session, rule_book, tmp_path)
        changed = set_day_override(
            session,
            rule_book,
            CN_CALENDAR,
            date(2026, 12, 5),
            working=True,
            name="调休上班",
            actor="admin",
            today=TODAY,
        )
        assert changed == [case.reference]
        assert case.due_date == date(2026, 12, 11)

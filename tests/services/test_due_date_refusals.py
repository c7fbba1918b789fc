"""Set the due date by hand… and Hand the due date back to its rule refuse from one table
(``DUE_DATE_REFUSALS``, as the clock's ``CLOCK_REFUSALS``): in every status the service raises
the error and the very sentence of the table, before anything is written, and the Case › Clock
menu shows that sentence as the disabled action's tip (tests/ui/test_due_date_dialog.py)."""

from datetime import UTC, date, datetime

import pytest

from app.errors import ClockError, ClockNotRunningError
from app.models.enums import CaseKind, CaseStatus
from app.services.deadlines import RuleBook, load_rule_book
from app.services.due_date_by_hand import (
    DUE_DATE_REFUSALS,
    DueDateAction,
    DueDateRefusal,
    release_due_date,
    set_due_date_by_hand,
)
from app.store import Database
from tests.services.clock_cases import timed_case

TODAY = date(2026, 11, 30)
# Mon 2 Nov 2026, 10:00 in Beijing. CN access, 15 working days: Mon 23 Nov (test_due_date_by_hand).
NOV_2 = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
RULE_DATE = date(2026, 11, 23)
ANSWERED = (
    "This case has been answered or closed: its due date is the record its answer was measured "
    "by, so it cannot be set or handed back."
)
NOT_STATED = "The due date of this case is already computed by its rule."
OPEN = {CaseStatus.NEW, CaseStatus.TRIAGED, CaseStatus.AWAITING_REQUESTER}
OPEN |= {CaseStatus.IN_PROGRESS, CaseStatus.IN_REVIEW}


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def test_the_table_words_each_refusal_once() -> None:
    assert {r: (t.error, t.message, t.values) for r, t in DUE_DATE_REFUSALS.items()} == {
        DueDateRefusal.ANSWERED: (ClockNotRunningError, ANSWERED, None),
        DueDateRefusal.NOT_STATED: (ClockError, NOT_STATED, None),
    }


@pytest.mark.parametrize("status", tuple(CaseStatus))
@pytest.mark.parametrize("action", tuple(DueDateAction))
def test_each_due_date_change_in_each_status(
    database: Database, rule_book: RuleBook, status: CaseStatus, action: DueDateAction
) -> None:
    # The due date is its rule's (nothing set by hand): a hand-back has nothing to hand back.
    if status not in OPEN:
        expected: tuple[type[ClockError], str] | None = (ClockNotRunningError, ANSWERED)
    elif action is DueDateAction.RELEASE:
        expected = (ClockError, NOT_STATED)
    else:
        expected = None
    with database.session() as session:
        case = timed_case(
            session, rule_book, kind=CaseKind.ACCESS, received=NOV_2, today=TODAY, status=status
        )
        found = None
        try:
            if action is DueDateAction.SET:
                set_due_date_by_hand(
                    session,
                    case,
                    date(2026, 11, 20),
                    "court order",
                    rule_book,
                    today=TODAY,
                    actor="li",
                )
            else:
                release_due_date(session, case, rule_book, today=TODAY, actor="li")
        except ClockError as error:
            found = (type(error), str(error))
        assert found == expected
        set_by_hand = expected is None
        assert case.due_date == (date(2026, 11, 20) if set_by_hand else RULE_DATE)
        assert len(case.notes) == (1 if set_by_hand else 0)

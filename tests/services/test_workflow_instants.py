"""Actions recorded after the fact: an answer posted on Monday and entered on Wednesday keeps
Monday's instant (the dashboard measures on-time answers by it); instants before receipt, in
the future or without a zone are refused and nothing changes."""

from datetime import UTC, datetime, timedelta

import pytest

from app.errors import ClockError, WorkflowError
from app.models.base import utc_now
from app.models.enums import CaseKind, CaseOutcome, CaseStatus
from app.reports.letter_text import check_letter_text
from app.services.audit import verify_chain
from app.services.clock_adjustments import take_extension
from app.services.deadlines import RuleBook, load_rule_book
from app.services.workflow import close, respond
from app.store import Database
from tests.services.test_workflow import HANDLER, TODAY, _case, record_copy

RECEIVED = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def test_an_answer_and_closure_keep_the_instants_given(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, received=RECEIVED)
        record_copy(session, case)
        answered = RECEIVED + timedelta(days=9, hours=3)
        respond(session, case, CaseOutcome.FULFILLED, today=TODAY, responded_at=answered)
        close(session, case, actor=HANDLER, closed_at=answered + timedelta(days=2))
        assert case.responded_at == answered
        assert case.closed_at == datetime(2026, 11, 13, 5, 0, tzinfo=UTC)
        assert verify_chain(session).ok


def test_without_an_instant_the_answer_is_dated_now(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        before = utc_now()
        case = _case(session, rule_book, CaseKind.ACCESS, received=RECEIVED)
        record_copy(session, case)
        respond(session, case, CaseOutcome.FULFILLED, today=TODAY)
        assert case.responded_at is not None and before <= case.responded_at <= utc_now()


@pytest.mark.parametrize(
    "at",
    [
        RECEIVED - timedelta(minutes=1),  # before receipt
        datetime.now(UTC) + timedelta(hours=1),  # in the future
        RECEIVED.replace(tzinfo=None) + timedelta(days=1),  # no zone
    ],
)
def test_an_answer_dated_outside_receipt_to_now_is_refused(
    database: Database, rule_book: RuleBook, at: datetime
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, received=RECEIVED)
        record_copy(session, case)
        with pytest.raises(WorkflowError, match="time"):
            respond(session, case, CaseOutcome.FULFILLED, today=TODAY, responded_at=at)
        assert case.status == CaseStatus.IN_PROGRESS and case.responded_at is None


def test_an_extension_keeps_its_instant_and_refuses_one_before_receipt(
    database: Database, rule_book: RuleBook
) -> None:
    """GDPR Art. 12(3): extended by two further months, told within the first month."""
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, "EU", received=RECEIVED)
        with pytest.raises(ClockError):
            take_extension(session, case, rule_book, printable=check_letter_text,
                           reason="Archive", today=TODAY,
                           extended_at=RECEIVED - timedelta(days=1))  # fmt: skip
        assert case.extension_reason is None and case.extended_at is None
        taken = RECEIVED + timedelta(days=10)
        take_extension(session, case, rule_book, printable=check_letter_text,
                       reason="Archive", today=TODAY, extended_at=taken)  # fmt: skip
        assert case.extended_at == taken

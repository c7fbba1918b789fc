"""Every clock action on a case in every status, as a table (QA10 L7): a pause or an extension
only while a statutory deadline runs (GDPR Art. 12(3); PIPL Art. 50), a restart only on a case
not yet answered, the receipt confirmed or corrected only before the answer (moved after it,
an answer given on time would stand on record as late: QA12 N2). The clock service refuses
exactly what the Case › Clock menu disables (``action_state``), with the same reason."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from app.errors import ClockError, ClockNotPausedError, ClockNotRunningError
from app.models import Case, CasePause
from app.models.enums import CaseKind, CaseStatus, PauseReason
from app.reports.letter_text import check_letter_text
from app.services.clock import DueDateSource
from app.services.clock_adjustments import (
    confirm_receipt,
    pause_clock,
    resume_clock,
    take_extension,
)
from app.services.clock_gates import ClockAction, ClockRefusal
from app.services.deadlines import RuleBook, load_rule_book
from app.services.stated_due_date import set_stated_due_date
from app.services.workflow import action_state, ask_requester
from app.store import Database
from tests.services.clock_cases import timed_case

S, A, R = CaseStatus, ClockAction, ClockRefusal
TODAY = date(2026, 11, 29)
# Tue 10 Nov 2026 09:00 UTC. EU: one month -> Thu 10 Dec 2026, the day an extension must be
# notified by (Art. 12(3)), still ahead on 29 Nov. CN: 15 working days from Wed 11 Nov.
RECEIVED = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
OPEN = (S.NEW, S.TRIAGED, S.AWAITING_REQUESTER, S.IN_PROGRESS, S.IN_REVIEW)
ANSWERED = (S.RESPONDED, S.IN_RETENTION, S.CLOSED)
ACTIONS = (A.PAUSE, A.RESUME, A.EXTEND, A.RECEIPT)
# What happens to each action, in the order of ``ACTIONS`` (None: it succeeds).
TABLE = [
    # kind, law, setup, statuses, (pause, resume, extend, receipt)
    (CaseKind.ACCESS, "EU", "", OPEN, (None, R.NOT_PAUSED, None, None)),
    (CaseKind.ACCESS, "EU", "", ANSWERED, (R.ANSWERED, R.ANSWERED, R.ANSWERED, R.ANSWERED)),
    (CaseKind.ACCESS, "EU", "paused", OPEN, (R.ALREADY_PAUSED, None, None, None)),
    (CaseKind.ACCESS, "EU", "paused", ANSWERED, (R.ANSWERED, R.ANSWERED, R.ANSWERED, R.ANSWERED)),
    (CaseKind.ACCESS, "CN", "", OPEN, (None, R.NOT_PAUSED, R.NO_EXTENSION, None)),
    (CaseKind.ACCESS, "CN", "", ANSWERED, (R.ANSWERED, R.ANSWERED, R.ANSWERED, R.ANSWERED)),
    (
        CaseKind.NOT_A_REQUEST,
        "CN",
        "",
        OPEN,
        (R.NOT_A_REQUEST, R.NOT_A_REQUEST, R.NOT_A_REQUEST, None),
    ),
    # A pause recorded before triage found the mail is no request can still be ended.
    (CaseKind.NOT_A_REQUEST, "CN", "paused", OPEN, (R.NOT_A_REQUEST, None, R.NOT_A_REQUEST, None)),
    (CaseKind.NOT_A_REQUEST, "CN", "", ANSWERED, (R.ANSWERED, R.ANSWERED, R.ANSWERED, R.ANSWERED)),
    # No rule times a reminder kept on its own.
    (CaseKind.REMINDER, "EU", "", OPEN, (R.NO_DEADLINE, R.NO_DEADLINE, R.NO_DEADLINE, None)),
    (CaseKind.REMINDER, "EU", "paused", OPEN, (R.NO_DEADLINE, None, R.NO_DEADLINE, None)),
    # A due date set by hand (Tue 1 Dec, before the statutory Thu 10 Dec) leaves the statutory
    # deadline counted: a pause or an extension moves that one, and the earlier hand date
    # still binds (checked in test_stated_due_date).
    (CaseKind.ACCESS, "EU", "by_hand", OPEN, (None, R.NOT_PAUSED, None, None)),
    # A regulator's stated date: no statute times the inquiry, so nothing stops or extends it.
    (
        CaseKind.REGULATOR_INQUIRY,
        "CN",
        "letter",
        OPEN,
        (R.NO_DEADLINE, R.NO_DEADLINE, R.NO_DEADLINE, None),
    ),
]
ROWS = [
    pytest.param(*row, id=f"{row[0]}-{row[1]}-{row[2] or 'plain'}-{row[3][0]}") for row in TABLE
]
MESSAGES = {
    "This case has been answered or closed: its deadline no longer runs and its dates are "
    "the record its answer was measured by, so its clock cannot be stopped, restarted or "
    "extended, nor its receipt date changed.": R.ANSWERED,
    "This case is not a request: no statutory deadline runs, so its clock cannot be "
    "stopped or extended.": R.NOT_A_REQUEST,
    "No statutory deadline is counted for this case (no rule for its kind, a due date stated "
    "by a regulator's letter, or an unusable receipt date), so its clock cannot be stopped or "
    "extended.": R.NO_DEADLINE,
    "The clock of this case is already paused; resume it first.": R.ALREADY_PAUSED,
    "The clock of this case is not paused.": R.NOT_PAUSED,
    "The rule for this case allows no extension.": R.NO_EXTENSION,
}
NOT_RUNNING = {R.ANSWERED, R.NOT_A_REQUEST, R.NO_DEADLINE}


def _clarification_pause() -> CasePause:
    """A pause from Fri 20 Nov, still open on TODAY (a new row for each case)."""
    return CasePause(
        start_date=date(2026, 11, 20), reason=PauseReason.CLARIFICATION, created_by="li"
    )


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _case(
    session: Session,
    rule_book: RuleBook,
    number: int,
    row: tuple[CaseKind, str, str, CaseStatus],
) -> Case:
    kind, law, setup, status = row
    pauses = [_clarification_pause()] if setup == "paused" else []
    case = timed_case(
        session,
        rule_book,
        kind=kind,
        received=RECEIVED,
        today=TODAY,
        jurisdiction=law,
        status=status,
        reference=f"PD-2026-{number:06d}",
        pauses=pauses,
    )
    if setup == "by_hand":
        set_stated_due_date(session, case, date(2026, 12, 1), DueDateSource.BY_HAND, actor="li")
    if setup == "letter":
        source = DueDateSource.REGULATOR_LETTER
        set_stated_due_date(session, case, date(2026, 11, 24), source, actor="li")
    return case


def _run(session: Session, case: Case, rule_book: RuleBook, action: ClockAction) -> None:
    if action is A.PAUSE:
        pause_clock(
            session,
            case,
            rule_book,
            start_date=date(2026, 11, 25),
            reason=PauseReason.IDENTITY_VERIFICATION,
            today=TODAY,
        )
    elif action is A.RESUME:
        resume_clock(session, case, rule_book, end_date=TODAY, today=TODAY)
    elif action is A.EXTEND:
        take_extension(
            session,
            case,
            rule_book,
            printable=check_letter_text,
            reason="Many systems to search",
            today=TODAY,
        )
    else:
        # The letter came by post on Mon 9 Nov, a day before it was scanned and mailed on.
        moved = datetime(2026, 11, 9, 8, 0, tzinfo=UTC)
        confirm_receipt(session, case, rule_book, received_at=moved, today=TODAY)


def _refusal(session: Session, case: Case, rule_book: RuleBook, action: ClockAction) -> R | None:
    """Run ``action`` through the service; return why it was refused (its error's message).
    Every refusal comes before anything is written, so the session stays usable."""
    try:
        _run(session, case, rule_book, action)
    except ClockError as error:
        refusal = MESSAGES[str(error)]
        expected_class = (
            ClockNotRunningError
            if refusal in NOT_RUNNING
            else ClockNotPausedError
            if refusal is R.NOT_PAUSED
            else ClockError
        )
        assert type(error) is expected_class
        return refusal
    return None


@pytest.mark.parametrize(("kind", "law", "setup", "statuses", "expected"), ROWS)
def test_each_clock_action_in_each_status(
    database: Database,
    rule_book: RuleBook,
    kind: CaseKind,
    law: str,
    setup: str,
    statuses: tuple[CaseStatus, ...],
    expected: tuple[R | None, ...],
) -> None:
    found: dict[tuple[CaseStatus, ClockAction], R | None] = {}
    offered: dict[tuple[CaseStatus, ClockAction], R | None] = {}
    with database.session() as session:
        for status in statuses:
            for action in ACTIONS:
                case = _case(session, rule_book, len(found) + 1, (kind, law, setup, status))
                offered[status, action] = action_state(case, today=TODAY).clock[action]
                found[status, action] = _refusal(session, case, rule_book, action)
    table = {(s, a): e for s in statuses for a, e in zip(ACTIONS, expected, strict=True)}
    assert found == table
    # The menu disables what the service refuses, for the same reason.
    assert offered == table


def test_a_refused_pause_changes_nothing(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        case = _case(session, rule_book, 1, (CaseKind.ACCESS, "EU", "", S.CLOSED))
        due = case.due_date
        with pytest.raises(ClockNotRunningError, match="answered or closed"):
            _run(session, case, rule_book, A.PAUSE)
        assert case.pauses == []
        assert case.due_date == due == date(2026, 12, 10)


def test_asking_what_mail_that_is_no_request_wants_stops_no_clock(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, 1, (CaseKind.NOT_A_REQUEST, "CN", "", S.TRIAGED))
        ask_requester(
            session,
            case,
            rule_book,
            PauseReason.CLARIFICATION,
            summary="Asked what the sender wants",
            today=TODAY,
            actor="li",
        )
        assert case.status == S.AWAITING_REQUESTER
        assert case.pauses == []


def test_a_hand_date_on_a_kind_no_statute_times_is_offered_then_refused_with_its_reason(
    database: Database, rule_book: RuleBook
) -> None:
    # The stored row does not tell whether a rule times a hand-dated case (the source replaces
    # the rule reference): the menu offers Stop, the service refuses it as for any untimed kind.
    with database.session() as session:
        case = _case(session, rule_book, 1, (CaseKind.REMINDER, "EU", "by_hand", S.IN_PROGRESS))
        assert action_state(case, today=TODAY).clock[A.PAUSE] is None
        assert _refusal(session, case, rule_book, A.PAUSE) is R.NO_DEADLINE
        assert case.pauses == []


def test_an_extension_taken_is_not_taken_again(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        case = _case(session, rule_book, 1, (CaseKind.ACCESS, "EU", "", S.IN_PROGRESS))
        _run(session, case, rule_book, A.EXTEND)
        # One month from Tue 10 Nov (Thu 10 Dec) and two further months (GDPR Art. 12(3)).
        assert case.extended_due_date == date(2027, 2, 10)
        reason = "This case has already been extended."
        assert action_state(case, today=TODAY).clock_reasons[A.EXTEND] == reason
        with pytest.raises(ClockError) as refused:
            _run(session, case, rule_book, A.EXTEND)
        assert (type(refused.value), str(refused.value)) == (ClockError, reason)
        assert case.extended_due_date == date(2027, 2, 10)


def test_an_extension_after_its_notice_date_names_that_date(
    database: Database, rule_book: RuleBook
) -> None:
    # The extension is notified within the first month (GDPR Art. 12(3)): by Thu 10 Dec 2026,
    # one month from Tue 10 Nov. On Fri 11 Dec that day has passed.
    late = date(2026, 12, 11)
    reason = "An extension had to be notified by 2026-12-10."
    with database.session() as session:
        case = _case(session, rule_book, 1, (CaseKind.ACCESS, "EU", "", S.IN_PROGRESS))
        state = action_state(case, today=late)
        assert state.clock[A.EXTEND] is R.NOTICE_PASSED
        assert state.clock_reasons == {
            A.RESUME: "The clock of this case is not paused.",
            A.EXTEND: reason,
        }
        with pytest.raises(ClockError) as refused:
            take_extension(
                session,
                case,
                rule_book,
                printable=check_letter_text,
                reason="Many systems",
                today=late,
            )
        assert (type(refused.value), str(refused.value)) == (ClockError, reason)
        assert (case.extended_due_date, case.extension_reason) == (None, None)

"""Every status-gated workflow step on a case in every status, as a table (QA13 H1): on a case
answered or closed (responded, in retention, closed) no triage, no question to the requester or
reply, no identity check (it recounts the clock of a rule that starts on verification) and no
plan or record of the data categories; a review asked for only on work in progress; no closing
while a sign-off is pending, of a case closed already, of a case in retention before its purge
or of an answered deletion with data categories unsettled (test_workflow_close_unsettled). The
workflow services refuse exactly what the Case › Workflow menu disables (``action_state``), with
the same reason and error, before anything is written."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from app.errors import CaseAnsweredError, TransitionBlockedError, WorkflowError
from app.models import Case, CategoryAction
from app.models.enums import (
    CaseKind,
    CaseOutcome,
    CaseStatus,
    CategoryActionKind,
    PauseReason,
    ReviewSubject,
    VerificationMethod,
)
from app.reports.letter_text import check_letter_text
from app.services.deadlines import RuleBook, load_rule_book
from app.services.workflow import (
    action_state,
    ask_requester,
    close,
    complete_action,
    log_reply,
    plan_deletion,
    record_verification,
    request_review,
    set_action,
    triage,
)
from app.services.workflow.categories import plan_export
from app.services.workflow.gates import WorkflowAction, WorkflowRefusal
from app.store import Database
from tests.services.clock_cases import timed_case

S, A, R = CaseStatus, WorkflowAction, WorkflowRefusal
TODAY = date(2026, 11, 29)
# Tue 10 Nov 2026 09:00 UTC (17:00 in Beijing). CN access: 15 working days counted from Wed
# 11 Nov (PIPL Art. 50; cn.toml) -> 11,12,13,16,...,20,23,...,27,30 Nov, 1 Dec: Tue 1 Dec 2026.
RECEIVED = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
DUE = date(2026, 12, 1)
STATUSES = tuple(CaseStatus)  # every status, in the workflow's order (enums.py)
ANSWERED = (R.ANSWERED, R.ANSWERED, R.ANSWERED)
# What happens to each step in each status, in the order of ``STATUSES`` (None: it succeeds).
TABLE = {
    A.TRIAGE: (None, R.ALREADY_TRIAGED, None, R.ALREADY_TRIAGED, R.ALREADY_TRIAGED, *ANSWERED),
    A.ASK_REQUESTER: (None, None, R.ALREADY_WAITING, None, R.IN_REVIEW, *ANSWERED),
    A.LOG_REPLY: (R.NOT_WAITING, R.NOT_WAITING, None, R.NOT_WAITING, R.NOT_WAITING, *ANSWERED),
    A.VERIFY_IDENTITY: (None, None, None, None, None, *ANSWERED),
    # The case is an access request: the copy is planned for it, not deletion (QA14 F9).
    A.PLAN_DELETION: (*[R.NOT_ERASING] * 5, *ANSWERED),
    A.PLAN_COPY: (None, None, None, None, None, *ANSWERED),
    A.PLAN_CATEGORIES: (None, None, None, None, None, *ANSWERED),
    A.COMPLETE_CATEGORY: (None, None, None, None, None, *ANSWERED),
    # Only work in progress goes in review; more reviews may be asked while one is pending.
    A.REQUEST_REVIEW: (*[R.NOT_REVIEWABLE] * 3, None, None, *[R.NOT_REVIEWABLE] * 3),
    # The access case in retention has not been purged; no sign-off is decided by closing.
    A.CLOSE: (None, None, None, None, R.IN_REVIEW, None, R.NOT_PURGED, R.CLOSED),
}
NOT_REVIEWABLE = "cannot be sent for review: only work in progress is signed off."
ANSWERED_TEXT = (
    "The case is answered or closed: its triage, its clock and the plan and record of what was "
    "done for each data category are the record of its answer."
)
MESSAGES = {
    ANSWERED_TEXT: R.ANSWERED,
    "The case is triaged already and work on it has started.": R.ALREADY_TRIAGED,
    "A sign-off is pending on the case: decide the review first.": R.IN_REVIEW,
    "The case waits for the requester already: log the reply first.": R.ALREADY_WAITING,
    "The case is not waiting for the requester.": R.NOT_WAITING,
    "The case is closed already.": R.CLOSED,
    "Planning deletion over the inventory is for deletion and account-cancellation requests; "
    "the kind of this request is 'access'.": R.NOT_ERASING,
    "The account's data is in retention until its purge date; purge it to close.": R.NOT_PURGED,
    # The status by its code: the UI names it in its language (app.error_text, {status}).
    **{
        f"A case that is '{status}' {NOT_REVIEWABLE}": R.NOT_REVIEWABLE
        for status in (
            "new",
            "triaged",
            "awaiting_requester",
            "responded",
            "in_retention",
            "closed",
        )
    },
}
# The error each refusal raises (the rest: WorkflowError itself).
ERRORS = {
    R.ANSWERED: CaseAnsweredError,
    R.NOT_REVIEWABLE: TransitionBlockedError,
    R.CLOSED: TransitionBlockedError,
    R.NOT_PURGED: TransitionBlockedError,
    R.UNSETTLED: TransitionBlockedError,
}


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _case(session: Session, rule_book: RuleBook, number: int, status: CaseStatus) -> Case:
    """A CN access case in ``status`` with the copy of 'account' planned, not yet exported."""
    case = timed_case(
        session,
        rule_book,
        kind=CaseKind.ACCESS,
        received=RECEIVED,
        today=TODAY,
        status=status,
        reference=f"PD-2026-{number:06d}",
    )
    case.category_actions.append(
        CategoryAction(category="account", action=CategoryActionKind.EXPORT, planned_by="li")
    )
    session.flush()
    return case


def _run(session: Session, case: Case, rule_book: RuleBook, action: WorkflowAction) -> None:
    if action is A.TRIAGE:
        triage(session, case, kind=CaseKind.COPY, actor="li")
    elif action is A.ASK_REQUESTER:
        ask_requester(
            session, case, rule_book, PauseReason.CLARIFICATION, summary="", today=TODAY, actor="li"
        )
    elif action is A.LOG_REPLY:
        log_reply(
            session,
            case,
            rule_book,
            summary="",
            channel="email",
            received_date=TODAY,
            today=TODAY,
            actor="li",
        )
    elif action is A.VERIFY_IDENTITY:
        record_verification(
            session,
            case,
            rule_book,
            method=VerificationMethod.ACCOUNT_LOGIN,
            verified=True,
            checked_at=datetime(2026, 11, 27, 2, 0, tzinfo=UTC),
            today=TODAY,
            actor="li",
        )
    elif action is A.PLAN_DELETION:
        plan_deletion(session, case, hold_from=TODAY, actor="li")
    elif action is A.PLAN_COPY:
        plan_export(session, case, actor="li")
    elif action is A.PLAN_CATEGORIES:
        set_action(session, case, "support", CategoryActionKind.NONE_HELD, actor="li")
    elif action is A.REQUEST_REVIEW:
        request_review(session, case, ReviewSubject.LETTER, actor="li", printable=check_letter_text)
    elif action is A.CLOSE:
        # An open case closes early as withdrawn; an answered one as it was answered.
        answered = case.status in (S.RESPONDED, S.IN_RETENTION)
        close(session, case, outcome=None if answered else CaseOutcome.WITHDRAWN, actor="li")
    else:
        complete_action(session, case, "account", actor="li")


def _refusal(session: Session, case: Case, rule_book: RuleBook, action: WorkflowAction) -> R | None:
    """Run ``action`` through its service; return why it was refused (by its message)."""
    try:
        _run(session, case, rule_book, action)
    except WorkflowError as error:
        refusal = MESSAGES[str(error)]
        assert type(error) is ERRORS.get(refusal, WorkflowError)
        return refusal
    return None


@pytest.mark.parametrize("action", list(WorkflowAction))
def test_each_workflow_step_in_each_status(
    database: Database, rule_book: RuleBook, action: WorkflowAction
) -> None:
    found: dict[CaseStatus, R | None] = {}
    offered: dict[CaseStatus, R | None] = {}
    with database.session() as session:
        for number, status in enumerate(STATUSES, start=1):
            case = _case(session, rule_book, number, status)
            offered[status] = action_state(case, today=TODAY).workflow[action]
            found[status] = _refusal(session, case, rule_book, action)
    expected = dict(zip(STATUSES, TABLE[action], strict=True))
    assert found == expected
    # The menu disables what the service refuses, for the same reason.
    assert offered == expected


@pytest.mark.parametrize("status", [S.RESPONDED, S.CLOSED])
def test_an_identity_check_after_the_answer_leaves_its_due_date(
    database: Database, rule_book: RuleBook, status: CaseStatus
) -> None:
    # QA13 H1: PD-020 (CN access, answered) went from due 11-12 to 12-21 when an identity check
    # was recorded after its answer. The check is refused and the clock stays as answered.
    with database.session() as session:
        case = _case(session, rule_book, 1, status)
        assert case.due_date == DUE
        with pytest.raises(CaseAnsweredError):
            _run(session, case, rule_book, A.VERIFY_IDENTITY)
        assert (case.due_date, case.verified_at, case.verifications) == (DUE, None, [])
        assert case.status == status


def test_a_case_in_retention_closes_once_purged(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        case = _case(session, rule_book, 1, S.IN_RETENTION)
        refused = "The account's data is in retention until its purge date; purge it to close."
        assert action_state(case, today=TODAY).workflow_reasons == {
            **dict.fromkeys(
                (
                    A.TRIAGE,
                    A.ASK_REQUESTER,
                    A.LOG_REPLY,
                    A.VERIFY_IDENTITY,
                    A.PLAN_DELETION,
                    A.PLAN_COPY,
                    A.PLAN_CATEGORIES,
                    A.COMPLETE_CATEGORY,
                ),
                ANSWERED_TEXT,
            ),
            A.REQUEST_REVIEW: f"A case that is 'in_retention' {NOT_REVIEWABLE}",
            A.CLOSE: refused,
        }
        case.purged_at = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
        assert A.CLOSE not in action_state(case, today=TODAY).workflow_reasons
        _run(session, case, rule_book, A.CLOSE)
        assert case.status == S.CLOSED
        assert case.closed_at is not None

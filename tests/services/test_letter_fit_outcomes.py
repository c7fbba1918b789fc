"""Which outcome each letter that reports one may state, and which letters go only before the
answer (app/services/letter_fit.py): the refusal only for a refused request, the partial
refusal only for one met in part (PIPL Art. 50), no erasure letter for a refused deletion,
no acknowledgement or question once the case is answered or closed without an answer, and no
letter at all to a case without anyone to send it to (QA11 D2, D3, D11, D13)."""

from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from app.errors import LetterError
from app.models import Case, RefusalGround
from app.models.enums import CaseKind, CaseOutcome, CaseStatus
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_fit import LetterBlocker, check_letter_can_go, letter_fit
from app.services.letter_fit_messages import BLOCKER_MESSAGES
from app.services.workflow import close, complete_action, plan_deletion
from app.store import Database
from tests.services.letter_cases import TODAY, open_case, verify
from tests.services.retention_factory import HANDLER

ANSWERED_AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
BEFORE_ANSWER = ("acknowledgement", "identity_request", "clarification_request")


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _decided(case: Case, outcome: CaseOutcome, grounds: bool = True) -> None:
    """Leave ``case`` as the sign-off of its answer does (test_workflow_refusal_review)."""
    case.outcome, case.responded_at = outcome, ANSWERED_AT
    case.status = CaseStatus.RESPONDED
    if grounds:
        case.refusal_grounds.append(RefusalGround(code="manifestly_unfounded", explanation="x"))


def _blockers(case: Case, keys: tuple[str, ...], rule_book: RuleBook) -> list[object]:
    return [letter_fit(case, key, rule_book, TODAY).blocker for key in keys]


def test_the_refusal_states_only_a_refusal_and_the_partial_refusal_only_a_part_met(
    database: Database, rule_book: RuleBook
) -> None:
    # Demo PD-026 (refused) was offered the partial refusal ("Partly granted … None done"),
    # demo PD-024 (partially fulfilled) the refusal ("decided not to act on your request").
    refusals = ("refusal", "partial_refusal")
    with database.session() as session:
        seen = {}
        for outcome in (CaseOutcome.REFUSED, CaseOutcome.PARTIALLY_FULFILLED, None):
            case = open_case(session, rule_book, CaseKind.OBJECTION, jurisdiction="EU")
            if outcome is not None:
                _decided(case, outcome)
            seen[outcome] = _blockers(case, refusals, rule_book)
        case = open_case(session, rule_book, CaseKind.ACCESS)
        _decided(case, CaseOutcome.FULFILLED, grounds=False)
        seen[CaseOutcome.FULFILLED] = _blockers(case, refusals, rule_book)
        with pytest.raises(LetterError) as refused:
            check_letter_can_go(case, "refusal", rule_book, TODAY)
    assert seen == {
        CaseOutcome.REFUSED: [None, LetterBlocker.REQUEST_REFUSED],
        CaseOutcome.PARTIALLY_FULFILLED: [LetterBlocker.REQUEST_PARTLY_GRANTED, None],
        None: [LetterBlocker.NOT_ANSWERED, LetterBlocker.NOT_ANSWERED],
        CaseOutcome.FULFILLED: [LetterBlocker.REQUEST_GRANTED, LetterBlocker.REQUEST_GRANTED],
    }
    # The access request met in full is reported by the access response: the refusal names it.
    assert str(refused.value) == (
        "The request was met in full: send the letter 'access_response' reporting what was "
        "done instead of a refusal."
    )


def _erased(session: Session, case: Case, rule_book: RuleBook) -> None:
    verify(session, case, rule_book)
    for action in plan_deletion(session, case, hold_from=TODAY, actor=HANDLER):
        complete_action(session, case, action.category, actor=HANDLER)


def test_no_erasure_letter_goes_for_a_refused_or_withdrawn_request(
    database: Database, rule_book: RuleBook
) -> None:
    erasure = ("deletion_done", "cancellation_confirmation")
    with database.session() as session:
        seen = []
        for outcome in (None, CaseOutcome.PARTIALLY_FULFILLED, CaseOutcome.REFUSED):
            case = open_case(session, rule_book, CaseKind.ACCOUNT_CANCELLATION)
            _erased(session, case, rule_book)
            if outcome is not None:
                _decided(case, outcome)
            seen.append(_blockers(case, erasure, rule_book))
        withdrawn = open_case(session, rule_book, CaseKind.DELETION)
        _erased(session, withdrawn, rule_book)
        close(session, withdrawn, outcome=CaseOutcome.WITHDRAWN, actor=HANDLER)
        seen.append(_blockers(withdrawn, ("deletion_done",), rule_book))
    refused = LetterBlocker.REQUEST_REFUSED
    assert seen == [
        [None, None],  # erasure done: the letter is itself the answer
        [None, None],
        [refused, refused],
        [LetterBlocker.CLOSED_WITHOUT_ANSWER],
    ]


@pytest.mark.parametrize(
    "outcome",
    [
        CaseOutcome.WITHDRAWN,
        CaseOutcome.DUPLICATE,
        CaseOutcome.NOT_A_REQUEST,
        CaseOutcome.UNVERIFIABLE,
        CaseOutcome.REDIRECTED_TO_SELF_SERVICE,
    ],
)
def test_nothing_is_asked_or_acknowledged_once_closed_without_an_answer(
    database: Database, rule_book: RuleBook, outcome: CaseOutcome
) -> None:
    # Demo PD-032 (access, closed as withdrawn) was offered an identity request saying
    # "答复期限暂停计算": it asked the person who withdrew for an ID copy.
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS)
        before = _blockers(case, BEFORE_ANSWER, rule_book)
        close(session, case, outcome=outcome, actor=HANDLER)
        after = _blockers(case, BEFORE_ANSWER, rule_book)
        with pytest.raises(LetterError) as refused:
            check_letter_can_go(case, "identity_request", rule_book, TODAY)
    assert before == [None, None, None]
    assert after == [LetterBlocker.CLOSED_WITHOUT_ANSWER] * 3
    assert str(refused.value) == BLOCKER_MESSAGES["closed_without_answer"]


def test_no_acknowledgement_once_answered(database: Database, rule_book: RuleBook) -> None:
    # Demo PD-027 (access, answered) was still offered an acknowledgement.
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS)
        _decided(case, CaseOutcome.FULFILLED, grounds=False)
        answered = letter_fit(case, "acknowledgement", rule_book, TODAY).blocker
        close(session, case, actor=HANDLER)
        closed = letter_fit(case, "acknowledgement", rule_book, TODAY).blocker
    assert answered == LetterBlocker.ALREADY_ANSWERED
    assert closed == LetterBlocker.ALREADY_ANSWERED


def test_no_letter_goes_to_a_case_without_a_requester(
    database: Database, rule_book: RuleBook
) -> None:
    # QA11 h23-no-from.eml: no From:, no address; the acknowledgement said "Dear Sir or Madam".
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS)
        case.subject = None
        seen = _blockers(case, (*BEFORE_ANSWER, "refusal"), rule_book)
        with pytest.raises(LetterError) as refused:
            check_letter_can_go(case, "acknowledgement", rule_book, TODAY)
    assert seen == [LetterBlocker.NO_REQUESTER] * 4
    assert str(refused.value) == BLOCKER_MESSAGES["no_requester"]

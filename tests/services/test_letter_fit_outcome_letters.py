"""The consent-withdrawal, objection and explanation letters are offered exactly for their
kind and for a request met (app/services/letter_fit.py), and a refusal asked for on such a
request met in full names the letter that reports it (QA11 D13, QA12 on D13)."""

from datetime import UTC, datetime

import pytest

from app.errors import LetterError
from app.models.enums import CaseKind, CaseOutcome, CaseStatus
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_fit import (
    REQUEST_KINDS,
    LetterBlocker,
    answers_kind,
    check_letter_can_go,
    letter_fit,
)
from app.services.letter_fit_messages import BLOCKER_MESSAGES
from app.store import Database
from tests.services.letter_cases import TODAY, open_case

ANSWERED_AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
OUTCOME_LETTERS = {
    "consent_withdrawn": CaseKind.CONSENT_WITHDRAWAL,
    "objection_granted": CaseKind.OBJECTION,
    "explanation_given": CaseKind.EXPLANATION,
}


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.mark.parametrize("key", sorted(OUTCOME_LETTERS))
def test_each_letter_answers_its_own_kind_only(key: str) -> None:
    answered = {kind for kind in CaseKind if answers_kind(key, kind)}
    assert answered == {OUTCOME_LETTERS[key]}


@pytest.mark.parametrize("key", sorted(OUTCOME_LETTERS))
def test_each_letter_waits_for_a_request_met(
    database: Database, rule_book: RuleBook, key: str
) -> None:
    # A stop needs no identity proof (PIPL Art. 15: an easy way to withdraw; the explanation
    # is the company's rules for everyone): the case is not verified here.
    seen = {}
    with database.session() as session:
        for outcome in (None, *CaseOutcome):
            case = open_case(session, rule_book, OUTCOME_LETTERS[key], jurisdiction="EU")
            if outcome is not None:
                case.outcome, case.responded_at = outcome, ANSWERED_AT
                case.status = CaseStatus.RESPONDED
            seen[outcome] = letter_fit(case, key, rule_book, TODAY).blocker
    assert seen == {
        None: LetterBlocker.NOT_ANSWERED,
        CaseOutcome.FULFILLED: None,
        CaseOutcome.PARTIALLY_FULFILLED: None,
        CaseOutcome.REFUSED: LetterBlocker.REQUEST_REFUSED,
        CaseOutcome.WITHDRAWN: LetterBlocker.CLOSED_WITHOUT_ANSWER,
        CaseOutcome.UNVERIFIABLE: LetterBlocker.CLOSED_WITHOUT_ANSWER,
        CaseOutcome.NOT_A_REQUEST: LetterBlocker.CLOSED_WITHOUT_ANSWER,
        CaseOutcome.DUPLICATE: LetterBlocker.CLOSED_WITHOUT_ANSWER,
        CaseOutcome.REDIRECTED_TO_SELF_SERVICE: LetterBlocker.CLOSED_WITHOUT_ANSWER,
    }


@pytest.mark.parametrize(
    ("kind", "letter"),
    [
        (CaseKind.CONSENT_WITHDRAWAL, "consent_withdrawn"),
        (CaseKind.OBJECTION, "objection_granted"),
        (CaseKind.EXPLANATION, "explanation_given"),
        (CaseKind.COPY, "access_response"),
        (CaseKind.CORRECTION, "correction_done"),
        (CaseKind.DELETION, "deletion_done"),
        (CaseKind.ACCOUNT_CANCELLATION, "cancellation_confirmation"),
    ],
)
def test_a_refusal_of_a_request_met_in_full_names_the_letter_reporting_it(
    database: Database, rule_book: RuleBook, kind: CaseKind, letter: str
) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, kind)
        case.outcome, case.responded_at = CaseOutcome.FULFILLED, ANSWERED_AT
        case.status = CaseStatus.RESPONDED
        with pytest.raises(LetterError) as refused:
            check_letter_can_go(case, "refusal", rule_book, TODAY)
    assert str(refused.value) == (
        f"The request was met in full: send the letter '{letter}' reporting what was done "
        "instead of a refusal."
    )


def test_a_request_of_another_kind_met_in_full_has_no_letter_to_name(
    database: Database, rule_book: RuleBook
) -> None:
    assert CaseKind.OTHER in REQUEST_KINDS
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.OTHER)
        case.outcome, case.responded_at = CaseOutcome.FULFILLED, ANSWERED_AT
        with pytest.raises(LetterError) as refused:
            check_letter_can_go(case, "refusal", rule_book, TODAY)
    assert str(refused.value) == BLOCKER_MESSAGES["request_granted"]

"""Which letter answers which case (app/services/letter_fit.py): letters that cannot answer a
case's kind, letters that answer it but are not possible yet (with the reason, in the order a
handler settles them), and ``generate_letter`` refusing exactly what the rule refuses."""

from datetime import date

import pytest
from sqlalchemy.orm import Session

from app.errors import LetterError
from app.models import Case
from app.models.enums import CaseKind, ReviewFlag
from app.reports.case_letter_keys import CASE_TEMPLATES
from app.reports.case_letters import render_case_letter
from app.reports.letter_text import check_letter_text
from app.services.clock_adjustments import take_extension
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_fit import (
    LetterBlocker,
    LetterFit,
    answers_kind,
    case_letter_fits,
    letter_fit,
)
from app.services.letters import generate_letter
from app.services.workflow import complete_action, plan_deletion
from app.store import Database
from tests.services.letter_cases import TODAY, open_case, verify
from tests.services.retention_factory import HANDLER


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _offered(session: Session, case: Case, rule_book: RuleBook) -> dict[str, LetterFit]:
    fits = case_letter_fits(session, case.reference, CASE_TEMPLATES, rule_book, TODAY)
    return {fit.template_key: fit for fit in fits if fit.answers_kind}


def test_a_complaint_is_offered_only_its_acknowledgement(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        complaint = open_case(session, rule_book, CaseKind.COMPLAINT)
        offered = _offered(session, complaint, rule_book)
    # No deletion, cancellation or refusal answers a complaint; Chinese law has no extension.
    # Its complainant may be asked for proof or clarification; the response waits for the answer.
    assert list(offered) == [
        "acknowledgement",
        "identity_request",
        "clarification_request",
        "complaint_response",
    ]
    assert offered["acknowledgement"].ready
    assert offered["complaint_response"].blocker == LetterBlocker.NOT_ANSWERED


def test_what_is_no_new_request_gets_no_acknowledgement() -> None:
    for kind in (CaseKind.NOT_A_REQUEST, CaseKind.REMINDER, CaseKind.REGULATOR_INQUIRY):
        assert not answers_kind("acknowledgement", kind)
        assert not answers_kind("refusal", kind)
    assert answers_kind("acknowledgement", CaseKind.COMPLAINT)
    assert answers_kind("deletion_done", CaseKind.CONSENT_WITHDRAWAL)
    assert not answers_kind("cancellation_confirmation", CaseKind.DELETION)


def test_a_deletion_letter_waits_for_the_receipt_date_identity_and_erasure(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.DELETION)
        case.review_flags = [ReviewFlag.MISSING_DATE.value]
        blockers = [letter_fit(case, "deletion_done", rule_book, TODAY).blocker]
        case.review_flags = []
        blockers.append(letter_fit(case, "deletion_done", rule_book, TODAY).blocker)
        verify(session, case, rule_book)
        blockers.append(letter_fit(case, "deletion_done", rule_book, TODAY).blocker)
        for action in plan_deletion(session, case, hold_from=TODAY, actor=HANDLER):
            complete_action(session, case, action.category, actor=HANDLER)
        done = letter_fit(case, "deletion_done", rule_book, TODAY)
        offered = _offered(session, case, rule_book)
    assert blockers == [
        LetterBlocker.RECEIPT_UNCONFIRMED,
        LetterBlocker.IDENTITY_UNVERIFIED,
        LetterBlocker.NOTHING_ERASED,
    ]
    assert done.ready
    # A deletion is no account cancellation; China has no extension; no refusal recorded yet.
    assert list(offered) == [
        "acknowledgement",
        "identity_request",
        "clarification_request",
        "deletion_done",
        "refusal",
        "partial_refusal",
    ]
    assert offered["refusal"].blocker == LetterBlocker.NOT_ANSWERED
    assert offered["identity_request"].blocker == LetterBlocker.IDENTITY_VERIFIED


def test_an_extension_notice_needs_an_extension_taken_in_time(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS, jurisdiction="EU")
        before = letter_fit(case, "extension_notice", rule_book, TODAY).blocker
        take_extension(
            session,
            case,
            rule_book,
            printable=check_letter_text,
            reason="Many requests",
            today=TODAY,
        )
        on_time = letter_fit(case, "extension_notice", rule_book, TODAY)
        # GDPR Art. 12(3): one month from 2 November is 2 December; the notice goes before.
        assert case.due_date == date(2026, 12, 2)
        late = letter_fit(case, "extension_notice", rule_book, date(2026, 12, 3)).blocker
    assert before == LetterBlocker.NOT_EXTENDED
    assert on_time.ready
    assert late == LetterBlocker.EXTENSION_TOO_LATE


def test_generate_letter_refuses_what_the_rule_refuses(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        complaint = open_case(session, rule_book, CaseKind.COMPLAINT)
        deletion = open_case(session, rule_book, CaseKind.DELETION)
        cn_access = open_case(session, rule_book, CaseKind.ACCESS)
        cases = (complaint.reference, deletion.reference, cn_access.reference)
    attempts = (
        (cases[0], "deletion_done"),
        (cases[1], "deletion_done"),
        (cases[2], "extension_notice"),
    )
    messages = []
    for reference, template in attempts:
        with database.session() as session, pytest.raises(LetterError) as refused:
            generate_letter(
                session,
                reference,
                template,
                "zh",
                renderer=render_case_letter,
                rule_book=rule_book,
                issued_date=TODAY,
                actor=HANDLER,
            )
        messages.append(str(refused.value))
    assert messages == [
        "The letter 'deletion_done' answers requests of another kind than this 'complaint' case.",
        "Check the requester's identity first (Case › Workflow › Identity check…): this letter "
        "tells what was done with personal information, and goes only to the person it is "
        "about.",
        "The CN rules give no extension for 'access' requests.",
    ]

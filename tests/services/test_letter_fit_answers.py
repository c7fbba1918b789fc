"""When the letters that ask for proof or report an answer fit a case (app/services/
letter_fit.py): an identity request only while the identity is unchecked, no request for
information once answered or (where the clock runs on) once the due date has passed, the
access response after the identity check, the recorded export (copy) and the answer, the
correction-done letter and the complaint response after the recorded answer."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from app.errors import LetterError
from app.models import Case
from app.models.enums import CaseKind, CaseOutcome, CategoryActionKind
from app.reports.case_letter_keys import CASE_TEMPLATES
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_fit import LetterBlocker, answers_kind, check_letter_can_go, letter_fit
from app.services.letter_fit_messages import BLOCKER_MESSAGES
from app.services.workflow import complete_action, respond, set_action
from app.store import Database
from tests.services.letter_cases import TODAY, export_categories, open_case, verify
from tests.services.retention_factory import HANDLER

NEW_LETTERS = (
    "identity_request",
    "clarification_request",
    "access_response",
    "correction_done",
    "complaint_response",
)
ANSWERED_AT = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def test_every_letter_kind_can_be_made_from_a_case() -> None:
    for key in NEW_LETTERS:
        assert key in CASE_TEMPLATES


def test_each_answer_letter_answers_its_kinds_only() -> None:
    assert answers_kind("access_response", CaseKind.ACCESS)
    assert answers_kind("access_response", CaseKind.COPY)
    assert not answers_kind("access_response", CaseKind.DELETION)
    assert answers_kind("correction_done", CaseKind.CORRECTION)
    assert not answers_kind("correction_done", CaseKind.ACCESS)
    assert answers_kind("complaint_response", CaseKind.COMPLAINT)
    assert not answers_kind("complaint_response", CaseKind.ACCESS)
    for asking in ("identity_request", "clarification_request"):
        assert answers_kind(asking, CaseKind.COMPLAINT)
        for kind in (CaseKind.NOT_A_REQUEST, CaseKind.REMINDER, CaseKind.REGULATOR_INQUIRY):
            assert not answers_kind(asking, kind)


def test_an_identity_request_goes_only_while_the_identity_is_unchecked(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = open_case(session, rule_book, CaseKind.ACCESS)
        before = letter_fit(case, "identity_request", rule_book, TODAY)
        access_before = letter_fit(case, "access_response", rule_book, TODAY).blocker
        verify(session, case, rule_book)
        after = letter_fit(case, "identity_request", rule_book, TODAY).blocker
        export_categories(session, case)
        _answer(session, case)
        access_after = letter_fit(case, "access_response", rule_book, TODAY)
    assert before.ready
    assert after == LetterBlocker.IDENTITY_VERIFIED
    assert access_before == LetterBlocker.IDENTITY_UNVERIFIED
    assert access_after.ready


def _answer(session: Session, case: Case, outcome: CaseOutcome = CaseOutcome.FULFILLED) -> None:
    respond(session, case, outcome, today=TODAY, actor=HANDLER, responded_at=ANSWERED_AT)


@pytest.mark.parametrize("kind", [CaseKind.ACCESS, CaseKind.COPY])
def test_an_access_response_waits_for_every_export_and_then_the_answer(
    database: Database, rule_book: RuleBook, kind: CaseKind
) -> None:
    # PIPL Art. 45: the letter says the copy is attached; it goes once the copy of every
    # category planned for export is recorded done, and then the answer is recorded.
    with database.session() as session:
        case = open_case(session, rule_book, kind)
        verify(session, case, rule_book)

        def blocker() -> LetterBlocker | None:
            return letter_fit(case, "access_response", rule_book, TODAY).blocker

        seen = [blocker()]
        # Holding nothing in a category is no copy of anything.
        set_action(session, case, "icp_filing", CategoryActionKind.NONE_HELD, actor=HANDLER)
        complete_action(session, case, "icp_filing", actor=HANDLER, done_at=ANSWERED_AT)
        seen.append(blocker())
        export_categories(session, case, ("account", "orders"), done=False)
        seen.append(blocker())
        complete_action(session, case, "account", actor=HANDLER, done_at=ANSWERED_AT)
        seen.append(blocker())  # the orders' export is still open
        with pytest.raises(LetterError) as refused:
            check_letter_can_go(case, "access_response", rule_book, TODAY)
        complete_action(session, case, "orders", actor=HANDLER, done_at=ANSWERED_AT)
        seen.append(blocker())
        _answer(session, case)
        seen.append(blocker())
    none, open_ = LetterBlocker.NOTHING_EXPORTED, LetterBlocker.EXPORT_NOT_DONE
    assert seen == [none, none, open_, open_, LetterBlocker.NOT_ANSWERED, None]
    assert str(refused.value) == BLOCKER_MESSAGES["export_not_done"]


def test_the_outcome_letters_wait_for_the_answer_and_the_questions_stop_with_it(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        complaint = open_case(session, rule_book, CaseKind.COMPLAINT)
        correction = open_case(session, rule_book, CaseKind.CORRECTION)
        verify(session, correction, rule_book)
        waiting = [
            letter_fit(complaint, "complaint_response", rule_book, TODAY).blocker,
            letter_fit(correction, "correction_done", rule_book, TODAY).blocker,
        ]
        for case in (complaint, correction):
            respond(
                session,
                case,
                CaseOutcome.FULFILLED,
                today=TODAY,
                actor=HANDLER,
                responded_at=ANSWERED_AT,
            )
        answered = [
            letter_fit(complaint, "complaint_response", rule_book, TODAY),
            letter_fit(correction, "correction_done", rule_book, TODAY),
        ]
        asking = letter_fit(complaint, "clarification_request", rule_book, TODAY).blocker
    assert waiting == [LetterBlocker.NOT_ANSWERED, LetterBlocker.NOT_ANSWERED]
    assert all(fit.ready for fit in answered)
    assert asking == LetterBlocker.ALREADY_ANSWERED


def test_a_question_with_the_clock_running_is_not_sent_after_the_due_date(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        # A CN complaint's clock runs on (2019 认定方法: 15 working days, no pause): received
        # Monday 2 November 2026, due Monday 23 November 2026.
        complaint = open_case(session, rule_book, CaseKind.COMPLAINT)
        assert complaint.due_date == date(2026, 11, 23)
        on_time = letter_fit(complaint, "clarification_request", rule_book, date(2026, 11, 23))
        late = letter_fit(complaint, "clarification_request", rule_book, date(2026, 11, 24))
        # A CN access request's clock stops for the identity proof (GB/T 35273-2020 §8.7).
        access = open_case(session, rule_book, CaseKind.ACCESS)
        paused = letter_fit(access, "identity_request", rule_book, date(2026, 12, 31))
        # A CN deletion's clock may stop for a clarification but, with none asked (no pause
        # open), runs: 15 working days from Monday 2 November end on Monday 23 November, and
        # the letter would promise that day (seen on a real case: "5月21日前答复" in November).
        deletion = open_case(session, rule_book, CaseKind.DELETION)
        running = letter_fit(deletion, "clarification_request", rule_book, date(2026, 11, 24))
    assert on_time.ready
    assert late.blocker == LetterBlocker.DEADLINE_PASSED
    assert paused.ready
    assert running.blocker == LetterBlocker.DEADLINE_PASSED


def test_a_refused_request_gets_no_letter_saying_it_was_met(
    database: Database, rule_book: RuleBook
) -> None:
    # PIPL Art. 50: a refused request is answered with the refusal and its grounds; a letter
    # saying "your copy is attached" or "corrected as you asked" would mislead the person. A
    # complaint not upheld still gets its findings (the complaint response).
    with database.session() as session:
        access = open_case(session, rule_book, CaseKind.ACCESS)
        correction = open_case(session, rule_book, CaseKind.CORRECTION)
        complaint = open_case(session, rule_book, CaseKind.COMPLAINT)
        for case in (access, correction):
            verify(session, case, rule_book)
        export_categories(session, access)
        for case in (access, correction, complaint):
            # As the sign-off of a refusal leaves them (test_workflow_refusal_review).
            case.outcome, case.responded_at = CaseOutcome.REFUSED, ANSWERED_AT
        fits = [
            letter_fit(access, "access_response", rule_book, TODAY).blocker,
            letter_fit(correction, "correction_done", rule_book, TODAY).blocker,
            letter_fit(complaint, "complaint_response", rule_book, TODAY).blocker,
        ]
        with pytest.raises(LetterError) as refused:
            check_letter_can_go(access, "access_response", rule_book, TODAY)
    assert fits == [LetterBlocker.REQUEST_REFUSED, LetterBlocker.REQUEST_REFUSED, None]
    assert str(refused.value) == BLOCKER_MESSAGES["request_refused"]

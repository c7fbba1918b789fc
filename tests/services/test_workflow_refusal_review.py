"""A refusal's four-eyes sign-off sees its grounds (QA9 H3): PIPL Art. 50 requires the reasons
of a refusal, and the reviewer signs off the refusal with them, so no sign-off is asked for or
given without grounds, and grounds changed after an approval need a new one."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import TransitionBlockedError, WorkflowError
from app.models import Case, Event, Review
from app.models.enums import CaseKind, CaseOutcome, CaseStatus, ReviewDecision, ReviewSubject
from app.reports.letter_text import check_letter_text
from app.services.deadlines import RuleBook, load_rule_book
from app.services.workflow import decide_review, request_review, respond
from app.store import Database
from tests.services.test_workflow import HANDLER, REVIEWER, TODAY, _case, _events, record_copy

UNFOUNDED = [("manifestly_unfounded", "fifth identical request this month")]
EXCESSIVE = [("excessive", "asked for the same copy every week")]


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _ask(session: Session, case: Case, grounds: list[tuple[str, str]]) -> Review:
    return request_review(
        session,
        case,
        ReviewSubject.REFUSAL,
        actor=HANDLER,
        grounds=grounds,
        printable=check_letter_text,
    )


def _grounds(case: Case) -> list[tuple[str, str]]:
    return [(g.code, g.explanation) for g in case.refusal_grounds]


def test_a_refusal_review_without_grounds_is_refused_and_writes_nothing(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, "EU")
        before = _events(session)
        with pytest.raises(TransitionBlockedError, match="Record the refusal grounds"):
            request_review(
                session, case, ReviewSubject.REFUSAL, actor=HANDLER, printable=check_letter_text
            )
        with pytest.raises(TransitionBlockedError, match="unknown: national_security"):
            _ask(session, case, [("national_security", "")])  # a PIPL ground, not a GDPR one
        assert (case.status, case.reviews, case.refusal_grounds) == (CaseStatus.IN_PROGRESS, [], [])
        assert _events(session) == before


def test_an_explanation_the_refusal_letter_cannot_print_is_refused_and_writes_nothing(
    database: Database, rule_book: RuleBook
) -> None:
    # QA18 F10's kind: the refusal letter prints each explanation (PIPL Art. 50, GDPR Art.
    # 12(4): the reasons); once signed off and answered, it could never print one holding 𠮷
    # (U+20BB7, in no bundled face; the tests borrow no font from the computer).
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, "EU")
        before = _events(session)
        with pytest.raises(WorkflowError) as refused:
            _ask(session, case, [("manifestly_unfounded", "吉田 asked 𠮷 five times")])
        assert str(refused.value) == (
            "An explanation of the refusal grounds holds characters no letter font on this "
            "computer has (U+20BB7), so the refusal letter could not print it: type it without "
            "them."
        )
        assert (case.status, case.reviews, case.refusal_grounds) == (CaseStatus.IN_PROGRESS, [], [])
        assert _events(session) == before


def test_the_reviewer_signs_off_the_grounds_the_answer_then_gives(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, "EU")
        review = _ask(session, case, UNFOUNDED)
        assert (case.status, _grounds(case)) == (CaseStatus.IN_REVIEW, UNFOUNDED)
        decide_review(session, case, review, reviewer=REVIEWER, approve=True)
        respond(session, case, CaseOutcome.REFUSED, today=TODAY, actor=HANDLER)
        assert (case.status, _grounds(case)) == (CaseStatus.RESPONDED, UNFOUNDED)
        event = session.scalars(select(Event).where(Event.action == "review.requested")).one()
        assert event.payload["grounds"] == ["manifestly_unfounded"]
        assert "fifth" not in str(event.payload)  # free text stays on the case, hashed here


def test_a_refusal_review_asked_for_without_grounds_cannot_be_approved(
    database: Database, rule_book: RuleBook
) -> None:
    """The QA path: a sign-off asked for before grounds existed (e.g. before this rule)."""
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, "EU")
        case.status = CaseStatus.IN_REVIEW
        review = Review(
            subject=ReviewSubject.REFUSAL,
            requested_by=HANDLER,
            requested_at=datetime(2026, 11, 3, tzinfo=UTC),
            decision=ReviewDecision.PENDING,
        )
        case.reviews.append(review)
        with pytest.raises(TransitionBlockedError, match="Record the refusal grounds"):
            decide_review(session, case, review, reviewer=REVIEWER, approve=True)
        assert review.decision == ReviewDecision.PENDING
        decide_review(session, case, review, reviewer=REVIEWER, approve=False, comment="grounds?")
        with pytest.raises(TransitionBlockedError, match="sign-off of the refusal"):
            respond(
                session, case, CaseOutcome.REFUSED, grounds=UNFOUNDED, today=TODAY, actor=HANDLER
            )


def test_grounds_changed_after_an_approval_need_a_new_sign_off(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, "EU")
        decide_review(
            session, case, _ask(session, case, UNFOUNDED), reviewer=REVIEWER, approve=True
        )
        with pytest.raises(TransitionBlockedError, match="differ from those signed off"):
            respond(
                session, case, CaseOutcome.REFUSED, grounds=EXCESSIVE, today=TODAY, actor=HANDLER
            )
        reworded = [("manifestly_unfounded", "sixth identical request")]
        with pytest.raises(TransitionBlockedError, match="differ from those signed off"):
            respond(
                session, case, CaseOutcome.REFUSED, grounds=reworded, today=TODAY, actor=HANDLER
            )
        # A later review of other grounds, rejected, outweighs the first approval.
        later = _ask(session, case, EXCESSIVE)
        decide_review(session, case, later, reviewer=REVIEWER, approve=False, comment="weak")
        with pytest.raises(TransitionBlockedError, match="sign-off of the refusal"):
            respond(session, case, CaseOutcome.REFUSED, today=TODAY, actor=HANDLER)
        decide_review(
            session, case, _ask(session, case, EXCESSIVE), reviewer=REVIEWER, approve=True
        )
        respond(session, case, CaseOutcome.REFUSED, grounds=EXCESSIVE, today=TODAY, actor=HANDLER)
        assert (case.outcome, _grounds(case)) == (CaseOutcome.REFUSED, EXCESSIVE)


def test_an_answer_that_refuses_nothing_drops_the_proposed_grounds(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        case = _case(session, rule_book, CaseKind.ACCESS, "EU")
        review = _ask(session, case, UNFOUNDED)
        decide_review(session, case, review, reviewer=REVIEWER, approve=False, comment="answer it")
        record_copy(session, case)
        respond(session, case, CaseOutcome.FULFILLED, today=TODAY, actor=HANDLER)
        assert (case.outcome, case.refusal_grounds) == (CaseOutcome.FULFILLED, [])

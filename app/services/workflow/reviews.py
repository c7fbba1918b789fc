"""Four-eyes review: deletions, refusals and every outgoing letter are signed off by a second
person, who is neither the handler of the case nor the person who asked for the review."""

from datetime import datetime

from sqlalchemy.orm import Session

from app.errors import TransitionBlockedError, WorkflowError
from app.models import Case, Review
from app.models.enums import CaseStatus, ReviewDecision, ReviewSubject
from app.services.audit import record_event
from app.services.workflow.transitions import action_instant, move


def request_review(
    session: Session,
    case: Case,
    subject: ReviewSubject,
    *,
    actor: str,
    letter_id: int | None = None,
    requested_at: datetime | None = None,
) -> Review:
    """Ask a second person to sign off ``subject``; the case waits ``in_review``.

    Args:
        requested_at: when the sign-off was asked for (aware); now when not given.

    Raises:
        WorkflowError: ``requested_at`` naive, before receipt or in the future.
    """
    review = Review(
        subject=subject,
        letter_id=letter_id,
        requested_by=actor,
        requested_at=action_instant(case, requested_at),
        decision=ReviewDecision.PENDING,
    )
    case.reviews.append(review)
    if case.status != CaseStatus.IN_REVIEW:
        move(session, case, CaseStatus.IN_REVIEW, actor=actor)
    record_event(
        session,
        "review.requested",
        case=case,
        actor=actor,
        payload={"subject": subject.value, "letter_id": letter_id},
    )
    return review


def decide_review(
    session: Session,
    case: Case,
    review: Review,
    *,
    reviewer: str,
    approve: bool,
    comment: str = "",
    decided_at: datetime | None = None,
) -> None:
    """Record the reviewer's decision; the case goes back to ``in_progress`` either way.

    Args:
        decided_at: when the reviewer decided (aware); now when not given.

    Raises:
        TransitionBlockedError: the reviewer is the handler or asked for the review.
        WorkflowError: the review was already decided, a rejection has no comment, or
            ``decided_at`` is naive, before receipt or in the future.
    """
    if reviewer in {review.requested_by, case.assignee}:
        raise TransitionBlockedError(
            "A second person must sign off: the reviewer cannot be the handler of the case "
            "or the person who asked for the review.",
            ("a reviewer other than the handler",),
        )
    if review.decision != ReviewDecision.PENDING:
        raise WorkflowError("This review has already been decided.")
    if not approve and not comment.strip():
        raise WorkflowError("Say why the review is rejected.")
    decided = action_instant(case, decided_at)
    review.decision = ReviewDecision.APPROVED if approve else ReviewDecision.REJECTED
    review.decided_by = reviewer
    review.decided_at = decided
    review.comment = comment
    record_event(
        session,
        "review.decided",
        case=case,
        actor=reviewer,
        payload={"subject": review.subject.value, "decision": review.decision.value},
    )
    if not any(r.decision == ReviewDecision.PENDING for r in case.reviews):
        move(session, case, CaseStatus.IN_PROGRESS, actor=reviewer)


def has_approved_review(case: Case, subject: ReviewSubject, letter_id: int | None = None) -> bool:
    """Return whether a second person approved ``subject`` (for ``letter_id`` if given)."""
    return any(
        r.subject == subject
        and r.decision == ReviewDecision.APPROVED
        and (letter_id is None or r.letter_id == letter_id)
        for r in case.reviews
    )

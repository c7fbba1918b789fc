"""Four-eyes review: deletions, refusals and every outgoing letter are signed off by a second
person, who is neither the handler of the case nor the person who asked for the review.

A refusal is signed off with its reasons: PIPL Art. 50 (GDPR Art. 12(4)) requires the reasons
of a refusal, and the review of a refusal (DESIGN.md §2, ``in_review``) must see them. Its
grounds are therefore recorded when the sign-off is asked for, and only the latest refusal
review counts, so grounds changed after an approval need a new one (``lifecycle.respond``).
"""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from app.errors import TransitionBlockedError, WorkflowError
from app.models import Case, Review
from app.models.enums import CaseStatus, ReviewDecision, ReviewSubject
from app.services.audit import record_event
from app.services.letter_text import LetterTextCheck, missing_glyphs
from app.services.typed_text import has_direction_controls
from app.services.user_names import same_user
from app.services.workflow.gates import WorkflowAction, refuse_workflow_step
from app.services.workflow.grounds import ground_blockers, grounds_payload, record_grounds
from app.services.workflow.transitions import action_instant, move


def request_review(
    session: Session,
    case: Case,
    subject: ReviewSubject,
    *,
    actor: str,
    letter_id: int | None = None,
    requested_at: datetime | None = None,
    grounds: Sequence[tuple[str, str]] | None = None,
    printable: LetterTextCheck,
) -> Review:
    """Ask a second person to sign off ``subject``; the case waits ``in_review``.

    Args:
        requested_at: when the sign-off was asked for (aware); now when not given.
        grounds: for a refusal, its (ground code, explanation) pairs from the jurisdiction's
            list, recorded on the case for the reviewer to see (replacing earlier ones); none
            keeps those recorded. Ignored for other subjects.
        printable: the letters' font check (``app.reports.letter_text.check_letter_text``):
            the refusal letter prints each explanation, so one it could not print is refused
            now, before it is signed off and becomes the record of the refusal.

    Raises:
        TransitionBlockedError: a case not in progress (nor in review already: ``gates``), a
            refusal without recorded grounds (PIPL Art. 50) or a ground not on the
            jurisdiction's list.
        WorkflowError: ``requested_at`` naive, before receipt or in the future; an
            explanation holding characters no letter font has (named by code point).
    """
    refuse_workflow_step(WorkflowAction.REQUEST_REVIEW, case)
    proposed = _refusal_grounds(case, grounds) if subject == ReviewSubject.REFUSAL else None
    if proposed:
        _check_explanations(proposed, printable)
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
    payload: dict[str, object] = {"subject": subject.value, "letter_id": letter_id}
    if subject == ReviewSubject.REFUSAL:
        payload |= record_grounds(case, proposed) if proposed else grounds_payload(case)
    record_event(session, "review.requested", case=case, actor=actor, payload=payload)
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
        TransitionBlockedError: the reviewer is the handler or asked for the review (names
            compared regardless of letter case, ``user_names.same_user``), or
            approves a refusal whose grounds are not recorded (PIPL Art. 50: a refusal states
            its reasons, which the reviewer signs off).
        WorkflowError: the review was already decided, a rejection has no comment, the
            comment holds a bidi embedding, override or isolate (``app.services.typed_text``),
            or ``decided_at`` is naive, before receipt or in the future.
    """
    if same_user(reviewer, review.requested_by) or same_user(reviewer, case.assignee):
        raise TransitionBlockedError(
            "A second person must sign off: the reviewer cannot be the handler of the case "
            "or the person who asked for the review.",
            ("a reviewer other than the handler",),
        )
    if review.decision != ReviewDecision.PENDING:
        raise WorkflowError("This review has already been decided.")
    if approve and review.subject == ReviewSubject.REFUSAL and not case.refusal_grounds:
        raise TransitionBlockedError(NO_GROUNDS, ("the refusal grounds",))
    if not approve and not comment.strip():
        raise WorkflowError("Say why the review is rejected.")
    if has_direction_controls(comment):
        raise WorkflowError("The text holds direction-changing characters; type it again.")
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


def refusal_signed_off(case: Case) -> bool:
    """Return whether the latest review of a refusal on ``case`` was approved: a rejected or
    pending one asked for later (with changed grounds) outweighs an earlier approval."""
    refusals = [r for r in case.reviews if r.subject == ReviewSubject.REFUSAL]
    latest = max(refusals, key=lambda r: (r.requested_at, r.id or 0), default=None)
    return latest is not None and latest.decision == ReviewDecision.APPROVED


def has_approved_review(case: Case, subject: ReviewSubject, letter_id: int | None = None) -> bool:
    """Return whether a second person approved ``subject`` (for ``letter_id`` if given)."""
    return any(
        r.subject == subject
        and r.decision == ReviewDecision.APPROVED
        and (letter_id is None or r.letter_id == letter_id)
        for r in case.reviews
    )


NO_GROUNDS = (
    "Record the refusal grounds before a second person signs off the refusal: the reviewer "
    "must see the reasons the requester will be given."
)


def _check_explanations(grounds: Sequence[tuple[str, str]], printable: LetterTextCheck) -> None:
    """Refuse explanations the refusal letter could not print (its code points named)."""
    missing = missing_glyphs([explanation for _, explanation in grounds], printable)
    if missing is None:
        return
    code_points = ", ".join(missing.code_points)
    raise WorkflowError(
        f"An explanation of the refusal grounds holds characters no letter font on this "
        f"computer has ({code_points}), so the refusal letter could not print it: type it "
        "without them."
    )


def _refusal_grounds(
    case: Case, grounds: Sequence[tuple[str, str]] | None
) -> Sequence[tuple[str, str]] | None:
    """Check a refusal review's grounds before anything is written: those given must be on the
    jurisdiction's list; without any, some must be recorded already."""
    if grounds:
        missing = ground_blockers(case.jurisdiction, grounds)
        if missing:
            raise TransitionBlockedError(
                "The refusal grounds cannot be recorded: " + "; ".join(missing) + ".",
                tuple(missing),
            )
        return grounds
    if not case.refusal_grounds:
        raise TransitionBlockedError(NO_GROUNDS, ("the refusal grounds",))
    return None

"""A generated letter's way out: a second person approves it (four-eyes), then its sending
is recorded with a proof. Generating letters is ``app.services.letters``."""

from datetime import datetime

from sqlalchemy.orm import Session

from app.errors import TransitionBlockedError, WorkflowError
from app.models import Letter, Review
from app.models.enums import ReviewDecision, ReviewSubject
from app.services.audit import record_event
from app.services.case_queries import find_case
from app.services.user_names import same_user
from app.services.workflow.transitions import action_instant


def _letter(session: Session, reference: str, letter_id: int) -> Letter:
    case = find_case(session, reference)
    letter = next((lt for lt in case.letters if lt.id == letter_id), None)
    if letter is None:
        raise WorkflowError(f"Case {case.reference} has no letter #{letter_id}.")
    return letter


def approve_letter(
    session: Session,
    reference: str,
    letter_id: int,
    *,
    reviewer: str,
    approved_at: datetime | None = None,
) -> Letter:
    """A second person approves a generated letter before it is sent (four-eyes).

    Args:
        approved_at: when the reviewer approved it (aware); now when not given.

    Raises:
        CaseNotFoundError, WorkflowError: no such case or letter, already approved, or
            ``approved_at`` naive, before receipt or in the future.
        TransitionBlockedError: the reviewer generated the letter or handles the case (names
            compared regardless of letter case, ``user_names.same_user``: "LI.WEI" is the
            handler "li.wei").
    """
    letter = _letter(session, reference, letter_id)
    if same_user(reviewer, letter.generated_by) or same_user(reviewer, letter.case.assignee):
        raise TransitionBlockedError(
            "A second person must approve the letter: not the person who generated it or the "
            "handler of the case.",
            ("a reviewer other than the author",),
        )
    if letter.approved_at is not None:
        raise WorkflowError("This letter is already approved.")
    letter.approved_at = action_instant(letter.case, approved_at)
    letter.approved_by = reviewer
    letter.case.reviews.append(
        Review(
            subject=ReviewSubject.LETTER,
            letter_id=letter.id,
            requested_by=letter.generated_by,
            decision=ReviewDecision.APPROVED,
            decided_by=reviewer,
            decided_at=letter.approved_at,
        )
    )
    record_event(
        session,
        "letter.approved",
        case=letter.case,
        actor=reviewer,
        payload={"letter_id": letter.id, "sha256": letter.sha256},
    )
    return letter


def record_sending(
    session: Session,
    reference: str,
    letter_id: int,
    *,
    channel: str,
    sent_at: datetime,
    proof: str,
    actor: str,
) -> Letter:
    """Record that an approved letter was sent: channel, instant and proof (e.g. the e-mail's
    Message-ID or a registered-post number).

    Raises:
        WorkflowError: no such letter, not approved, already sent, or no proof.
    """
    letter = _letter(session, reference, letter_id)
    if letter.approved_at is None:
        raise WorkflowError("Only an approved letter can be sent.")
    if letter.sent_at is not None:
        raise WorkflowError("This letter is already recorded as sent.")
    if not proof.strip() or not channel.strip():
        raise WorkflowError("Record the channel and a proof of sending.")
    letter.sent_at, letter.sent_channel, letter.sent_proof = sent_at, channel, proof
    letter.sent_recorded_by = actor
    record_event(
        session,
        "letter.sent",
        case=letter.case,
        actor=actor,
        payload={"letter_id": letter.id, "channel": channel, "sha256": letter.sha256},
    )
    return letter

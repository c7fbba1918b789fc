"""Waiting for the requester: identity proof and clarification pause the clock where the rule
allows; logging the reply restarts it. Identity verification records method, checker, time and
the SHA-256 of the evidence (PIPL Art. 50; GB/T 35273-2020 §8.7: verify identity first)."""

import hashlib
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.errors import WorkflowError
from app.models import Case, IdentityVerification, Message
from app.models.enums import CaseStatus, MessageDirection, PauseReason, VerificationMethod
from app.services.audit import record_event
from app.services.clock import recompute_clock
from app.services.clock_adjustments import pause_clock, resume_clock
from app.services.clock_gates import NOT_RUNNING, ClockAction, clock_refusal, counted_deadline
from app.services.deadlines import RuleBook, StartEvent
from app.services.workflow.gates import WorkflowAction, refuse_workflow_step
from app.services.workflow.transitions import move


def _starts_on_verification(case: Case, rule_book: RuleBook) -> bool:
    if not rule_book.has_rule(case.jurisdiction, case.kind):
        return False
    return rule_book.rule_set(case.jurisdiction).rule(case.kind).start == StartEvent.VERIFIED


def _deadline_runs(session: Session, case: Case, rule_book: RuleBook, *, today: date) -> bool:
    counted = counted_deadline(session, case, rule_book, today=today) is not None
    return clock_refusal(ClockAction.PAUSE, case, counted=counted, today=today) not in NOT_RUNNING


def ask_requester(
    session: Session,
    case: Case,
    rule_book: RuleBook,
    reason: PauseReason,
    *,
    summary: str,
    today: date,
    actor: str,
) -> None:
    """Ask for identity proof or clarification: the case waits for the requester and the clock
    stops from today (ignored by rules whose clock does not stop; for rules that start on
    verification the clock has not started, so no pause is recorded for identity; nor is one
    where no statutory deadline runs, e.g. mail that is no request asked what it wants:
    ``app.services.clock_gates``).

    Raises:
        CaseAnsweredError: the case is answered or closed (``gates``).
        WorkflowError: a sign-off is pending, or a question to the requester is open.
    """
    refuse_workflow_step(WorkflowAction.ASK_REQUESTER, case)
    move(session, case, CaseStatus.AWAITING_REQUESTER, actor=actor, payload={"for": reason.value})
    case.messages.append(
        Message(
            direction=MessageDirection.OUTGOING,
            channel="letter",
            summary=summary,
            recorded_by=actor,
        )
    )
    waiting_to_start = reason == PauseReason.IDENTITY_VERIFICATION and _starts_on_verification(
        case, rule_book
    )
    if not waiting_to_start and _deadline_runs(session, case, rule_book, today=today):
        pause_clock(
            session, case, rule_book, start_date=today, reason=reason, today=today, actor=actor
        )


def log_reply(
    session: Session,
    case: Case,
    rule_book: RuleBook,
    *,
    summary: str,
    channel: str,
    received_date: date,
    today: date,
    actor: str,
) -> None:
    """Log the requester's reply and restart the clock the day after ``received_date``.

    Raises:
        CaseAnsweredError: the case is answered or closed (``gates``).
        WorkflowError: the case is not waiting for the requester.
    """
    refuse_workflow_step(WorkflowAction.LOG_REPLY, case)
    case.messages.append(
        Message(
            direction=MessageDirection.INCOMING, channel=channel, summary=summary, recorded_by=actor
        )
    )
    if any(p.end_date is None for p in case.pauses):
        resume_clock(session, case, rule_book, end_date=received_date, today=today, actor=actor)
    move(session, case, CaseStatus.IN_PROGRESS, actor=actor, payload={"reply": channel})


def record_verification(
    session: Session,
    case: Case,
    rule_book: RuleBook,
    *,
    method: VerificationMethod,
    verified: bool,
    checked_at: datetime,
    evidence: bytes | None = None,
    note: str = "",
    today: date,
    actor: str,
) -> IdentityVerification:
    """Record an identity check. Only the evidence's SHA-256 is kept (ID copies are not stored
    by default). A successful check starts the clock of rules that start on verification.

    Raises:
        CaseAnsweredError: the case is answered or closed: a check recorded now would recount
            the due date its answer was measured by (``gates``; QA13 H1).
        WorkflowError: the check is dated in the future or before the request arrived.
    """
    refuse_workflow_step(WorkflowAction.VERIFY_IDENTITY, case)
    if checked_at.date() > today or checked_at < case.received_at:
        raise WorkflowError("An identity check must be dated between receipt and today.")
    check = IdentityVerification(
        method=method,
        verified=verified,
        checked_by=actor,
        checked_at=checked_at,
        note=note,
        evidence_sha256=hashlib.sha256(evidence).hexdigest() if evidence is not None else None,
    )
    case.verifications.append(check)
    payload = {
        "method": method.value,
        "verified": verified,
        "evidence_sha256": check.evidence_sha256,
    }
    record_event(session, "identity.checked", case=case, actor=actor, payload=payload)
    if verified:
        case.verified_at = checked_at
        recompute_clock(
            session, case, rule_book, cause="identity_verified", today=today, actor=actor
        )
    return check

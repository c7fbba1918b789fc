"""Account cancellations in retention: the "due for purge" list, the purge, and its certificate.

After cancellation the account's data is kept 6 months, then deleted or anonymised (company
policy; GB/T 35273-2020 §8.5). Categories under a legal hold (e.g. transaction records, 3
years under E-Commerce Law Art. 31) stay held until their own dates. The purge anonymises the
case's personal data but keeps every audit event, so the hash chain still verifies.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import TransitionBlockedError
from app.models import Case
from app.models.base import utc_now
from app.models.enums import CaseKind, CaseOutcome, CaseStatus, CategoryActionKind
from app.services.audit import record_event
from app.services.case_erasure import erase_case as _erase
from app.services.workflow.transitions import move


@dataclass(frozen=True)
class HeldCategory:
    """A category still held after the purge, until ``hold_until`` under ``hold_rule``."""

    category: str
    hold_until: date
    hold_rule: str


@dataclass(frozen=True)
class PurgeCertificate:
    """What a purge did, for the certificate: when, by whom, what was erased, what is still held
    and why, and the hash of the audit event that records it."""

    reference: str
    purged_at: datetime
    purged_by: str
    attachments_erased: int
    identifiers_erased: int
    notes_erased: int
    still_held: tuple[HeldCategory, ...]
    event_hash: str


def due_for_purge(session: Session, today: date) -> list[Case]:
    """Return the cases in retention whose purge date has come, oldest first."""
    return list(
        session.scalars(
            select(Case)
            .where(Case.status == CaseStatus.IN_RETENTION, Case.retention_purge_date <= today)
            .order_by(Case.retention_purge_date, Case.id)
        )
    )


def purge(session: Session, case: Case, *, today: date, actor: str) -> PurgeCertificate:
    """Erase the case's personal data once its retention has run out, and close it.

    Raises:
        TransitionBlockedError: the case is not an account cancellation in retention, or its
            purge date has not come.
    """
    due = case.retention_purge_date
    if case.status != CaseStatus.IN_RETENTION or case.kind != CaseKind.ACCOUNT_CANCELLATION:
        raise TransitionBlockedError("Only an account cancellation in retention is purged.")
    if due is None or due > today:
        raise TransitionBlockedError(f"The retention runs until {due.isoformat() if due else '—'}.")
    counts = _erase(case)
    case.purged_at = utc_now()
    held = tuple(
        HeldCategory(a.category, a.hold_until, a.hold_rule)
        for a in case.category_actions
        if a.action == CategoryActionKind.LEGAL_HOLD
        and a.hold_until
        and a.hold_rule
        and a.hold_until > today
    )
    event = record_event(
        session,
        "case.purged",
        case=case,
        actor=actor,
        payload={
            "attachments": counts[0],
            "identifiers": counts[1],
            "notes": counts[2],
            "still_held": [h.category for h in held],
        },
    )
    move(session, case, CaseStatus.CLOSED, actor=actor, payload={"outcome": "fulfilled"})
    case.outcome = case.outcome or CaseOutcome.FULFILLED
    case.closed_at = case.purged_at
    return PurgeCertificate(case.reference, case.purged_at, actor, *counts, held, event.hash)

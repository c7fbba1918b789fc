"""Duplicates and reminders: a new request from the same subject, of the same kind, while one
is open is flagged (never merged silently); a reminder is linked to the case it chases.

A reminder chases a request received before it: the case its reference names, else the
subject's latest open request received no later than the reminder and, when the reminder gives
the earlier request's date, received on that date. Where none fits, the reminder stays a case of
its own flagged ``UNLINKED_REMINDER`` for a person to link (DESIGN.md §4), never linked to a
request it cannot be chasing.
"""

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind, CaseStatus, ReviewFlag
from app.services.audit import record_event

ANSWERED = frozenset({CaseStatus.RESPONDED, CaseStatus.IN_RETENTION, CaseStatus.CLOSED})
# The date a reminder gives is a calendar day where its writer lives; a receipt instant's UTC
# date may be a day either side of it (UTC-12 to UTC+14).
CHASED_DATE_TOLERANCE = timedelta(days=1)


def _open_cases_of(session: Session, case: Case) -> list[Case]:
    if case.subject_id is None:
        return []
    return list(
        session.scalars(
            select(Case)
            .where(Case.subject_id == case.subject_id, Case.id != case.id)
            .where(Case.status.not_in(ANSWERED))
            .order_by(Case.received_at.desc(), Case.id.desc())
        )
    )


def link_new_case(
    session: Session,
    case: Case,
    *,
    actor: str,
    chased_reference: str | None = None,
    chased_date: date | None = None,
) -> Case | None:
    """Flag ``case`` as a possible duplicate, or link it to the request it chases: the case
    whose reference the message quotes, else the subject's latest open request received no
    later than the reminder (on ``chased_date``, give or take ``CHASED_DATE_TOLERANCE``, when
    the reminder gives the earlier request's date).

    Returns:
        The earlier case it was linked to, or ``None``.
    """
    session.flush()
    others = _open_cases_of(session, case)
    quoted = _quoted_case(session, case, chased_reference)
    flags = set(case.review_flags)
    earlier: Case | None
    if case.kind == CaseKind.REMINDER:
        # A quoted reference decides; the date and order only narrow a guess.
        chaseable = [c for c in others if _may_chase(case, c, chased_date)]
        candidates = [quoted, *chaseable] if quoted is not None else chaseable
        earlier = next((c for c in candidates if c.kind != CaseKind.REMINDER), None)
        if earlier is not None:
            case.related_case_id = earlier.id
            flags.discard(ReviewFlag.UNLINKED_REMINDER.value)
            record_event(
                session,
                "reminder.received",
                case=earlier,
                actor=actor,
                payload={"reminder": case.reference},
            )
    else:
        earlier = next((c for c in others if c.kind == case.kind), None)
        if earlier is not None:
            case.duplicate_of_id = earlier.id
            flags.add(ReviewFlag.POSSIBLE_DUPLICATE.value)
    case.review_flags = sorted(flags)
    return earlier


def _quoted_case(session: Session, case: Case, reference: str | None) -> Case | None:
    if not reference or case.kind != CaseKind.REMINDER:
        return None
    return session.scalar(select(Case).where(Case.reference == reference, Case.id != case.id))


def _may_chase(reminder: Case, request: Case, chased_date: date | None) -> bool:
    """Whether ``reminder`` can be chasing ``request``: received no later than the reminder,
    and on ``chased_date`` (within ``CHASED_DATE_TOLERANCE``) when the reminder gives one."""
    if request.received_at > reminder.received_at:
        return False
    if chased_date is None:
        return True
    return abs(request.received_at.date() - chased_date) <= CHASED_DATE_TOLERANCE

"""Duplicates and reminders: a new request from the same subject, of the same kind, while one
is open is flagged (never merged silently); a reminder is linked to the case it chases."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind, CaseStatus, ReviewFlag
from app.services.audit import record_event

ANSWERED = frozenset({CaseStatus.RESPONDED, CaseStatus.IN_RETENTION, CaseStatus.CLOSED})


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
    session: Session, case: Case, *, actor: str, chased_reference: str | None = None
) -> Case | None:
    """Flag ``case`` as a possible duplicate, or link it to the request it chases: the case
    whose reference the message quotes, else the subject's latest open request.

    Returns:
        The earlier case it was linked to, or ``None``.
    """
    session.flush()
    others = _open_cases_of(session, case)
    quoted = _quoted_case(session, case, chased_reference)
    if quoted is not None:
        others = [quoted, *others]
    flags = set(case.review_flags)
    earlier: Case | None
    if case.kind == CaseKind.REMINDER:
        earlier = next((c for c in others if c.kind != CaseKind.REMINDER), None)
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

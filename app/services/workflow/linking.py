"""Duplicates and reminders: a new request from the same subject, of the same kind, while one
is open is flagged (never merged silently); a reminder is linked to the case it chases.

Links run from the later-received case to the earlier one, whatever order cases are imported
in (files dropped in name order are rarely in date order). A possible duplicate points at the
latest open request of its kind received before it. When the new case was received before
every open request of its kind, it is the original: the stored request that was the original
until now (the earliest later one without a duplicate link) is flagged as its possible
duplicate, with an audit event on that case. A link already stored is never re-pointed: it
still runs to an earlier request, and a person may have reviewed it.

A reminder chases a request received before it: the case its reference names, else the
subject's latest open request received no later than the reminder and, when the reminder gives
the earlier request's date, received on that date; among those, one whose subject line the
reminder repeats ("Re: …") comes first. Where none fits, the reminder stays a case of its own
flagged ``UNLINKED_REMINDER`` for a person to link (DESIGN.md §4), never linked to a request
it cannot be chasing. A request imported after a reminder that chases it picks that reminder
up by the same rule, read again from the reminder's original message.
"""

from datetime import date, datetime, timedelta

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
    """The subject's other open cases, latest received first (ties: latest stored first)."""
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
    chased_subject: str | None = None,
) -> Case | None:
    """Flag ``case`` as a possible duplicate, or link it to the request it chases (see the
    module's rules), and give stored cases received after it the link it now earns them.

    Args:
        session: the unit of work the new case was added to.
        case: the new case (flushed here).
        actor: recorded in the audit trail.
        chased_reference, chased_date, chased_subject: what a reminder says it chases
            (``TriageProposal``); a date is a calendar day, a subject is bare of "Re:".

    Returns:
        The earlier case ``case`` was linked to, or ``None`` (also when ``case`` became the
        original of a stored later one).
    """
    session.flush()
    others = _open_cases_of(session, case)
    if case.kind == CaseKind.REMINDER:
        quoted = _quoted_case(session, case, chased_reference)
        return _link_reminder(session, case, others, quoted, chased_date, chased_subject, actor)
    _link_waiting_reminders(session, case, others, actor)
    return _flag_duplicate(session, case, others, actor)


def _link_reminder(
    session: Session,
    reminder: Case,
    others: list[Case],
    quoted: Case | None,
    chased_date: date | None,
    chased_subject: str | None,
    actor: str,
) -> Case | None:
    # A quoted reference decides; the date, subject line and order only narrow a guess.
    guessed = _chased_request(reminder, others, chased_date, chased_subject)
    earlier = quoted if quoted is not None and quoted.kind != CaseKind.REMINDER else guessed
    if earlier is not None:
        _attach_reminder(session, reminder, earlier, actor)
    return earlier


def _chased_request(
    reminder: Case, others: list[Case], chased_date: date | None, chased_subject: str | None
) -> Case | None:
    """The request ``reminder`` chases among ``others`` (latest received first), or ``None``."""
    # Intake (its vocabularies: ~0.1 s, several MB) loads with the first import or intake, not
    # with the workflow actions of an opened case, which import this module too.
    from app.services.intake.chased_case import repeats_subject

    fitting = [
        c for c in others if c.kind != CaseKind.REMINDER and _may_chase(reminder, c, chased_date)
    ]
    titled = [c for c in fitting if repeats_subject(chased_subject, c.subject_line)]
    return next(iter(titled or fitting), None)


def _attach_reminder(session: Session, reminder: Case, request: Case, actor: str) -> None:
    reminder.related_case_id = request.id
    reminder.review_flags = sorted(
        set(reminder.review_flags) - {ReviewFlag.UNLINKED_REMINDER.value}
    )
    payload = {"reminder": reminder.reference}
    record_event(session, "reminder.received", case=request, actor=actor, payload=payload)


def _link_waiting_reminders(
    session: Session, request: Case, others: list[Case], actor: str
) -> None:
    """Link to ``request`` the stored unlinked reminders that chase it: received no earlier,
    and ``request`` the one they would have chased had it been stored before them (or the
    one whose reference they quote)."""
    waiting = [
        c
        for c in others
        if c.kind == CaseKind.REMINDER
        and c.related_case_id is None
        and c.received_at >= request.received_at
    ]
    if not waiting:
        return
    from app.services.intake.chased_case import stored_chase  # lazily, as above

    for reminder in waiting:
        chase = stored_chase(reminder)
        if chase is None:
            continue
        requests = sorted([request, *others], key=_receipt_order, reverse=True)
        quoted = chase.reference is not None and chase.reference == request.reference
        if (
            quoted
            or _chased_request(reminder, requests, chase.request_date, chase.subject) is request
        ):
            _attach_reminder(session, reminder, request, actor)


def _flag_duplicate(session: Session, case: Case, others: list[Case], actor: str) -> Case | None:
    same_kind = [c for c in others if c.kind == case.kind]
    earlier = next((c for c in same_kind if c.received_at <= case.received_at), None)
    if earlier is not None:
        _mark_duplicate(case, earlier)
        return earlier
    later_original = next((c for c in reversed(same_kind) if c.duplicate_of_id is None), None)
    if later_original is not None:
        _mark_duplicate(later_original, case)
        payload = {"duplicate_of": case.reference}
        # Audited on the stored case: a request of its kind received earlier came in after it.
        record_event(
            session, "case.flagged_duplicate", case=later_original, actor=actor, payload=payload
        )
    return None


def _mark_duplicate(case: Case, original: Case) -> None:
    case.duplicate_of_id = original.id
    case.review_flags = sorted({*case.review_flags, ReviewFlag.POSSIBLE_DUPLICATE.value})


def _receipt_order(case: Case) -> tuple[datetime, int]:
    return case.received_at, case.id


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

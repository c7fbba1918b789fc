"""The allowed status transitions and the one function that makes them (with its event)."""

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from app.errors import TransitionBlockedError, WorkflowError
from app.models import Case
from app.models.base import utc_now
from app.models.enums import CaseStatus
from app.services.audit import record_event

S = CaseStatus
# A clock a minute fast on the desk is not an action in the future.
CLOCK_TOLERANCE = timedelta(minutes=1)
ALLOWED: dict[CaseStatus, frozenset[CaseStatus]] = {
    S.NEW: frozenset({S.TRIAGED, S.AWAITING_REQUESTER, S.IN_PROGRESS, S.CLOSED}),
    S.TRIAGED: frozenset({S.AWAITING_REQUESTER, S.IN_PROGRESS, S.CLOSED}),
    S.AWAITING_REQUESTER: frozenset({S.TRIAGED, S.IN_PROGRESS, S.CLOSED}),
    S.IN_PROGRESS: frozenset({S.AWAITING_REQUESTER, S.IN_REVIEW, S.RESPONDED, S.CLOSED}),
    S.IN_REVIEW: frozenset({S.IN_PROGRESS}),
    S.RESPONDED: frozenset({S.IN_PROGRESS, S.IN_RETENTION, S.CLOSED}),
    S.IN_RETENTION: frozenset({S.CLOSED}),
    S.CLOSED: frozenset(),
}


def move(
    session: Session,
    case: Case,
    target: CaseStatus,
    *,
    actor: str,
    payload: dict[str, object] | None = None,
) -> None:
    """Move ``case`` to ``target`` and record ``case.status_changed``.

    Raises:
        TransitionBlockedError: ``target`` cannot follow the current status.
    """
    if target not in ALLOWED[case.status]:
        raise TransitionBlockedError(
            f"A case that is '{case.status.value}' cannot become '{target.value}'.",
            (f"status allowing {target.value}",),
        )
    before = case.status
    case.status = target
    body = {"from": before.value, "to": target.value, **(payload or {})}
    record_event(session, "case.status_changed", case=case, actor=actor, payload=body)


def action_instant(case: Case, at: datetime | None) -> datetime:
    """Return the instant an action on ``case`` took place: ``at`` when given (an answer
    posted yesterday and recorded today, or the demo's history), else now (aware UTC).

    Raises:
        WorkflowError: ``at`` has no time zone, lies before the case was received, or in
            the future.
    """
    now = utc_now()
    if at is None:
        return now
    if at.tzinfo is None or at.utcoffset() is None:
        raise WorkflowError("The time of the action needs its time zone.")
    if at < case.received_at or at > now + CLOCK_TOLERANCE:
        raise WorkflowError("The time of the action must lie between receipt and now.")
    return at

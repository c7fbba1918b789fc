"""Reversing a triage (kind, jurisdiction, handler) that turned out wrong: the "undo" of the
triage action, as a compensating change with its own audit event.

The trail is append-only: ``case.triaged`` stays and ``case.triage_reverted`` follows it. Every
value the triage set is restored, the status included: a triage moves a case on (``new`` →
``in_progress`` in the window), and an undo that left the status would leave a case "in
progress" with nobody handling it. The status goes back outside ``transitions.ALLOWED`` (the
lifecycle has no way back to ``new``; this is a compensation, not a step of it), with its own
``case.status_changed`` event naming the cause. A reversal is refused once anything the triage
set changed since (work moved the status on, someone reassigned the case), once a letter was
generated after the triage (it states the deadline the triaged kind and jurisdiction gave; a new
letter would be needed, not an undo) or once the case is answered.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.errors import WorkflowError
from app.models import Case
from app.models.enums import CaseKind, CaseStatus
from app.services.audit import record_event
from app.services.clock import recompute_clock
from app.services.deadlines import RuleBook

ANSWERED = frozenset({CaseStatus.RESPONDED, CaseStatus.IN_RETENTION, CaseStatus.CLOSED})


@dataclass(frozen=True)
class TriageValues:
    """The values a triage sets: kind, jurisdiction (rule set code), handler and status."""

    kind: CaseKind
    jurisdiction: str
    assignee: str | None
    status: CaseStatus


def triage_values(case: Case) -> TriageValues:
    """Return the kind, jurisdiction, handler and status ``case`` has now."""
    return TriageValues(case.kind, case.jurisdiction, case.assignee, case.status)


def revert_triage(
    session: Session,
    case: Case,
    rule_book: RuleBook,
    *,
    restore: TriageValues,
    expected: TriageValues,
    triaged_at: datetime,
    today: date,
    actor: str,
) -> None:
    """Put back the values ``case`` had before a triage (status included) and recompute its
    clock.

    Args:
        restore: the values before the triage.
        expected: the values the triage set; the case must still have them.
        triaged_at: when the triage was made (aware UTC); letters after it block the reversal.
        today: the local date, for the clock.

    Raises:
        WorkflowError: the case changed since, is answered, or has a letter generated since.
    """
    if case.status in ANSWERED:
        raise WorkflowError("The case is answered; its triage can no longer be undone.")
    if triage_values(case) != expected:
        raise WorkflowError("The case was changed after this triage; it cannot be undone.")
    if any(letter.generated_at >= triaged_at for letter in case.letters):
        raise WorkflowError(
            "A letter was generated after this triage; correct the case instead of undoing."
        )
    changes = {
        field: {"from": str(now) if now else None, "to": str(then) if then else None}
        for field, now, then in zip(
            ("kind", "jurisdiction", "assignee"), _as_tuple(expected), _as_tuple(restore),
            strict=True,
        )
        if now != then
    }  # fmt: skip
    case.kind, case.jurisdiction, case.assignee = (
        restore.kind,
        restore.jurisdiction,
        restore.assignee,
    )
    record_event(session, "case.triage_reverted", case=case, actor=actor, payload=changes)
    _restore_status(session, case, restore.status, actor=actor)
    recompute_clock(session, case, rule_book, cause="triage_reverted", today=today, actor=actor)


def _restore_status(session: Session, case: Case, status: CaseStatus, *, actor: str) -> None:
    """Put the status back as a compensation (not through ``transitions.move``: the lifecycle
    has no step back to ``new``), audited like any status change."""
    if case.status == status:
        return
    payload = {"from": case.status.value, "to": status.value, "cause": "triage_reverted"}
    case.status = status
    record_event(session, "case.status_changed", case=case, actor=actor, payload=payload)


def _as_tuple(values: TriageValues) -> tuple[str, str, str | None]:
    return values.kind.value, values.jurisdiction, values.assignee

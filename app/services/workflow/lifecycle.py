"""The case lifecycle: one place that checks guards, moves the status and writes the event.

Status and outcome are kept apart (DESIGN.md §2). Every guard runs before anything is
written, and a blocked transition raises ``TransitionBlockedError`` saying what is missing.
"""

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.errors import TransitionBlockedError
from app.models import Case
from app.models.enums import CaseKind, CaseOutcome, CaseStatus, ReviewSubject
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.deadlines.counting import add_months
from app.services.staff_handlers import check_handler
from app.services.workflow.categories import category_names, left_out_of_copy
from app.services.workflow.copy_record import copy_blockers
from app.services.workflow.gates import (
    ANSWERED_STATUSES,
    ERASING_KINDS,
    WorkflowAction,
    refuse_workflow_step,
    unsettled_categories,
)
from app.services.workflow.grounds import (
    clear_grounds,
    ground_blockers,
    recorded_grounds,
    same_grounds,
)
from app.services.workflow.inventory import current_inventory
from app.services.workflow.reviews import has_approved_review, refusal_signed_off
from app.services.workflow.transitions import action_instant, move

REFUSING_OUTCOMES = frozenset({CaseOutcome.REFUSED, CaseOutcome.PARTIALLY_FULFILLED})
# Outcomes that end a case without an answer on the merits: no review, no categories.
CLOSING_WITHOUT_ANSWER = frozenset(
    {
        CaseOutcome.NOT_A_REQUEST,
        CaseOutcome.DUPLICATE,
        CaseOutcome.WITHDRAWN,
        CaseOutcome.UNVERIFIABLE,
        CaseOutcome.REDIRECTED_TO_SELF_SERVICE,
    }
)


def triage(
    session: Session,
    case: Case,
    *,
    kind: CaseKind | None = None,
    jurisdiction: str | None = None,
    assignee: str | None = None,
    actor: str = SYSTEM_ACTOR,
) -> None:
    """Confirm (or correct) the proposed kind and jurisdiction, assign a handler, and mark the
    case triaged. The clock is recomputed by the caller when kind or jurisdiction changed.

    Args:
        assignee: the handler: an active member of Settings › Staff and roles (stored as the
            staff list spells it), any well-formed user name while that list is empty, or
            the case's handler now (kept even if no longer on the list); ``None`` or blank
            keeps the case's handler (``app.services.staff_handlers.check_handler``).

    Raises:
        CaseAnsweredError: the case is answered or closed (``gates``).
        HandlerError: ``assignee`` is malformed or not an active staff member.
        WorkflowError: work on the case has started (only a new case, or one whose requester
            answered a question, is triaged).
    """
    refuse_workflow_step(WorkflowAction.TRIAGE, case)
    if assignee is not None:  # blank keeps the case's handler
        assignee = (
            check_handler(session, assignee, current=case.assignee) if assignee.strip() else None
        )
    changes = {
        "kind": (case.kind.value, (kind or case.kind).value),
        "jurisdiction": (case.jurisdiction, jurisdiction or case.jurisdiction),
        "assignee": (case.assignee, assignee or case.assignee),
    }
    move(session, case, CaseStatus.TRIAGED, actor=actor)
    case.kind = kind or case.kind
    case.jurisdiction = jurisdiction or case.jurisdiction
    case.assignee = assignee or case.assignee
    changed = {k: {"from": a, "to": b} for k, (a, b) in changes.items() if a != b}
    record_event(session, "case.triaged", case=case, actor=actor, payload=changed)


def start_work(session: Session, case: Case, *, actor: str = SYSTEM_ACTOR) -> None:
    """Mark the case in progress (after triage, a reply, or a review)."""
    move(session, case, CaseStatus.IN_PROGRESS, actor=actor)


def respond(
    session: Session,
    case: Case,
    outcome: CaseOutcome,
    *,
    grounds: Iterable[tuple[str, str]] = (),
    today: date,
    actor: str = SYSTEM_ACTOR,
    responded_at: datetime | None = None,
) -> None:
    """Record the answer: the outcome, and for a refusal or partial refusal its grounds.

    A fulfilled account cancellation enters ``in_retention`` with its purge date 6 months on
    (the company's policy; see ``resources/workflow/inventory.toml``).

    A refusal keeps the grounds its reviewer signed off (PIPL Art. 50: the reasons of a
    refusal; DESIGN.md §2: a second person signs off refusals): ``grounds`` left empty takes
    those recorded with the review (``request_review``); other grounds need a new sign-off.

    Args:
        grounds: (ground code, explanation) pairs from the jurisdiction's list; for an answer
            that refuses nothing they are ignored and recorded ones dropped.
        today: the local date of the answer (the purge date counts from it).
        responded_at: when the answer went out (aware); now when not given. The dashboard's
            on-time rate and days to respond are measured by it.

    Raises:
        TransitionBlockedError: no ground for a refusal, an unknown ground, grounds other
            than those signed off, unsettled data categories of a deletion or cancellation,
            a category left out of the copy of an access request met in full (PIPL Art. 45),
            the copy of an access or copy request met in full not recorded (``copy_record``),
            or no second person's sign-off.
        WorkflowError: ``responded_at`` naive, before receipt or in the future.
    """
    refusing = outcome in REFUSING_OUTCOMES
    chosen = (list(grounds) or recorded_grounds(case)) if refusing else []
    missing = _respond_blockers(session, case, outcome, chosen)
    if missing:
        raise TransitionBlockedError(
            "The case cannot be answered yet: " + "; ".join(missing) + ".", tuple(missing)
        )
    answered_at = action_instant(case, responded_at)
    move(session, case, CaseStatus.RESPONDED, actor=actor, payload={"outcome": outcome.value})
    case.outcome = outcome
    case.responded_at = answered_at
    if not refusing:
        clear_grounds(case)
    if case.kind == CaseKind.ACCOUNT_CANCELLATION and outcome != CaseOutcome.REFUSED:
        _enter_retention(session, case, today=today, actor=actor)


def _respond_blockers(
    session: Session, case: Case, outcome: CaseOutcome, grounds: list[tuple[str, str]]
) -> list[str]:
    missing: list[str] = []
    if outcome in REFUSING_OUTCOMES:
        missing += ground_blockers(case.jurisdiction, grounds)
        if not refusal_signed_off(case):
            missing.append("a second person's sign-off of the refusal")
        elif grounds and not same_grounds(case, grounds):
            missing.append(
                "a new sign-off of the refusal: its grounds differ from those signed off"
            )
    erasing = case.kind in ERASING_KINDS and outcome != CaseOutcome.REFUSED
    if erasing:
        unsettled = unsettled_categories(case)
        if not case.category_actions:
            missing.append("a decision for each data category of the inventory")
        elif unsettled:
            names = category_names(session, unsettled)
            missing.append("the data categories still unsettled: " + names)
        if not has_approved_review(case, ReviewSubject.DELETION):
            missing.append("a second person's sign-off of the deletion")
    if outcome == CaseOutcome.FULFILLED:
        missing += copy_blockers(session, case)
    left_out = left_out_of_copy(case) if outcome == CaseOutcome.FULFILLED else []
    if left_out:
        missing.append(
            "each data category of the copy planned as exported or none held (a legal hold "
            "keeps data from deletion, not from the data subject): "
            + category_names(session, left_out)
        )
    return missing


def _enter_retention(session: Session, case: Case, *, today: date, actor: str) -> None:
    months = current_inventory(session).rules["account_cancellation"].months
    case.retention_purge_date = add_months(today, months)
    move(
        session,
        case,
        CaseStatus.IN_RETENTION,
        actor=actor,
        payload={"purge_date": case.retention_purge_date.isoformat()},
    )


def close(
    session: Session,
    case: Case,
    *,
    outcome: CaseOutcome | None = None,
    actor: str = SYSTEM_ACTOR,
    closed_at: datetime | None = None,
) -> None:
    """Close the case: after its answer, or early with an outcome that needs no answer on the
    merits (not a request, duplicate, withdrawn, unverifiable, redirected to self-service).

    A deletion or account cancellation answered with an outcome that carries nothing out (a
    refusal: PIPL Art. 50; ``gates.CARRIES_OUT_NOTHING``) closes with data categories still
    planned: they were not deleted (PIPL Art. 47 binds only an erasure that is carried out),
    and the record says so: the ``case.status_changed`` event of the close lists each such
    category with its planned action (``not_carried_out``) and the answer's outcome, the
    reason (``answered_outcome``).

    Args:
        closed_at: when the case was closed (aware); now when not given.

    Raises:
        TransitionBlockedError: a case closed already, an open case closed without such an
            outcome, a case in retention before its purge, or unsettled categories of a
            deletion (``gates``, but the outcome).
        WorkflowError: a sign-off pending (``gates``), or ``closed_at`` naive, before receipt
            or in the future.
    """
    refuse_workflow_step(WorkflowAction.CLOSE, case)
    early = case.status not in (CaseStatus.RESPONDED, CaseStatus.IN_RETENTION)
    if early and outcome not in CLOSING_WITHOUT_ANSWER:
        raise TransitionBlockedError(
            "Answer the case before closing it, or close it as not a request, duplicate, "
            "withdrawn, unverifiable or redirected to self-service.",
            ("a response, or an outcome that needs none",),
        )
    closing_at = action_instant(case, closed_at)
    not_carried_out = _not_carried_out(case)
    payload: dict[str, object] = {
        "outcome": (outcome or case.outcome or CaseOutcome.FULFILLED).value
    }
    if not_carried_out:  # why: the outcome of the answer, recorded with it
        payload["answered_outcome"] = case.outcome.value if case.outcome else None
        payload["not_carried_out"] = not_carried_out
    move(session, case, CaseStatus.CLOSED, actor=actor, payload=payload)
    case.outcome = outcome or case.outcome
    case.closed_at = closing_at


def _not_carried_out(case: Case) -> list[dict[str, str]]:
    """The data categories of an answered deletion or cancellation still planned at its close
    (``{"category": key, "action": planned action}``), which its answer did not carry out; none
    for another case (the close gate leaves only such a case unsettled)."""
    answered = case.status in ANSWERED_STATUSES
    if not answered or case.kind not in ERASING_KINDS:
        return []
    return [
        {"category": a.category, "action": a.action.value}
        for a in case.category_actions
        if a.done_at is None
    ]

"""Which actions on a case can succeed now, as far as is cheap to know from the case itself:
the window offers only those (a refused action still explains itself when it is run)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.models import Case
from app.models.enums import CaseStatus, ReviewDecision, ReviewFlag
from app.services.clock_gates import (
    CLOCK_REFUSALS,
    ClockAction,
    ClockRefusal,
    clock_refusal,
    stored_clock_counted,
)
from app.services.receipt_checks import receipt_doubts
from app.services.refusals import refusal_text
from app.services.workflow.gates import (
    WORKFLOW_REFUSALS,
    WorkflowAction,
    WorkflowRefusal,
    workflow_refusal,
)
from app.services.workflow.transitions import ALLOWED


@dataclass(frozen=True)
class CaseActionState:
    """What the case allows now.

    Attributes:
        review_pending: a sign-off waits for a reviewer (Review…).
        answerable: the status lets the case be answered (Answer…: only work in progress
            becomes ``responded``, DESIGN.md §2).
        clock: why each clock action would be refused (``None``: it can succeed), by the
            table the clock service refuses by (``app.services.clock_gates``).
        workflow: why each status-gated workflow step would be refused (``None``: it can
            succeed), by the table the workflow services refuse by
            (``app.services.workflow.gates``).
        receipt_doubts: the flags that put the receipt instant in doubt (no usable Date:,
            a Date: without zone, one in the future or long past); empty when the recorded
            receipt is sound and can only be corrected.
        clock_reasons, workflow_reasons: the English sentence the service would raise for
            each refused action (``CLOCK_REFUSALS``, ``WORKFLOW_REFUSALS``), with the case's
            data in it; actions that can succeed are absent. The menu shows it as the tip.
    """

    review_pending: bool
    answerable: bool
    clock: Mapping[ClockAction, ClockRefusal | None]
    workflow: Mapping[WorkflowAction, WorkflowRefusal | None]
    receipt_doubts: frozenset[ReviewFlag]
    clock_reasons: Mapping[ClockAction, str]
    workflow_reasons: Mapping[WorkflowAction, str]


def action_state(case: Case, *, today: date) -> CaseActionState:
    """Return what ``case`` allows now; ``today`` is the local date (the extension's notice
    date is compared with it, as ``take_extension`` does). Whether a deadline is counted is
    read from the clock stored on the case, not recomputed."""
    counted = stored_clock_counted(case)
    clock = {
        action: clock_refusal(action, case, counted=counted, today=today) for action in ClockAction
    }
    workflow = {action: workflow_refusal(action, case) for action in WorkflowAction}
    return CaseActionState(
        review_pending=any(r.decision == ReviewDecision.PENDING for r in case.reviews),
        answerable=CaseStatus.RESPONDED in ALLOWED[case.status],
        clock=clock,
        workflow=workflow,
        receipt_doubts=receipt_doubts(case.review_flags or ()),
        clock_reasons={
            a: refusal_text(CLOCK_REFUSALS, r, case) for a, r in clock.items() if r is not None
        },
        workflow_reasons={
            a: refusal_text(WORKFLOW_REFUSALS, r, case)
            for a, r in workflow.items()
            if r is not None
        },
    )

"""Which actions on a case can succeed now, as far as is cheap to know from the case itself:
the window offers only those (a refused action still explains itself when it is run)."""

from dataclasses import dataclass
from datetime import date

from app.models import Case
from app.models.enums import CaseStatus, ReviewDecision
from app.services.workflow.transitions import ALLOWED


@dataclass(frozen=True)
class CaseActionState:
    """What the case allows now.

    Attributes:
        review_pending: a sign-off waits for a reviewer (Review…).
        answerable: the status lets the case be answered (Answer…: only work in progress
            becomes ``responded``, DESIGN.md §2).
        paused: the clock is stopped and can be restarted.
        extendable: the rule has an extension not yet taken whose notice date has not passed
            (e.g. GDPR Art. 12(3); Chinese law has none).
    """

    review_pending: bool
    answerable: bool
    paused: bool
    extendable: bool


def action_state(case: Case, *, today: date) -> CaseActionState:
    """Return what ``case`` allows now; ``today`` is the local date (the extension's notice
    date is compared with it, as ``take_extension`` does)."""
    notice_due = case.extension_notice_due_date
    return CaseActionState(
        review_pending=any(r.decision == ReviewDecision.PENDING for r in case.reviews),
        answerable=CaseStatus.RESPONDED in ALLOWED[case.status],
        paused=any(p.end_date is None for p in case.pauses),
        extendable=(
            notice_due is not None and case.extension_reason is None and today <= notice_due
        ),
    )

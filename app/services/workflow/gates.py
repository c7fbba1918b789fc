"""Which workflow steps make sense on a case now: the one table by which the workflow services
refuse a step and the Case › Workflow menu disables it (as ``app.services.clock_gates`` is for
the clock).

An answered or closed case (``responded``, ``in_retention``, ``closed``) is the record of its
answer: its triage (kind and jurisdiction chose the rule), its clock (an identity check starts
the clock of rules counted from verification, e.g. PIPL access in ``cn.toml``; asking the
requester or logging a reply stops or restarts it), and the plan and record of what was done
for each data category (what was deleted, exported or held, and when: PIPL Art. 47, the
deletion-done letter and the dashboard's on-time rate rest on them). None of these steps is
open to it. What such a case still allows is outside this table: notes and messages, the
requester's contact details, letters (``app.services.letter_fit``), review of a letter, the
account's purge at the end of its retention (``retention.purge``) and closing.

A step that changes nothing recorded at the answer but does not fit the status (a triage once
work has started, asking the requester while a sign-off is pending, a reply while nobody waits
for one) is refused by the same table, for the menu to say why before a dialog is filled in.
So is a plan over the inventory for a kind it does not serve: deletion is planned for a
deletion or account cancellation (``ERASING_KINDS``, PIPL Art. 47), the copy for an access or
copy request (``COPY_KINDS``, PIPL Art. 45); another kind is refused (an answered case is
refused as answered first: nothing is planned on it whatever its kind).

Closing and asking for a review follow their own rules (``lifecycle.close``,
``reviews.request_review``): a case closes from any status but ``in_review`` (decide the
sign-off first) and ``closed``, a case in retention only once its account's data is purged,
and an answered deletion or cancellation only once each planned data category is settled
(unless its answer carries nothing out, e.g. a refusal: the close then records the categories
still planned as not carried out, ``lifecycle.close``);
a review is asked for only on work in progress (another may be asked while one is pending:
a deletion and a letter are signed off apart). ``WORKFLOW_REFUSALS`` words every refusal once,
with its error (``app.services.refusals``).
"""

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from sqlalchemy.orm import object_session

from app.errors import CaseAnsweredError, TransitionBlockedError, WorkflowError
from app.models import Case
from app.models.enums import CaseKind, CaseOutcome, CaseStatus
from app.services.refusals import Refusal, raise_refusal
from app.services.workflow.transitions import ALLOWED

# Statuses of a case that has been answered (or closed): the record of its answer.
ANSWERED_STATUSES = frozenset({CaseStatus.RESPONDED, CaseStatus.IN_RETENTION, CaseStatus.CLOSED})
# A triage confirms what intake proposed, before work starts (or again after the requester
# answered a question); ``lifecycle.triage`` moves the case to ``triaged``.
TRIAGEABLE = frozenset({CaseStatus.NEW, CaseStatus.AWAITING_REQUESTER})
# Kinds whose answer deletes data: each planned data category is settled before they close.
ERASING_KINDS = frozenset({CaseKind.DELETION, CaseKind.ACCOUNT_CANCELLATION})
# Requests answered by a copy of the personal information held (PIPL Art. 45; GDPR Art. 15;
# the access response letter): their plan exports each category.
COPY_KINDS = frozenset({CaseKind.ACCESS, CaseKind.COPY})
# Outcomes of an answer that carry nothing out (a refusal: PIPL Art. 50; an answer that ends
# the case without acting on it): a data category still planned is not deleted, and the close
# records it as not carried out instead of waiting for it.
CARRIES_OUT_NOTHING = frozenset(
    {
        CaseOutcome.REFUSED,
        CaseOutcome.WITHDRAWN,
        CaseOutcome.UNVERIFIABLE,
        CaseOutcome.NOT_A_REQUEST,
        CaseOutcome.DUPLICATE,
        CaseOutcome.REDIRECTED_TO_SELF_SERVICE,
    }
)


class WorkflowAction(StrEnum):
    """The workflow steps gated by the status of the case (Case › Workflow)."""

    TRIAGE = "triage"
    ASK_REQUESTER = "ask_requester"
    LOG_REPLY = "log_reply"
    VERIFY_IDENTITY = "verify_identity"
    PLAN_DELETION = "plan_deletion"  # plan deletion over the inventory (ERASING_KINDS)
    PLAN_COPY = "plan_copy"  # plan the copy over the inventory (COPY_KINDS)
    PLAN_CATEGORIES = "plan_categories"  # one category's action
    COMPLETE_CATEGORY = "complete_category"  # Data categories…: mark an action carried out
    REQUEST_REVIEW = "request_review"  # Ask for review…
    CLOSE = "close"


class WorkflowRefusal(StrEnum):
    """Why a workflow step cannot succeed on a case now."""

    ANSWERED = "answered"  # responded, in retention or closed: the record of the answer
    ALREADY_TRIAGED = "already_triaged"  # triaged, in progress or in review
    IN_REVIEW = "in_review"  # a sign-off is pending
    ALREADY_WAITING = "already_waiting"  # a question to the requester is open
    NOT_WAITING = "not_waiting"  # nobody waits for the requester's reply
    NOT_REVIEWABLE = "not_reviewable"  # only work in progress is signed off
    CLOSED = "closed"
    NOT_PURGED = "not_purged"  # in retention until its account's data is purged
    UNSETTLED = "unsettled"  # an answered deletion with data categories still to settle
    NOT_ERASING = "not_erasing"  # plan deletion on a kind that deletes nothing
    NOT_COPYING = "not_copying"  # plan the copy on a kind answered by no copy
    NOTHING_PLANNED = "nothing_planned"  # Data categories…: no category waits to be carried out


# Why the requester cannot be asked (for identity proof or clarification) in a status.
ASKING_REFUSALS = {
    CaseStatus.IN_REVIEW: WorkflowRefusal.IN_REVIEW,
    CaseStatus.AWAITING_REQUESTER: WorkflowRefusal.ALREADY_WAITING,
}
# Why a case cannot be closed, by the statuses that cannot become ``closed`` (``ALLOWED``).
CLOSING_REFUSALS = {
    CaseStatus.IN_REVIEW: WorkflowRefusal.IN_REVIEW,
    CaseStatus.CLOSED: WorkflowRefusal.CLOSED,
}


def unsettled_categories(case: Case) -> list[str]:
    """Return the categories whose planned action has not been carried out (their keys)."""
    return [a.category for a in case.category_actions if a.done_at is None]


def _unsettled_names(case: Case) -> Mapping[str, str]:
    # ``categories`` imports this module: its names are looked up when a message is made.
    from app.services.workflow.categories import category_names

    session = object_session(case)
    keys = unsettled_categories(case)
    return {"categories": category_names(session, keys) if session else ", ".join(keys)}


def _status(case: Case) -> Mapping[str, str]:
    return {"status": case.status.value}


def _kind(case: Case) -> Mapping[str, str]:
    # The kind by its code: the UI names it in its language (``app.error_code_names``).
    return {"kind": case.kind.value}


# The error and the words of each refusal: the workflow services raise them, the Case › Workflow
# menu shows them as a disabled action's tip (``app.services.refusals``).
WORKFLOW_REFUSALS: Mapping[WorkflowRefusal, Refusal] = MappingProxyType(
    {
        WorkflowRefusal.ANSWERED: Refusal(
            CaseAnsweredError,
            "The case is answered or closed: its triage, its clock and the plan and record of "
            "what was done for each data category are the record of its answer.",
        ),
        WorkflowRefusal.ALREADY_TRIAGED: Refusal(
            WorkflowError, "The case is triaged already and work on it has started."
        ),
        WorkflowRefusal.IN_REVIEW: Refusal(
            WorkflowError, "A sign-off is pending on the case: decide the review first."
        ),
        WorkflowRefusal.ALREADY_WAITING: Refusal(
            WorkflowError, "The case waits for the requester already: log the reply first."
        ),
        WorkflowRefusal.NOT_WAITING: Refusal(
            WorkflowError, "The case is not waiting for the requester."
        ),
        WorkflowRefusal.NOT_REVIEWABLE: Refusal(
            TransitionBlockedError,
            "A case that is '{status}' cannot be sent for review: only work in progress is "
            "signed off.",
            _status,
            ("status allowing in_review",),
        ),
        WorkflowRefusal.CLOSED: Refusal(TransitionBlockedError, "The case is closed already."),
        WorkflowRefusal.NOT_PURGED: Refusal(
            TransitionBlockedError,
            "The account's data is in retention until its purge date; purge it to close.",
            missing=("the purge",),
        ),
        WorkflowRefusal.UNSETTLED: Refusal(
            TransitionBlockedError,
            "Data categories are still unsettled: {categories}",
            _unsettled_names,
            ("each planned data category carried out",),
        ),
        WorkflowRefusal.NOT_ERASING: Refusal(
            WorkflowError,
            "Planning deletion over the inventory is for deletion and account-cancellation "
            "requests; the kind of this request is '{kind}'.",
            _kind,
        ),
        WorkflowRefusal.NOT_COPYING: Refusal(
            WorkflowError,
            "Planning the copy over the inventory is for access and copy requests; the kind of "
            "this request is '{kind}'.",
            _kind,
        ),
        WorkflowRefusal.NOTHING_PLANNED: Refusal(
            WorkflowError,
            "No data category of this case waits to be carried out: plan deletion or the copy "
            "over the inventory first.",
        ),
    }
)
# The kinds each plan over the inventory serves, and why another kind is refused.
PLAN_KINDS = {
    WorkflowAction.PLAN_DELETION: (ERASING_KINDS, WorkflowRefusal.NOT_ERASING),
    WorkflowAction.PLAN_COPY: (COPY_KINDS, WorkflowRefusal.NOT_COPYING),
}


def workflow_refusal(action: WorkflowAction, case: Case) -> WorkflowRefusal | None:
    """Return why ``action`` cannot succeed on ``case`` now, or ``None`` when it can."""
    if action is WorkflowAction.CLOSE:
        return _closing_refusal(case)
    if action is WorkflowAction.REQUEST_REVIEW:
        # Another review may be asked for while one is pending (``request_review``).
        reviewable = (
            case.status is CaseStatus.IN_REVIEW or CaseStatus.IN_REVIEW in ALLOWED[case.status]
        )
        return None if reviewable else WorkflowRefusal.NOT_REVIEWABLE
    if case.status in ANSWERED_STATUSES:
        return WorkflowRefusal.ANSWERED
    kinds, wrong_kind = PLAN_KINDS.get(action, (frozenset(CaseKind), None))
    if case.kind not in kinds:
        return wrong_kind
    if action is WorkflowAction.COMPLETE_CATEGORY and not unsettled_categories(case):
        return WorkflowRefusal.NOTHING_PLANNED
    if action is WorkflowAction.TRIAGE and case.status not in TRIAGEABLE:
        return WorkflowRefusal.ALREADY_TRIAGED
    if action is WorkflowAction.ASK_REQUESTER:
        return ASKING_REFUSALS.get(case.status)
    if action is WorkflowAction.LOG_REPLY and case.status != CaseStatus.AWAITING_REQUESTER:
        return WorkflowRefusal.NOT_WAITING
    return None


def _closing_refusal(case: Case) -> WorkflowRefusal | None:
    refusal = CLOSING_REFUSALS.get(case.status)
    if refusal is None and case.status is CaseStatus.IN_RETENTION and case.purged_at is None:
        return WorkflowRefusal.NOT_PURGED
    if refusal is None and erasure_pending(case) and unsettled_categories(case):
        return WorkflowRefusal.UNSETTLED
    return refusal


def erasure_pending(case: Case) -> bool:
    """Return whether ``case`` is an answered deletion or account cancellation whose answer
    carries its plan out (not refused, withdrawn…: ``CARRIES_OUT_NOTHING``), so that it closes
    only once each planned data category is carried out (PIPL Art. 47)."""
    answered = case.status in ANSWERED_STATUSES
    return answered and case.kind in ERASING_KINDS and case.outcome not in CARRIES_OUT_NOTHING


def refuse_workflow_step(action: WorkflowAction, case: Case) -> None:
    """Raise the error that says why ``action`` cannot succeed on ``case`` (none if it can);
    called before anything is written (``WORKFLOW_REFUSALS``).

    Raises:
        CaseAnsweredError: the case is answered or closed.
        WorkflowError: a category marked carried out where none waits to be (nothing
            planned, or everything carried out already), a plan over the inventory for a kind
            it does not serve (deletion for
            a deletion or account cancellation, the copy for an access or copy request),
            a triage once work has started, a question to the requester (or a
            closing) while a sign-off is pending or another question is open, or a reply while
            the case does not wait for one.
        TransitionBlockedError: a review asked for on a case not in progress, a closed case
            closed again, a case in retention closed before its purge, or an answered
            deletion or cancellation closed with data categories unsettled (unless its answer
            carries nothing out, e.g. a refusal).
    """
    raise_refusal(WORKFLOW_REFUSALS, workflow_refusal(action, case), case)

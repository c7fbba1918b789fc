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
"""

from enum import StrEnum

from app.errors import CaseAnsweredError, WorkflowError
from app.models import Case
from app.models.enums import CaseStatus

# Statuses of a case that has been answered (or closed): the record of its answer.
ANSWERED_STATUSES = frozenset({CaseStatus.RESPONDED, CaseStatus.IN_RETENTION, CaseStatus.CLOSED})
# A triage confirms what intake proposed, before work starts (or again after the requester
# answered a question); ``lifecycle.triage`` moves the case to ``triaged``.
TRIAGEABLE = frozenset({CaseStatus.NEW, CaseStatus.AWAITING_REQUESTER})


class WorkflowAction(StrEnum):
    """The workflow steps gated by the status of the case (Case › Workflow)."""

    TRIAGE = "triage"
    ASK_REQUESTER = "ask_requester"
    LOG_REPLY = "log_reply"
    VERIFY_IDENTITY = "verify_identity"
    PLAN_CATEGORIES = "plan_categories"  # plan deletion or copy, or one category's action
    COMPLETE_CATEGORY = "complete_category"  # Data categories…: mark an action carried out


class WorkflowRefusal(StrEnum):
    """Why a workflow step cannot succeed on a case now."""

    ANSWERED = "answered"  # responded, in retention or closed: the record of the answer
    ALREADY_TRIAGED = "already_triaged"  # triaged, in progress or in review
    IN_REVIEW = "in_review"  # a sign-off is pending
    ALREADY_WAITING = "already_waiting"  # a question to the requester is open
    NOT_WAITING = "not_waiting"  # nobody waits for the requester's reply


# Why the requester cannot be asked (for identity proof or clarification) in a status.
ASKING_REFUSALS = {
    CaseStatus.IN_REVIEW: WorkflowRefusal.IN_REVIEW,
    CaseStatus.AWAITING_REQUESTER: WorkflowRefusal.ALREADY_WAITING,
}


def workflow_refusal(action: WorkflowAction, case: Case) -> WorkflowRefusal | None:
    """Return why ``action`` cannot succeed on ``case`` now, or ``None`` when it can."""
    if case.status in ANSWERED_STATUSES:
        return WorkflowRefusal.ANSWERED
    if action is WorkflowAction.TRIAGE and case.status not in TRIAGEABLE:
        return WorkflowRefusal.ALREADY_TRIAGED
    if action is WorkflowAction.ASK_REQUESTER:
        return ASKING_REFUSALS.get(case.status)
    if action is WorkflowAction.LOG_REPLY and case.status != CaseStatus.AWAITING_REQUESTER:
        return WorkflowRefusal.NOT_WAITING
    return None


def refuse_workflow_step(action: WorkflowAction, case: Case) -> None:
    """Raise the error that says why ``action`` cannot succeed on ``case`` (none if it can);
    called before anything is written.

    Raises:
        CaseAnsweredError: the case is answered or closed.
        WorkflowError: a triage once work has started, a question to the requester while a
            sign-off is pending or another question is open, or a reply while the case does
            not wait for one.
    """
    refusal = workflow_refusal(action, case)
    if refusal is WorkflowRefusal.ANSWERED:
        raise CaseAnsweredError(
            "The case is answered or closed: its triage, its clock and the plan and record of "
            "what was done for each data category are the record of its answer."
        )
    if refusal is WorkflowRefusal.ALREADY_TRIAGED:
        raise WorkflowError("The case is triaged already and work on it has started.")
    if refusal is WorkflowRefusal.IN_REVIEW:
        raise WorkflowError("A sign-off is pending on the case: decide the review first.")
    if refusal is WorkflowRefusal.ALREADY_WAITING:
        raise WorkflowError("The case waits for the requester already: log the reply first.")
    if refusal is WorkflowRefusal.NOT_WAITING:
        raise WorkflowError("The case is not waiting for the requester.")

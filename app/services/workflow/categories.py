"""Per-category actions over the data inventory: delete, anonymise, correct, export, or hold
under a named retention rule until a date (PIPL Art. 47 ¶2)."""

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy.orm import Session

from app.errors import CategoryDoneError, HoldOnAccessCopyError, WorkflowError
from app.models import Case, CategoryAction
from app.models.enums import CategoryActionKind
from app.services.audit import record_event
from app.services.deadlines.counting import add_months
from app.services.workflow.gates import COPY_KINDS, WorkflowAction, refuse_workflow_step
from app.services.workflow.inventory import DataCategory, current_inventory
from app.services.workflow.transitions import action_instant

# What a category of such a request's copy can be: exported, or nothing held in it.
IN_THE_COPY = frozenset({CategoryActionKind.EXPORT, CategoryActionKind.NONE_HELD})


def plan_deletion(
    session: Session, case: Case, *, hold_from: date, actor: str
) -> list[CategoryAction]:
    """Plan what a deletion (or account cancellation) does to every category of the inventory:
    delete or anonymise it, or hold it under its rule until ``hold_from`` + the rule's months
    (e.g. transaction records 3 years after the transaction, E-Commerce Law Art. 31).

    A category already carried out keeps its action and its record (what was deleted or held,
    when, by whom: never wiped by a new plan); the others are planned anew.

    Args:
        hold_from: the date the holding periods run from (for a transaction, its completion;
            the handler corrects single categories with ``set_action``).

    Returns:
        The actions planned now (the categories not carried out), in the inventory's order.

    Raises:
        WorkflowError: the case is no deletion or account cancellation (``gates``).
        CaseAnsweredError: the case is answered or closed (``gates``).
    """
    refuse_workflow_step(WorkflowAction.PLAN_DELETION, case)
    inventory = current_inventory(session)
    planned = []
    for category in _not_done(case, inventory.categories.values()):
        hold_until = hold_rule = None
        if category.on_deletion == CategoryActionKind.LEGAL_HOLD and category.hold_rule:
            rule = inventory.rules[category.hold_rule]
            hold_until, hold_rule = add_months(hold_from, rule.months), rule.key
        planned.append(
            set_action(
                session,
                case,
                category.key,
                category.on_deletion,
                hold_until=hold_until,
                hold_rule=hold_rule,
                actor=actor,
            )
        )
    return planned


def plan_export(session: Session, case: Case, *, actor: str) -> list[CategoryAction]:
    """Plan the copy of every category of the inventory for an access or copy request (PIPL
    Art. 45: access and copy of the personal information held): an export per category, which
    the handler marks done once exported (or re-plans as none held with ``set_action``). The
    access response goes once every planned export is done (``app.services.letter_fit``).

    A category already carried out (exported, or recorded as none held) keeps its record.

    Returns:
        The actions planned now, one per category not carried out, in the inventory's order.

    Raises:
        WorkflowError: the case is no access or copy request (``gates``).
        CaseAnsweredError: the case is answered or closed (``gates``).
    """
    refuse_workflow_step(WorkflowAction.PLAN_COPY, case)
    inventory = current_inventory(session)
    return [
        set_action(session, case, category.key, CategoryActionKind.EXPORT, actor=actor)
        for category in _not_done(case, inventory.categories.values())
    ]


def _not_done(case: Case, categories: Iterable[DataCategory]) -> list[DataCategory]:
    """The ``categories`` whose action on ``case`` has not been carried out."""
    done = {a.category for a in case.category_actions if a.done_at is not None}
    return [category for category in categories if category.key not in done]


def set_action(
    session: Session,
    case: Case,
    category: str,
    action: CategoryActionKind,
    *,
    actor: str,
    hold_until: date | None = None,
    hold_rule: str | None = None,
    note: str = "",
) -> CategoryAction:
    """Plan (or re-plan) the action for one category.

    Raises:
        WorkflowError: unknown category, or a legal hold without an end date and a rule.
        HoldOnAccessCopyError: a legal hold on an access or copy request (a retention
            obligation keeps data from deletion, never from the copy: PIPL Art. 45).
        CaseAnsweredError: the case is answered or closed (``gates``).
        CategoryDoneError: the category's action was carried out already (its record stays).
    """
    refuse_workflow_step(WorkflowAction.PLAN_CATEGORIES, case)
    inventory = current_inventory(session)
    if category not in inventory.categories:
        raise WorkflowError(f"'{category}' is not a category of the data inventory.")
    if action == CategoryActionKind.LEGAL_HOLD and case.kind in COPY_KINDS:
        raise HoldOnAccessCopyError()
    if action == CategoryActionKind.LEGAL_HOLD and (
        hold_until is None or hold_rule not in inventory.rules
    ):
        raise WorkflowError("A legal hold needs an end date and the retention rule behind it.")
    existing = next((a for a in case.category_actions if a.category == category), None)
    if existing is not None and existing.done_at is not None:
        raise CategoryDoneError()
    if existing is None:
        existing = CategoryAction(category=category, action=action, planned_by=actor)
        case.category_actions.append(existing)
    existing.action, existing.hold_until, existing.hold_rule = action, hold_until, hold_rule
    existing.note, existing.done_at, existing.done_by = note, None, None
    payload = {
        "category": category,
        "action": action.value,
        "hold_until": hold_until.isoformat() if hold_until else None,
        "hold_rule": hold_rule,
    }
    record_event(session, "category.planned", case=case, actor=actor, payload=payload)
    return existing


def complete_action(
    session: Session,
    case: Case,
    category: str,
    *,
    actor: str,
    done_at: datetime | None = None,
) -> CategoryAction:
    """Record that the action for ``category`` was carried out (a hold: that it is in place).

    Args:
        done_at: when it was carried out (aware); now when not given.

    Raises:
        WorkflowError: no action is planned for that category, or ``done_at`` is naive,
            before receipt or in the future.
        CaseAnsweredError: the case is answered or closed (``gates``).
        CategoryDoneError: the action was recorded as carried out already.
    """
    refuse_workflow_step(WorkflowAction.COMPLETE_CATEGORY, case)
    action = next((a for a in case.category_actions if a.category == category), None)
    if action is None:
        raise WorkflowError(f"No action is planned for '{category}'.")
    if action.done_at is not None:
        raise CategoryDoneError()
    action.done_at, action.done_by = action_instant(case, done_at), actor
    record_event(
        session,
        "category.done",
        case=case,
        actor=actor,
        payload={"category": category, "action": action.action.value},
    )
    return action


def left_out_of_copy(case: Case) -> list[str]:
    """Return the categories of an access or copy request planned neither for the copy nor as
    none held (e.g. a legal hold planned before holds were refused here): answering such a
    request as met in full would leave them out of the copy unsaid (PIPL Art. 45)."""
    if case.kind not in COPY_KINDS:
        return []
    return [a.category for a in case.category_actions if a.action not in IN_THE_COPY]


def category_names(session: Session, keys: list[str]) -> str:
    """Return the categories ``keys`` by their English names in the team's inventory, each
    quoted (a name may hold a comma) and joined by ", " (e.g. ``"Account information",
    "Addresses"``), for a message to staff; a key the inventory no longer has (removed in
    Settings since it was planned) is shown as itself. The Chinese UI shows such a list by the
    inventory's Chinese names (``app.error_code_names.category_list_text``, placeholder
    ``{categories}`` of the error catalogue): keep this quoting.

    Raises:
        InventoryError: the stored inventory override or the resource file is malformed.
    """
    categories = current_inventory(session).categories
    return ", ".join(f'"{categories[k].name_en if k in categories else k}"' for k in keys)

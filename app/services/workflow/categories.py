"""Per-category actions over the data inventory: delete, anonymise, correct, export, or hold
under a named retention rule until a date (PIPL Art. 47 ¶2)."""

from datetime import date, datetime

from sqlalchemy.orm import Session

from app.errors import WorkflowError
from app.models import Case, CategoryAction
from app.models.enums import CategoryActionKind
from app.services.audit import record_event
from app.services.deadlines.counting import add_months
from app.services.workflow.inventory import current_inventory
from app.services.workflow.transitions import action_instant


def plan_deletion(
    session: Session, case: Case, *, hold_from: date, actor: str
) -> list[CategoryAction]:
    """Plan what a deletion (or account cancellation) does to every category of the inventory:
    delete or anonymise it, or hold it under its rule until ``hold_from`` + the rule's months
    (e.g. transaction records 3 years after the transaction, E-Commerce Law Art. 31).

    Args:
        hold_from: the date the holding periods run from (for a transaction, its completion;
            the handler corrects single categories with ``set_action``).
    """
    inventory = current_inventory(session)
    planned = []
    for category in inventory.categories.values():
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

    Returns:
        The planned actions, one per category, in the inventory's order.
    """
    inventory = current_inventory(session)
    return [
        set_action(session, case, key, CategoryActionKind.EXPORT, actor=actor)
        for key in inventory.categories
    ]


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
    """
    inventory = current_inventory(session)
    if category not in inventory.categories:
        raise WorkflowError(f"'{category}' is not a category of the data inventory.")
    if action == CategoryActionKind.LEGAL_HOLD and (
        hold_until is None or hold_rule not in inventory.rules
    ):
        raise WorkflowError("A legal hold needs an end date and the retention rule behind it.")
    existing = next((a for a in case.category_actions if a.category == category), None)
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
    """
    action = next((a for a in case.category_actions if a.category == category), None)
    if action is None:
        raise WorkflowError(f"No action is planned for '{category}'.")
    action.done_at, action.done_by = action_instant(case, done_at), actor
    record_event(
        session,
        "category.done",
        case=case,
        actor=actor,
        payload={"category": category, "action": action.action.value},
    )
    return action


def unsettled_categories(case: Case) -> list[str]:
    """Return the categories whose planned action has not been carried out."""
    return [a.category for a in case.category_actions if a.done_at is None]


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

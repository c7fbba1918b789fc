"""Retention periods in settings: the months of each retention rule of the data inventory
(transaction records, network logs, the post-cancellation hold …) and how long closed case
records and ID documents are kept.

Statutory periods cannot be lowered below the law (``STATUTORY_MINIMUMS``); the periods of
company policy (6-month post-cancellation hold, 36-month anonymisation of closed cases) can
be set to any positive length.
"""

from collections.abc import Mapping
from dataclasses import replace

from sqlalchemy.orm import Session

from app.errors import SettingsError
from app.models import Setting
from app.services.case_retention import CaseRetentionPolicy
from app.services.settings import write_setting
from app.services.settings_inventory import check_rule_months, save_inventory
from app.services.workflow.inventory import Inventory, current_inventory

CASE_RETENTION_KEY = "retention.case_records"
MAX_ID_DOCUMENT_DAYS = 3650


def set_rule_months(session: Session, months: Mapping[str, int], *, actor: str) -> Inventory:
    """Set the months of retention rules (key → months) in the team's inventory; audited.

    Returns:
        The stored inventory.

    Raises:
        SettingsError: an unknown rule, or months out of bounds or below the statute (e.g.
            ``ecommerce_art31`` below 36: E-Commerce Law Art. 31). Nothing is stored.
        SettingsPermissionError: ``actor`` may not change settings.
    """
    inventory = current_inventory(session)
    rules = dict(inventory.rules)
    for key, value in months.items():
        if key not in rules:
            raise SettingsError(f"rules.{key[:50]}", "is not a retention rule of the inventory")
        rules[key] = replace(rules[key], months=check_rule_months(key, value))
    updated = Inventory(dict(inventory.categories), rules)
    save_inventory(session, updated, actor=actor)
    return updated


def current_case_retention_policy(session: Session) -> CaseRetentionPolicy:
    """Return the team's retention policy for case records (default: 36 months after closing,
    ID documents right after verification; see ``app.services.case_retention``)."""
    stored = session.get(Setting, CASE_RETENTION_KEY)
    value = stored.value if stored is not None and isinstance(stored.value, dict) else {}
    default = CaseRetentionPolicy()
    return CaseRetentionPolicy(
        closed_case_months=int(value.get("closed_case_months", default.closed_case_months)),
        id_document_days=int(value.get("id_document_days", default.id_document_days)),
    )


def save_case_retention(
    session: Session, *, closed_case_months: object, id_document_days: object, actor: str
) -> CaseRetentionPolicy:
    """Store how long case records are kept; audited.

    Args:
        closed_case_months: months after closing before a closed case is anonymised (1-1200).
        id_document_days: days after verification or closing before ID documents are purged
            (0-3650; PIPL Art. 50 wants them gone as soon as the check is done).

    Raises:
        SettingsError: a value is not a whole number or out of range. Nothing is stored.
        SettingsPermissionError: ``actor`` may not change settings.
    """
    months = _whole("retention.closed_case_months", closed_case_months, 1, 1200)
    days = _whole("retention.id_document_days", id_document_days, 0, MAX_ID_DOCUMENT_DAYS)
    value = {"closed_case_months": months, "id_document_days": days}
    write_setting(session, CASE_RETENTION_KEY, value, actor=actor, payload=value)
    return CaseRetentionPolicy(closed_case_months=months, id_document_days=days)


def _whole(field: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SettingsError(field, "must be a whole number")
    if not low <= value <= high:
        raise SettingsError(field, f"must be between {low} and {high}")
    return value

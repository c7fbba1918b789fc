"""The data inventory edited in settings: categories, what a deletion does to each, and the
retention rules that hold one back — stored as an override of ``resources/workflow/inventory.toml``.

A stored inventory passes the loader's own checks (``inventory_from_table``) and more: keys are
plain identifiers, texts are not blank, months are whole and positive, the rules the workflow
names exist, and no statutory retention period is shortened below the law.
"""

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.errors import InventoryError, SettingsError
from app.models.enums import CategoryActionKind
from app.services.settings import has_invisible_characters, write_setting, write_settings
from app.services.workflow.inventory import (
    DELETION_ACTIONS,
    INVENTORY_SETTING,
    Inventory,
    inventory_from_table,
    inventory_table,
)

_KEY = re.compile(r"[a-z][a-z0-9_]{0,49}")
MAX_MONTHS = 1200  # 100 years: anything longer is a typing mistake
MAX_TEXT = 500


@dataclass(frozen=True)
class StatutoryMinimum:
    """The shortest period the law allows for a retention rule.

    Attributes:
        months: the minimum in calendar months.
        source: the provision in English; ``source_zh`` the same in Chinese (the window
            names the law in its language when it refuses a shorter period).
    """

    months: int
    source: str
    source_zh: str


STATUTORY_MINIMUMS: dict[str, StatutoryMinimum] = {
    "ecommerce_art31": StatutoryMinimum(
        36,
        "E-Commerce Law Art. 31: transaction records at least 3 years after completion",
        "《电子商务法》第三十一条：交易信息自交易完成之日起保存不少于三年",
    ),
    "csl_art23": StatutoryMinimum(
        6,
        "Cybersecurity Law Art. 23(3) (2025 amendment; ex-Art. 21(3)): network logs at least "
        "6 months",
        "《网络安全法》第二十三条第（三）项（2025年修正；原第二十一条第（三）项）："
        "网络日志留存不少于六个月",
    ),
    "accounting_archives": StatutoryMinimum(
        360,
        "会计档案管理办法 (2015) Art. 14: accounting vouchers and books kept 30 years",
        "《会计档案管理办法》（2015年）第十四条：会计凭证、会计账簿保管30年",
    ),
}
"""Rules whose period is set by law, keyed as in the shipped inventory; they cannot be removed."""

REQUIRED_RULES = frozenset({"account_cancellation", *STATUTORY_MINIMUMS})
"""Rules the workflow and the letters name (``account_cancellation``: the post-cancellation
hold of company policy, read when an account enters retention)."""


def check_rule_months(key: str, months: object) -> int:
    """Return ``months`` for rule ``key`` once it is a whole number within the law's bounds.

    Raises:
        SettingsError: not a whole number, below 1 or above 1200, or below the statutory
            minimum of ``key`` (e.g. ``ecommerce_art31`` below 36, E-Commerce Law Art. 31).
    """
    field = f"rules.{key}.months"
    if isinstance(months, bool) or not isinstance(months, int):
        raise SettingsError(field, "must be a whole number of months")
    if not 1 <= months <= MAX_MONTHS:
        raise SettingsError(field, f"must be between 1 and {MAX_MONTHS} months")
    minimum = STATUTORY_MINIMUMS.get(key)
    if minimum is not None and months < minimum.months:
        raise SettingsError(
            field,
            f"cannot be shorter than {minimum.months} months ({minimum.source})",
            values={"minimum_months": minimum.months, "rule": key},
        )
    return months


def validate_inventory_table(table: dict[str, Any]) -> Inventory:
    """Check an inventory in table form and return it built.

    Raises:
        SettingsError: the first problem, naming the field (e.g. ``categories.orders.hold_rule``).
    """
    rules, categories = _tables(table, "rules"), _tables(table, "categories")
    for key, rule in rules.items():
        _check_rule(key, rule)
    for key in sorted(REQUIRED_RULES - set(rules)):
        raise SettingsError(f"rules.{key}", "is required by the workflow and cannot be removed")
    for key, category in categories.items():
        _check_category(key, category, rules)
    try:
        return inventory_from_table(table, "settings")
    except InventoryError as error:  # the loader's own rules, should the above miss one
        raise SettingsError("inventory", str(error)) from None


def _tables(table: dict[str, Any], name: str) -> dict[str, dict[str, Any]]:
    section = table.get(name)
    if not isinstance(section, dict) or not all(isinstance(v, dict) for v in section.values()):
        raise SettingsError(name, "must be a table of tables")
    for key in section:
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            raise SettingsError(f"{name}.{str(key)[:50]}", "key must be lower-case a-z, 0-9, _")
    return section


def _check_rule(key: str, rule: dict[str, Any]) -> None:
    check_rule_months(key, rule.get("months"))
    for name in ("from", "source"):
        _check_text(f"rules.{key}.{name}", rule.get(name))
    # The names and the Chinese event and source may be missing (a rule added before Settings
    # edited them shows its key and English texts), but when given they are checked like the rest.
    for name in ("name_zh", "name_en", "from_zh", "source_zh"):
        if rule.get(name) not in (None, ""):
            _check_text(f"rules.{key}.{name}", rule.get(name))


def _check_category(key: str, category: dict[str, Any], rules: dict[str, Any]) -> None:
    for name in ("name_zh", "name_en"):
        _check_text(f"categories.{key}.{name}", category.get(name))
    action = category.get("on_deletion")
    allowed = sorted(a.value for a in DELETION_ACTIONS)
    if action not in allowed:
        raise SettingsError(f"categories.{key}.on_deletion", f"must be one of {', '.join(allowed)}")
    hold_rule = category.get("hold_rule")
    if action == CategoryActionKind.LEGAL_HOLD.value and hold_rule not in rules:
        raise SettingsError(f"categories.{key}.hold_rule", "must name a retention rule")
    if action != CategoryActionKind.LEGAL_HOLD.value and hold_rule is not None:
        raise SettingsError(f"categories.{key}.hold_rule", "is only for a legal hold")


def _check_text(field: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise SettingsError(field, "is required")
    if len(value) > MAX_TEXT:
        raise SettingsError(field, f"is longer than {MAX_TEXT} characters")
    if has_invisible_characters(value):
        raise SettingsError(field, "holds control or invisible characters")


def save_inventory(session: Session, inventory: Inventory, *, actor: str) -> None:
    """Store ``inventory`` as the team's, after ``validate_inventory_table``; audited.

    Raises:
        SettingsError: an invalid field (nothing is stored).
        SettingsPermissionError: ``actor`` may not change settings.
    """
    table = inventory_table(inventory)
    validate_inventory_table(table)
    months = {rule.key: rule.months for rule in inventory.rules.values()}
    write_setting(session, INVENTORY_SETTING, table, actor=actor, payload={"months": months})


def reset_inventory(session: Session, *, actor: str) -> None:
    """Forget the stored inventory: the resource file applies again; audited.

    Raises:
        SettingsPermissionError: ``actor`` may not change settings.
    """
    write_settings(session, {INVENTORY_SETTING: (None, None)}, actor=actor)

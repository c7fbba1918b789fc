"""The company's data inventory (``resources/workflow/inventory.toml``): categories, what a
deletion does to each, and the retention rules that can hold one back."""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.errors import InventoryError
from app.models.enums import CategoryActionKind
from app.models.setting import Setting
from app.resources import resource_path

INVENTORY_FILE = resource_path("workflow", "inventory.toml")
DELETION_ACTIONS = frozenset(
    {CategoryActionKind.DELETE, CategoryActionKind.ANONYMISE, CategoryActionKind.LEGAL_HOLD}
)


@dataclass(frozen=True)
class RetentionRule:
    """A legal (or policy) retention period: ``months`` after the event ``starts_from``.

    ``name_zh``/``name_en`` name the rule, ``starts_from_zh`` its event and ``source_zh`` its
    source for Chinese readers; empty when the inventory gives none (a rule added in Settings),
    and then the key and the English event and source are shown (``title``/``event``).
    """

    key: str
    months: int
    starts_from: str
    source: str
    name_zh: str = ""
    name_en: str = ""
    starts_from_zh: str = ""
    source_zh: str = ""

    def title(self, language: str) -> str:
        """Return the rule's name in ``language`` (``"zh"`` or else English), else its key."""
        return (self.name_zh if language == "zh" else self.name_en) or self.key

    def event(self, language: str) -> str:
        """Return the event the months count from in ``language``, else in English."""
        return (self.starts_from_zh if language == "zh" else "") or self.starts_from


@dataclass(frozen=True)
class DataCategory:
    """One category of personal information held, and what a deletion does to it."""

    key: str
    name_zh: str
    name_en: str
    on_deletion: CategoryActionKind
    hold_rule: str | None


@dataclass(frozen=True)
class Inventory:
    """All categories and retention rules."""

    categories: dict[str, DataCategory]
    rules: dict[str, RetentionRule]


INVENTORY_SETTING = "inventory"
"""Key of the ``Setting`` holding the team's inventory, which overrides the resource file."""


@cache
def load_inventory(path: Path = INVENTORY_FILE) -> Inventory:
    """Load and check the inventory file (the shipped default when no settings override it).

    Raises:
        InventoryError: unreadable file, a missing field, an unknown action, or a hold that
            names no rule (the message names the file and the field).
    """
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InventoryError(f"{path.name}: cannot be read ({error})") from None
    return inventory_from_table(data, path.name)


def inventory_from_table(data: Mapping[str, Any], origin: str) -> Inventory:
    """Check and build an inventory from its table form (``rules`` and ``categories``), as
    read from the TOML file or stored in settings.

    Args:
        data: ``{"rules": {key: {months, from, source}}, "categories": {key: {...}}}``.
        origin: where it came from, for the message (file name or ``"settings"``).

    Raises:
        InventoryError: a missing or bad field, an unknown action, or a hold naming no rule.
    """
    try:
        rules = {k: _rule(k, v) for k, v in data.get("rules", {}).items()}
        categories = {k: _category(k, v) for k, v in data.get("categories", {}).items()}
    except (KeyError, ValueError, TypeError, AttributeError) as error:
        raise InventoryError(f"{origin}: bad or missing field {error}") from None
    for category in categories.values():
        if (
            category.on_deletion == CategoryActionKind.LEGAL_HOLD
            and category.hold_rule not in rules
        ):
            raise InventoryError(f"{origin}: categories.{category.key}.hold_rule names no rule")
    return Inventory(categories, rules)


def inventory_table(inventory: Inventory) -> dict[str, Any]:
    """Return ``inventory`` in its table form (the inverse of ``inventory_from_table``)."""
    rules = {r.key: _rule_table(r) for r in inventory.rules.values()}
    categories = {c.key: _category_table(c) for c in inventory.categories.values()}
    return {"rules": rules, "categories": categories}


def _rule_table(rule: RetentionRule) -> dict[str, Any]:
    table: dict[str, Any] = {"months": rule.months, "from": rule.starts_from, "source": rule.source}
    names = {
        "name_zh": rule.name_zh,
        "name_en": rule.name_en,
        "from_zh": rule.starts_from_zh,
        "source_zh": rule.source_zh,
    }
    return table | {field: value for field, value in names.items() if value}


def _category_table(category: DataCategory) -> dict[str, Any]:
    table: dict[str, Any] = {
        "name_zh": category.name_zh,
        "name_en": category.name_en,
        "on_deletion": category.on_deletion.value,
    }
    if category.hold_rule:
        table["hold_rule"] = category.hold_rule
    return table


def current_inventory(session: Session) -> Inventory:
    """Return the team's inventory: the one stored in settings, else the resource file.

    Args:
        session: unit of work (the override lives in the shared database, so every desktop of
            a team plans deletions alike).

    Raises:
        InventoryError: the stored override or the resource file is malformed.
    """
    stored = session.get(Setting, INVENTORY_SETTING)
    if stored is None or not stored.value:
        return load_inventory()
    return inventory_from_table(stored.value, "settings")


def _rule(key: str, table: dict[str, Any]) -> RetentionRule:
    names = (
        str(table.get(field) or "") for field in ("name_zh", "name_en", "from_zh", "source_zh")
    )
    return RetentionRule(
        key, int(table["months"]), str(table["from"]), str(table["source"]), *names
    )


def _category(key: str, table: dict[str, Any]) -> DataCategory:
    action = CategoryActionKind(table["on_deletion"])
    if action not in DELETION_ACTIONS:
        raise ValueError(f"categories.{key}.on_deletion")
    hold_rule = table.get("hold_rule")
    if hold_rule is not None and not isinstance(hold_rule, str):
        raise ValueError(f"categories.{key}.hold_rule")
    return DataCategory(key, str(table["name_zh"]), str(table["name_en"]), action, hold_rule)

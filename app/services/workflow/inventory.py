"""The company's data inventory (``resources/workflow/inventory.toml``): categories, what a
deletion does to each, and the retention rules that can hold one back."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from app.errors import InventoryError
from app.models.enums import CategoryActionKind
from app.resources import resource_path

INVENTORY_FILE = resource_path("workflow", "inventory.toml")
DELETION_ACTIONS = frozenset(
    {CategoryActionKind.DELETE, CategoryActionKind.ANONYMISE, CategoryActionKind.LEGAL_HOLD}
)


@dataclass(frozen=True)
class RetentionRule:
    """A legal (or policy) retention period: ``months`` after the event ``starts_from``."""

    key: str
    months: int
    starts_from: str
    source: str


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


@cache
def load_inventory(path: Path = INVENTORY_FILE) -> Inventory:
    """Load and check the inventory.

    Raises:
        InventoryError: unreadable file, a missing field, an unknown action, or a hold that
            names no rule (the message names the file and the field).
    """
    try:
        data = tomllib.loads(path.read_text("utf-8"))
        rules = {k: _rule(k, v) for k, v in data.get("rules", {}).items()}
        categories = {k: _category(k, v) for k, v in data.get("categories", {}).items()}
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InventoryError(f"{path.name}: cannot be read ({error})") from None
    except (KeyError, ValueError, TypeError) as error:
        raise InventoryError(f"{path.name}: bad or missing field {error}") from None
    for category in categories.values():
        if (
            category.on_deletion == CategoryActionKind.LEGAL_HOLD
            and category.hold_rule not in rules
        ):
            raise InventoryError(f"{path.name}: categories.{category.key}.hold_rule names no rule")
    return Inventory(categories, rules)


def _rule(key: str, table: dict[str, Any]) -> RetentionRule:
    return RetentionRule(key, int(table["months"]), str(table["from"]), str(table["source"]))


def _category(key: str, table: dict[str, Any]) -> DataCategory:
    action = CategoryActionKind(table["on_deletion"])
    if action not in DELETION_ACTIONS:
        raise ValueError(f"categories.{key}.on_deletion")
    return DataCategory(
        key, str(table["name_zh"]), str(table["name_en"]), action, table.get("hold_rule")
    )

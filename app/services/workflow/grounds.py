"""Refusal grounds a handler may choose, per jurisdiction.

The codes (and their wording in each letter language) live in
``resources/letters/<language>/jurisdictions.toml`` under ``[<code>.grounds]``, with the legal
source of each ground (deadlines.md §3): one list for the workflow and the letters alike.
"""

import tomllib
from functools import cache

from app.errors import InventoryError
from app.resources import resource_path

GROUNDS_FILE = resource_path("letters", "en", "jurisdictions.toml")


@cache
def _all_grounds() -> dict[str, frozenset[str]]:
    try:
        data = tomllib.loads(GROUNDS_FILE.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise InventoryError(f"{GROUNDS_FILE.name}: cannot be read ({error})") from None
    return {
        code.upper(): frozenset(table.get("grounds", {}))
        for code, table in data.items()
        if isinstance(table, dict)
    }


def grounds_for(jurisdiction: str) -> frozenset[str]:
    """Return the refusal ground codes of ``jurisdiction`` (empty for one without a list)."""
    return _all_grounds().get(jurisdiction.strip().upper(), frozenset())

"""Refusal grounds a handler may choose, per jurisdiction.

The codes (and their wording in each letter language) live in
``resources/letters/<language>/jurisdictions.toml`` under ``[<code>.grounds]``, with the legal
source of each ground (deadlines.md §3): one list for the workflow and the letters alike.
"""

import hashlib
import tomllib
from collections.abc import Sequence
from functools import cache

from app.errors import InventoryError, TransitionBlockedError
from app.models import Case, RefusalGround
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


def ground_blockers(jurisdiction: str, grounds: Sequence[tuple[str, str]]) -> list[str]:
    """Return what is missing from ``grounds`` ((code, explanation) pairs) for a refusal in
    ``jurisdiction``: none chosen, or codes not on its list (empty when they will do)."""
    if not grounds:
        return ["at least one refusal ground"]
    allowed = grounds_for(jurisdiction)
    unknown = [code for code, _ in grounds if code not in allowed]
    if unknown:
        return [f"grounds from the {jurisdiction} list (unknown: {', '.join(unknown)})"]
    return []


def recorded_grounds(case: Case) -> list[tuple[str, str]]:
    """Return the refusal grounds recorded on ``case`` as (code, explanation) pairs."""
    return [(g.code, g.explanation) for g in case.refusal_grounds]


def same_grounds(case: Case, grounds: Sequence[tuple[str, str]]) -> bool:
    """Return whether ``grounds`` are the ones recorded on ``case`` (codes and explanations,
    whatever their order or surrounding white space): what a reviewer signed off."""
    return _normalised(grounds) == _normalised(recorded_grounds(case))


def record_grounds(case: Case, grounds: Sequence[tuple[str, str]]) -> dict[str, object]:
    """Record the refusal grounds of ``case`` ((code, explanation) pairs from its
    jurisdiction's list), replacing those recorded before; returns what the audit event of the
    caller records of them (``request_review``: the codes and a SHA-256 of the text).

    PIPL Art. 50 (and GDPR Art. 12(4)) require the reasons of a refusal; the four-eyes rule
    (DESIGN.md §2) has the reviewer sign off a refusal with those reasons, so grounds are
    recorded before the sign-off is asked for (``request_review``).

    Raises:
        TransitionBlockedError: no ground, or a ground not on the jurisdiction's list.
    """
    missing = ground_blockers(case.jurisdiction, grounds)
    if missing:
        raise TransitionBlockedError(
            "The refusal grounds cannot be recorded: " + "; ".join(missing) + ".", tuple(missing)
        )
    chosen = dict(_normalised(grounds))
    # Updated in place, not cleared and re-added: the (case, code) key is unique and the
    # unit of work would insert the new row before deleting the old one.
    for ground in list(case.refusal_grounds):
        if ground.code not in chosen:
            case.refusal_grounds.remove(ground)
        else:
            ground.explanation = chosen.pop(ground.code)
    for code, explanation in chosen.items():
        case.refusal_grounds.append(RefusalGround(code=code, explanation=explanation))
    return grounds_payload(case)


def clear_grounds(case: Case) -> None:
    """Drop the refusal grounds of ``case`` (an answer that refuses nothing has none)."""
    case.refusal_grounds.clear()


def grounds_payload(case: Case) -> dict[str, object]:
    """Return the grounds of ``case`` for an audit event: their codes, and a SHA-256 of codes
    and explanations (free text that may name people: the append-only trail keeps the hash,
    the case the text)."""
    text = "\n".join(f"{g.code}\t{g.explanation}" for g in case.refusal_grounds)
    return {
        "grounds": sorted(g.code for g in case.refusal_grounds),
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
    }


def _normalised(grounds: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted((code.strip(), explanation.strip()) for code, explanation in grounds)

"""The clock columns a case stores, and where a due date no rule computed comes from.

``app.services.clock`` computes these values from a case's rule and compares them before and
after each recomputation; a due date stated by a regulator's letter or set by a person is
stored with its source (``DueDateSource``) in place of the rule's reference.
"""

from dataclasses import asdict, dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from app.models import Case
from app.models.enums import CaseKind
from app.services.deadlines import Deadline


@dataclass(frozen=True)
class ClockValues:
    """The computed clock columns of a case, compared before and after a recomputation."""

    due_date: date | None = None
    ack_due_date: date | None = None
    extension_notice_due_date: date | None = None
    extended_due_date: date | None = None
    internal_target_date: date | None = None
    due_provisional: bool = False
    rule_ref: str | None = None

    def as_payload(self) -> dict[str, Any]:
        """Return the values as JSON-ready text (dates ISO 8601)."""
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(self).items()}


class DueDateSource(StrEnum):
    """Where a due date that no rule computed comes from. Stored in ``Case.rule_ref`` in place
    of a rule's reference (no migration; no rule reference has a colon): the rule behind the
    date is the letter or the person, and no recomputation replaces it."""

    REGULATOR_LETTER = "stated:regulator_letter"
    BY_HAND = "stated:by_hand"


def stated_due_source(case: Case) -> DueDateSource | None:
    """Return where the due date of ``case`` comes from when no rule computed it, else ``None``.

    A regulator's inquiry with a due date and no rule reference is one stored before the source
    was (its letter's date, ``app.services.regulator_deadline``): the clock never stores a date
    without its rule's reference.
    """
    if case.rule_ref is None:
        legacy = case.due_date is not None and case.kind == CaseKind.REGULATOR_INQUIRY
        return DueDateSource.REGULATOR_LETTER if legacy else None
    try:
        return DueDateSource(case.rule_ref)
    except ValueError:
        return None


def rule_reference(deadline: Deadline) -> str:
    """Return the short reference of a deadline's rule, e.g. ``CN/deletion@2026.11.1``."""
    rule = deadline.rule
    return f"{rule.code}/{rule.kind.value}@{rule.version}"


def current_values(case: Case) -> ClockValues:
    """Return the clock columns stored on ``case``."""
    return ClockValues(
        case.due_date,
        case.ack_due_date,
        case.extension_notice_due_date,
        case.extended_due_date,
        case.internal_target_date,
        case.due_provisional,
        case.rule_ref,
    )


def deadline_values(deadline: Deadline | None, extended: bool) -> ClockValues:
    """Return the clock columns ``deadline`` computes (all empty for ``None``: no rule times
    the case); ``extended`` where the case's deadline was extended (its extension reason)."""
    if deadline is None:
        return ClockValues()
    return ClockValues(
        due_date=deadline.due_date,
        ack_due_date=deadline.ack_due_date,
        extension_notice_due_date=deadline.extension_notice_due_date,
        extended_due_date=deadline.extended_due_date if extended else None,
        internal_target_date=deadline.internal_target_date,
        due_provisional=deadline.provisional,
        rule_ref=rule_reference(deadline),
    )

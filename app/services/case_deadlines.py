"""Putting a computed statutory deadline onto a case (the clock columns are never typed in)."""

from app.errors import UnknownRuleError
from app.models import Case
from app.models.enums import ReviewFlag
from app.services.deadlines import Deadline, RuleBook, compute_deadline


def rule_reference(deadline: Deadline) -> str:
    """Return the short reference of the rule a deadline came from, e.g. ``CN/deletion@2026.1``."""
    rule = deadline.rule
    return f"{rule.code}/{rule.kind.value}@{rule.version}"


def deadline_for(case: Case, rule_book: RuleBook) -> Deadline | None:
    """Return the deadline of ``case`` under its jurisdiction's rule set, or ``None`` where the
    rule set has no rule for its kind (e.g. mail that is not a request)."""
    try:
        return compute_deadline(rule_book, case.jurisdiction, case.kind, case.received_at)
    except UnknownRuleError:
        return None


def apply_deadline(case: Case, rule_book: RuleBook) -> Deadline | None:
    """Compute the deadline of ``case`` and store due, acknowledgement and extended dates, the
    provisional flag and the rule reference on it.

    Returns:
        The ``Deadline`` applied, or ``None`` when no rule applies (the columns are cleared).
    """
    deadline = deadline_for(case, rule_book)
    flags = set(case.review_flags) - {ReviewFlag.PROVISIONAL_DEADLINE.value}
    if deadline is None:
        case.due_date = case.ack_due_date = case.extended_due_date = None
        case.due_provisional = False
        case.rule_ref = None
    else:
        case.due_date = deadline.due_date
        case.ack_due_date = deadline.ack_due_date
        case.extended_due_date = deadline.extended_due_date
        case.due_provisional = deadline.provisional
        case.rule_ref = rule_reference(deadline)
        if deadline.provisional:
            flags.add(ReviewFlag.PROVISIONAL_DEADLINE.value)
    case.review_flags = sorted(flags)
    return deadline

"""A due date no rule computes: the one a regulator's letter states, or one a person sets for a
case of any kind (a court order, an agreed date, a statute the rule book lacks). It is stored
with its source (``DueDateSource`` in ``Case.rule_ref``) and kept by every recomputation of the
clock (``app.services.clock.recompute_clock``) until a person hands the case back to its rule
or, for a date set by hand, the statutory deadline falls before it.

The stated date is the date that binds: an extended date computed under the rule is cleared
(its reason is kept: under a hand date the statute still counts it, and it is back with the
rule); the acknowledgement date stays, since the duty to acknowledge runs from receipt whoever
sets the answer's date. A date set by hand binds only while no later than the statutory
deadline, which every recomputation still counts (``app.services.clock.recompute_clock``
releases it, audited, once the statutory date falls before it).
"""

from dataclasses import asdict, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.errors import ClockError
from app.models import Case
from app.models.enums import ReviewFlag
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.clock import recompute_clock
from app.services.clock_adjustments import EARLIEST_OFFSET
from app.services.clock_values import ClockValues, DueDateSource, current_values, stated_due_source
from app.services.deadlines import RuleBook, is_countable

# The audit action per source (``clock.stated_deadline`` is what earlier imports recorded).
_SET_EVENT = {
    DueDateSource.REGULATOR_LETTER: "clock.stated_deadline",
    DueDateSource.BY_HAND: "clock.due_date_set",
}
# Flags a stated date settles: it is no estimate (unless counted on a provisional calendar),
# and the case has a deadline now.
_SETTLED_FLAGS = frozenset({ReviewFlag.PROVISIONAL_DEADLINE.value, ReviewFlag.NO_DEADLINE.value})


def set_stated_due_date(
    session: Session,
    case: Case,
    due_date: date,
    source: DueDateSource,
    *,
    actor: str,
    details: dict[str, Any] | None = None,
    provisional: bool = False,
) -> None:
    """Store ``due_date`` (a local calendar date) as the due date of ``case``, from ``source``.

    Args:
        details: what the audit event also records (e.g. the letter's stated limit).
        provisional: the date was counted on a year of the holiday calendar without an
            official schedule (a regulator's period): ``due_provisional`` is set and the case
            flagged ``provisional_deadline``, as a request's deadline is.

    Raises:
        ClockError: ``due_date`` is outside the dates deadlines are counted for (a mistyped
            year), or before the day the case was received anywhere on earth.
    """
    _check_stated_date(case, due_date)
    before = current_values(case)
    after = ClockValues(
        due_date=due_date,
        ack_due_date=case.ack_due_date,
        due_provisional=provisional,
        rule_ref=source.value,
    )
    if source is DueDateSource.BY_HAND:
        # The statute still times the case: its notice date for an extension stays, and the
        # company's own target never falls after the date it now answers by.
        target = case.internal_target_date
        after = replace(
            after,
            extension_notice_due_date=case.extension_notice_due_date,
            internal_target_date=min(target, due_date) if target else None,
        )
    for name, value in asdict(after).items():
        setattr(case, name, value)
    flags = set(case.review_flags or ()) - _SETTLED_FLAGS
    if provisional:
        flags.add(ReviewFlag.PROVISIONAL_DEADLINE.value)
    case.review_flags = sorted(flags)
    payload = {
        **(details or {}),
        "due_date": due_date.isoformat(),
        "source": source.value,
        "before": before.as_payload(),
    }
    record_event(session, _SET_EVENT[source], case=case, actor=actor, payload=payload)


def return_to_rule(
    session: Session, case: Case, rule_book: RuleBook, *, today: date, actor: str = SYSTEM_ACTOR
) -> bool:
    """Drop the stated due date of ``case`` and let its rule compute the clock again (a case of
    a kind no rule times is left without a due date and flagged ``no_deadline``).

    Args:
        today: the local date, for a pause that is still running.

    Returns:
        False when the case had no stated due date (nothing changed), else True.
    """
    source = stated_due_source(case)
    if source is None:
        return False
    before = current_values(case)
    for name, value in asdict(ClockValues(ack_due_date=case.ack_due_date)).items():
        setattr(case, name, value)
    payload = {"source": source.value, "before": before.as_payload()}
    record_event(session, "clock.due_date_released", case=case, actor=actor, payload=payload)
    recompute_clock(session, case, rule_book, cause="due_date_released", today=today, actor=actor)
    if case.due_date is None:
        case.review_flags = sorted({*(case.review_flags or ()), ReviewFlag.NO_DEADLINE.value})
    return True


def _check_stated_date(case: Case, due_date: date) -> None:
    if not is_countable(due_date):
        raise ClockError(
            f"The due date {due_date.isoformat()} is outside the dates deadlines are counted "
            "for; check the date."
        )
    # Not the rule's zone: a kind without a rule has none, and no lawful local date is refused.
    if due_date < case.received_at.astimezone(EARLIEST_OFFSET).date():
        raise ClockError("The due date cannot be before the day the case was received.")

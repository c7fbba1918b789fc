"""Each case's deadline clock: computed from its rule, calendar overrides, pauses, identity
verification and extension, never typed in. Every change to it is an audit event.

Sources: the rule files in ``resources/rules`` (each rule names its own legal source);
pauses stop the clock only where the rule says so (``pauses_stop_clock``). What staff enter on
the clock (pauses, an extension, a confirmed receipt) is in ``app.services.clock_adjustments``.

A due date no rule computes (the one a regulator's letter states, or one a person sets) is
stored with its source in place of the rule reference (``DueDateSource``); the clock keeps it
until a person hands the case back to its rule (``app.services.stated_due_date``), except that
a date set by hand never binds past the statutory deadline, which is counted all the same
(``recompute_clock``), and a regulator's stated period is counted again from a corrected
receipt or a changed calendar. The stored columns and where a stated date comes from are in
``app.services.clock_values``; this module re-exports their names for its many importers.
"""

from dataclasses import asdict, replace
from datetime import date
from functools import cache

from sqlalchemy.orm import Session

from app.errors import DateOutOfRangeError, UnknownRuleError
from app.models import Case
from app.models.enums import CaseKind, CaseStatus, ReviewFlag
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.calendar_schedules import calendar_overrides
from app.services.clock_values import ClockValues as ClockValues
from app.services.clock_values import DueDateSource as DueDateSource
from app.services.clock_values import current_values as current_values
from app.services.clock_values import deadline_values
from app.services.clock_values import rule_reference as rule_reference
from app.services.clock_values import stated_due_source as stated_due_source
from app.services.deadlines import (
    ClockPause,
    Deadline,
    InternalTargets,
    RuleBook,
    compute_deadline,
    load_internal_targets,
)

OPEN_STATUSES = frozenset(
    {
        CaseStatus.NEW,
        CaseStatus.TRIAGED,
        CaseStatus.AWAITING_REQUESTER,
        CaseStatus.IN_PROGRESS,
        CaseStatus.IN_REVIEW,
    }
)


@cache
def _internal_targets() -> InternalTargets:
    """The company's own targets (a shipped resource, read once per process)."""
    return load_internal_targets()


def deadline_for(
    session: Session, case: Case, rule_book: RuleBook, *, today: date
) -> Deadline | None:
    """Compute the deadline of ``case`` with its pauses, verification, extension and the
    calendar overrides entered for its rule's calendar.

    Returns:
        ``None`` where the rule set has no rule for the case's kind (no statutory deadline), or
        where a date is outside the years deadlines are counted for (a mistyped or forged
        date: ``recompute_clock`` flags the case ``implausible_date`` for a person).
    """
    if not rule_book.has_rule(case.jurisdiction, case.kind):
        return None
    rule = rule_book.rule_set(case.jurisdiction).rule(case.kind)
    try:
        return compute_deadline(
            rule_book,
            case.jurisdiction,
            case.kind,
            case.received_at,
            overrides=calendar_overrides(session, rule.calendar),
            pauses=[ClockPause(p.start_date, p.end_date, p.reason.value) for p in case.pauses],
            verified_at=case.verified_at,
            extended=case.extension_reason is not None,
            as_of_date=today,
            internal_targets=_internal_targets(),
        )
    except (UnknownRuleError, DateOutOfRangeError):
        return None


def recompute_clock(
    session: Session,
    case: Case,
    rule_book: RuleBook,
    *,
    cause: str,
    today: date,
    actor: str = SYSTEM_ACTOR,
) -> bool:
    """Recompute the clock of ``case``; store and audit the change when any value differs.

    Args:
        cause: why, for the audit trail (``case_created``, ``paused``, ``calendar_override``,
            ``rule_changed`` …).
        today: the local date, for a pause that is still running.

    A due date set by hand is kept while it comes no later than the statutory deadline, which
    is counted at every recomputation: where that deadline now falls before it (a receipt
    corrected to an earlier day, a triage to another jurisdiction or kind, a make-up working
    day, an identity check restarting the clock), the statutory date binds (PIPL Art. 50;
    GDPR Art. 12(3)) and the hand date is released (``clock.due_date_released``, reason
    ``statutory_earlier``). A regulator's letter's date is counted again from the receipt and
    calendar where its letter states a period (``_recount_letter_limit``).

    Returns:
        True when a value changed (and an event ``clock.recomputed`` or, for a regulator's
        date, ``clock.stated_deadline`` was recorded); False for a hand date that still binds.
    """
    source = stated_due_source(case)
    if source is DueDateSource.REGULATOR_LETTER:
        return _recount_letter_limit(session, case, rule_book, cause=cause, actor=actor)
    deadline = deadline_for(session, case, rule_book, today=today)
    before = current_values(case)
    after = deadline_values(deadline, case.extension_reason is not None)
    if source is DueDateSource.BY_HAND:
        if deadline is None:
            return False  # a kind no statute times: the hand date alone times it
        if _statute_falls_first(case, deadline):
            _release_hand_date(session, case, deadline, cause=cause, actor=actor)
        else:
            after = hand_values(case, deadline)
    if after == before:
        return False
    for name, value in asdict(after).items():
        setattr(case, name, value)
    flags = set(case.review_flags or ()) - {ReviewFlag.PROVISIONAL_DEADLINE.value}
    if after.due_provisional:
        flags.add(ReviewFlag.PROVISIONAL_DEADLINE.value)
    case.review_flags = sorted(flags)
    payload = {"cause": cause, "before": before.as_payload(), "after": after.as_payload()}
    record_event(session, "clock.recomputed", case=case, actor=actor, payload=payload)
    return True


def _statute_falls_first(case: Case, deadline: Deadline) -> bool:
    """Whether the statutory deadline counted now falls before the hand-set due date."""
    return case.due_date is not None and deadline.effective_due_date < case.due_date


def hand_values(case: Case, deadline: Deadline) -> ClockValues:
    """Return the clock columns of ``case`` whose due date (set by hand, no later than
    ``deadline``'s) binds: the rule's acknowledgement and extension-notice dates, the
    internal target no later than the hand date, and no extended date (``binding_due_date``
    would read it before the hand date)."""
    rule = deadline_values(deadline, False)
    target = rule.internal_target_date
    if target is not None and case.due_date is not None:
        target = min(target, case.due_date)
    return replace(
        rule,
        due_date=case.due_date,
        internal_target_date=target,
        due_provisional=False,  # the hand date is no estimate, whatever the calendar's
        rule_ref=DueDateSource.BY_HAND.value,
    )


def _release_hand_date(
    session: Session, case: Case, deadline: Deadline, *, cause: str, actor: str
) -> None:
    """Record that a hand-set due date the statute now overtakes is dropped (a hand date may
    come before the statutory one, never after it); the caller stores the rule's dates. The
    event's reason ``statutory_earlier`` and the statutory date say why."""
    payload = {
        "source": DueDateSource.BY_HAND.value,
        "cause": cause,
        "reason": RELEASED_STATUTORY_EARLIER,
        "due_date": deadline.effective_due_date.isoformat(),
        "before": current_values(case).as_payload(),
    }
    record_event(session, "clock.due_date_released", case=case, actor=actor, payload=payload)
    case.review_flags = sorted({*(case.review_flags or ()), ReviewFlag.DUE_DATE_RELEASED.value})


# Why a hand-set due date was released without a person asking (the audit payload's reason).
RELEASED_STATUTORY_EARLIER = "statutory_earlier"
# What moves a regulator's letter's period: the day it is counted from, or the calendar.
_LETTER_RECOUNT_CAUSES = frozenset({"receipt_confirmed", "calendar_override"})


def _recount_letter_limit(
    session: Session, case: Case, rule_book: RuleBook, *, cause: str, actor: str
) -> bool:
    """Count a regulator's stated limits ("十个工作日内", "2026年12月4日前") again from the
    receipt now on record and the calendar's overrides, where ``cause`` changed either; True
    when the date moved.

    The limits are those the date was counted from (its ``clock.stated_deadline`` event), so
    the letter is not read again, on the calendar they were counted on (the event's
    ``region``: the state whose authority wrote); the earliest not before the receipt binds.
    The counting is ``app.services.regulator_deadline``'s (imported here, not at the top: it
    builds on this module). Only a date that moves (or becomes or stops being provisional: a
    year's official schedule entered) is stored, with an event naming the ``cause``.
    """
    if cause not in _LETTER_RECOUNT_CAUSES or case.kind != CaseKind.REGULATOR_INQUIRY:
        return False
    from app.services.regulator_deadline import count_stated, counting_basis
    from app.services.regulator_limit_record import (
        limit_details,
        limits_on_record,
        region_on_record,
    )
    from app.services.stated_due_date import set_stated_due_date

    limits = limits_on_record(session, case)
    region = region_on_record(session, case) if limits is not None else None
    basis = counting_basis(session, case, rule_book, region) if limits is not None else None
    if limits is None or basis is None:
        return False
    counted = count_stated(limits, basis)
    if counted is None or (counted.due_date, counted.provisional) == (
        case.due_date,
        case.due_provisional,
    ):
        return False
    statements = (limits, *limits.fallbacks)
    calendar = basis.calendar.spec if basis.region else None
    recorded = limit_details(counted.statement, statements, region=basis.region, calendar=calendar)
    details = {"cause": cause, **recorded}
    source = DueDateSource.REGULATOR_LETTER
    set_stated_due_date(
        session,
        case,
        counted.due_date,
        source,
        actor=actor,
        details=details,
        provisional=counted.provisional,
    )
    return True

"""Each case's deadline clock: computed from its rule, calendar overrides, pauses, identity
verification and extension, never typed in. Every change to it is an audit event.

Sources: the rule files in ``resources/rules`` (each rule names its own legal source);
pauses stop the clock only where the rule says so (``pauses_stop_clock``).
"""

import hashlib
from dataclasses import asdict, dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, and_, func, or_, select, tuple_
from sqlalchemy.orm import Session

from app.errors import ClockError, DateOutOfRangeError, UnknownRuleError
from app.models import Case, CasePause
from app.models.base import utc_now
from app.models.enums import CaseStatus, PauseReason, ReceivedAtSource, ReviewFlag
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.calendar_schedules import calendar_overrides
from app.services.deadlines import (
    ClockPause,
    Deadline,
    InternalTargets,
    RuleBook,
    compute_deadline,
    is_countable,
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


def _values(deadline: Deadline | None, extended: bool) -> ClockValues:
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

    Returns:
        True when a value changed (and an event ``clock.recomputed`` was recorded).
    """
    before = current_values(case)
    after = _values(
        deadline_for(session, case, rule_book, today=today), case.extension_reason is not None
    )
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


def _check_countable(day: date, label: str) -> None:
    """Refuse a date typed by a person that no deadline can be counted from (e.g. 0001-01-01
    for 2026-01-01): stored, it would leave the case without a due date."""
    if not is_countable(day):
        raise ClockError(
            f"The {label} date {day.isoformat()} is outside the dates deadlines are counted "
            "for; check the date."
        )


def recompute_open_cases(
    session: Session,
    rule_book: RuleBook,
    *,
    cause: str,
    today: date,
    actor: str = SYSTEM_ACTOR,
    only_stale_rules: bool = False,
) -> list[str]:
    """Recompute every open case, or with ``only_stale_rules`` those whose stored rule
    reference is not one of the current rule files' (found in SQL, so a large database is not
    recomputed at every start). Returns the references whose clock changed."""
    query = cases_to_recompute(rule_book, only_stale_rules=only_stale_rules)
    changed: list[str] = []
    for case in session.scalars(query):
        if recompute_clock(session, case, rule_book, cause=cause, today=today, actor=actor):
            changed.append(case.reference)
    return changed


def cases_to_recompute(rule_book: RuleBook, *, only_stale_rules: bool) -> Select[tuple[Case]]:
    """The open cases to recompute: all of them, or with ``only_stale_rules`` those computed
    under a rule file that has changed and those never timed for which a rule now exists.

    Returns:
        A SELECT of ``Case`` rows, by id.
    """
    # The ids first, from an index alone (ix_case_status_rule, migration 0009): at a million
    # cases the check at every start then reads no case row unless one is stale (it read
    # every open case's row before: 0.4 s and 30 MiB of page cache right after the first paint).
    ids = select(Case.id).where(Case.status.in_(OPEN_STATUSES))
    if only_stale_rules:
        current = current_rule_references(rule_book)
        # A case without a rule reference is stale only where a rule now exists for it:
        # otherwise every start would re-read every case of a kind no statute times.
        with_rules = [
            (code, kind)
            for code, rule_set in rule_book.rule_sets.items()
            for kind in rule_set.rules
        ]
        never_computed = and_(
            Case.rule_ref.is_(None),
            tuple_(func.upper(func.trim(Case.jurisdiction)), Case.kind).in_(with_rules),
        )
        ids = ids.where(or_(never_computed, Case.rule_ref.not_in(current)))
    return select(Case).where(Case.id.in_(ids)).order_by(Case.id)


def current_rule_references(rule_book: RuleBook) -> list[str]:
    """Return the reference of every rule in ``rule_book`` (see ``rule_reference``)."""
    return [
        f"{rule_set.code}/{kind.value}@{rule_set.version}"
        for rule_set in rule_book.rule_sets.values()
        for kind in rule_set.rules
    ]


def pause_clock(
    session: Session,
    case: Case,
    rule_book: RuleBook,
    *,
    start_date: date,
    reason: PauseReason,
    note: str = "",
    today: date,
    actor: str = SYSTEM_ACTOR,
) -> CasePause:
    """Stop the clock of ``case`` from ``start_date`` (rule time zone, inclusive).

    Raises:
        ClockError: the clock is already paused, or ``start_date`` is in the future or before
            the years deadlines are counted for.
    """
    if any(p.end_date is None for p in case.pauses):
        raise ClockError("The clock of this case is already paused; resume it first.")
    if start_date > today:
        raise ClockError("A pause cannot start in the future.")
    _check_countable(start_date, "pause start")
    pause = CasePause(start_date=start_date, reason=reason, note=note, created_by=actor)
    case.pauses.append(pause)
    payload = {"start_date": start_date.isoformat(), "reason": reason.value}
    record_event(session, "clock.paused", case=case, actor=actor, payload=payload)
    recompute_clock(session, case, rule_book, cause="paused", today=today, actor=actor)
    return pause


def resume_clock(
    session: Session,
    case: Case,
    rule_book: RuleBook,
    *,
    end_date: date,
    today: date,
    actor: str = SYSTEM_ACTOR,
) -> CasePause:
    """Restart the clock: ``end_date`` is the last paused day (rule time zone, inclusive).

    Raises:
        ClockError: the clock is not paused, or ``end_date`` is before the pause started or
            in the future.
    """
    running = next((p for p in case.pauses if p.end_date is None), None)
    if running is None:
        raise ClockError("The clock of this case is not paused.")
    if end_date < running.start_date or end_date > today:
        raise ClockError("The pause must end between its start and today.")
    running.end_date = end_date
    payload = {"start_date": running.start_date.isoformat(), "end_date": end_date.isoformat()}
    record_event(session, "clock.resumed", case=case, actor=actor, payload=payload)
    recompute_clock(session, case, rule_book, cause="resumed", today=today, actor=actor)
    return running


def take_extension(
    session: Session,
    case: Case,
    rule_book: RuleBook,
    *,
    reason: str,
    today: date,
    actor: str = SYSTEM_ACTOR,
    extended_at: datetime | None = None,
) -> date:
    """Extend the deadline of ``case`` as its rule allows (e.g. GDPR Art. 12(3): two further
    months, the requester told with reasons within the first month).

    Args:
        today: the local date the extension is taken on (checked against the notice date).
        extended_at: when it was taken (aware); now when not given.

    Returns:
        The extended due date.

    Raises:
        ClockError: no reason given, already extended, the rule has no extension (Chinese law
            has none), the notice date has passed, or ``extended_at`` is naive, before receipt
            or in the future.
    """
    if not reason.strip():
        raise ClockError("An extension needs a reason; the requester must be told it.")
    if case.extension_reason is not None:
        raise ClockError("This case has already been extended.")
    notice_due = case.extension_notice_due_date
    if notice_due is None:
        raise ClockError("The rule for this case allows no extension.")
    if today > notice_due:
        raise ClockError(f"An extension had to be notified by {notice_due.isoformat()}.")
    case.extended_at = _extension_instant(case, extended_at)
    case.extension_reason = reason.strip()
    # The reason is free text (it may name people): the case holds it, and the append-only
    # trail keeps only its hash, so anonymising the case leaves no personal data behind.
    digest = hashlib.sha256(case.extension_reason.encode()).hexdigest()
    record_event(
        session, "clock.extended", case=case, actor=actor, payload={"reason_sha256": digest}
    )
    recompute_clock(session, case, rule_book, cause="extended", today=today, actor=actor)
    if case.extended_due_date is None:
        raise ClockError("The rule for this case allows no extension.")
    return case.extended_due_date


def _extension_instant(case: Case, extended_at: datetime | None) -> datetime:
    now = utc_now()
    if extended_at is None:
        return now
    if extended_at.tzinfo is None or not case.received_at <= extended_at <= now:
        raise ClockError("The extension must be dated between receipt and now, with its zone.")
    return extended_at


def refresh_after_rule_change(
    session: Session, rule_book: RuleBook, *, today: date, actor: str = SYSTEM_ACTOR
) -> list[str]:
    """Recompute the open cases computed under rule files that have changed since (run when
    the database is opened); each change is audited with the cause ``rule_changed``."""
    return recompute_open_cases(
        session, rule_book, cause="rule_changed", today=today, actor=actor, only_stale_rules=True
    )


RECEIPT_FLAGS = frozenset(
    {ReviewFlag.MISSING_DATE, ReviewFlag.UNPARSABLE_DATE, ReviewFlag.IMPLAUSIBLE_DATE}
)


def confirm_receipt(
    session: Session,
    case: Case,
    rule_book: RuleBook,
    *,
    received_at: datetime,
    today: date,
    actor: str = SYSTEM_ACTOR,
) -> None:
    """Record the receipt instant a person confirmed (e.g. from the mail server's log where the
    message had no usable Date:), clear the date flags and recompute the clock.

    Raises:
        ClockError: a naive instant, one after today, or one before the years deadlines are
            counted for.
    """
    if received_at.tzinfo is None:
        raise ClockError("Give the receipt time with its UTC offset, e.g. 2026-03-02T09:30+08:00.")
    if received_at.date() > today:
        raise ClockError("The receipt date cannot be in the future.")
    _check_countable(received_at.date(), "receipt")
    before = case.received_at
    case.received_at = received_at
    case.received_at_source = ReceivedAtSource.ENTERED
    case.review_flags = sorted(set(case.review_flags) - {f.value for f in RECEIPT_FLAGS})
    payload = {"from": before.isoformat(), "to": received_at.isoformat()}
    record_event(session, "case.receipt_confirmed", case=case, actor=actor, payload=payload)
    recompute_clock(session, case, rule_book, cause="receipt_confirmed", today=today, actor=actor)

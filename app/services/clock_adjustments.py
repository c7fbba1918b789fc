"""What staff enter on a case's clock: pauses and their end, an extension, a confirmed or
corrected receipt instant. Each is audited, then the clock is recomputed (``app.services.clock``).

Sources: pauses stop the clock only where the case's rule says so (``pauses_stop_clock``); an
extension is allowed only where the rule has one (e.g. GDPR Art. 12(3); Chinese law has none);
pauses and extensions only while the statutory deadline runs (``app.services.clock_gates``).
"""

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.errors import ClockError, PauseBeforeReceiptError
from app.models import Case, CasePause
from app.models.base import utc_now
from app.models.enums import PauseReason, ReceivedAtSource
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.clock import deadline_for, recompute_clock
from app.services.clock_gates import (
    ClockAction,
    check_clock_change,
    counted_deadline,
    refuse_clock_change,
)
from app.services.deadlines import RuleBook, is_countable
from app.services.extension_reason import LetterTextCheck, checked_reason, reason_digest
from app.services.receipt_checks import RECEIPT_FLAGS
from app.services.typed_text import has_direction_controls

# The westernmost civil offset: without a rule (hence no time zone) a case's receipt date is
# taken at its earliest anywhere, so no lawful local date is refused.
EARLIEST_OFFSET = timezone(timedelta(hours=-12))


def _check_countable(day: date, label: str) -> None:
    """Refuse a date typed by a person that no deadline can be counted from (e.g. 0001-01-01
    for 2026-01-01): stored, it would leave the case without a due date."""
    if not is_countable(day):
        raise ClockError(
            f"The {label} date {day.isoformat()} is outside the dates deadlines are counted "
            "for; check the date."
        )


def receipt_date(session: Session, case: Case, rule_book: RuleBook, *, today: date) -> date:
    """Return the date ``case`` was received, in its rule's time zone (where pause dates are
    counted); without a rule, the earliest local date the receipt instant has anywhere."""
    deadline = deadline_for(session, case, rule_book, today=today)
    if deadline is not None:
        return deadline.received_date
    return case.received_at.astimezone(EARLIEST_OFFSET).date()


def receipt_zone(case: Case, rule_book: RuleBook) -> ZoneInfo | None:
    """Return the statutory time zone of ``case``: its rule's (e.g. ``Asia/Shanghai`` for
    CN), in which its receipt date is counted (DESIGN.md §3: periods run from the receipt date
    in the rule's time zone); a kind without a rule takes its rule set's zone; ``None`` for a
    jurisdiction without a rule set."""
    code = case.jurisdiction.strip().upper()
    rule_set = rule_book.rule_sets.get(code)
    if rule_set is None or not rule_set.rules:
        return None
    rule = rule_set.rules.get(case.kind) or next(iter(rule_set.rules.values()))
    return ZoneInfo(rule.time_zone)


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
    """Stop the clock of ``case`` from ``start_date`` (rule time zone, inclusive), while its
    statutory deadline runs (``app.services.clock_gates``).

    Raises:
        ClockNotRunningError: the case is answered or closed, not a request, or has no
            statutory deadline counted (GDPR Art. 12(3), PIPL Art. 50).
        ClockError: the clock is already paused, ``start_date`` is in the future or before
            the years deadlines are counted for, or ``note`` holds a bidi embedding, override
            or isolate (``app.services.typed_text``).
        PauseBeforeReceiptError: ``start_date`` is before the receipt date (the clock starts
            at receipt: there is nothing to stop before it).
    """
    deadline = counted_deadline(session, case, rule_book, today=today)
    refuse_clock_change(ClockAction.PAUSE, case, counted=deadline is not None, today=today)
    assert deadline is not None  # refused above when no deadline is counted
    if start_date > today:
        raise ClockError("A pause cannot start in the future.")
    if has_direction_controls(note):
        raise ClockError("The text holds direction-changing characters; type it again.")
    _check_countable(start_date, "pause start")
    received = deadline.received_date
    if start_date < received:
        raise PauseBeforeReceiptError(
            f"A pause cannot start before the request was received ({received.isoformat()})."
        )
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
        ClockNotRunningError: the case is answered or closed (its clock is the record of what
            happened), or it has no pause and no statutory deadline counted.
        ClockNotPausedError: the clock is not paused (nothing to restart).
        ClockError: ``end_date`` is before the pause started or in the future.
    """
    check_clock_change(session, case, rule_book, ClockAction.RESUME, today=today)
    running = next(p for p in case.pauses if p.end_date is None)
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
    printable: LetterTextCheck,
    today: date,
    actor: str = SYSTEM_ACTOR,
    extended_at: datetime | None = None,
) -> date:
    """Extend the deadline of ``case`` as its rule allows (e.g. GDPR Art. 12(3): two further
    months, the requester told with reasons within the first month).

    Args:
        reason: the reason the requester will be told (printed in the extension notice).
        printable: the letters' font check (``app.reports.letter_text.check_letter_text``):
            a reason the notice could not print is refused now, not when the notice is due.
        today: the local date the extension is taken on (checked against the notice date).
        extended_at: when it was taken (aware); now when not given.

    Returns:
        The extended statutory due date (under an earlier date set by hand, which still
        binds, the statutory date the hand date must not pass).

    Raises:
        ClockNotRunningError: the case is answered or closed, not a request, or has no
            statutory deadline counted.
        ClockError: already extended, the rule has no extension (Chinese law has none), the
            notice date has passed, no reason given, a reason holding a bidi embedding,
            override or isolate, control characters or characters no letter font has
            (``checked_reason``), or
            ``extended_at`` is naive, before receipt or in the future.
    """
    check_clock_change(session, case, rule_book, ClockAction.EXTEND, today=today)
    stored = checked_reason(reason, printable)
    case.extended_at = _extension_instant(case, extended_at)
    case.extension_reason = stored
    # The reason is free text (it may name people): the case holds it, and the append-only
    # trail keeps only its hash, so anonymising the case leaves no personal data behind.
    digest = reason_digest(stored)
    record_event(
        session, "clock.extended", case=case, actor=actor, payload={"reason_sha256": digest}
    )
    recompute_clock(session, case, rule_book, cause="extended", today=today, actor=actor)
    # Under a date set by hand the statutory date is extended, not stored: the hand date binds.
    extended = deadline_for(session, case, rule_book, today=today)
    if extended is None or extended.extended_due_date is None:
        raise ClockError("The rule for this case allows no extension.")
    return extended.extended_due_date


def _extension_instant(case: Case, extended_at: datetime | None) -> datetime:
    now = utc_now()
    if extended_at is None:
        return now
    if extended_at.tzinfo is None or not case.received_at <= extended_at <= now:
        raise ClockError("The extension must be dated between receipt and now, with its zone.")
    return extended_at


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
    message had no usable Date:) or corrected (e.g. a letter that arrived by post before it was
    scanned), clear the date flags and recompute the clock. Only before the case is answered:
    afterwards the receipt is part of the record its answer was measured by
    (``app.services.clock_gates``).

    Raises:
        ClockNotRunningError: the case is answered or closed.
        ClockError: a naive instant, one after today, or one before the years deadlines are
            counted for.
    """
    refuse_clock_change(ClockAction.RECEIPT, case, counted=True, today=today)
    if received_at.tzinfo is None:
        raise ClockError("Give the receipt time with its UTC offset, e.g. 2026-03-02T09:30+08:00.")
    if received_at.date() > today:
        raise ClockError("The receipt date cannot be in the future.")
    _check_countable(received_at.date(), "receipt")
    before, source = case.received_at, case.received_at_source
    case.received_at = received_at
    case.received_at_source = ReceivedAtSource.ENTERED
    case.review_flags = sorted(set(case.review_flags) - {f.value for f in RECEIPT_FLAGS})
    # Where the replaced instant came from tells a confirmation of a doubtful receipt from a
    # correction of one read from a good Date: header.
    payload = {
        "from": before.isoformat(),
        "to": received_at.isoformat(),
        "from_source": source.value,
    }
    record_event(session, "case.receipt_confirmed", case=case, actor=actor, payload=payload)
    recompute_clock(session, case, rule_book, cause="receipt_confirmed", today=today, actor=actor)

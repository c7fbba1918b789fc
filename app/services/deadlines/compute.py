"""Compute the statutory dates of one request from its rule (DESIGN.md §3).

The receipt instant is converted to a date in the rule's time zone; that date is day 0 (or day 1
where the rule says so). Where the rule's clock starts on identity verification (``start =
"verified"``: UK GDPR Art. 12A as inserted by the DUAA 2025, "the period runs from receipt of the
information"; GB/T 35273-2020 §8.7 "在验证身份后"), the verification date takes the place of the
receipt date; without one the dates are counted from receipt and marked
``awaiting_verification`` (the earliest they can be). A rule with ``midnight_start_counts``
counts the start day itself when the clock starts at exactly 00:00:00 local time (Korean Civil
Act art. 157 proviso). The due date, the extended date and the
internal target are counted from that clock start, never from one another (an extension runs
from receipt: GDPR Art. 12(3), 11 CCR §7021(b)); the acknowledgement always from receipt.

Pauses (``pauses.py``) apply only where the rule's ``pauses_stop_clock`` is true; they move the
due date, the extended date and the internal target, never the acknowledgement. On a rule that
starts on verification, record the wait for identity as ``verified_at``, not also as a pause.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.errors import ExtensionNotAllowedError
from app.models.enums import CaseKind
from app.services.deadlines.calendars import CalendarOverrides, DayReason, WorkingCalendar
from app.services.deadlines.counting import Count, CountedDay, count_period, explained_day
from app.services.deadlines.inputs import EARLIEST_COUNTED_DATE as EARLIEST_COUNTED_DATE
from app.services.deadlines.inputs import LATEST_COUNTED_DATE as LATEST_COUNTED_DATE
from app.services.deadlines.inputs import check_instants, check_range
from app.services.deadlines.inputs import is_countable as is_countable
from app.services.deadlines.internal_target import target_count, target_date, team_calendar
from app.services.deadlines.pauses import ClockPause, paused_days
from app.services.deadlines.policy import InternalTarget, InternalTargets
from app.services.deadlines.rules import FirstDay, Period, Rule, RuleBook, RuleRef, StartEvent


@dataclass(frozen=True)
class Deadline:
    """The computed dates of one request.

    ``received_at`` is the instant as given (aware); every ``*_date`` is a local date in the
    rule's time zone. ``clock_start_date`` is the receipt date, or the verification date where
    the rule starts on it. ``extension_notice_due_date`` is the last day to tell the requester
    that the extension is used (the original due date under GDPR Art. 12(3) and 11 CCR
    §7021(b)); ``extended`` says the extension is used, and ``effective_due_date`` is then the
    extended date. ``provisional_years`` are the years of a calendar without an official
    schedule that the counting relied on. ``counted_days`` explain the main period day by day
    (from the day after receipt, with the wait for verification, pauses and roll-forward days);
    ``extended_counted_days`` the whole extended period the same way (``explain_deadline`` shows
    those after ``due_date``).

    ``internal_target_date`` is the company's own promise (policy, not law), never after
    ``due_date``. ``pauses_ignored``: pauses were given but the rule does not stop the clock.
    ``paused_open``: a pause has no end yet, and the dates assume the clock restarts the day
    after ``as_of_date``; they move each day until the pause ends. ``paused_day_count`` is the
    number of paused days inside the main period.
    """

    jurisdiction: str
    kind: CaseKind
    received_at: datetime
    received_date: date
    due_date: date
    ack_due_date: date | None
    extended_due_date: date | None
    extension_notice_due_date: date | None
    provisional: bool
    provisional_years: tuple[int, ...]
    rule: RuleRef
    counted_days: tuple[CountedDay, ...]
    clock_start_date: date
    extended: bool = False
    extended_counted_days: tuple[CountedDay, ...] = ()
    internal_target_date: date | None = None
    internal_target: InternalTarget | None = None
    pauses: tuple[ClockPause, ...] = ()
    pauses_ignored: bool = False
    paused_open: bool = False
    paused_day_count: int = 0
    awaiting_verification: bool = False
    as_of_date: date | None = None

    @property
    def effective_due_date(self) -> date:
        """Return the date the response is due: the extended date when ``extended``."""
        if self.extended and self.extended_due_date is not None:
            return self.extended_due_date
        return self.due_date


@dataclass(frozen=True)
class _Clock:
    """The inputs every count of one request shares."""

    rule: Rule
    calendar: WorkingCalendar
    start: date
    paused: frozenset[date]
    first_day: FirstDay

    def count(self, period: Period | None) -> Count | None:
        """Count ``period`` from the clock start on the rule's counting and roll conventions."""
        if period is None:
            return None
        rule = self.rule
        return count_period(
            self.start, period, self.first_day, rule.roll, self.calendar, self.paused
        )


def compute_deadline(
    rule_book: RuleBook,
    jurisdiction: str,
    kind: CaseKind,
    received_at: datetime,
    *,
    overrides: CalendarOverrides | None = None,
    region: str | None = None,
    pauses: Sequence[ClockPause] = (),
    verified_at: datetime | None = None,
    extended: bool = False,
    as_of_date: date | None = None,
    internal_targets: InternalTargets | None = None,
) -> Deadline:
    """Compute the deadline of a ``kind`` request received at ``received_at``.

    Args:
        rule_book: the loaded rule sets (``load_rule_book``).
        jurisdiction: rule-set code such as ``"CN"`` or ``"EU"`` (case-insensitive).
        kind: the request kind.
        received_at: aware instant of receipt.
        overrides: admin calendar entries; applied when their calendar is the rule's calendar.
        region: a selectable region of the rule set (e.g. ``"DE"`` for the EU set); its calendar
            and time zone replace the rule's.
        pauses: clock pauses (dates in the rule's time zone); ignored, and the result says so,
            unless the rule's ``pauses_stop_clock`` is true.
        verified_at: aware instant identity was verified; the clock start where the rule starts
            on verification, ignored otherwise.
        extended: the extension is used; ``effective_due_date`` becomes the extended date.
        as_of_date: the local date an open pause runs to (today, for a live case).
        internal_targets: the company's targets (``load_internal_targets``); none if ``None``.

    Raises:
        UnknownRuleError: no rule set, no rule for ``kind`` (e.g. ``not_a_request``,
            ``reminder``: the deadline is the original request's), or unknown ``region``.
        ExtensionNotAllowedError: ``extended`` under a rule without an extension.
        DeadlineInputError: verification before receipt, or an open pause without
            ``as_of_date``.
        DateOutOfRangeError: receipt, verification, a pause or ``as_of_date`` outside
            ``EARLIEST_COUNTED_DATE``..``LATEST_COUNTED_DATE``.
        ValueError: ``received_at`` or ``verified_at`` is naive.
    """
    check_instants(received_at, verified_at)
    check_range(received_at, verified_at, pauses, as_of_date)
    rule_set = rule_book.rule_set(jurisdiction)
    rule = rule_set.rule(kind)
    if extended and rule.extension is None:
        raise ExtensionNotAllowedError(f"rule {rule_set.code}/{kind.value} has no extension")
    spec, zone = rule.calendar, rule.time_zone
    if region is not None:
        spec, zone = rule_set.region(region).calendar, rule_set.region(region).time_zone
    calendar = WorkingCalendar(spec, rule.rest_days, overrides)
    received_date = _local_date(received_at, zone)
    start = _clock_start(rule, received_date, verified_at, zone)
    stops = rule.pauses_stop_clock and bool(pauses)
    started_at = verified_at if rule.start is StartEvent.VERIFIED and verified_at else received_at
    first_day = _first_day(rule, started_at, zone)
    clock = _Clock(rule, calendar, start, _paused(stops, pauses, as_of_date), first_day)
    target = internal_targets.target(rule_set.code, kind) if internal_targets else None
    team = team_calendar(rule, spec, calendar, overrides)
    counts = _Counts(
        due=_required(clock.count(rule.period)),
        ack=_Clock(
            rule, calendar, received_date, frozenset(), _first_day(rule, received_at, zone)
        ).count(rule.acknowledgement),
        extended=clock.count(_extended_period(rule)),
        target=target_count(clock.start, clock.paused, target, team),
    )
    return Deadline(
        jurisdiction=rule_set.code,
        kind=kind,
        received_at=received_at,
        received_date=received_date,
        due_date=counts.due.end,
        ack_due_date=_end(counts.ack),
        extended_due_date=_end(counts.extended),
        extension_notice_due_date=counts.due.end if counts.extended is not None else None,
        provisional=bool(counts.provisional_years(calendar)),
        provisional_years=counts.provisional_years(calendar),
        rule=_rule_ref(rule_set.code, rule_set.version, rule, spec, zone),
        counted_days=_waiting_days(received_date, clock.start, counts.due, calendar)
        + counts.due.days,
        clock_start_date=clock.start,
        extended=extended,
        extended_counted_days=counts.extended.days if counts.extended else (),
        internal_target_date=target_date(counts.target, counts.due, team, clock.start),
        internal_target=target,
        pauses=tuple(pauses),
        pauses_ignored=bool(pauses) and not rule.pauses_stop_clock,
        paused_open=stops and any(pause.is_open for pause in pauses),
        paused_day_count=sum(day.why is DayReason.PAUSED for day in counts.due.days),
        awaiting_verification=rule.start is StartEvent.VERIFIED and verified_at is None,
        as_of_date=as_of_date,
    )


@dataclass(frozen=True)
class _Counts:
    """The four counts of one request; only ``due`` always exists."""

    due: Count
    ack: Count | None
    extended: Count | None
    target: Count | None

    def provisional_years(self, calendar: WorkingCalendar) -> tuple[int, ...]:
        """Return the consulted years without an official schedule, ascending."""
        counts = [c for c in (self.due, self.ack, self.extended, self.target) if c is not None]
        consulted = frozenset[int]().union(*(count.years_consulted for count in counts))
        return tuple(sorted(year for year in consulted if not calendar.is_official_year(year)))


def _required(count: Count | None) -> Count:
    if count is None:
        raise AssertionError("a rule always has a period")
    return count


def _end(count: Count | None) -> date | None:
    return count.end if count is not None else None


def _local_date(instant: datetime, zone: str) -> date:
    return instant.astimezone(ZoneInfo(zone)).date()


def _clock_start(rule: Rule, received_date: date, verified_at: datetime | None, zone: str) -> date:
    """Return the verification date where the rule starts on it and it is known, else receipt."""
    if rule.start is StartEvent.VERIFIED and verified_at is not None:
        return _local_date(verified_at, zone)
    return received_date


def _first_day(rule: Rule, event_at: datetime, zone: str) -> FirstDay:
    """Return the rule's first day, or the event day itself where a ``next_day`` rule counts a
    period that begins at exactly 00:00:00 local time from that day (``midnight_start_counts``:
    Korean Civil Act art. 157 proviso)."""
    at_midnight = event_at.astimezone(ZoneInfo(zone)).time() == time(0)
    if rule.midnight_start_counts and rule.first_day is FirstDay.NEXT_DAY and at_midnight:
        return FirstDay.RECEIPT_DAY
    return rule.first_day


def _paused(stops: bool, pauses: Sequence[ClockPause], as_of_date: date | None) -> frozenset[date]:
    return paused_days(pauses, as_of_date) if stops else frozenset()


def _waiting_days(
    received_date: date, start: date, due: Count, calendar: WorkingCalendar
) -> tuple[CountedDay, ...]:
    """Return the days after receipt and before the period's first day (waiting for identity).

    Under a ``next_day`` rule the verification day is day 0 and is listed as ``VERIFIED``; under
    a ``receipt_day`` rule it is day 1 and belongs to the period itself.
    """
    gap = (due.days[0].day - received_date).days
    days = (received_date + timedelta(days=i) for i in range(1, gap))
    return tuple(
        explained_day(
            day, DayReason.VERIFIED if day == start else DayReason.AWAITING_VERIFICATION, calendar
        )
        for day in days
    )


def _extended_period(rule: Rule) -> Period | None:
    """Return period + every allowed extension, all counted from receipt (Art. 12(3))."""
    if rule.extension is None:
        return None
    return Period(rule.period.n + rule.extension.n * rule.extension.times, rule.period.unit)


def _rule_ref(code: str, version: str, rule: Rule, calendar: str, time_zone: str) -> RuleRef:
    return RuleRef(
        code=code,
        kind=rule.kind,
        version=version,
        period=rule.period,
        start=rule.start,
        pauses_stop_clock=rule.pauses_stop_clock,
        calendar=calendar,
        time_zone=time_zone,
        source=rule.source,
        confidence=rule.confidence,
        basis=rule.basis,
        source_zh=rule.source_zh,
    )

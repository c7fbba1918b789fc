"""Compute the statutory dates of one request from its rule (DESIGN.md §3).

The receipt instant is converted to a date in the rule's time zone; that date is day 0 (or day 1
where the rule says so). The due date, the acknowledgement date and the extended date are all
counted from that date, never from one another (an extension runs from receipt: GDPR Art. 12(3),
11 CCR §7021(b)).
"""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.models.enums import CaseKind
from app.services.deadlines.calendars import CalendarOverrides, WorkingCalendar
from app.services.deadlines.counting import Count, CountedDay, count_period
from app.services.deadlines.rules import Period, Rule, RuleBook, RuleRef


@dataclass(frozen=True)
class Deadline:
    """The computed dates of one request.

    ``received_at`` is the instant as given (aware); every ``*_date`` is a local date in the
    rule's time zone. ``extension_notice_due_date`` is the last day to tell the requester that the
    extension is used (the original due date under GDPR Art. 12(3) and 11 CCR §7021(b)).
    ``provisional_years`` are the years of a calendar without an official schedule that the
    counting relied on; ``counted_days`` explain the main period day by day.
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


def compute_deadline(
    rule_book: RuleBook,
    jurisdiction: str,
    kind: CaseKind,
    received_at: datetime,
    *,
    overrides: CalendarOverrides | None = None,
    region: str | None = None,
) -> Deadline:
    """Compute the deadline of a ``kind`` request received at ``received_at``.

    Args:
        rule_book: the loaded rule sets (``load_rule_book``).
        jurisdiction: rule-set code such as ``"CN"`` or ``"EU"`` (case-insensitive).
        kind: the request kind.
        received_at: aware instant of the rule's start event (receipt, or identity verification
            where ``rule.start`` is ``verified``).
        overrides: admin calendar entries; applied when their calendar is the rule's calendar.
        region: a selectable region of the rule set (e.g. ``"DE"`` for the EU set); its calendar
            and time zone replace the rule's.

    Raises:
        UnknownRuleError: no rule set, no rule for ``kind`` (e.g. ``not_a_request``,
            ``reminder``: the deadline is the original request's), or unknown ``region``.
        ValueError: ``received_at`` is naive.
    """
    if received_at.tzinfo is None or received_at.utcoffset() is None:
        raise ValueError("received_at must be timezone-aware")
    rule_set = rule_book.rule_set(jurisdiction)
    rule = rule_set.rule(kind)
    spec, zone = rule.calendar, rule.time_zone
    if region is not None:
        spec, zone = rule_set.region(region).calendar, rule_set.region(region).time_zone
    calendar = WorkingCalendar(spec, rule.rest_days, overrides)
    received_date = received_at.astimezone(ZoneInfo(zone)).date()
    due = count_period(received_date, rule.period, rule.first_day, rule.roll, calendar)
    ack = _count(received_date, rule.acknowledgement, rule, calendar)
    extended = _count(received_date, _extended_period(rule), rule, calendar)
    consulted = due.years_consulted.union(
        *(count.years_consulted for count in (ack, extended) if count is not None)
    )
    years = sorted(year for year in consulted if not calendar.is_official_year(year))
    return Deadline(
        jurisdiction=rule_set.code,
        kind=kind,
        received_at=received_at,
        received_date=received_date,
        due_date=due.end,
        ack_due_date=ack.end if ack is not None else None,
        extended_due_date=extended.end if extended is not None else None,
        extension_notice_due_date=due.end if extended is not None else None,
        provisional=bool(years),
        provisional_years=tuple(years),
        rule=_rule_ref(rule_set.code, rule_set.version, rule, spec, zone),
        counted_days=due.days,
    )


def _count(
    start: date, period: Period | None, rule: Rule, calendar: WorkingCalendar
) -> Count | None:
    if period is None:
        return None
    return count_period(start, period, rule.first_day, rule.roll, calendar)


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
    )

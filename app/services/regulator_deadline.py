"""The deadline of a regulator's inquiry: the time limit its letter states, counted on the
jurisdiction's calendar, and the ``no_deadline`` flag where an imported case has none.

No statute sets a deadline for answering a regulator (resources/rules/cn.toml: the regulator's
letter sets its date), so the rule book has no rule for ``regulator_inquiry``. The letter's own
limit ("请于十个工作日内书面说明情况") is counted here as the rule sets count theirs: the
receipt day is day 0 (民法典 art. 201; Reg. 1182/71 art. 3(1)); working days on the rule set's
holiday calendar (China: State Council schedule with make-up days); months to the same day of
the later month (民法典 art. 202); a calendar-day or month period ending on a day off moves as
the jurisdiction's rule set moves its own periods (its ``roll``): to the next working day where
it rolls forward (Reg. 1182/71 art. 3(4)), not at all in China (cn.toml ``roll = "none"``:
whether an ordinary weekend is a 法定休假日 under 民法典 art. 203 is disputed, and the earlier
date is the safe one; reference/deadlines.md §2.1). A count that consults a year of the holiday
calendar without an official schedule is provisional, as a request's deadline is
(``Deadline.provisional``): the case is flagged ``provisional_deadline``. The date is stored as
stated by the regulator's letter (``DueDateSource.REGULATOR_LETTER``,
``app.services.stated_due_date``), so that the case shows where it comes from and no
recomputation of the clock replaces it; the case keeps the ``regulator_inquiry`` flag so that
a person confirms the date against the letter.

A letter that states a calendar date ("于2026年12月3日内", "by 3 December 2026") is due on that
date as written (``app.services.regulator_letter_dates``: no day off moves it; a date that
cannot be trusted, such as an impossible day or an unclear order of day and month, leaves the
case flagged ``no_deadline`` for a person to read the letter).

A date before the receipt is no limit but the letter's account of events ("2026年11月3日前，我办
收到投诉……请于15日内书面答复"): it is passed over. Of the limits left, the EARLIEST binds
(``count_stated_limit``): a letter commonly asks for a reply within days and for remediation by
a later date ("请于收到本函后七日内答复，并于2026年12月31日前完成整改"), and the reply is the first
thing due. Such a case is flagged ``several_stated_limits`` so that a person diaries the later
ones. Where any limit not past cannot be trusted, no limit is taken: it might be the earliest. The
period counted is recorded with the due date (the ``clock.stated_deadline`` event's ``n`` and
``unit``), so that a corrected receipt or a changed calendar counts it again without reading the
letter (``app.services.clock``).

A period stated by an EU/EEA state's authority ("5 dni roboczych", "10 dias úteis") is counted
on that member state's calendar and in its time zone, not the rule set's default (Ireland's):
Reg. 1182/71 art. 2(1) counts the public holidays of the member state where the act is done.
The state is the one the sender's domain names (``app.services.intake.sender_state``: a listed
authority's, else a country-code domain's; never the language), used where the rule set has
it as a region (eu.toml ``[regions]``); the event records that ``region`` and its ``calendar``
and a recount counts on it again (``app.services.regulator_limit_record``). Where the state is
unknown, the rule set's own calendar counts. A German Land's authority counts on its Land's
holidays, Monday-to-Saturday periods (Werktage, jours ouvrables, giorni feriali) on a calendar
resting on Sundays only, and a plain "días"/"dias" of a Spanish or Portuguese authority in
working days (``app.services.regulator_calendar``).
"""

from datetime import date
from typing import NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.errors import DateOutOfRangeError, UnknownRuleError
from app.models import Case
from app.models.enums import CaseKind, ReviewFlag
from app.services.calendar_schedules import calendar_overrides
from app.services.case_queries import message_text
from app.services.clock import recompute_clock
from app.services.clock_values import DueDateSource, stated_due_source
from app.services.deadlines import FirstDay, Period, PeriodUnit, Roll, RuleBook, WorkingCalendar
from app.services.deadlines.calendars import CalendarOverrides
from app.services.deadlines.counting import count_period
from app.services.intake.stated_limit import StatedLimit, Unit, find_stated_limit
from app.services.regulator_calendar import (
    count_monday_to_saturday,
    plain_days_read,
    region_calendar,
    sundays_only,
)
from app.services.regulator_letter_dates import BEFORE_RECEIPT, resolve_stated_date
from app.services.regulator_limit_record import limit_details
from app.services.stated_due_date import set_stated_due_date

# Kinds whose missing deadline is no gap: mail that is no request, and a reminder (the deadline
# is the chased request's).
_NO_DEADLINE_EXPECTED = frozenset({CaseKind.NOT_A_REQUEST, CaseKind.REMINDER})
_PERIOD_UNITS: dict[Unit, PeriodUnit] = {
    "working_days": PeriodUnit.WORKING_DAYS,
    # Monday to Saturday: working days of a calendar resting on Sundays only (``sundays_only``)
    "working_days_mon_sat": PeriodUnit.WORKING_DAYS,
    "calendar_days": PeriodUnit.CALENDAR_DAYS,
    "months": PeriodUnit.MONTHS,  # to the same day of the later month (民法典 art. 202)
}


class StatedDue(NamedTuple):
    """A due date (a local calendar date), the statement of the letter it comes from, whether
    its count consulted a year of the calendar without an official schedule (``provisional``)
    and whether the letter stated other limits not past that fall later (``several``)."""

    due_date: date
    statement: StatedLimit
    provisional: bool = False
    several: bool = False


class CountingBasis(NamedTuple):
    """What a stated period is counted from and on: the local receipt date (day 0), the
    working calendar with its overrides, its rule set's roll and, where the calendar is one of
    the rule set's regions rather than its own (the state whose authority wrote), that
    ``region`` (e.g. ``"PL"``, ``"DE-BY"``; ``None`` for the rule set's own calendar), and the
    overrides entered for the calendar (for its Monday-to-Saturday form, ``sundays_only``)."""

    received: date
    calendar: WorkingCalendar
    roll: Roll
    region: str | None = None
    overrides: CalendarOverrides | None = None


def count_stated_limit(
    limit: StatedLimit,
    received: date,
    calendar: WorkingCalendar,
    roll: Roll,
    mon_sat: WorkingCalendar | None = None,
) -> StatedDue | None:
    """Count the time limits a regulator's letter states; reads and writes nothing.

    Args:
        limit: the letter's first statement, with its others as ``fallbacks``
            (``app.services.intake.stated_limit.find_stated_limit``).
        received: the local date of receipt in the jurisdiction's zone (day 0).
        calendar: the jurisdiction's working calendar, with its overrides.
        roll: what the jurisdiction's rule set does with a calendar-day or month period ending
            on a day off (``Roll.FORWARD``: Reg. 1182/71 art. 3(4); ``Roll.NONE``: China).
        mon_sat: the same holidays resting on Sundays only, for a "working_days_mon_sat"
            period (``regulator_calendar.sundays_only``); ``None``: built from ``calendar``
            without its overrides.

    Returns:
        The earliest of the stated dates on or after ``received`` and the periods counted from
        ``received`` (see the module docstring), passing over dates before it (an account of
        events); ``several`` when other limits not past fall later. ``None`` when the
        statements are all past dates, when any date not past cannot be trusted (unclear
        day/month order, an impossible day, implausibly far: a person reads the letter) or a
        count leaves the calendar's years.
    """
    counted: list[StatedDue] = []
    for statement in (limit, *limit.fallbacks):
        if statement.on is None:
            due = _count_period(statement, received, (calendar, mon_sat), roll)
        else:
            resolved = resolve_stated_date(statement.on, received)
            if resolved == BEFORE_RECEIPT:
                continue
            due = StatedDue(resolved, statement) if resolved is not None else None
        if due is None:
            return None  # it might be the earliest: a person reads the letter
        counted.append(due)
    if not counted:
        return None
    earliest = min(counted, key=lambda item: item.due_date)  # the first written on a tie
    several = any(item.due_date > earliest.due_date for item in counted)
    return earliest._replace(several=several)


def counting_basis(
    session: Session, case: Case, rule_book: RuleBook, state: str | None = None
) -> CountingBasis | None:
    """Return what a period stated to ``case`` is counted from and on.

    Args:
        session: for the calendar overrides entered. case: its jurisdiction and receipt.
        rule_book: the rule sets. state: the state whose authority wrote the letter
            (``app.services.intake.sender_state``: ISO 3166-1 alpha-2, or ISO 3166-2 for a
            region's authority such as "DE-BY"), or ``None``.

    Returns:
        The local receipt date of ``case`` (day 0), the working calendar with the overrides
        entered for it and the rule set's roll: the calendar and time zone of the rule set's
        region ``state`` where it has one (the EU set's member states: Reg. 1182/71 art. 2(1);
        a Land's holidays for a Land's authority: ``regulator_calendar.region_calendar``),
        else the rule set's own. ``None`` where the jurisdiction has no rule set.
    """
    try:
        rule_set = rule_book.rule_set(case.jurisdiction)
    except UnknownRuleError:
        return None
    # Every rule of a set shares calendar, zone and roll (the files set them in [defaults]).
    rule = next(iter(rule_set.rules.values()), None)
    if rule is None:
        return None
    spec, zone, region = rule.calendar, rule.time_zone, None
    chosen = region_calendar(rule_set, state) if state is not None else None
    if chosen is not None:
        region, spec, zone = chosen
    received = case.received_at.astimezone(ZoneInfo(zone)).date()
    overrides = calendar_overrides(session, spec)
    calendar = WorkingCalendar(spec, rule.rest_days, overrides)
    return CountingBasis(received, calendar, rule.roll, region, overrides)


def apply_stated_deadline(
    session: Session,
    case: Case,
    limit: StatedLimit | None,
    rule_book: RuleBook,
    *,
    actor: str,
    state: str | None = None,
) -> date | None:
    """Set the due date of a case from the limit its letter states (triage reads one in a
    regulator's letter), as stated by the regulator's letter.

    Args:
        session: the import's session. case: the new case (``received_at`` aware UTC).
        limit: the stated limit from triage (with its fallbacks), or ``None``.
        rule_book: for the jurisdiction's calendar and time zone. actor: for the audit trail.
        state: the state whose authority wrote (``TriageProposal.sender_state``), or ``None``:
            a period is counted on its calendar where the rule set has it as a region, and
            the event records that region (``counting_basis``).

    Returns:
        The due date set (a local calendar date of the jurisdiction; ``count_stated_limit``),
        the case flagged ``several_stated_limits`` where the letter states later limits too
        and ``provisional_deadline`` where the count is provisional;
        ``None`` when the letter states no limit that can be taken (a person reads it), the
        case already has a stated due date or its jurisdiction has no rule set. A due date a
        rule computed gives way: the letter's own limit is the one that binds.
    """
    if not limit or stated_due_source(case) is not None:
        return None
    basis = counting_basis(session, case, rule_book, state)
    limit = plain_days_read(limit, state)  # "diez días" from Spain: working days
    counted = count_stated(limit, basis) if basis is not None else None
    if basis is None or counted is None:
        return None
    source = DueDateSource.REGULATOR_LETTER
    details = limit_details(
        counted.statement,
        (limit, *limit.fallbacks),
        region=basis.region,
        calendar=basis.calendar.spec if basis.region else None,
    )
    set_stated_due_date(
        session,
        case,
        counted.due_date,
        source,
        actor=actor,
        details=details,
        provisional=counted.provisional,
    )
    if counted.several:
        flags = {*(case.review_flags or ()), ReviewFlag.SEVERAL_STATED_LIMITS.value}
        case.review_flags = sorted(flags)
    return counted.due_date


def count_stated(limit: StatedLimit, basis: CountingBasis) -> StatedDue | None:
    """``count_stated_limit`` of ``limit`` on ``basis`` (``counting_basis``)."""
    mon_sat = sundays_only(basis.calendar, basis.overrides)
    return count_stated_limit(limit, basis.received, basis.calendar, basis.roll, mon_sat)


def retime_after_triage(
    session: Session, case: Case, rule_book: RuleBook, *, today: date, actor: str
) -> None:
    """Recompute the clock of ``case`` after triage confirmed or corrected its kind and
    jurisdiction (``today``: the local date); a case triaged as a regulator's inquiry takes the
    time limit its letter states, read again from its message (the import may have taken the
    letter for a complaint and timed it as one) and counted on the calendar of the state whose
    authority its sender's domain names (``stored_sender_state``), or is flagged for a person
    to set one.
    """
    recompute_clock(session, case, rule_book, cause="triaged", today=today, actor=actor)
    if case.kind != CaseKind.REGULATOR_INQUIRY or stated_due_source(case) is not None:
        return
    limit = find_stated_limit(f"{case.subject_line or ''}\n{message_text(case)}")
    # Counted on the calendar of the state whose authority wrote, as the import counts it.
    from app.services.controller_domains import controller_domains
    from app.services.intake.sender_state import stored_sender_state
    from app.services.settings_jurisdictions import current_triage_rules

    rules, own = current_triage_rules(session), controller_domains(session)
    state = stored_sender_state(case, rules, own) if limit else None
    apply_stated_deadline(session, case, limit, rule_book, actor=actor, state=state)
    flag_missing_deadline(case)


def flag_missing_deadline(case: Case) -> None:
    """Flag ``no_deadline`` on a case that should have a deadline and got none (a regulator's
    inquiry stating no limit; a request of unclear kind where the jurisdiction's rule set has
    no rule for it), so that a person sets one."""
    if case.due_date is None and case.kind not in _NO_DEADLINE_EXPECTED:
        case.review_flags = sorted({*(case.review_flags or ()), ReviewFlag.NO_DEADLINE.value})


def _count_period(
    limit: StatedLimit,
    received: date,
    calendars: tuple[WorkingCalendar, WorkingCalendar | None],
    roll: Roll,
) -> StatedDue | None:
    """The end of a stated period counted from ``received`` (day 0), provisional where the
    count consulted a year without an official schedule; ``None`` outside the calendar's
    years. A working-day count ends on a working day: it has nothing to roll. A
    Monday-to-Saturday count: ``regulator_calendar.count_monday_to_saturday``."""
    calendar, mon_sat = calendars
    try:
        if limit.unit == "working_days_mon_sat":
            end, years = count_monday_to_saturday(received, limit.n, calendar, mon_sat, roll)
        else:
            period = Period(limit.n, _PERIOD_UNITS[limit.unit])
            count = count_period(received, period, FirstDay.NEXT_DAY, roll, calendar)
            end, years = count.end, count.years_consulted
    except DateOutOfRangeError:
        return None
    provisional = any(not calendar.is_official_year(year) for year in years)
    return StatedDue(end, limit, provisional)

"""Counting a period from a start date: days, working days, months, and the last-day roll.

Conventions (reference/deadlines.md §2.1): the start date is day 0 unless the rule says the
start day is day 1; month periods end on the same date in the last month, or on that month's
last day when it has no such date (Reg. 1182/71 art. 3(2)(c)); a last day that is not a working
day moves to the next working day when the rule rolls forward (art. 3(4); Civil Code art. 132 §1
(BR); CCP §12a (CA)). Periods are always counted from the start, never chained.

Paused days (``pauses.py``) stop the clock: a working-day count skips them; a calendar-day or
month period ends later by the number of paused days inside its running period (from the first
day to the end as moved), and only then rolls. A pause after that end changes nothing, a pause
during a roll-forward either (the period has run; the roll is a grace the calendar gives).
"""

import calendar as gregorian
from dataclasses import dataclass
from datetime import date, timedelta

from app.services.deadlines.calendars import WORKING_REASONS, DayReason, WorkingCalendar
from app.services.deadlines.rules import FirstDay, Period, PeriodUnit, Roll

_ONE_DAY = timedelta(days=1)
_LAST_DAYS_OF_YEAR = 28  # notices have made 29-31 Dec of the year before a working day


@dataclass(frozen=True)
class CountedDay:
    """One day of the explained breakdown: whether it counted towards the period, and why.

    ``calendar_reason`` is the working calendar's own view of the day where ``why`` does not say
    it (``PAUSED``, ``CALENDAR_DAY``, ``AWAITING_VERIFICATION``); ``holiday_name`` the
    ``holidays`` package's name of a holiday (``None`` for other days and for override entries).
    """

    day: date
    counted: bool
    why: DayReason
    calendar_reason: DayReason | None = None
    holiday_name: str | None = None


@dataclass(frozen=True)
class Count:
    """The end of a counted period, every day examined, and the calendar years it relied on."""

    end: date
    days: tuple[CountedDay, ...]
    years_consulted: frozenset[int]


def add_months(start: date, months: int) -> date:
    """Return the same date ``months`` later, or that month's last day (art. 3(2)(c))."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, gregorian.monthrange(year, month)[1]))


def schedule_years(day: date) -> frozenset[int]:
    """Return the schedule years whose notice can decide ``day``.

    A weekend day at the very end of December may be made a working day by the next year's
    notice (the 2002 notice did so for 29-30 Dec 2001), so it depends on that year too.
    """
    if day.month == 12 and day.day >= _LAST_DAYS_OF_YEAR and day.weekday() >= 5:
        return frozenset({day.year, day.year + 1})
    return frozenset({day.year})


def count_period(
    start: date,
    period: Period,
    first_day: FirstDay,
    roll: Roll,
    calendar: WorkingCalendar,
    paused: frozenset[date] = frozenset(),
) -> Count:
    """Count ``period`` from ``start`` (a local date), stopping on ``paused`` days, then roll.

    Returns:
        A ``Count`` whose ``days`` run from the first day after the anchor to the (rolled) end.
    """
    anchor = start - _ONE_DAY if first_day is FirstDay.RECEIPT_DAY else start
    if period.unit in (PeriodUnit.WORKING_DAYS, PeriodUnit.BUSINESS_DAYS):
        return _count_working_days(anchor, period.n, calendar, paused)
    if period.unit is PeriodUnit.MONTHS:
        nominal = add_months(start, period.n)
    else:
        nominal = anchor + timedelta(days=period.n)
    end = stopped_clock_end(anchor, nominal, paused)
    days = tuple(_calendar_days(anchor, end, calendar, paused))
    return _rolled(Count(end, days, frozenset()), roll, calendar)


def stopped_clock_end(anchor: date, nominal: date, paused: frozenset[date]) -> date:
    """Return ``nominal`` moved later by the paused days after ``anchor`` up to the moved end.

    Moving the end can bring further paused days inside the period, so this iterates to the
    least fixed point: the day on which the period's last unpaused day falls.
    """
    end = nominal
    while True:
        moved = nominal + timedelta(days=sum(anchor < day <= end for day in paused))
        if moved == end:
            return end
        end = moved


def explained_day(day: date, why: DayReason, calendar: WorkingCalendar) -> CountedDay:
    """Return the breakdown entry of ``day`` for a reason given by the clock, not the calendar.

    ``why`` is ``CALENDAR_DAY`` (counted), ``PAUSED`` or ``AWAITING_VERIFICATION`` (not counted).
    """
    own = calendar.reason(day)
    return CountedDay(day, why is DayReason.CALENDAR_DAY, why, own, calendar.holiday_name(day))


def _calendar_days(
    anchor: date, end: date, calendar: WorkingCalendar, paused: frozenset[date]
) -> list[CountedDay]:
    days = (anchor + timedelta(days=i) for i in range(1, (end - anchor).days + 1))
    return [
        explained_day(day, DayReason.PAUSED if day in paused else DayReason.CALENDAR_DAY, calendar)
        for day in days
    ]


def _calendar_entry(day: date, calendar: WorkingCalendar) -> CountedDay:
    why = calendar.reason(day)
    return CountedDay(day, why in WORKING_REASONS, why, None, calendar.holiday_name(day))


def _count_working_days(
    anchor: date, n: int, calendar: WorkingCalendar, paused: frozenset[date]
) -> Count:
    days: list[CountedDay] = []
    years: set[int] = set()
    day, counted = anchor, 0
    while counted < n:
        day += _ONE_DAY
        entry = _calendar_entry(day, calendar)
        if day in paused:
            entry = explained_day(day, DayReason.PAUSED, calendar)
        counted += entry.counted
        days.append(entry)
        years |= schedule_years(day)
    return Count(day, tuple(days), frozenset(years))


def _rolled(count: Count, roll: Roll, calendar: WorkingCalendar) -> Count:
    if roll is Roll.NONE:
        return count
    years = set(schedule_years(count.end))
    if calendar.is_working_day(count.end):
        return Count(count.end, count.days, frozenset(years))
    if roll is Roll.FORWARD:
        return _rolled_forward(count, calendar, years)
    return _rolled_back(count, calendar, years)


def _rolled_forward(count: Count, calendar: WorkingCalendar, years: set[int]) -> Count:
    extra: list[CountedDay] = []
    day = count.end + _ONE_DAY
    while not calendar.is_working_day(day):
        extra.append(_calendar_entry(day, calendar))
        years |= schedule_years(day)
        day += _ONE_DAY
    years |= schedule_years(day)
    extra.append(CountedDay(day, False, DayReason.ROLLED_FORWARD, calendar.reason(day)))
    return Count(day, count.days + tuple(extra), frozenset(years))


def _rolled_back(count: Count, calendar: WorkingCalendar, years: set[int]) -> Count:
    day = count.end
    while not calendar.is_working_day(day):
        day -= _ONE_DAY
        years |= schedule_years(day)
    kept = tuple(counted for counted in count.days if counted.day < day)
    last = CountedDay(day, True, DayReason.ROLLED_BACK, calendar.reason(day))
    return Count(day, (*kept, last), frozenset(years))

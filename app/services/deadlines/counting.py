"""Counting a period from a start date: days, working days, months, and the last-day roll.

Conventions (reference/deadlines.md §2.1): the start date is day 0 unless the rule says the
start day is day 1; month periods end on the same date in the last month, or on that month's
last day when it has no such date (Reg. 1182/71 art. 3(2)(c)); a last day that is not a working
day moves to the next working day when the rule rolls forward (art. 3(4); Civil Code art. 132 §1
(BR); CCP §12a (CA)). Periods are always counted from the start, never chained.
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
    """One day of the explained breakdown: whether it counted towards the period, and why."""

    day: date
    counted: bool
    why: DayReason


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


def count_period(start: date, period: Period, first_day: FirstDay, roll: Roll,
                 calendar: WorkingCalendar) -> Count:  # fmt: skip
    """Count ``period`` from ``start`` (a local date) and apply the last-day ``roll``.

    Returns:
        A ``Count`` whose ``days`` run from the first counted day to the (rolled) end.
    """
    anchor = start - _ONE_DAY if first_day is FirstDay.RECEIPT_DAY else start
    if period.unit in (PeriodUnit.WORKING_DAYS, PeriodUnit.BUSINESS_DAYS):
        return _count_working_days(anchor, period.n, calendar)
    if period.unit is PeriodUnit.MONTHS:
        end = add_months(start, period.n)
    else:
        end = anchor + timedelta(days=period.n)
    days = tuple(_calendar_days(anchor, end))
    return _rolled(Count(end, days, frozenset()), roll, calendar)


def _calendar_days(anchor: date, end: date) -> list[CountedDay]:
    count = (end - anchor).days
    return [CountedDay(anchor + timedelta(days=i), True, DayReason.CALENDAR_DAY)
            for i in range(1, count + 1)]  # fmt: skip


def _count_working_days(anchor: date, n: int, calendar: WorkingCalendar) -> Count:
    days: list[CountedDay] = []
    years: set[int] = set()
    day, counted = anchor, 0
    while counted < n:
        day += _ONE_DAY
        why = calendar.reason(day)
        counted += why in WORKING_REASONS
        days.append(CountedDay(day, why in WORKING_REASONS, why))
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
        extra.append(CountedDay(day, False, calendar.reason(day)))
        years |= schedule_years(day)
        day += _ONE_DAY
    years |= schedule_years(day)
    extra.append(CountedDay(day, False, DayReason.ROLLED_FORWARD))
    return Count(day, count.days + tuple(extra), frozenset(years))


def _rolled_back(count: Count, calendar: WorkingCalendar, years: set[int]) -> Count:
    day = count.end
    while not calendar.is_working_day(day):
        day -= _ONE_DAY
        years |= schedule_years(day)
    kept = tuple(counted for counted in count.days if counted.day < day)
    return Count(day, (*kept, CountedDay(day, True, DayReason.ROLLED_BACK)), frozenset(years))

"""Which holiday a make-up working day (调休上班) makes up for.

A State Council notice lengthens a holiday by moving days off next to it and has weekend days
worked instead ("国庆节：10月1日至7日放假调休，共7天。9月20日（周日）、10月10日（周六）上班").
The ``holidays`` package records each moved day off under the name "Day off (substituted from
MM/DD/YYYY)", after the day worked instead; the holiday made up for is the one named on the most
days of the run of days off that moved day lies in (the notice names the block after it).
"""

import warnings
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from app.services.deadlines.calendars import parse_calendar_spec

if TYPE_CHECKING:
    from holidays import HolidayBase

# Suffixes the package adds to a holiday's name on a day that is not the holiday itself.
_OBSERVED = " (observed)"
_SUBSTITUTED = "Day off (substituted from {:%m/%d/%Y})"
_SUBSTITUTED_PREFIX = "Day off (substituted from "


@dataclass(frozen=True)
class MadeUpHoliday:
    """The holiday a make-up working day makes up for.

    Attributes:
        day: a day of that holiday (for its name in another language, keyed by day and name).
        name: the ``holidays`` package's English name of it, e.g. ``"National Day"``.
    """

    day: date
    name: str


@cache
def made_up_holiday(calendar: str, worked_day: date) -> MadeUpHoliday | None:
    """Return the holiday the make-up working day ``worked_day`` makes up for under
    ``calendar`` (a spec such as ``holidays:CN``), e.g. National Day for Sat 2026-10-10
    (国务院办公厅关于2026年部分节假日安排的通知, 国办发明电〔2025〕7号).

    Returns:
        ``None`` where the package records no day off swapped for ``worked_day`` (not a make-up
        day, an unknown calendar, or a year the package only estimates).
    """
    try:
        library = _library(calendar, worked_day.year)
    except ValueError:
        return None
    wanted = _SUBSTITUTED.format(worked_day)
    moved = next((day for day, name in library.items() if name == wanted), None)
    return None if moved is None else _main_holiday(library, moved)


@cache
def _library(calendar: str, year: int) -> "HolidayBase":
    """Return the package's holidays of ``calendar`` in English, from ``year - 1`` to
    ``year + 1``: a make-up day may fall in the December before its holiday (Sat 29 Dec 2001
    for New Year 2002) or after it.

    Raises:
        ValueError: not a known calendar spec.
    """
    import holidays  # imported late, as in WorkingCalendar: costly, not needed at start

    country, subdivision = parse_calendar_spec(calendar)
    with warnings.catch_warnings():
        # A year the package only estimates warns (India's lunar holidays after 2035); such a
        # year has no make-up days recorded, and WorkingCalendar marks it provisional already.
        warnings.simplefilter("ignore", UserWarning)
        return holidays.country_holidays(
            country, subdiv=subdivision, years=range(year - 1, year + 2), language="en_US"
        )


def _main_holiday(library: "HolidayBase", moved: date) -> MadeUpHoliday | None:
    """Return the holiday named on the most days of the run of days off around ``moved``; a tie
    goes to the earlier holiday."""
    counts: Counter[str] = Counter()
    first_day: dict[str, date] = {}
    for day in _run_of_days_off(library, moved):
        name = str(library.get(day) or "")
        if not name or name.startswith(_SUBSTITUTED_PREFIX):
            continue
        base = name.removesuffix(_OBSERVED)
        counts[base] += 1
        if base == name:  # the holiday's own day names it in every language
            first_day.setdefault(base, day)
    named = [(count, name) for name, count in counts.items() if name in first_day]
    if not named:
        return None
    _count, name = min(named, key=lambda pair: (-pair[0], first_day[pair[1]]))
    return MadeUpHoliday(first_day[name], name)


def _run_of_days_off(library: "HolidayBase", moved: date) -> list[date]:
    """Return the consecutive days off (holidays and weekend days not worked) around ``moved``."""
    worked = frozenset(getattr(library, "weekend_workdays", frozenset()))

    def off(day: date) -> bool:
        rest_day = day.weekday() in library.weekend and day not in worked
        return day in library or rest_day

    start = end = moved
    while off(start - timedelta(days=1)):
        start -= timedelta(days=1)
    while off(end + timedelta(days=1)):
        end += timedelta(days=1)
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]

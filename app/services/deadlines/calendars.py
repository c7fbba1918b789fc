"""Working-day calendars: the ``holidays`` package, official-year data and admin overrides.

China's State Council publishes each year's schedule (holidays plus 调休 make-up working days)
only in the autumn before; ``holidays`` computes later years as estimates without make-up days
(reference/deadlines.md §2.3). ``resources/calendars/official_years.toml`` lists, per calendar,
the years whose official schedule the installed data encodes; a count touching any other year of
such a calendar is provisional. Calendars not listed there follow fixed statutory rules and are
official for every year. ``resources/calendars/days_off.toml`` corrects, per calendar, the
package's list to the counting statute's: the categories to use (Hong Kong: the general
holidays of Cap. 149, IGCO s.71) and holidays that are not days off (California: Diwali is a
state holiday but not a judicial holiday, CCP §135 as amended by AB 268 of 2025, so CCP §12a
does not roll past it).
"""

import tomllib
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path

from app.resources import resource_path
from app.services.deadlines.calendar_registry import subdivisions_of, supported_countries

_PREFIX = "holidays:"


class DayReason(StrEnum):
    """Why a day counts towards a period or not (shown in the explained breakdown).

    ``PAUSED``: the clock was stopped that day (a ``ClockPause`` under a rule whose pauses stop
    the clock). ``AWAITING_VERIFICATION``: the day lies between receipt and identity verification
    under a rule whose clock starts on verification; ``VERIFIED``: the verification day itself,
    day 0 of such a rule's period.
    """

    WORKING_DAY = "working_day"
    MAKEUP_WORKING_DAY = "makeup_working_day"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"
    CALENDAR_DAY = "calendar_day"
    ROLLED_FORWARD = "rolled_forward"
    ROLLED_BACK = "rolled_back"
    PAUSED = "paused"
    AWAITING_VERIFICATION = "awaiting_verification"
    VERIFIED = "verified"


WORKING_REASONS = frozenset({DayReason.WORKING_DAY, DayReason.MAKEUP_WORKING_DAY})


@dataclass(frozen=True)
class YearOverride:
    """An administrator's entry for one year of one calendar (e.g. the 2027 State Council notice).

    ``holidays`` are days off; ``working_days`` are days worked (make-up weekend days), and may
    fall in the previous year (the 2002 notice made Sat 29 Dec 2001 a working day). When
    ``official`` is true the entry is the year's complete schedule and replaces the library's
    holidays of that year; otherwise it only corrects single days and the year stays as before.
    """

    holidays: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()
    official: bool = True
    source: str = ""


@dataclass(frozen=True)
class CalendarOverrides:
    """Overrides of one calendar (spec such as ``"holidays:CN"``), keyed by schedule year."""

    calendar: str
    years: Mapping[int, YearOverride] = field(default_factory=dict)


def parse_calendar_spec(spec: str) -> tuple[str, str | None]:
    """Split ``"holidays:US-CA"`` into ``("US", "CA")``.

    Raises:
        ValueError: not a ``holidays:`` spec, or a country/subdivision the package lacks.
    """
    if not spec.startswith(_PREFIX):
        raise ValueError("calendar must look like 'holidays:CN' or 'holidays:US-CA'")
    country, _, subdivision = spec.removeprefix(_PREFIX).partition("-")
    _check_supported(country, subdivision or None)
    return country, subdivision or None


@cache
def _check_supported(country: str, subdivision: str | None) -> None:
    # Read from the package's files, not by importing it (calendar_registry: 15 MiB the desktop
    # app would keep); list_supported_countries() would import every country (half a second).
    if country not in supported_countries():
        raise ValueError(f"holidays has no country {country[:8]!r}")
    if subdivision and subdivision not in subdivisions_of(country):
        raise ValueError(f"holidays has no subdivision {subdivision[:8]!r} of {country}")


@cache
def official_years(path: Path | None = None) -> Mapping[str, frozenset[int]]:
    """Return the official schedule years per calendar spec from ``official_years.toml``.

    Args:
        path: the data file; default ``resources/calendars/official_years.toml``.

    Returns:
        Calendar spec → years with an official schedule. Calendars absent are rule-based.
    """
    data = tomllib.loads((path or resource_path("calendars", "official_years.toml")).read_text())
    return {spec: frozenset(int(year) for year in entry["years"]) for spec, entry in data.items()}


@dataclass(frozen=True)
class DaysOff:
    """How a calendar's days off differ from the ``holidays`` package's default list.

    ``categories``: the package's categories to use (``None``: its default); ``not_days_off``:
    English names of listed holidays that are not days off for counting.
    """

    categories: tuple[str, ...] | None = None
    not_days_off: frozenset[str] = frozenset()


@cache
def days_off_corrections(path: Path | None = None) -> Mapping[str, DaysOff]:
    """Return the corrections of ``resources/calendars/days_off.toml`` per calendar spec.

    Args:
        path: the data file; default ``resources/calendars/days_off.toml``.

    Returns:
        Calendar spec → ``DaysOff`` (see the file for each entry's legal source).
    """
    data = tomllib.loads((path or resource_path("calendars", "days_off.toml")).read_text())
    return {
        spec: DaysOff(
            tuple(str(c) for c in entry["categories"]) if "categories" in entry else None,
            frozenset(str(name) for name in entry.get("not_days_off", ())),
        )
        for spec, entry in data.items()
    }


def ignored_holiday_names() -> Mapping[str, frozenset[str]]:
    """Return, per calendar spec, the ``holidays`` names that are not days off for counting."""
    return {spec: days.not_days_off for spec, days in days_off_corrections().items()}


class WorkingCalendar:
    """Which days are working days under one calendar, with overrides and official years."""

    def __init__(
        self,
        spec: str,
        rest_days: frozenset[int] | None = None,
        overrides: CalendarOverrides | None = None,
    ) -> None:
        """Build the calendar of ``spec`` (``"holidays:CN"``).

        Args:
            rest_days: weekdays (0 = Monday) that are days off; ``None`` for the country's weekend.
            overrides: admin entries; ignored unless ``overrides.calendar == spec``.

        Raises:
            ValueError: unknown calendar spec.
        """
        import holidays  # with the first calendar built: rule files are checked without it

        country, subdivision = parse_calendar_spec(spec)
        self.spec = spec
        corrections = days_off_corrections().get(spec, DaysOff())
        self._library = holidays.country_holidays(
            country, subdiv=subdivision, categories=corrections.categories
        )
        self._rest_days = rest_days if rest_days is not None else frozenset(self._library.weekend)
        years = overrides.years if overrides is not None and overrides.calendar == spec else {}
        self._overrides: Mapping[int, YearOverride] = years
        self._official = official_years().get(spec)
        self._ignored = corrections.not_days_off
        self._worked = frozenset().union(*(entry.working_days for entry in years.values()))
        self._off = frozenset().union(*(entry.holidays for entry in years.values()))
        self._loaded: set[int] = set()
        self._library_estimates: set[int] = set()

    def is_official_year(self, year: int) -> bool:
        """Return whether ``year`` has an official schedule (shipped data or official override)."""
        entry = self._overrides.get(year)
        if entry is not None and entry.official:
            return True
        self._load(year)
        if year in self._library_estimates:
            return False
        return self._official is None or year in self._official

    def _load(self, year: int) -> None:
        """Compute the library's holidays of ``year`` once, noting a year it only estimates.

        ``holidays`` warns (UserWarning) for years outside its data, e.g. India's lunar holidays
        beyond 2035; such a year counts as not official (the deadline is provisional) instead of
        printing a warning on every run.
        """
        if year in self._loaded:
            return
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            _ = date(year, 1, 1) in self._library  # populates the whole year
        self._loaded.add(year)
        if any(issubclass(warning.category, UserWarning) for warning in caught):
            self._library_estimates.add(year)

    def reason(self, day: date) -> DayReason:
        """Return why ``day`` is or is not a working day (working, make-up, weekend, holiday)."""
        is_rest_day = day.weekday() in self._rest_days
        if day in self._off:  # an entered day off wins, also over the library's make-up day
            return DayReason.HOLIDAY
        if day in self._worked or (is_rest_day and self._library_makeup(day)):
            return DayReason.MAKEUP_WORKING_DAY if is_rest_day else DayReason.WORKING_DAY
        if self._library_holiday(day):
            return DayReason.HOLIDAY
        return DayReason.WEEKEND if is_rest_day else DayReason.WORKING_DAY

    def holiday_name(self, day: date) -> str | None:
        """Return the ``holidays`` package's name of the holiday on ``day``, or ``None``.

        Days off entered as overrides carry no name; a make-up working day is not a holiday.
        """
        if self.reason(day) is not DayReason.HOLIDAY or not self._library_holiday(day):
            return None
        return "; ".join(self._kept_names(day)) or None

    def is_working_day(self, day: date) -> bool:
        """Return whether ``day`` is a working day."""
        return self.reason(day) in WORKING_REASONS

    def _replaced_by_override(self, day: date) -> bool:
        entry = self._overrides.get(day.year)
        return entry is not None and entry.official

    def _library_holiday(self, day: date) -> bool:
        self._load(day.year)
        if self._replaced_by_override(day) or day not in self._library:
            return False
        return not self._ignored or bool(self._kept_names(day))

    def _kept_names(self, day: date) -> list[str]:
        """The library's names of ``day`` less the ignored ones (and their "(observed)" days)."""
        names = [str(name) for name in self._library.get_list(day)]
        return [name for name in names if name.removesuffix(" (observed)") not in self._ignored]

    def _library_makeup(self, day: date) -> bool:
        if self._replaced_by_override(day):
            return False
        self._load(day.year)  # populates the year, and with it its make-up working days
        return day in getattr(self._library, "weekend_workdays", frozenset())

"""Whether a year's schedule entered from a file is the whole official year of its calendar.

A file entered as a year's complete schedule (``schedule_files.load_schedule_file``) is first
compared with what the ``holidays`` package names for that year (``check_complete``): a file that
lists only the Spring Festival, or lost National Day to a typo, would otherwise make every
deadline in the missing holidays wrong *and* labelled official. Each holiday the package names
must have at least one day off in the file (matched by date, or by name within a week, since
official dates move), unless the file's ``[not_observed]`` table names it with the reason; and
the file needs at least 60 % as many days off as the package has holiday days. Single days are
corrected in Settings instead (``settings_calendar.set_day_override``), which leaves the rest of
the year to the package.
"""

import math
import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from app.errors import ScheduleError
from app.services.calendar_schedules import Schedule
from app.services.deadlines.calendars import parse_calendar_spec

# A file with fewer days off than this share of the package's holiday days is not a whole
# year's schedule (the 2026 notice has 33 days off; the package names 22 holiday days).
MIN_SHARE_OF_PACKAGE_DAYS = 0.6
# An entered day off named as a package holiday covers it when at most this far from the
# package's dates: official blocks move by a few days, a mistyped month does not pass.
NAME_MATCH_REACH = timedelta(days=7)
# The package's labels of days that are not an occasion of their own, or that carry one.
_SUBSTITUTE_LABELS = ("substituted_label",)
_OCCASION_LABELS = ("observed_estimated_label", "observed_label", "estimated_label")


@dataclass(frozen=True)
class PackageHoliday:
    """One holiday occasion as the ``holidays`` package names it for a year.

    Attributes:
        name: the package's English name, e.g. ``"National Day"`` (observed/substitute
            markers removed: ``"National Day (observed)"`` is the same occasion).
        local_name: the name in the calendar's own language (``"国庆节"`` for CN); equal to
            ``name`` where that language is English.
        days: the package's dates of the occasion in the year.
    """

    name: str
    local_name: str
    days: frozenset[date]

    def label(self) -> str:
        """Return ``"National Day (国庆节)"``, or the English name alone where both agree."""
        return self.name if self.local_name == self.name else f"{self.name} ({self.local_name})"


def package_holidays(calendar: str, year: int) -> tuple[list[PackageHoliday], frozenset[date]]:
    """Return the holiday occasions the ``holidays`` package names for ``year``, by date, and
    all of its holiday dates that year.

    Make-up days off (CN "Day off (substituted from ...)", the 调休 days) are no occasion of
    their own but are among the dates; observed/estimated days count for the holiday they carry.

    Args:
        calendar: calendar spec, e.g. ``"holidays:CN"``. year: the year.

    Raises:
        ScheduleError: ``calendar`` is not a calendar the package knows.
    """
    try:
        country, subdivision = parse_calendar_spec(calendar)
    except ValueError as error:
        raise ScheduleError(f"Unknown calendar: {error}") from None
    english = _package_year(country, subdivision, year, "en_US")
    local = _package_year(country, subdivision, year, None)
    found: dict[str, PackageHoliday] = {}
    for day, name, local_name in _named_days(english, local):
        earlier = found.get(name)
        days = earlier.days | {day} if earlier else frozenset({day})
        found[name] = PackageHoliday(name, earlier.local_name if earlier else local_name, days)
    occasions = sorted(found.values(), key=lambda holiday: min(holiday.days))
    return occasions, frozenset(day for day in english if day.year == year)


def _package_year(country: str, subdivision: str | None, year: int, language: str | None) -> Any:
    import holidays  # as in deadlines.calendars: loaded with the first calendar, not at start

    language = language or getattr(holidays, country).default_language
    if language not in getattr(holidays, country).supported_languages:
        language = None
    with warnings.catch_warnings():  # an estimated year (India past 2035) warns; still compare
        warnings.simplefilter("ignore")
        return holidays.country_holidays(country, subdiv=subdivision, years=year, language=language)


def _named_days(english: Any, local: Any) -> Iterator[tuple[date, str, str]]:
    for day in sorted(english):
        local_names = local.get_list(day) if day in local else []
        for index, name in enumerate(english.get_list(day)):
            local_name = local_names[index] if index < len(local_names) else name
            occasion = _occasion(english, name)
            if occasion is not None:
                yield day, occasion, _occasion(local, local_name) or local_name


def _occasion(package: Any, name: str) -> str | None:
    """The holiday a package name stands for; ``None`` for a substitute day off."""
    for attribute in _SUBSTITUTE_LABELS:
        if (label := _label_pattern(package, attribute)) and label.fullmatch(name):
            return None
    for attribute in _OCCASION_LABELS:
        if (label := _label_pattern(package, attribute)) and (match := label.fullmatch(name)):
            return match.group(1)
    return name


def _label_pattern(package: Any, attribute: str) -> re.Pattern[str] | None:
    template = getattr(package, attribute, None)
    if not isinstance(template, str) or template == "%s":
        return None
    translated = str(package.tr(template))
    return re.compile(re.escape(translated).replace("%s", "(.+)", 1).replace("%s", ".+"))


def check_complete(schedule: Schedule) -> None:
    """Refuse a schedule that cannot be the whole official year of a ``holidays`` calendar.

    Args:
        schedule: a consistent schedule (``validate_schedule``) entered as complete.

    Raises:
        ScheduleError: no days off at all; a ``not_observed`` entry without reason or
            naming no holiday of the package's year; fewer days off than 60 % of the
            package's holiday days (less the not-observed ones); a package holiday with no
            day off and not in ``not_observed``
            (the message names each, in English and the calendar's language).
    """
    where = f"{schedule.calendar} {schedule.year}"
    if not schedule.holidays:  # also a year the package has nothing for, e.g. 99999
        raise ScheduleError(f"The schedule for {where} lists no days off.")
    expected, all_days = package_holidays(schedule.calendar, schedule.year)
    if not expected:
        return  # nothing to compare with: a year or calendar the package has no holidays for
    waived = _not_observed(schedule, expected)
    required = [h for h in expected if h not in waived]
    package_days = all_days - frozenset().union(*(h.days for h in waived))
    minimum = math.ceil(MIN_SHARE_OF_PACKAGE_DAYS * len(package_days))
    if len(schedule.holidays) < minimum:
        raise ScheduleError(
            f"The schedule for {where} lists {len(schedule.holidays)} days off, fewer than "
            f"{minimum} of the {len(package_days)} holiday days the holidays package has: "
            "enter the whole published notice, or correct single days in Settings."
        )
    missing = [h.label() for h in required if not _covered(h, schedule.holidays)]
    if missing:
        raise ScheduleError(
            f"The schedule for {where} has no day off for {', '.join(missing)}: add the days "
            "off from the notice, or name each under [not_observed] with the reason."
        )


def _not_observed(schedule: Schedule, expected: list[PackageHoliday]) -> list[PackageHoliday]:
    by_name = {_folded(n): h for h in expected for n in (h.name, h.local_name)}
    waived = []
    for name, reason in schedule.not_observed.items():
        holiday = by_name.get(_folded(name))
        if holiday is None:
            known = ", ".join(h.label() for h in expected)
            raise ScheduleError(
                f"[not_observed] names a holiday the holidays package does not have in "
                f"{schedule.year}; use one of: {known}."
            )
        if not reason:
            raise ScheduleError(f"[not_observed] gives no reason for {holiday.label()}.")
        waived.append(holiday)
    return waived


def _covered(holiday: PackageHoliday, days_off: Mapping[date, str]) -> bool:
    if any(day in days_off for day in holiday.days):
        return True
    names = {_folded(holiday.name), _folded(holiday.local_name)} - {""}
    return any(
        any(name in _folded(entered) for name in names)
        and any(abs(day - d) <= NAME_MATCH_REACH for d in holiday.days)
        for day, entered in days_off.items()
    )


def _folded(text: str) -> str:
    """Letters and digits only, case-folded: "Labor Day" matches "labor-day", "國慶節" not."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())

"""Holiday calendars in settings: which years are official, entered or provisional, a year's
holidays and make-up working days, entering a schedule file, and single-day overrides.

A single-day override is stored in the year's ``calendar_year`` entry; where the year has none,
a non-official entry is made, which corrects only that day (the ``holidays`` package keeps the
rest of the year, ``YearOverride``). Every change recomputes the open cases, as
``python -m app calendar enter`` does, with an audit event per case whose dates change.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ScheduleError
from app.models import CalendarDay, CalendarYear
from app.services.audit import record_event
from app.services.calendar_schedules import Schedule, calendar_overrides, store_schedule
from app.services.clock_refresh import recompute_open_cases
from app.services.deadlines import DayReason, RuleBook, WorkingCalendar
from app.services.deadlines.calendars import official_years, parse_calendar_spec
from app.services.makeup_days import MadeUpHoliday, made_up_holiday
from app.services.schedule_files import load_schedule_file
from app.services.settings import has_invisible_characters, require_settings_permission

CORRECTIONS_SOURCE = "single days corrected in Settings"
MAX_NAME = 100


class YearStatus(StrEnum):
    """Where a calendar year's working days come from."""

    OFFICIAL = "official"  # the installed data encodes the published schedule
    ENTERED = "entered"  # an administrator entered the published schedule
    PROVISIONAL = "provisional"  # estimated: deadlines touching it are provisional


@dataclass(frozen=True)
class CalendarYearRow:
    """A year of a calendar: its status, the source of an entry, and single-day corrections."""

    calendar: str
    year: int
    status: YearStatus
    source: str
    corrections: int


@dataclass(frozen=True)
class CalendarDayRow:
    """A day off on a working weekday's place, or a worked rest day (make-up, 调休).

    Attributes:
        day: the date. working: True for a make-up working day. name: holiday name or "".
        entered: True when the day comes from an entry in the database, not the package.
        makes_up_for: for a make-up working day without a name, the holiday it makes up for
            where the ``holidays`` package records it (``made_up_holiday``), else ``None``.
    """

    day: date
    working: bool
    name: str
    entered: bool
    makes_up_for: MadeUpHoliday | None = None


def calendars(rule_book: RuleBook) -> list[str]:
    """Return the calendar specs the rule sets count on (e.g. ``holidays:CN``), sorted: their
    rules' and their regions' (the EU member states', on which a regulator's stated period
    is counted: ``app.services.regulator_deadline``), and the regions' subdivisions whose
    listed authorities' periods count on them ("holidays:DE-BY" for the BayLDA:
    ``app.services.regulator_calendar``; qa19 F3)."""
    from app.services.intake.vocabulary import default_rules
    from app.services.regulator_calendar import region_calendar

    specs = {rule.calendar for rs in rule_book.rule_sets.values() for rule in rs.rules.values()}
    regions = {
        region.calendar for rs in rule_book.rule_sets.values() for region in rs.regions.values()
    }
    lands = {
        f"{regulator.member_state}-{regulator.subdivision}"
        for regulator in default_rules().regulators
        if regulator.member_state and regulator.subdivision
    }
    for rule_set in rule_book.rule_sets.values():
        chosen = (region_calendar(rule_set, land) for land in lands)
        regions |= {each[1] for each in chosen if each is not None}
    return sorted(specs | regions)


def calendar_years(session: Session, calendar: str, today: date) -> list[CalendarYearRow]:
    """Return the years worth showing for ``calendar``: those with shipped official data, those
    entered, and last year to two years ahead of ``today``; ascending.

    Raises:
        ScheduleError: ``calendar`` is not a known calendar spec.
    """
    working = _calendar(session, calendar)
    entries = {e.year: e for e in _entries(session, calendar)}
    years = set(official_years().get(calendar, ())) | set(entries)
    years |= set(range(today.year - 1, today.year + 3))
    return [_year_row(working, calendar, year, entries.get(year)) for year in sorted(years)]


def _year_row(
    working: WorkingCalendar, calendar: str, year: int, entry: CalendarYear | None
) -> CalendarYearRow:
    if entry is not None and entry.official:
        return CalendarYearRow(calendar, year, YearStatus.ENTERED, entry.source, 0)
    status = YearStatus.OFFICIAL if working.is_official_year(year) else YearStatus.PROVISIONAL
    corrections = len(entry.days) if entry is not None else 0
    return CalendarYearRow(calendar, year, status, entry.source if entry else "", corrections)


def year_days(session: Session, calendar: str, year: int) -> list[CalendarDayRow]:
    """Return the holidays and make-up working days of ``year``, entered ones included; a
    make-up working day without a name with the holiday it makes up for (``makes_up_for``).

    Raises:
        ScheduleError: ``calendar`` is not a known calendar spec.
    """
    working = _calendar(session, calendar)
    entered = {d.day: d for e in _entries(session, calendar) for d in e.days}
    rows = []
    day = date(year, 1, 1)
    while day.year == year:
        reason = working.reason(day)
        if reason in (DayReason.HOLIDAY, DayReason.MAKEUP_WORKING_DAY):
            stored = entered.get(day)
            name = stored.name if stored else working.holiday_name(day) or ""
            working_day = reason is DayReason.MAKEUP_WORKING_DAY
            made_up = made_up_holiday(calendar, day) if working_day and not name else None
            rows.append(CalendarDayRow(day, working_day, name, stored is not None, made_up))
        day += timedelta(days=1)
    return rows


def set_day_override(
    session: Session,
    rule_book: RuleBook,
    calendar: str,
    day: date,
    *,
    working: bool,
    name: str,
    actor: str,
    today: date,
) -> list[str]:
    """Make ``day`` a holiday (``working`` False) or a make-up working day, and recompute the
    open cases.

    Returns:
        The references of the open cases whose clock changed.

    Raises:
        ScheduleError: unknown calendar, a make-up working day that is not a rest day, or a
            name longer than 100 characters or holding invisible or direction-changing
            characters (the rule of the New case dialog's name, ``app.services.typed_text``).
        SettingsPermissionError: ``actor`` may not change settings.
    """
    require_settings_permission(session, actor)
    working_calendar = _calendar(session, calendar)
    if working and working_calendar.reason(day) not in (DayReason.WEEKEND, DayReason.HOLIDAY):
        raise ScheduleError(f"{day.isoformat()} is a working day already.")
    name = " ".join(name.split())
    if len(name) > MAX_NAME:
        raise ScheduleError(f"The name of {day.isoformat()} is longer than {MAX_NAME} characters.")
    if has_invisible_characters(name):
        # A bidi override or control character makes a name read otherwise than it is stored.
        raise ScheduleError(
            "The name holds invisible or direction-changing characters; type it again."
        )
    entry = _entry_for(session, calendar, day.year, actor)
    for existing in [d for d in entry.days if d.day == day]:
        entry.days.remove(existing)
    session.flush()
    entry.days.append(CalendarDay(day=day, is_working_day=working, name=name))
    payload = {"calendar": calendar, "day": day.isoformat(), "working": working}
    record_event(session, "calendar.day_set", actor=actor, payload=payload)
    return _recompute(session, rule_book, actor, today)


def remove_day_override(
    session: Session, rule_book: RuleBook, calendar: str, day: date, *, actor: str, today: date
) -> list[str]:
    """Remove the entered override of ``day`` and recompute the open cases.

    Returns:
        The references of the open cases whose clock changed.

    Raises:
        ScheduleError: ``day`` has no entered override.
        SettingsPermissionError: ``actor`` may not change settings.
    """
    require_settings_permission(session, actor)
    entry = next(
        (e for e in _entries(session, calendar) if any(d.day == day for d in e.days)), None
    )
    if entry is None:
        raise ScheduleError(f"{day.isoformat()} has no entered override.")
    entry.days = [d for d in entry.days if d.day != day]
    if not entry.official and not entry.days:
        session.delete(entry)
    payload = {"calendar": calendar, "day": day.isoformat()}
    record_event(session, "calendar.day_removed", actor=actor, payload=payload)
    return _recompute(session, rule_book, actor, today)


def enter_schedule_file(
    session: Session, rule_book: RuleBook, path: Path, *, actor: str, today: date
) -> tuple[Schedule, list[str]]:
    """Enter a year's complete published schedule from a TOML file (``load_schedule_file``),
    as the CLI's ``calendar enter`` does, and recompute the open cases.

    Returns:
        The schedule and the references of the open cases whose clock changed.

    Raises:
        ScheduleError: unreadable or inconsistent file, or not a complete year: a holiday the
            ``holidays`` package names is missing and not under ``[not_observed]``, or far fewer
            days off than the package has (``check_complete``; the message names what is
            missing). Nothing is stored then.
        SettingsPermissionError: ``actor`` may not change settings.
    """
    require_settings_permission(session, actor)
    schedule = load_schedule_file(path)
    _calendar(session, schedule.calendar)
    store_schedule(session, schedule, actor=actor)
    return schedule, _recompute(session, rule_book, actor, today)


def _recompute(session: Session, rule_book: RuleBook, actor: str, today: date) -> list[str]:
    session.flush()
    return recompute_open_cases(
        session, rule_book, cause="calendar_override", today=today, actor=actor
    )


def _calendar(session: Session, calendar: str) -> WorkingCalendar:
    try:
        parse_calendar_spec(calendar)
    except ValueError as error:
        raise ScheduleError(f"Unknown calendar: {error}") from None
    return WorkingCalendar(calendar, overrides=calendar_overrides(session, calendar))


def _entries(session: Session, calendar: str) -> list[CalendarYear]:
    return list(session.scalars(select(CalendarYear).where(CalendarYear.calendar == calendar)))


def _entry_for(session: Session, calendar: str, year: int, actor: str) -> CalendarYear:
    entry = next((e for e in _entries(session, calendar) if e.year == year), None)
    if entry is None:
        entry = CalendarYear(
            calendar=calendar,
            year=year,
            official=False,
            source=CORRECTIONS_SOURCE,
            entered_by=actor,
        )
        session.add(entry)
    return entry

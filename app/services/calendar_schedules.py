"""Holiday schedules entered by an administrator, e.g. the State Council notice for 2027.

The ``holidays`` package only estimates future Chinese years (no make-up working days), so a
deadline running into such a year is provisional. Entering the official schedule stores it as
an override of that calendar year, marks the year official, and recomputes every open case
counted on that calendar, with an audit event for each case whose dates change.
"""

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import ScheduleError
from app.models import CalendarDay, CalendarYear
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.deadlines import CalendarOverrides, YearOverride

SATURDAY = 5


@dataclass(frozen=True)
class Schedule:
    """One year's official schedule of one calendar.

    Attributes:
        calendar: calendar spec, e.g. ``"holidays:CN"``.
        year: the schedule's year.
        holidays: days off, with their names.
        working_days: make-up working days (调休 Saturdays and Sundays); may fall in the
            December before ``year`` (the 2002 notice made Sat 29 Dec 2001 a working day).
        source: where the schedule was published (notice number, URL).
    """

    calendar: str
    year: int
    holidays: Mapping[date, str] = field(default_factory=dict)
    working_days: Mapping[date, str] = field(default_factory=dict)
    source: str = ""


def validate_schedule(schedule: Schedule) -> None:
    """Check that the schedule is consistent.

    Raises:
        ScheduleError: a holiday outside the year, a working day outside the year (or its
            preceding December), a make-up working day that is not a weekend day, a day both
            off and worked, or no source.
    """
    if not schedule.source.strip():
        raise ScheduleError("Say where the schedule was published (notice or URL).")
    for day in schedule.holidays:
        if day.year != schedule.year:
            raise ScheduleError(f"Holiday {day.isoformat()} is not in {schedule.year}.")
    for day in schedule.working_days:
        in_reach = day.year == schedule.year or (day.year == schedule.year - 1 and day.month == 12)
        if not in_reach:
            raise ScheduleError(f"Working day {day.isoformat()} is not in {schedule.year}.")
        if day.weekday() < SATURDAY:
            raise ScheduleError(f"Working day {day.isoformat()} is a weekday already.")
        if day in schedule.holidays:
            raise ScheduleError(f"{day.isoformat()} is listed both as holiday and working day.")


def load_schedule_file(path: Path) -> Schedule:
    """Read a schedule from a TOML file::

        calendar = "holidays:CN"
        year = 2027
        source = "国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕N号)"
        [holidays]
        2027-01-01 = "元旦"
        [working_days]
        2027-02-07 = "春节调休"

    Raises:
        ScheduleError: unreadable file, bad TOML or values (validated as ``validate_schedule``).
    """
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ScheduleError(f"Cannot read schedule file '{path.name}': {error}") from None
    try:
        schedule = Schedule(
            calendar=str(data["calendar"]),
            year=int(data["year"]),
            holidays=_days(data.get("holidays", {})),
            working_days=_days(data.get("working_days", {})),
            source=str(data.get("source", "")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ScheduleError(f"Schedule file '{path.name}': missing or bad field {error}") from None
    validate_schedule(schedule)
    return schedule


def _days(table: Mapping[object, object]) -> dict[date, str]:
    return {date.fromisoformat(str(key)): str(name) for key, name in table.items()}


def store_schedule(session: Session, schedule: Schedule, *, actor: str = SYSTEM_ACTOR) -> None:
    """Store ``schedule`` as the official override of its year, replacing an earlier entry.

    Raises:
        ScheduleError: see ``validate_schedule``.
    """
    validate_schedule(schedule)
    earlier = session.scalar(
        select(CalendarYear).where(
            CalendarYear.calendar == schedule.calendar, CalendarYear.year == schedule.year
        )
    )
    if earlier is not None:
        session.delete(earlier)
        session.flush()
    entry = CalendarYear(
        calendar=schedule.calendar, year=schedule.year, source=schedule.source, entered_by=actor
    )
    entry.days = [
        CalendarDay(day=d, is_working_day=False, name=n) for d, n in schedule.holidays.items()
    ]
    entry.days += [
        CalendarDay(day=d, is_working_day=True, name=n) for d, n in schedule.working_days.items()
    ]
    session.add(entry)
    payload = {
        "calendar": schedule.calendar,
        "year": schedule.year,
        "holidays": len(schedule.holidays),
        "working_days": len(schedule.working_days),
        "source": schedule.source,
        "replaced_earlier_entry": earlier is not None,
    }
    record_event(session, "calendar.schedule_entered", actor=actor, payload=payload)


def calendar_overrides(session: Session, calendar: str) -> CalendarOverrides:
    """Return every entered year of ``calendar`` as overrides for the deadline engine."""
    years = session.scalars(
        select(CalendarYear)
        .where(CalendarYear.calendar == calendar)
        .options(selectinload(CalendarYear.days))
    )
    return CalendarOverrides(
        calendar=calendar,
        years={
            entry.year: YearOverride(
                holidays=frozenset(d.day for d in entry.days if not d.is_working_day),
                working_days=frozenset(d.day for d in entry.days if d.is_working_day),
                official=entry.official,
                source=entry.source,
            )
            for entry in years
        },
    )

"""Holiday schedules entered by an administrator, e.g. the State Council notice for 2027.

The ``holidays`` package only estimates future Chinese years (no make-up working days), so a
deadline running into such a year is provisional. Entering the official schedule stores it as
an override of that calendar year, marks the year official, and recomputes every open case
counted on that calendar, with an audit event for each case whose dates change.

A file entered as a year's complete schedule is read by ``schedule_files.load_schedule_file``
and first checked against the ``holidays`` package's year (``schedule_completeness``).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import ScheduleError
from app.models import CalendarDay, CalendarYear
from app.services.audit import SYSTEM_ACTOR, record_event
from app.services.deadlines import CalendarOverrides, YearOverride

SATURDAY = 5
MAX_NAME = 100  # calendar_day.name is String(100)


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
        not_observed: holidays the ``holidays`` package names for ``year`` that this schedule
            deliberately has no day off for (package name in English or its local language,
            e.g. ``"国庆节"``) → the reason; recorded in the audit trail.
    """

    calendar: str
    year: int
    holidays: Mapping[date, str] = field(default_factory=dict)
    working_days: Mapping[date, str] = field(default_factory=dict)
    source: str = ""
    not_observed: Mapping[str, str] = field(default_factory=dict)


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
            raise ScheduleError(
                f"Make-up working day {day.isoformat()} is a weekday ({day:%A}), not a "
                "Saturday or Sunday; list only rest days that are worked."
            )
        if day in schedule.holidays:
            raise ScheduleError(f"{day.isoformat()} is listed both as holiday and working day.")
    for name in [*schedule.holidays.values(), *schedule.working_days.values()]:
        if len(name) > MAX_NAME:
            raise ScheduleError(f"A day's name is longer than {MAX_NAME} characters.")


def store_schedule(session: Session, schedule: Schedule, *, actor: str = SYSTEM_ACTOR) -> None:
    """Store ``schedule`` as the official override of its year, replacing an earlier entry.

    The audit event ``calendar.schedule_entered`` carries the counts, source and
    ``not_observed`` holidays with their reasons; ``calendar.holidays_not_observed`` is recorded
    too when any are. Completeness is checked when the file is read (``load_schedule_file``,
    the path of the CLI and of Settings), not here.

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
        "not_observed": dict(schedule.not_observed),
    }
    record_event(session, "calendar.schedule_entered", actor=actor, payload=payload)
    if schedule.not_observed:  # a holiday knowingly left out: its own event, easy to find
        payload = {"calendar": schedule.calendar, "year": schedule.year}
        payload["holidays"] = dict(schedule.not_observed)
        record_event(session, "calendar.holidays_not_observed", actor=actor, payload=payload)


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


def entered_day_names(session: Session, calendar: str) -> dict[date, str]:
    """Return the name of every day entered for ``calendar`` (official schedules and single
    days corrected in Settings), by date; ``""`` for a day entered without a name.

    The deadline engine's ``YearOverride`` holds only the dates; an explanation names an
    entered day off (春节) or make-up working day with this.
    """
    rows = session.execute(
        select(CalendarDay.day, CalendarDay.name)
        .join(CalendarDay.calendar_year)
        .where(CalendarYear.calendar == calendar)
        .order_by(CalendarYear.year)
    )
    return {day: name for day, name in rows}

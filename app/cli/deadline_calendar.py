"""The calendar data ``python -m app deadline`` counts on, and the line saying which.

A case's own deadline counts on the holiday schedules entered with ``python -m app calendar
enter`` and the single days corrected in Settings (``app.services.clock.deadline_for``); the
command counts on the same entries, read from the team server (``--database-url``) or the
local file (``--database``, default: the data folder's), so that the day table it prints is
the one the case's date comes from. An official year entered there is no longer provisional,
as on a case (``WorkingCalendar.is_official_year``).

Where no database exists yet (a fresh machine, no ``--database``), nothing is created: the
count is on the built-in calendar (the ``holidays`` package and the shipped official years)
and the output says so; ``--built-in-calendar`` asks for that explicitly. The database is
only read (no recomputation of its cases, no audit event).
"""

import argparse
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.cli.opening import open_team, unlock_local
from app.services.calendar_schedules import calendar_overrides, entered_day_names
from app.services.deadlines import CalendarOverrides, YearOverride
from app.services.file_names import visible_file_name
from app.store import Database, default_database_path
from app.store.postgres import TeamDatabase

MAX_SOURCE = 80  # characters of an entry's source shown on the one line


@dataclass(frozen=True)
class CalendarData:
    """The entered calendar data a count uses, and where it was read.

    Attributes:
        spec: the calendar counted on, e.g. ``"holidays:CN"``.
        where: the database read (``"the case database /path"``), ``None`` for none.
        why_built_in: for ``where`` ``None``, why no database was read.
        overrides: the entries of ``spec`` in that database; ``None`` for none read.
        day_names: the name of each entered day (``""`` where none was given).
    """

    spec: str
    where: str | None
    why_built_in: str = ""
    overrides: CalendarOverrides | None = None
    day_names: Mapping[date, str] = field(default_factory=dict)

    def summary(self, years: Iterable[int]) -> str:
        """Return which calendar data the count of ``years`` (those of its day table) used."""
        if self.where is None:
            return f"built-in only ({self.why_built_in})"
        entries = self.overrides.years if self.overrides is not None else {}
        used = [_entry_text(year, entries[year]) for year in sorted(set(years)) if year in entries]
        if not used:
            return f"built-in; {self.where} has no entry for {self.spec} in these years"
        return f"built-in, with entries from {self.where}: {'; '.join(used)}"


def calendar_data(args: argparse.Namespace, spec: str) -> CalendarData:
    """Read the entries of calendar ``spec`` from the database the options name.

    Args:
        args: the parsed options: ``built_in_calendar``, ``database_url``, ``database``.
        spec: the calendar the rule (or ``--region``) counts on.

    Returns:
        The entries, or none (built-in calendar) with ``--built-in-calendar`` or where no
        ``--database`` or ``--database-url`` is given and the data folder has no database.

    Raises:
        DatabaseMissingError: ``--database`` names a file that does not exist (none is made).
        KeyUnavailableError, WrongKeyError, NotADatabaseError, DatabaseInUseError (the window
            has it open), TeamServerError: as ``app.cli.opening``.
    """
    if getattr(args, "built_in_calendar", False):
        return CalendarData(spec, None, "--built-in-calendar: entered schedules not read")
    url_text: str | None = getattr(args, "database_url", None)
    named: Path | None = getattr(args, "database", None)
    if not url_text and named is None and not default_database_path().exists():
        return CalendarData(
            spec,
            None,
            f"no case database at {default_database_path()}, none was created: schedules "
            "entered with 'calendar enter' or in Settings are not used",
        )
    database = open_team(url_text) if url_text else unlock_local(args)
    try:
        with database.read_session() as session:
            overrides = calendar_overrides(session, spec)
            names = entered_day_names(session, spec)
    finally:
        database.close()
    return CalendarData(spec, _where(database), overrides=overrides, day_names=names)


def _where(database: Database) -> str:
    """The database read, in words: the team server's host and database, or the file."""
    if isinstance(database, TeamDatabase) and database.server is not None:
        server = database.server
        return f"the team database {server.host}/{server.database}"
    return f"the case database {visible_file_name(str(database.path))}"


def _entry_text(year: int, entry: YearOverride) -> str:
    """One entry in words: an official schedule with its source, or corrected single days."""
    if entry.official:
        source = visible_file_name(" ".join(entry.source.split()))
        if len(source) > MAX_SOURCE:
            source = source[: MAX_SOURCE - 1] + "…"
        return f"{year} official schedule ({source})"
    days = len(entry.holidays) + len(entry.working_days)
    return f"{year}: {days} day{'' if days == 1 else 's'} corrected in Settings"

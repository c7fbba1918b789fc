"""Reading a year's official holiday schedule from a TOML file, checked before it is stored."""

import tomllib
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from app.errors import ScheduleError
from app.services.calendar_schedules import Schedule, validate_schedule
from app.services.schedule_completeness import check_complete


def load_schedule_file(path: Path) -> Schedule:
    """Read a year's complete official schedule from a TOML file and check it::

        calendar = "holidays:CN"
        year = 2027
        source = "国务院办公厅关于2027年部分节假日安排的通知 (国办发明电〔2026〕N号)"
        [holidays]
        2027-01-01 = "元旦"
        [working_days]
        2027-02-07 = "春节调休"
        [not_observed]          # optional: package holidays the notice gives no day off
        "Dragon Boat Festival" = "moved by the notice to ... (reason, recorded in the audit)"

    ``resources/calendars/examples/cn-2026.toml`` is the 2026 State Council notice.

    Raises:
        ScheduleError: unreadable file, bad TOML, a date written twice, bad values
            (``validate_schedule``), or an incomplete year (``check_complete``).
    """
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as error:
        if "overwrite" in str(error):  # tomllib's words for a key written twice
            raise ScheduleError(f"Schedule file '{path.name}' lists a day twice.") from None
        raise ScheduleError(f"Cannot read schedule file '{path.name}': {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ScheduleError(f"Cannot read schedule file '{path.name}': {error}") from None
    try:
        schedule = Schedule(
            calendar=str(data["calendar"]),
            year=int(data["year"]),
            holidays=_days(data.get("holidays", {})),
            working_days=_days(data.get("working_days", {})),
            source=str(data.get("source", "")),
            not_observed=_texts(data.get("not_observed", {})),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ScheduleError(f"Schedule file '{path.name}': missing or bad field {error}") from None
    validate_schedule(schedule)
    check_complete(schedule)
    return schedule


def _days(table: Mapping[object, object]) -> dict[date, str]:
    # Python 3.11 reads "2026-10-01" and "20261001" as the same day: refuse the second.
    days: dict[date, str] = {}
    for key, name in table.items():
        day = date.fromisoformat(str(key))
        if day in days:
            raise ScheduleError(f"{day.isoformat()} is listed twice.")
        days[day] = " ".join(str(name).split())
    return days


def _texts(table: Mapping[object, object]) -> dict[str, str]:
    return {" ".join(str(k).split()): " ".join(str(v).split()) for k, v in table.items()}

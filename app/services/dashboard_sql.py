"""Date arithmetic the dashboard needs inside SQL, written once for SQLite and PostgreSQL.

SQLite stores instants as UTC text (``2026-03-10 01:00:00.000000``) and has no time-zone
database, so there the zone's fixed UTC offset is applied (China has kept UTC+8 without daylight
saving since 1991); PostgreSQL converts with the zone's name. Both compile from the same ORM
expression, so the dashboard's queries are the same on both backends.

The SQLite forms are chosen for speed, as they run once per answered case of the window
(tens of thousands at a million cases): date functions parse text and cost about a
microsecond a call, so ``answered_by_local_date`` compares the stored text with the UTC
instant at which the due day ends (no function at all for zones east of UTC), and
``local_day_number`` makes one ``unixepoch`` call.
"""

import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Boolean, ColumnElement, Integer, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

Column = ColumnElement[Any] | QueryableAttribute[Any]
_DAY_MINUTES = 24 * 60


def _zone_clauses(zone: ZoneInfo, on: datetime) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
    """The zone's key and its UTC offset on ``on`` (minutes) as literal SQL: part of the
    statement's text (and its cache key), never bound parameters."""
    key = zone.key
    if not re.fullmatch(r"[A-Za-z0-9/_+\-]+", key):
        raise ValueError("not an IANA time-zone key")
    offset = zone.utcoffset(on) or timedelta(0)
    return literal_column(f"'{key}'"), literal_column(str(int(offset.total_seconds() // 60)))


class local_day_number(FunctionElement[int]):  # noqa: N801 - SQL function naming
    """``local_day_number(instant, zone, on)``: a whole number that goes up by one at each
    local midnight in ``zone`` (so the difference of two is the calendar days between their
    local dates). ``on`` picks the UTC offset SQLite applies."""

    type = Integer()
    inherit_cache = True
    name = "local_day_number"

    def __init__(self, instant: Column, zone: ZoneInfo, on: datetime) -> None:
        super().__init__(instant, *_zone_clauses(zone, on))


class answered_by_local_date(FunctionElement[bool]):  # noqa: N801 - SQL function naming
    """``answered_by_local_date(instant, due_date, zone, on)``: whether the UTC ``instant``
    falls on or before the local date ``due_date`` in ``zone`` (NULL when either is NULL)."""

    type = Boolean()
    inherit_cache = True
    name = "answered_by_local_date"

    def __init__(self, instant: Column, due_date: Column, zone: ZoneInfo, on: datetime) -> None:
        super().__init__(instant, due_date, *_zone_clauses(zone, on))


def _parts(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(clause, **kw) for clause in element.clauses]


@compiles(local_day_number, "sqlite")
def _day_number_sqlite(element: local_day_number, compiler: SQLCompiler, **kw: Any) -> str:
    instant, _zone, minutes = _parts(element, compiler, **kw)
    # Seconds since 1970 (an integer; unixepoch, SQLite 3.38+) shifted to local time, in whole
    # days: integer division floors these positive numbers. Measured 40 % faster than the
    # same with julianday() at 57,000 answered cases.
    return f"((unixepoch({instant}) + {int(minutes) * 60}) / 86400)"


@compiles(local_day_number)
def _day_number_default(element: local_day_number, compiler: SQLCompiler, **kw: Any) -> str:
    instant, zone, _minutes = _parts(element, compiler, **kw)
    return f"(CAST(timezone({zone}, {instant}) AS DATE) - DATE '2000-01-01')"


@compiles(answered_by_local_date, "sqlite")
def _answered_by_sqlite(element: answered_by_local_date, compiler: SQLCompiler, **kw: Any) -> str:
    instant, due, _zone, minutes = _parts(element, compiler, **kw)
    offset = int(minutes)
    if 0 < offset < _DAY_MINUTES:
        # East of UTC the due day ends (next local midnight) on the due date itself, at
        # 24:00 minus the offset UTC: a text comparison with the stored UTC text suffices.
        hours, rest = divmod(_DAY_MINUTES - offset, 60)
        return f"({instant} < {due} || ' {hours:02d}:{rest:02d}')"
    return f"({instant} < datetime({due}, '+1 day', '{-offset:+d} minutes'))"


@compiles(answered_by_local_date)
def _answered_by_default(element: answered_by_local_date, compiler: SQLCompiler, **kw: Any) -> str:
    instant, due, zone, _minutes = _parts(element, compiler, **kw)
    return f"(CAST(timezone({zone}, {instant}) AS DATE) <= {due})"

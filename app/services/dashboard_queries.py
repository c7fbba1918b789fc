"""The dashboard's SQL: each figure is a COUNT/SUM aggregate over ``case``; no case row is ever
loaded into Python, so a refresh returns a few hundred small tuples at any register size.

Five statements: the open cases grouped by status, kind and assignee (with their overdue and
due-this-week counts: one pass serves both charts and the workload table); the answered cases of
the window grouped by days to respond (``ix_case_responded_at``); extensions in the window; the
weekly intake and closures as range counts, each answered from ``ix_case_received_at`` /
``ix_case_closed_at`` alone; the open cases per due day (one ``ix_case_status_urgency`` range
per open status). The expression indexes of migration 0005 hold no raw column, so SQLite still
reads the row of each open case; ``benchmarks/dashboard.py`` (``PROPOSED_INDEXES``) measures the
covering indexes that avoid it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, case, func, literal, select, union_all
from sqlalchemy.orm import Session

from app.models import Case
from app.models.enums import CaseKind, CaseStatus
from app.services.case_list_sql import BINDING_DUE, URGENCY
from app.services.clock import OPEN_STATUSES
from app.services.dashboard_sql import answered_by_local_date, local_day_number

Interval = tuple[datetime, datetime]


def is_open() -> ColumnElement[bool]:
    """Open means not yet answered (``app.services.case_search.SavedView.OPEN``)."""
    return Case.status.in_(sorted(OPEN_STATUSES))


@dataclass(frozen=True)
class OpenGroup:
    """The open cases sharing a status, kind and assignee (``None``: unassigned): how many,
    how many of them are overdue, and how many are due within the days asked for."""

    status: CaseStatus
    kind: CaseKind
    assignee: str | None
    cases: int
    overdue: int
    due_soon: int


def open_groups(session: Session, today_date: date, soon: tuple[date, date]) -> list[OpenGroup]:
    """Return the open cases counted per (status, kind, assignee); ``soon`` is the first and
    last local date (inclusive) of "due soon", ``today_date`` decides "overdue".

    One pass over the open cases serves the status and kind charts and the workload table
    alike: at most statuses × kinds × handlers rows come back, whatever the register's size.
    """
    # URGENCY is a column expression, not a constant: the comparison reads as written.
    overdue = func.sum(case((URGENCY < today_date, 1), else_=0))  # noqa: SIM300
    due_soon = func.sum(case((URGENCY.between(*soon), 1), else_=0))
    statement = (
        select(Case.status, Case.kind, Case.assignee, func.count(), overdue, due_soon)
        .where(is_open())
        .group_by(Case.status, Case.kind, Case.assignee)
    )
    return [
        OpenGroup(
            CaseStatus(status), CaseKind(kind), assignee, int(n), int(late or 0), int(due or 0)
        )
        for status, kind, assignee, n, late, due in session.execute(statement)
    ]


def deadlines_per_day(session: Session, first: date, last: date) -> dict[date, int]:
    """Return how many open cases have their binding due date on each day from ``first`` to
    ``last`` (inclusive; days without any absent).

    One range per open status of ``(status, urgency)``, read from ``ix_case_status_urgency``
    alone: with ``status IN (...)`` SQLite ranged over every case's due date in
    ``ix_case_urgency`` and read each row for its status (at a million cases 45,000 rows,
    82 ms on a small cache against 26–37 ms; SQLCipher's SQLite 3.53 serves the expression
    from the index)."""
    per_status = union_all(
        *(
            select(URGENCY.label("due")).where(
                Case.status == literal(status, Case.status.type), URGENCY.between(first, last)
            )
            for status in sorted(OPEN_STATUSES)
        )
    ).subquery()
    statement = select(per_status.c.due, func.count()).group_by(per_status.c.due)
    return {_as_date(day): int(count) for day, count in session.execute(statement)}


def answered_by_days(
    session: Session, window: Interval, zone: ZoneInfo
) -> list[tuple[int, int, int]]:
    """Return (calendar days from receipt to answer, cases answered, of them on time) per
    number of days, for the cases whose ``responded_at`` lies in ``window`` ([start, end)).

    Days count between local dates in ``zone``; on time means answered on or before the
    binding due date (local date of ``responded_at`` ≤ coalesce(extended_due_date, due_date)).
    """
    days = local_day_number(Case.responded_at, zone, window[1]) - local_day_number(
        Case.received_at, zone, window[1]
    )
    answered_by = answered_by_local_date(Case.responded_at, BINDING_DUE, zone, window[1])
    on_time = func.sum(case((answered_by, 1), else_=0))
    statement = (
        select(days.label("days"), func.count(), on_time)
        .where(_within(Case.responded_at, window))
        .group_by(days)
    )
    return [(int(d), int(n), int(ok or 0)) for d, n, ok in session.execute(statement)]


def extensions_taken(session: Session, window: Interval) -> int:
    """Return how many cases had their deadline extended (``extended_at``) within ``window``."""
    statement = select(func.count()).select_from(Case).where(_within(Case.extended_at, window))
    return int(session.scalar(statement) or 0)


def counts_per_interval(
    session: Session, intervals: Sequence[Interval]
) -> tuple[list[int], list[int]]:
    """Return the cases received, and the cases closed, in each of ``intervals``.

    One statement of range counts: each is answered from its index alone.
    """
    counts = [
        select(func.count()).select_from(Case).where(_within(column, span)).scalar_subquery()
        for column in (Case.received_at, Case.closed_at)
        for span in intervals
    ]
    row = session.execute(select(*counts)).one()
    values = [int(v or 0) for v in row]
    return values[: len(intervals)], values[len(intervals) :]


def _within(column: Any, window: Interval) -> ColumnElement[bool]:
    return and_(column >= window[0], column < window[1])


def _as_date(value: date | str) -> date:
    # SQLite hands back the coalesced text where the driver does not apply the Date type.
    return value if isinstance(value, date) else date.fromisoformat(value)

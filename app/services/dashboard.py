"""The managers' dashboard: is anything about to be late? (issue 6, item 4; DESIGN.md §7).

``dashboard_figures`` computes every figure with SQL aggregates (``dashboard_queries``) and
returns them as frozen values the page, its charts and the PDF report draw from.

Definitions:

- *open*: not yet answered — new, triaged, awaiting requester, in progress, in review
  (``app.services.clock.OPEN_STATUSES``, the case list's "open" view). Responded, in retention
  and closed cases are not open.
- *binding due date*: ``extended_due_date`` once an extension is taken, else ``due_date``.
- *overdue*: open with a binding due date before today; *due soon* ("Due within 7 days"): open
  with a binding due date from today to today + ``DUE_SOON_DAYS`` (7) days inclusive, as the
  case list's "Due within 7 days" view and the deadline calendar's amber days count it (one
  definition, so that the tile, the view and the calendar agree); never both.
- *window*: the ``window_days`` local days ending today (today included).
- *on time*: answered (``responded_at``) on a local date on or before the binding due date. A case
  answered without any due date counts as answered, not as on time.
- *days to respond*: calendar days from the local date of receipt to the local date of the answer.

Local dates are in the company's zone, China (Asia/Shanghai, as the CN rule set,
``resources/rules/cn.toml``), whatever zone the computer is set to.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.clock import COMPANY_ZONE
from app.models.enums import CaseKind, CaseStatus
from app.services import dashboard_queries as queries
from app.services.case_search import DUE_SOON_DAYS
from app.services.dashboard_stats import median_of_histogram

K = TypeVar("K", CaseStatus, CaseKind)
# Lifecycle order, for the status chart and tiles.
OPEN_STATUS_ORDER = (
    CaseStatus.NEW,
    CaseStatus.TRIAGED,
    CaseStatus.AWAITING_REQUESTER,
    CaseStatus.IN_PROGRESS,
    CaseStatus.IN_REVIEW,
)


@dataclass(frozen=True)
class WeekFlow:
    """Cases received and cases closed in one ISO week (Monday ``week_start_date`` to Sunday,
    local dates)."""

    week_start_date: date
    received: int
    closed: int

    @property
    def iso_week(self) -> tuple[int, int]:
        """The (ISO year, ISO week number) of the week."""
        year, week, _ = self.week_start_date.isocalendar()
        return year, week


@dataclass(frozen=True)
class HandlerLoad:
    """One handler's open cases; ``assignee`` ``None`` is the unassigned row."""

    assignee: str | None
    open: int
    overdue: int
    due_soon: int


@dataclass(frozen=True)
class DeadlineDay:
    """How many open cases have their binding due date on ``due_date``; ``due_soon`` when the
    day is within the case list's "due soon" reach (today to today + 7 days)."""

    due_date: date
    cases: int
    due_soon: bool


@dataclass(frozen=True)
class DashboardFigures:
    """Every figure of the dashboard, as of ``today_date`` (local date).

    Counts are numbers of cases. ``window_start_date``..``today_date`` (inclusive) is the
    window of the answered figures. ``due_soon`` counts the open cases whose binding due date
    falls from today to today + ``DUE_SOON_DAYS`` (inclusive): the case list's "Due within 7
    days" view and the deadline calendar's amber days, so that the three agree.
    """

    today_date: date
    window_start_date: date
    open_by_status: tuple[tuple[CaseStatus, int], ...]
    open_by_kind: tuple[tuple[CaseKind, int], ...]
    due_soon: int
    overdue: int
    answered: int
    answered_on_time: int
    median_days_to_respond: float | None
    extensions: int
    weeks: tuple[WeekFlow, ...]
    workload: tuple[HandlerLoad, ...]
    deadline_days: tuple[DeadlineDay, ...]

    @property
    def open_total(self) -> int:
        """All open cases."""
        return sum(count for _, count in self.open_by_status)

    @property
    def on_time_rate(self) -> float | None:
        """Share of the window's answered cases answered on time (0.0–1.0); ``None`` when no
        case was answered in the window."""
        return self.answered_on_time / self.answered if self.answered else None


def dashboard_figures(
    session: Session,
    today_date: date,
    *,
    window_days: int = 90,
    weeks: int = 12,
    horizon_days: int = 30,
    time_zone: ZoneInfo = COMPANY_ZONE,
) -> DashboardFigures:
    """Compute the dashboard as of the local date ``today_date``.

    Args:
        session: an open session (read only).
        today_date: today in ``time_zone``.
        window_days: length of the answered-cases window in days, today included (≥ 1).
        weeks: ISO weeks of intake vs closed, the current (partial) week last (≥ 1).
        horizon_days: days of the deadline calendar from today on (≥ 1).
        time_zone: the zone of local dates (the company's, China).

    Returns:
        The ``DashboardFigures``.

    Raises:
        ValueError: a window, week or horizon count below 1.
    """
    if min(window_days, weeks, horizon_days) < 1:
        raise ValueError("window_days, weeks and horizon_days must be at least 1")
    monday = today_date - timedelta(days=today_date.weekday())
    soon = (today_date, today_date + timedelta(days=DUE_SOON_DAYS))
    window_start = today_date - timedelta(days=window_days - 1)
    window = (_midnight(window_start, time_zone), _midnight(today_date + timedelta(1), time_zone))
    groups = queries.open_groups(session, today_date, soon)
    loads = _workload(groups)
    answered = queries.answered_by_days(session, window, time_zone)
    return DashboardFigures(
        today_date=today_date,
        window_start_date=window_start,
        open_by_status=_in_order(_tally(groups, "status"), OPEN_STATUS_ORDER),
        open_by_kind=_in_order(_tally(groups, "kind"), tuple(CaseKind)),
        due_soon=sum(load.due_soon for load in loads),
        overdue=sum(load.overdue for load in loads),
        answered=sum(count for _, count, _ in answered),
        answered_on_time=sum(on_time for _, _, on_time in answered),
        median_days_to_respond=median_of_histogram((d, n) for d, n, _ in answered),
        extensions=queries.extensions_taken(session, window),
        weeks=_weeks(session, monday, weeks, time_zone),
        workload=loads,
        deadline_days=_calendar(session, today_date, horizon_days),
    )


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant at which the local date ``day`` begins in ``zone``."""
    return datetime.combine(day, time(0), zone).astimezone(UTC)


def _in_order(counts: Mapping[K, int], order: tuple[K, ...]) -> tuple[tuple[K, int], ...]:
    """Open statuses always all (a zero is news); kinds only where there are cases."""
    keep_zero = order is OPEN_STATUS_ORDER
    return tuple((key, counts.get(key, 0)) for key in order if keep_zero or counts.get(key))


def _tally(groups: list[queries.OpenGroup], key: str) -> Counter[Any]:
    """Open cases per value of the group attribute ``key`` ("status" or "kind")."""
    counts: Counter[Any] = Counter()
    for group in groups:
        counts[getattr(group, key)] += group.cases
    return counts


def _workload(groups: list[queries.OpenGroup]) -> tuple[HandlerLoad, ...]:
    """Open, overdue and due-soon cases per assignee."""
    totals: dict[str | None, list[int]] = {}
    for group in groups:
        row = totals.setdefault(group.assignee, [0, 0, 0])
        row[0], row[1], row[2] = (
            row[0] + group.cases,
            row[1] + group.overdue,
            row[2] + group.due_soon,
        )
    loads = [HandlerLoad(name, *numbers) for name, numbers in totals.items()]
    # Most loaded first; the unassigned row last, as it is nobody's desk.
    loads.sort(key=lambda load: (load.assignee is None, -load.open, load.assignee or ""))
    return tuple(loads)


def _weeks(session: Session, monday: date, count: int, zone: ZoneInfo) -> tuple[WeekFlow, ...]:
    starts = [monday - timedelta(weeks=count - 1 - n) for n in range(count)]
    spans = [(_midnight(s, zone), _midnight(s + timedelta(weeks=1), zone)) for s in starts]
    received, closed = queries.counts_per_interval(session, spans)
    return tuple(WeekFlow(*flow) for flow in zip(starts, received, closed, strict=True))


def _calendar(session: Session, today_date: date, days: int) -> tuple[DeadlineDay, ...]:
    last = today_date + timedelta(days=days - 1)
    counts = queries.deadlines_per_day(session, today_date, last)
    every_day = (today_date + timedelta(days=n) for n in range(days))
    soon = today_date + timedelta(days=DUE_SOON_DAYS)
    return tuple(DeadlineDay(day, counts.get(day, 0), day <= soon) for day in every_day)

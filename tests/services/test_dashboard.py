"""The managers' dashboard on 14 hand-built cases, every figure worked out by hand for
today = Tuesday 10 March 2026 in China (UTC+8): ISO week 11 runs Monday 9 to Sunday 15 March;
the 90-day window is 11 December 2025 to 10 March 2026 (local dates), i.e. the instants from
2025-12-10 16:00 UTC to 2026-03-10 16:00 UTC. Several instants sit just either side of local
midnight, where their UTC date and their China date differ.
"""

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Date, literal, select
from sqlalchemy.orm import Session

from app.models import Case
from app.models.base import UTCDateTime
from app.models.enums import CaseKind, CaseStatus, Channel, ReceivedAtSource
from app.services.case_search import CaseQuery, SavedView, count_cases
from app.services.dashboard import (
    DashboardFigures,
    DeadlineDay,
    HandlerLoad,
    dashboard_figures,
)
from app.services.dashboard_sql import answered_by_local_date, local_day_number
from app.services.dashboard_stats import median_of_histogram
from app.store import Database

TODAY = date(2026, 3, 10)
S, K, D = CaseStatus, CaseKind, date


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, micro: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)


# number: status, kind, assignee, received (UTC), due, extended due
OPEN = {
    1: (S.NEW, K.ACCESS, None, utc(2026, 2, 12, 2), D(2026, 3, 5), None),  # overdue
    2: (S.TRIAGED, K.DELETION, "li.wei", utc(2026, 2, 20, 2), D(2026, 3, 10), None),  # today
    3: (S.IN_PROGRESS, K.ACCESS, "li.wei", utc(2026, 2, 23, 2), D(2026, 3, 15), None),  # Sunday
    4: (S.IN_PROGRESS, K.CORRECTION, "wang.fang", utc(2026, 2, 24, 2), D(2026, 3, 16), None),
    # due Monday of this week: overdue and due this week
    5: (S.IN_REVIEW, K.ACCESS, "wang.fang", utc(2026, 2, 17, 2), D(2026, 3, 9), None),
    # extended to today + 29, the calendar's last day: not overdue although due 1 March
    6: (S.AWAITING_REQUESTER, K.COPY, "li.wei", utc(2026, 1, 5, 2), D(2026, 3, 1), D(2026, 4, 8)),
    7: (S.NEW, K.COMPLAINT, None, utc(2026, 3, 9, 1), None, None),  # no deadline yet
    # received 8 March 17:00 UTC = 9 March 01:00 in China: this week's intake
    8: (S.IN_PROGRESS, K.DELETION, "li.wei", utc(2026, 3, 8, 17), D(2026, 4, 9), None),
}
# number: status, received, due, extended due, extended at, responded, closed (all UTC)
ANSWERED = {
    # answered 20 Feb 23:30 in China, the due day: on time, 19 days
    9: (S.RESPONDED, utc(2026, 2, 1, 1), D(2026, 2, 20), None, None, utc(2026, 2, 20, 15, 30),
        None),
    # received 11 Jan 04:00, answered 31 Jan 00:30 in China (30 Jan in UTC): late, 20 days
    10: (S.CLOSED, utc(2026, 1, 10, 20), D(2026, 1, 30), None, None, utc(2026, 1, 30, 16, 30),
         utc(2026, 2, 5, 3)),
    # extended within the window, answered 6 March: on time, 10 days; closed 9 March 00:30
    # in China (8 March in UTC): this week
    11: (S.CLOSED, utc(2026, 2, 24, 2), D(2026, 3, 16), D(2026, 4, 15), utc(2026, 3, 2, 3),
         utc(2026, 3, 6, 2), utc(2026, 3, 8, 16, 30)),
    # answered 10 Dec 23:00 in China: one hour before the window
    12: (S.IN_RETENTION, utc(2025, 11, 20, 2), D(2025, 12, 10), None, None,
         utc(2025, 12, 10, 15), utc(2025, 12, 12, 2)),
    # answered 11 Dec 00:30 in China: the window's first minutes; received 1 Dec: 10 days
    13: (S.CLOSED, utc(2025, 12, 1), D(2025, 12, 20), None, None, utc(2025, 12, 10, 16, 30),
         utc(2025, 12, 11, 2)),
    # extended and answered before the window
    14: (S.CLOSED, utc(2025, 11, 10, 2), D(2025, 11, 28), D(2025, 12, 28), utc(2025, 11, 20, 2),
         utc(2025, 12, 5, 2), utc(2025, 12, 6, 2)),
}  # fmt: skip


def _case(number: int, status: CaseStatus, received: datetime, **values: object) -> Case:
    return Case(
        reference=f"PD-2026-{number:06d}",
        kind=values.pop("kind", K.ACCESS),
        status=status,
        jurisdiction="CN",
        channel=Channel.EMAIL,
        received_at=received,
        received_at_source=ReceivedAtSource.DATE_HEADER,
        **values,
    )


def add_cases(session: Session) -> None:
    """The 14 cases above."""
    for n, (status, kind, assignee, received, due, extended) in OPEN.items():
        session.add(
            _case(n, status, received, kind=kind, assignee=assignee, due_date=due,
                  extended_due_date=extended, extended_at=utc(2026, 2, 20, 2) if extended else None)
        )  # fmt: skip
    for n, (status, received, due, extended, extended_at, responded, closed) in ANSWERED.items():
        session.add(
            _case(n, status, received, due_date=due, extended_due_date=extended,
                  extended_at=extended_at, responded_at=responded, closed_at=closed)
        )  # fmt: skip


@pytest.fixture
def figures(database: Database) -> DashboardFigures:
    with database.session() as session:
        add_cases(session)
    with database.session() as session:
        return dashboard_figures(session, TODAY)


def test_open_cases_by_status_in_lifecycle_order(figures: DashboardFigures) -> None:
    assert figures.open_by_status == (
        (S.NEW, 2),
        (S.TRIAGED, 1),
        (S.AWAITING_REQUESTER, 1),
        (S.IN_PROGRESS, 3),
        (S.IN_REVIEW, 1),
    )
    assert figures.open_total == 8


def test_open_cases_by_kind_only_kinds_with_cases(figures: DashboardFigures) -> None:
    assert figures.open_by_kind == (
        (K.ACCESS, 3),
        (K.COPY, 1),
        (K.CORRECTION, 1),
        (K.DELETION, 2),
        (K.COMPLAINT, 1),
    )


def test_due_soon_and_overdue(figures: DashboardFigures) -> None:
    # Due within 7 days: today Tue 10 March to Tue 17 March inclusive (the case list's view):
    # cases 2 (10 Mar), 3 (Sun 15 Mar) and 4 (Mon 16 Mar); case 5 (Mon 9 Mar) is overdue
    # only, case 6 is due on its extended date 8 April.
    assert figures.due_soon == 3
    assert figures.overdue == 2  # cases 1 and 5


def test_due_soon_is_the_case_lists_due_within_7_days_view(database: Database) -> None:
    # One more case due Tue 17 March = today + 7: in the list's "Due within 7 days" view
    # (today to today + 7 inclusive) but outside the ISO week (9-15 March) the tile once
    # counted, which made the tile say 3 beside a view of 4 (QA round 16, W7).
    with database.session() as session:
        add_cases(session)
        session.add(_case(15, S.TRIAGED, utc(2026, 2, 25, 2), due_date=D(2026, 3, 17)))
    with database.session() as session:
        listed = count_cases(session, CaseQuery(TODAY, SavedView.DUE_SOON))
        figures = dashboard_figures(session, TODAY)
    assert listed == 4  # cases 2, 3, 4 and 15
    assert figures.due_soon == listed


def test_answered_in_the_window(figures: DashboardFigures) -> None:
    assert figures.window_start_date == D(2025, 12, 11)
    assert figures.answered == 4  # cases 9, 10, 11, 13
    assert figures.answered_on_time == 3  # case 10 was answered a day late in China
    assert figures.on_time_rate == pytest.approx(0.75)
    assert figures.median_days_to_respond == 14.5  # days 10, 10, 19, 20
    assert figures.extensions == 2  # cases 6 and 11


def test_intake_and_closed_per_iso_week(figures: DashboardFigures) -> None:
    weeks = {w.week_start_date: (w.received, w.closed) for w in figures.weeks}
    mondays = [D(2025, 12, 22) + timedelta(weeks=n) for n in range(12)]
    assert list(weeks) == mondays
    assert figures.weeks[-1].iso_week == (2026, 11)
    expected = {D(2026, 1, 5): (2, 0), D(2026, 1, 26): (1, 0), D(2026, 2, 2): (0, 1),
                D(2026, 2, 9): (1, 0), D(2026, 2, 16): (2, 0), D(2026, 2, 23): (3, 0),
                D(2026, 3, 9): (2, 1)}  # fmt: skip
    assert weeks == {monday: expected.get(monday, (0, 0)) for monday in mondays}


def test_workload_per_handler_unassigned_last(figures: DashboardFigures) -> None:
    assert figures.workload == (
        HandlerLoad("li.wei", open=4, overdue=0, due_soon=2),
        HandlerLoad("wang.fang", open=2, overdue=1, due_soon=1),
        HandlerLoad(None, open=2, overdue=1, due_soon=0),
    )


def test_deadline_calendar_covers_thirty_days(figures: DashboardFigures) -> None:
    days = figures.deadline_days
    assert [d.due_date for d in days] == [TODAY + timedelta(days=n) for n in range(30)]
    busy = {d.due_date: d.cases for d in days if d.cases}
    assert busy == {D(2026, 3, 10): 1, D(2026, 3, 15): 1, D(2026, 3, 16): 1, D(2026, 4, 8): 1}
    assert DeadlineDay(D(2026, 4, 9), 1, False) not in days  # today + 30: beyond the horizon
    assert [d.due_soon for d in days] == [True] * 8 + [False] * 22  # today to today + 7


def test_an_empty_register(database: Database) -> None:
    with database.session() as session:
        empty = dashboard_figures(session, TODAY, weeks=2, horizon_days=7)
    assert empty.open_total == 0 and empty.open_by_kind == ()
    assert empty.on_time_rate is None and empty.median_days_to_respond is None
    assert [(w.received, w.closed) for w in empty.weeks] == [(0, 0), (0, 0)]
    assert len(empty.deadline_days) == 7 and empty.workload == ()


def test_windows_must_be_at_least_a_day(database: Database) -> None:
    with database.session() as session, pytest.raises(ValueError):
        dashboard_figures(session, TODAY, window_days=0)


@pytest.mark.parametrize(
    ("histogram", "median"),
    [([], None), ([(5, 1)], 5.0), ([(3, 2), (1, 1)], 3.0), ([(10, 2), (19, 1), (20, 1)], 14.5),
     ([(4, 0), (7, 3)], 7.0)],
)  # fmt: skip
def test_median_of_histogram(histogram: list[tuple[int, int]], median: float | None) -> None:
    assert median_of_histogram(histogram) == median


@pytest.mark.parametrize(
    ("zone", "instant", "on_time"),
    [
        ("Asia/Shanghai", utc(2026, 3, 10, 15, 59, 59, 999999), True),  # 23:59:59 on the day
        ("Asia/Shanghai", utc(2026, 3, 10, 16), False),  # midnight: the next day
        ("America/Sao_Paulo", utc(2026, 3, 11, 2, 59), True),  # UTC-3: 23:59 on the day
        ("America/Sao_Paulo", utc(2026, 3, 11, 3), False),
        ("UTC", utc(2026, 3, 10, 23, 59, 59), True),
        ("UTC", utc(2026, 3, 11), False),
    ],
)
def test_answered_by_the_local_due_date(
    database: Database, zone: str, instant: datetime, on_time: bool
) -> None:
    answered = answered_by_local_date(
        literal(instant, UTCDateTime()), literal(D(2026, 3, 10), Date()), ZoneInfo(zone), instant
    )
    with database.session() as session:
        assert bool(session.scalar(select(answered))) is on_time


def test_calendar_days_count_from_local_midnight(database: Database) -> None:
    zone = ZoneInfo("Asia/Shanghai")

    def day(instant: datetime) -> Any:
        return local_day_number(literal(instant, UTCDateTime()), zone, instant)

    # 9 March 23:59 and 10 March 00:00 in China: one day apart although one minute apart
    span = day(utc(2026, 3, 9, 16)) - day(utc(2026, 3, 9, 15, 59))
    same = day(utc(2026, 3, 10, 15, 59)) - day(utc(2026, 3, 9, 16))
    with database.session() as session:
        assert session.execute(select(span, same)).one() == (1, 0)


def test_a_zone_key_that_is_not_iana_is_refused() -> None:
    class Hostile(ZoneInfo):
        key = "x'; DROP TABLE case; --"

    with pytest.raises(ValueError):
        local_day_number(Case.received_at, Hostile("UTC"), utc(2026, 3, 10))

"""The company's internal target of a request (policy, not law: ``policy.InternalTargets``),
counted on the statutory clock's start and pauses but over the team's own working days, never
after the statutory due date."""

from datetime import date, timedelta

from app.services.deadlines.calendars import CalendarOverrides, WorkingCalendar
from app.services.deadlines.counting import Count, count_period
from app.services.deadlines.policy import InternalTarget
from app.services.deadlines.rules import Rule


def team_calendar(
    rule: Rule, spec: str, calendar: WorkingCalendar, overrides: CalendarOverrides | None
) -> WorkingCalendar:
    """Return the team's working days: the country's own weekend and holidays (``spec``, with
    ``overrides``). A rule whose statute counts other rest days (Singapore: only Sundays are
    off, Interpretation Act s.50) would put the company's own promise on a Saturday, when
    nobody works on the case; otherwise the rule's ``calendar`` itself."""
    if rule.rest_days is None:
        return calendar
    return WorkingCalendar(spec, None, overrides)


def target_count(
    start: date, paused: frozenset[date], target: InternalTarget | None, team: WorkingCalendar
) -> Count | None:
    """Count ``target`` from the statutory clock ``start``, skipping ``paused`` days, over the
    ``team``'s working days; ``None`` without a target."""
    if target is None:
        return None
    return count_period(start, target.period, target.first_day, target.roll, team, paused)


def target_date(
    target: Count | None, due: Count, team: WorkingCalendar, start: date
) -> date | None:
    """Return the target's date: never after the statutory ``due`` date, and on one of the
    ``team``'s working days (a promise that ends, or is capped, on a day off is kept on the
    working day before it, not before the clock ``start``); ``None`` without a target."""
    if target is None:
        return None
    end = min(target.end, due.end)
    while not team.is_working_day(end) and end > start:
        end -= timedelta(days=1)
    return end

"""The deadline of a regulator's inquiry: the time limit its letter states, counted on the
jurisdiction's calendar, and the ``no_deadline`` flag where an imported case has none.

No statute sets a deadline for answering a regulator (resources/rules/cn.toml: the regulator's
letter sets its date), so the rule book has no rule for ``regulator_inquiry``. The letter's own
limit ("请于十个工作日内书面说明情况") is counted here as the rule sets count theirs: the
receipt day is day 0 (民法典 art. 201; Reg. 1182/71 art. 3(1)); working days on the rule set's
holiday calendar (China: State Council schedule with make-up days); months to the same day of
the later month (民法典 art. 202); a calendar-day or month period ending on a day off moves to
the next working day (民法典 art. 203). The date is stored as stated by the regulator's letter
(``DueDateSource.REGULATOR_LETTER``, ``app.services.stated_due_date``), so that the case shows
where it comes from and no recomputation of the clock replaces it; the case keeps the
``regulator_inquiry`` flag so that a person confirms the date against the letter.

A letter that states a calendar date ("于2026年12月3日内", "by 3 December 2026") is due on that
date as written: no period is counted and no day off moves it (民法典 art. 203 extends periods;
the regulator chose the date, and answering early is never late). A date without a year is the
next such date on or after the receipt. Where the date cannot be trusted (already past at
receipt, an impossible day, day and month order unclear, a year-less date that would only come
round again months later, one more than a year ahead) no date is taken and the case is flagged
``no_deadline`` for a person to read the letter.

A date before the receipt is no limit but the letter's account of events ("2026年11月3日前，我办
收到投诉……请于15日内书面答复"): the next date the letter states, else its first period, is the
deadline (``count_stated_limit``); a letter stating nothing else goes to a person as before. The
period counted is recorded with the due date (the ``clock.stated_deadline`` event's ``n`` and
``unit``), so that a corrected receipt or a changed calendar counts it again without reading the
letter (``app.services.clock``).
"""

from datetime import date, timedelta
from typing import Any, Literal, NamedTuple
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DateOutOfRangeError, UnknownRuleError
from app.models import Case, Event
from app.models.enums import CaseKind, ReviewFlag
from app.services.calendar_schedules import calendar_overrides
from app.services.case_queries import message_text
from app.services.clock import recompute_clock
from app.services.clock_values import DueDateSource, stated_due_source
from app.services.deadlines import FirstDay, Period, PeriodUnit, Roll, RuleBook, WorkingCalendar
from app.services.deadlines.counting import count_period
from app.services.intake.stated_limit import StatedDate, StatedLimit, Unit, find_stated_limit
from app.services.stated_due_date import set_stated_due_date

# Kinds whose missing deadline is no gap: mail that is no request, and a reminder (the deadline
# is the chased request's).
_NO_DEADLINE_EXPECTED = frozenset({CaseKind.NOT_A_REQUEST, CaseKind.REMINDER})
_PERIOD_UNITS: dict[Unit, PeriodUnit] = {
    "working_days": PeriodUnit.WORKING_DAYS,
    "calendar_days": PeriodUnit.CALENDAR_DAYS,
    "months": PeriodUnit.MONTHS,  # to the same day of the later month (民法典 art. 202)
}
# A year-less date ("12月3日前") further ahead than this from the receipt is more likely this
# year's date already past (a letter delayed, or its account of events) than next year's.
_YEARLESS_HORIZON = timedelta(days=183)
# A stated date further ahead is no reply deadline (a mistyped year): a person decides.
_STATED_DATE_HORIZON = timedelta(days=366)
# A stated date before the receipt: the letter's account of events, not its limit.
_BEFORE_RECEIPT: Literal["before_receipt"] = "before_receipt"
# The event recording a regulator's date, with the limit it was counted from.
_STATED_EVENT = "clock.stated_deadline"


class StatedDue(NamedTuple):
    """A due date (a local calendar date) and the statement of the letter it comes from."""

    due_date: date
    statement: StatedLimit


def count_stated_limit(
    limit: StatedLimit, received: date, calendar: WorkingCalendar
) -> StatedDue | None:
    """Count the time limit a regulator's letter states; reads and writes nothing.

    Args:
        limit: the statement that governs, with the letter's others as its ``fallbacks``
            (``app.services.intake.stated_limit.find_stated_limit``).
        received: the local date of receipt in the jurisdiction's zone (day 0).
        calendar: the jurisdiction's working calendar, with its overrides.

    Returns:
        The first stated date on or after ``received`` (date beats period), passing over dates
        before it (an account of events); else the first period counted from ``received`` (see
        the module docstring for the counting). ``None`` when the statements are all past
        dates, when the first date not past cannot be trusted (unclear day/month order, an
        impossible day, implausibly far: a person reads the letter) or the count leaves the
        calendar's years.
    """
    for statement in (limit, *limit.fallbacks):
        if statement.on is None:
            due = _count_period(statement, received, calendar)
        else:
            resolved = _stated_date(statement.on, received)
            if resolved == _BEFORE_RECEIPT:
                continue
            due = resolved
        return StatedDue(due, statement) if due is not None else None
    return None


def counting_basis(
    session: Session, case: Case, rule_book: RuleBook
) -> tuple[date, WorkingCalendar] | None:
    """Return the local receipt date of ``case`` and its jurisdiction's working calendar with
    the overrides entered for it; ``None`` where the jurisdiction has no rule set."""
    try:
        rules = rule_book.rule_set(case.jurisdiction).rules
    except UnknownRuleError:
        return None
    rule = next(iter(rules.values()), None)  # every rule of a set shares calendar and zone
    if rule is None:
        return None
    received = case.received_at.astimezone(ZoneInfo(rule.time_zone)).date()
    overrides = calendar_overrides(session, rule.calendar)
    return received, WorkingCalendar(rule.calendar, rule.rest_days, overrides)


def limit_details(statement: StatedLimit) -> dict[str, Any]:
    """What the audit event of a regulator's date records of the statement it was counted
    from: ``n`` and ``unit`` of a period, ``unit`` "date" of a date (whose ``due_date`` the
    event records). No words of the letter (they may name people)."""
    return {"unit": statement.unit} if statement.on else {"n": statement.n, "unit": statement.unit}


def period_on_record(session: Session, case: Case) -> StatedLimit | None:
    """Return the period the regulator's date of ``case`` was last counted from (its latest
    ``clock.stated_deadline`` event), ``None`` when it is a stated date (nothing to count
    again) or none is recorded (a date stored before the source was)."""
    query = (
        select(Event.payload)
        .where(Event.case_id == case.id, Event.action == _STATED_EVENT)
        .order_by(Event.id.desc())
        .limit(1)
    )
    payload = session.scalars(query).first() or {}
    n, unit = payload.get("n"), payload.get("unit")
    if not isinstance(n, int) or unit not in _PERIOD_UNITS:
        return None
    return StatedLimit(n, unit, "")


def apply_stated_deadline(
    session: Session, case: Case, limit: StatedLimit | None, rule_book: RuleBook, *, actor: str
) -> date | None:
    """Set the due date of a case from the limit its letter states (triage reads one in a
    regulator's letter), as stated by the regulator's letter.

    Args:
        session: the import's session. case: the new case (``received_at`` aware UTC).
        limit: the stated limit from triage (with its fallbacks), or ``None``.
        rule_book: for the jurisdiction's calendar and time zone. actor: for the audit trail.

    Returns:
        The due date set (a local calendar date of the jurisdiction; ``count_stated_limit``);
        ``None`` when the letter states no limit that can be taken (a person reads it), the
        case already has a stated due date or its jurisdiction has no rule set. A due date a
        rule computed gives way: the letter's own limit is the one that binds.
    """
    if not limit or stated_due_source(case) is not None:
        return None
    basis = counting_basis(session, case, rule_book)
    counted = count_stated_limit(limit, *basis) if basis is not None else None
    if counted is None:
        return None
    source = DueDateSource.REGULATOR_LETTER
    details = limit_details(counted.statement)
    set_stated_due_date(session, case, counted.due_date, source, actor=actor, details=details)
    return counted.due_date


def retime_after_triage(
    session: Session, case: Case, rule_book: RuleBook, *, today: date, actor: str
) -> None:
    """Recompute the clock of ``case`` after triage confirmed or corrected its kind and
    jurisdiction (``today``: the local date); a case triaged as a regulator's inquiry takes the
    time limit its letter states, read again from its message (the import may have taken the
    letter for a complaint and timed it as one), or is flagged for a person to set one.
    """
    recompute_clock(session, case, rule_book, cause="triaged", today=today, actor=actor)
    if case.kind != CaseKind.REGULATOR_INQUIRY or stated_due_source(case) is not None:
        return
    limit = find_stated_limit(f"{case.subject_line or ''}\n{message_text(case)}")
    apply_stated_deadline(session, case, limit, rule_book, actor=actor)
    flag_missing_deadline(case)


def flag_missing_deadline(case: Case) -> None:
    """Flag ``no_deadline`` on a case that should have a deadline and got none (a regulator's
    inquiry stating no limit; a request of unclear kind where the jurisdiction's rule set has
    no rule for it), so that a person sets one."""
    if case.due_date is None and case.kind not in _NO_DEADLINE_EXPECTED:
        case.review_flags = sorted({*(case.review_flags or ()), ReviewFlag.NO_DEADLINE.value})


def _count_period(limit: StatedLimit, received: date, calendar: WorkingCalendar) -> date | None:
    """The end of a stated period counted from ``received`` (day 0), ``None`` outside the
    calendar's years."""
    working = limit.unit == "working_days"
    roll = Roll.NONE if working else Roll.FORWARD
    period = Period(limit.n, _PERIOD_UNITS[limit.unit])
    try:
        return count_period(received, period, FirstDay.NEXT_DAY, roll, calendar).end
    except DateOutOfRangeError:
        return None


def _stated_date(stated: StatedDate, received: date) -> date | Literal["before_receipt"] | None:
    """The date a letter states as its deadline, on or after ``received`` (the local receipt
    date); ``_BEFORE_RECEIPT`` for a date already past at receipt (year-less: not due again
    within the horizon; of unclear order: past either way); ``None`` where a person must read
    it (see the module docstring)."""
    if stated.ambiguous:
        readings = (
            StatedDate(stated.year, stated.month, stated.day),
            StatedDate(stated.year, stated.day, stated.month),
        )
        past = all(_stated_date(reading, received) == _BEFORE_RECEIPT for reading in readings)
        return _BEFORE_RECEIPT if past else None
    if stated.year is None:
        due = _next_on_or_after(stated.month, stated.day, received)
        if due is not None and due - received <= _YEARLESS_HORIZON:
            return due
        # Not due again soon: past at receipt where it came round in the year before it.
        past = due is not None and _fell_in_year_before(stated.month, stated.day, received)
        return _BEFORE_RECEIPT if past else None
    try:
        due = date(stated.year, stated.month, stated.day)
    except ValueError:
        return None
    if due < received:
        return _BEFORE_RECEIPT
    return due if due <= received + _STATED_DATE_HORIZON else None


def _next_on_or_after(month: int, day: int, received: date) -> date | None:
    """The first ``month``/``day`` on or after ``received`` (29 February: the next leap year,
    then past the horizon); ``None`` for a day no month has ("2月30日")."""
    for year in range(received.year, received.year + 5):
        try:
            due = date(year, month, day)
        except ValueError:
            continue
        if due >= received:
            return due
    return None


def _fell_in_year_before(month: int, day: int, received: date) -> bool:
    """Whether ``month``/``day`` fell in the year before ``received`` (not 29 February)."""
    for year in (received.year, received.year - 1):
        try:
            if date(year, month, day) < received:
                return True
        except ValueError:
            continue
    return False

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
"""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.errors import DateOutOfRangeError, UnknownRuleError
from app.models import Case
from app.models.enums import CaseKind, ReviewFlag
from app.services.calendar_schedules import calendar_overrides
from app.services.case_queries import message_text
from app.services.clock import DueDateSource, recompute_clock, stated_due_source
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
# year's date already past (a letter delayed) than next year's: a person decides.
_YEARLESS_HORIZON = timedelta(days=183)
# A stated date further ahead is no reply deadline (a mistyped year): a person decides.
_STATED_DATE_HORIZON = timedelta(days=366)


def apply_stated_deadline(
    session: Session, case: Case, limit: StatedLimit | None, rule_book: RuleBook, *, actor: str
) -> date | None:
    """Set the due date of a case from the limit its letter states (triage reads one in a
    regulator's letter), as stated by the regulator's letter.

    Args:
        session: the import's session. case: the new case (``received_at`` aware UTC).
        limit: the stated limit from triage, or ``None``.
        rule_book: for the jurisdiction's calendar and time zone. actor: for the audit trail.

    Returns:
        The due date set (a local calendar date of the jurisdiction): the period counted from
        receipt, or the date the letter states (year-less: the next one on or after receipt);
        ``None`` when the letter states no limit, a date it states is past at receipt,
        impossible, of unclear day/month order or implausibly far (a person reads it), the
        case already has a stated due date, its jurisdiction has no rule set or the date is
        outside the calendar's years. A due date a rule computed gives
        way: the letter's own limit is the one that binds.
    """
    if not limit or stated_due_source(case) is not None:
        return None
    due = _count(session, case, limit, rule_book)
    if due is None:
        return None
    source = DueDateSource.REGULATOR_LETTER
    # A stated date has no count: the audit payload's due_date is the date the letter states.
    details = {"unit": limit.unit} if limit.on else {"n": limit.n, "unit": limit.unit}
    set_stated_due_date(session, case, due, source, actor=actor, details=details)
    return due


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


def _count(session: Session, case: Case, limit: StatedLimit, rule_book: RuleBook) -> date | None:
    try:
        rules = rule_book.rule_set(case.jurisdiction).rules
    except UnknownRuleError:
        return None
    rule = next(iter(rules.values()), None)  # every rule of a set shares calendar and zone
    if rule is None:
        return None
    received = case.received_at.astimezone(ZoneInfo(rule.time_zone)).date()
    if limit.on is not None:
        return _stated_date(limit.on, received)
    working = limit.unit == "working_days"
    unit = _PERIOD_UNITS[limit.unit]
    try:
        calendar = WorkingCalendar(
            rule.calendar, rule.rest_days, calendar_overrides(session, rule.calendar)
        )
        roll = Roll.NONE if working else Roll.FORWARD
        return count_period(received, Period(limit.n, unit), FirstDay.NEXT_DAY, roll, calendar).end
    except DateOutOfRangeError:
        return None


def _stated_date(stated: StatedDate, received: date) -> date | None:
    """The date a letter states as its deadline, on or after ``received`` (the local receipt
    date), or ``None`` where a person must read it (see the module docstring)."""
    if stated.ambiguous:
        return None
    if stated.year is None:
        due = _next_on_or_after(stated.month, stated.day, received)
        return due if due is not None and due - received <= _YEARLESS_HORIZON else None
    try:
        due = date(stated.year, stated.month, stated.day)
    except ValueError:
        return None
    return due if received <= due <= received + _STATED_DATE_HORIZON else None


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

"""``python -m app deadline``: compute and explain one statutory deadline.

The count uses the holiday schedules and single-day corrections entered in the case database,
as a case's own deadline does, and says which calendar data it used; with no database on this
machine it counts on the built-in calendar and creates none (``app.cli.deadline_calendar``).

``--received`` (and ``--verified``, ``--pause``) are dates in the rule's time zone (the region's,
with ``--region``); ``--time HH:MM`` is the receipt time there, kept for the record: the date
alone decides the count. ``--pause START:END`` is inclusive; ``START:`` is an open pause, run to
today in the rule's time zone. Every problem is one line on stderr and exit status 2.
"""

import argparse
import sys
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from app.cli.deadline_calendar import CalendarData, calendar_data
from app.errors import DatabaseInUseError, DeadlineInputError
from app.models.enums import CaseKind
from app.services.deadlines import (
    ClockPause,
    DayMark,
    DayReason,
    DeadlineExplanation,
    ExplainedDay,
    RuleBook,
    compute_deadline,
    explain_deadline,
    load_internal_targets,
    load_rule_book,
)
from app.services.file_names import visible_file_name
from app.services.makeup_days import made_up_holiday

# Printed before the error when the window (or another command) has the database open.
IN_USE_HINT = (
    "hint: the deadline reads the holiday schedules entered in the case database; close the "
    "window that has it open, or count on the built-in calendar with --built-in-calendar"
)
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WHY = {
    DayReason.WORKING_DAY: "working day",
    DayReason.MAKEUP_WORKING_DAY: "make-up working day",
    DayReason.WEEKEND: "weekend",
    DayReason.HOLIDAY: "holiday",
    DayReason.CALENDAR_DAY: "calendar day",
    DayReason.ROLLED_FORWARD: "rolled forward (last day was not a working day)",
    DayReason.ROLLED_BACK: "rolled back to the last working day",
    DayReason.PAUSED: "paused (clock stopped)",
    DayReason.AWAITING_VERIFICATION: "awaiting identity verification",
    DayReason.VERIFIED: "identity verified (day 0)",
}
_WORKING = (DayReason.WORKING_DAY, DayReason.MAKEUP_WORKING_DAY)
_MARKS = {
    DayMark.ACK_DUE: "acknowledgement due",
    DayMark.INTERNAL_TARGET: "internal target",
    DayMark.DUE: "DUE",
    DayMark.EXTENSION_NOTICE_DUE: "extension notice due",
    DayMark.EXTENDED_DUE: "EXTENDED DUE",
}


def register(commands: Any) -> None:
    """Add the ``deadline`` sub-command to ``commands``.

    Values are parsed in the handler, not by argparse, so that bad input gives one line.
    """
    parser = commands.add_parser("deadline", help="compute and explain a statutory deadline")
    parser.add_argument("--jurisdiction", default="CN", help="rule set, e.g. CN, EU, US-CA")
    parser.add_argument("--kind", help="request kind, e.g. access, deletion, complaint")
    parser.add_argument("--received", help="receipt date YYYY-MM-DD in the rule's time zone")
    parser.add_argument("--time", help="receipt time HH:MM in the rule's time zone")
    parser.add_argument("--region", help="calendar region of the rule set, e.g. IE, DE, SCT")
    parser.add_argument("--pause", action="append", default=[], help="START:END or START:")
    parser.add_argument("--verified", help="identity verification date YYYY-MM-DD")
    parser.add_argument("--extend", action="store_true", help="use the rule's extension")
    parser.add_argument(
        "--built-in-calendar",
        action="store_true",
        help="count on the built-in holiday calendar only, without reading the schedules "
        "entered in the case database",
    )
    parser.set_defaults(handler=run_deadline)


def run_deadline(args: argparse.Namespace) -> int:
    """Compute the deadline asked for and print it with every day explained; status 0."""
    book = load_rule_book()
    kind = _kind(args.kind)
    zone, spec = _zone_and_calendar(book, args.jurisdiction, kind, args.region)
    received = datetime.combine(
        _date(args.received, "--received"), _time(args.time), ZoneInfo(zone)
    )
    verified = _verified(args.verified, received)
    pauses = [_pause(text) for text in args.pause]
    try:
        entered = calendar_data(args, spec)  # after the options are checked: a typo opens nothing
    except DatabaseInUseError:
        print(IN_USE_HINT, file=sys.stderr)
        raise
    deadline = compute_deadline(
        book, args.jurisdiction, kind, received, region=args.region, overrides=entered.overrides,
        pauses=pauses, verified_at=verified, extended=args.extend,
        as_of_date=datetime.now(UTC).astimezone(ZoneInfo(zone)).date(),
        internal_targets=load_internal_targets(),
    )  # fmt: skip
    print("\n".join(format_explanation(explain_deadline(deadline), entered)))
    return 0


def _verified(text: str | None, received: datetime) -> datetime | None:
    """Return the verification instant: the start of its day, or receipt if the same day."""
    if text is None:
        return None
    verified = datetime.combine(_date(text, "--verified"), time(0, 0), received.tzinfo)
    return received if verified.date() == received.date() else verified


def _kind(text: str | None) -> CaseKind:
    allowed = ", ".join(kind.value for kind in CaseKind)
    if text is None or text.strip().lower() not in CaseKind.__members__.values():
        shown = "missing" if text is None else repr(text[:24])
        raise DeadlineInputError(f"--kind {shown}: one of {allowed}")
    return CaseKind(text.strip().lower())


def _zone_and_calendar(
    book: RuleBook, jurisdiction: str, kind: CaseKind, region: str | None
) -> tuple[str, str]:
    """The time zone and calendar spec counted in: the region's, else the rule's."""
    rule_set = book.rule_set(jurisdiction)
    counted = rule_set.region(region) if region else rule_set.rule(kind)
    return counted.time_zone, counted.calendar


def _date(text: str | None, option: str) -> date:
    if text is None:
        raise DeadlineInputError(f"{option} is required (YYYY-MM-DD)")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise DeadlineInputError(f"{option} {text[:24]!r} is not a date YYYY-MM-DD") from None


def _time(text: str | None) -> time:
    if text is None:
        return time(12, 0)
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        raise DeadlineInputError(f"--time {text[:24]!r} is not a time HH:MM") from None


def _pause(text: str) -> ClockPause:
    start, separator, end = text.partition(":")
    if not separator:
        raise DeadlineInputError(f"--pause {text[:24]!r} must be START:END or START:")
    return ClockPause(
        _date(start, "--pause start"), _date(end, "--pause end") if end.strip() else None, "cli"
    )


def format_explanation(
    explanation: DeadlineExplanation, entered: CalendarData | None = None
) -> list[str]:
    """Return the printed lines: the rule, the calendar data used (``entered``, where given),
    the dates, then every day numbered, entered days with their entered names."""
    rules = _rule_lines(explanation)
    if entered is not None:
        years = {day.day.year for day in explanation.days}
        rules.insert(3, _field("Calendar data", entered.summary(years)))
    names = entered.day_names if entered is not None else {}
    return [*rules, *_date_lines(explanation), "", *_day_lines(explanation, names)]


def _rule_lines(explanation: DeadlineExplanation) -> list[str]:
    rule = explanation.deadline.rule
    standing = "policy, not statute" if explanation.is_policy else rule.basis.value
    start = "receipt" if rule.start.value == "received" else "identity verification"
    return [
        _field("Rule", f"{rule.code} {rule.kind.value} (rule set version {rule.version})"),
        _field("Period", f"{_period_text(rule.period.n, rule.period.unit.value)} from {start}"),
        _field("Calendar", f"{rule.calendar}, time zone {rule.time_zone}"),
        _field("Legal source", rule.source),
        _field("Standing", f"{standing.replace('_', ' ')}; confidence {rule.confidence.value}"),
        _field("Pauses", f"{'stop' if rule.pauses_stop_clock else 'do not stop'} the clock"),
    ]


def _date_lines(explanation: DeadlineExplanation) -> list[str]:
    deadline = explanation.deadline
    due = _day(deadline.due_date)
    if deadline.provisional:
        years = ", ".join(str(year) for year in deadline.provisional_years)
        due += f" PROVISIONAL (no official holiday schedule for {years})"
    lines = [_field("Received", _day(deadline.received_date)), _field("Due", due)]
    if deadline.clock_start_date != deadline.received_date:
        lines.insert(1, _field("Clock starts", f"{_day(deadline.clock_start_date)} (verified)"))
    lines += _optional_lines(explanation)
    return lines


def _optional_lines(explanation: DeadlineExplanation) -> list[str]:
    deadline = explanation.deadline
    lines = []
    if deadline.awaiting_verification:
        lines.append(_field("Verification", "awaiting; the due date may move once verified"))
    if deadline.paused_open:
        lines.append(_field("Paused", f"still paused; dates assume it ends {deadline.as_of_date}"))
    elif deadline.pauses and not deadline.pauses_ignored:
        lines.append(_field("Paused", f"{deadline.paused_day_count} day(s) inside the period"))
    if deadline.pauses_ignored:
        lines.append(_field("Paused", "pauses ignored: this rule does not stop the clock"))
    named = [
        ("Acknowledgement", deadline.ack_due_date, "none required"),
        ("Extension notice", deadline.extension_notice_due_date, "no extension in this rule"),
        ("Extended due", deadline.extended_due_date, "no extension in this rule"),
        ("Internal target", deadline.internal_target_date, "none set"),
    ]
    lines += [_field(label, _day(day) if day else missing) for label, day, missing in named]
    if deadline.internal_target_date is not None:
        lines[-1] += " (company policy, not law)"
    if deadline.extended:
        lines.append(
            _field("Effective due", f"{_day(deadline.effective_due_date)} (extension used)")
        )
    return lines


def _day_lines(explanation: DeadlineExplanation, names: Mapping[date, str]) -> list[str]:
    header = f"{'line':>4}  {'date':<10} {'day':<3}  {'counts':<6} {'count':>5}  why"
    calendar = explanation.deadline.rule.calendar
    return [header, *(_day_line(day, calendar, names.get(day.day)) for day in explanation.days)]


def _day_line(day: ExplainedDay, calendar: str, entered: str | None) -> str:
    """One numbered day; ``entered`` is the day's name where it was entered in the database
    (``""`` without one), ``None`` where the built-in calendar decides it."""
    why = _why(day.why, day.day, calendar, entered)
    plain = day.why is DayReason.CALENDAR_DAY and day.calendar_reason in _WORKING
    if day.calendar_reason is not None and not plain:
        why += f" ({_why(day.calendar_reason, day.day, calendar, entered)})"
    if day.holiday_name and entered is None:
        why += f": {day.holiday_name}"
    marks = ", ".join(_MARKS[mark] for mark in sorted(day.marks))
    counts = "yes" if day.counted else "no"
    return (
        f"{day.line:>4}  {day.day.isoformat()} {_WEEKDAYS[day.weekday]}  {counts:<6} "
        f"{day.running_count:>5}  {why}" + (f"  <- {marks}" if marks else "")
    )


def _why(reason: DayReason, day: date, calendar: str, entered: str | None = None) -> str:
    """Return ``reason`` in words; a make-up working day of ``calendar`` (e.g. ``holidays:CN``)
    names the holiday it makes up for ("make-up working day for National Day"), as Settings
    does. A day entered in the database says so, with its entered name ("holiday: 春节
    (entered)")."""
    if entered is not None and reason in (*_WORKING, DayReason.HOLIDAY):
        name = visible_file_name(" ".join(entered.split()))
        joint = " for" if reason is DayReason.MAKEUP_WORKING_DAY else ":"
        return _WHY[reason] + (f"{joint} {name}" if name else "") + " (entered)"
    holiday = made_up_holiday(calendar, day) if reason is DayReason.MAKEUP_WORKING_DAY else None
    return _WHY[reason] + (f" for {holiday.name}" if holiday is not None else "")


def _period_text(n: int, unit: str) -> str:
    words = unit.replace("_", " ")
    return f"{n} {words.removesuffix('s') if n == 1 else words}"


def _field(label: str, value: str) -> str:
    return f"{label + ':':<18}{value}"


def _day(day: date) -> str:
    return f"{day.isoformat()} ({_WEEKDAYS[day.weekday()]})"

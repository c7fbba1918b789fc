"""The day-by-day explanation of a deadline, as plain data for the CLI and the GUI.

No sentences here (STYLE.md §11): enums, numbers and dates; the CLI and the Qt widget turn them
into words. The days run from the day after receipt (from receipt itself where the rule counts it
as day 1) to the last relevant date: the due date after any roll-forward, or the extended due
date when the extension is used.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.services.deadlines.calendars import DayReason
from app.services.deadlines.compute import Deadline
from app.services.deadlines.counting import CountedDay
from app.services.deadlines.rules import Basis

_WAITING = frozenset({DayReason.AWAITING_VERIFICATION, DayReason.VERIFIED})


class ClockPart(StrEnum):
    """Which part of the clock a day belongs to."""

    WAITING = "waiting"  # after receipt, before the clock starts on verification
    PERIOD = "period"  # the statutory period, its pauses and its roll-forward
    EXTENSION = "extension"  # after the original due date, up to the extended due date


class DayMark(StrEnum):
    """A date the deadline names, shown against its day."""

    ACK_DUE = "ack_due"
    INTERNAL_TARGET = "internal_target"
    DUE = "due"
    EXTENSION_NOTICE_DUE = "extension_notice_due"
    EXTENDED_DUE = "extended_due"


@dataclass(frozen=True)
class ExplainedDay:
    """One line of the breakdown.

    ``line`` numbers the lines from 1; ``running_count`` is the number of days counted towards
    the period so far (working days or calendar days, as the rule counts); ``weekday`` is 0 for
    Monday. ``calendar_reason`` and ``holiday_name`` as in ``CountedDay``.
    """

    line: int
    day: date
    weekday: int
    counted: bool
    why: DayReason
    calendar_reason: DayReason | None
    holiday_name: str | None
    running_count: int
    part: ClockPart
    marks: frozenset[DayMark]


@dataclass(frozen=True)
class DeadlineExplanation:
    """A deadline and its breakdown; ``is_policy`` says the period is policy, not statute."""

    deadline: Deadline
    days: tuple[ExplainedDay, ...]

    @property
    def is_policy(self) -> bool:
        """Return whether the rule is an internal target rather than law (JP, IN, BR defaults)."""
        return self.deadline.rule.basis is Basis.POLICY


def explain_deadline(deadline: Deadline) -> DeadlineExplanation:
    """Return the day-by-day breakdown of ``deadline`` (plain data, no sentences).

    Args:
        deadline: a result of ``compute_deadline``.

    Returns:
        A ``DeadlineExplanation`` whose days run to the effective due date.
    """
    marks = _marks(deadline)
    rows = [*_period_rows(deadline), *_extension_rows(deadline)]
    return DeadlineExplanation(
        deadline,
        tuple(_line(number, *row, marks) for number, row in enumerate(rows, start=1)),
    )


def _period_rows(deadline: Deadline) -> list[tuple[CountedDay, int, ClockPart]]:
    rows, running = [], 0
    for day in deadline.counted_days:
        running += day.counted
        rows.append((day, running, ClockPart.WAITING if day.why in _WAITING else ClockPart.PERIOD))
    return rows


def _extension_rows(deadline: Deadline) -> list[tuple[CountedDay, int, ClockPart]]:
    """Return the extended period's days after the original due date.

    The extended period is counted from the clock start on its own, so its running count is
    that of its own days, not a continuation of the original period's roll-forward.
    """
    if not deadline.extended:
        return []
    rows, running = [], 0
    for day in deadline.extended_counted_days:
        running += day.counted
        if day.day > deadline.due_date:
            rows.append((day, running, ClockPart.EXTENSION))
    return rows


def _marks(deadline: Deadline) -> dict[date, frozenset[DayMark]]:
    named = {
        DayMark.ACK_DUE: deadline.ack_due_date,
        DayMark.INTERNAL_TARGET: deadline.internal_target_date,
        DayMark.DUE: deadline.due_date,
        DayMark.EXTENSION_NOTICE_DUE: deadline.extension_notice_due_date,
        DayMark.EXTENDED_DUE: deadline.extended_due_date if deadline.extended else None,
    }
    marks: dict[date, frozenset[DayMark]] = {}
    for mark, day in named.items():
        if day is not None:
            marks[day] = marks.get(day, frozenset()) | {mark}
    return marks


def _line(
    line: int,
    counted_day: CountedDay,
    running: int,
    part: ClockPart,
    marks: dict[date, frozenset[DayMark]],
) -> ExplainedDay:
    return ExplainedDay(
        line=line,
        day=counted_day.day,
        weekday=counted_day.day.weekday(),
        counted=counted_day.counted,
        why=counted_day.why,
        calendar_reason=counted_day.calendar_reason,
        holiday_name=counted_day.holiday_name,
        running_count=running,
        part=part,
        marks=marks.get(counted_day.day, frozenset()),
    )

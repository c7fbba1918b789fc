"""A calendar date a regulator's letter states as its deadline ("于2026年12月3日内", "12月3日前",
"by 3 December 2026"), resolved against the receipt for ``app.services.regulator_deadline``.

The date is due as written: no period is counted and no day off moves it (民法典 art. 203
extends periods; the regulator chose the date, and answering early is never late). A date
without a year is the next such date on or after the receipt. A date before the receipt is the
letter's account of events, not its limit (``BEFORE_RECEIPT``). Where the date cannot be
trusted (an impossible day, day and month order unclear, a year-less date that would only come
round again months later, one more than a year ahead) none is taken: a person reads the letter.
"""

from datetime import date, timedelta
from typing import Literal

from app.services.intake.stated_limit_dates import StatedDate

# A year-less date ("12月3日前") further ahead than this from the receipt is more likely this
# year's date already past (a letter delayed, or its account of events) than next year's.
_YEARLESS_HORIZON = timedelta(days=183)
# A stated date further ahead is no reply deadline (a mistyped year): a person decides.
_STATED_DATE_HORIZON = timedelta(days=366)
# A stated date before the receipt: the letter's account of events, not its limit.
BEFORE_RECEIPT: Literal["before_receipt"] = "before_receipt"


def resolve_stated_date(
    stated: StatedDate, received: date
) -> date | Literal["before_receipt"] | None:
    """Return the date a letter states as its deadline, on or after ``received`` (the local
    receipt date).

    Returns:
        The date; ``BEFORE_RECEIPT`` for a date already past at receipt (year-less: not due
        again within the horizon; of unclear order: past either way); ``None`` where a person
        must read it (an impossible day, unclear order, implausibly far ahead).
    """
    if stated.ambiguous:
        readings = (
            StatedDate(stated.year, stated.month, stated.day),
            StatedDate(stated.year, stated.day, stated.month),
        )
        past = all(resolve_stated_date(reading, received) == BEFORE_RECEIPT for reading in readings)
        return BEFORE_RECEIPT if past else None
    if stated.year is None:
        due = _next_on_or_after(stated.month, stated.day, received)
        if due is not None and due - received <= _YEARLESS_HORIZON:
            return due
        # Not due again soon: past at receipt where it came round in the year before it.
        past = due is not None and _fell_in_year_before(stated.month, stated.day, received)
        return BEFORE_RECEIPT if past else None
    try:
        due = date(stated.year, stated.month, stated.day)
    except ValueError:
        return None
    if due < received:
        return BEFORE_RECEIPT
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

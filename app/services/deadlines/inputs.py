"""Checks of the inputs of ``compute_deadline``, before any date arithmetic: aware instants,
verification not before receipt, and dates inside the range deadlines are counted for."""

from collections.abc import Sequence
from datetime import date, datetime

from app.errors import DateOutOfRangeError, DeadlineInputError
from app.services.deadlines.pauses import ClockPause

# The dates counted: holiday data and month arithmetic are meaningful here, and a period of a
# few months from the last day still fits in ``datetime`` (whose year 9999 is the end).
EARLIEST_COUNTED_DATE = date(1970, 1, 1)
LATEST_COUNTED_DATE = date(2200, 12, 31)


def check_instants(received_at: datetime, verified_at: datetime | None) -> None:
    """Refuse naive instants and a verification before receipt.

    Raises:
        ValueError: ``received_at`` or ``verified_at`` is naive.
        DeadlineInputError: ``verified_at`` is before ``received_at``.
    """
    for instant in (received_at, verified_at):
        if instant is not None and (instant.tzinfo is None or instant.utcoffset() is None):
            raise ValueError("received_at and verified_at must be timezone-aware")
    if verified_at is not None and verified_at < received_at:
        raise DeadlineInputError("identity cannot be verified before the request was received")


def is_countable(day: date) -> bool:
    """Return whether deadlines can be counted from ``day`` (see ``EARLIEST_COUNTED_DATE``)."""
    return EARLIEST_COUNTED_DATE <= day <= LATEST_COUNTED_DATE


def check_range(
    received_at: datetime,
    verified_at: datetime | None,
    pauses: Sequence[ClockPause],
    as_of_date: date | None,
) -> None:
    """Refuse dates the engine cannot count, before any arithmetic overflows on them (the
    instants' own dates: converting them to the rule's zone could overflow already).

    Raises:
        DateOutOfRangeError: a date outside ``EARLIEST_COUNTED_DATE``..``LATEST_COUNTED_DATE``.
    """
    named = [("receipt", received_at.date()), ("as-of", as_of_date)]
    named += [("verification", verified_at.date() if verified_at else None)]
    named += [("pause", day) for pause in pauses for day in (pause.start_date, pause.end_date)]
    for label, day in named:
        if day is not None and not is_countable(day):
            raise DateOutOfRangeError(
                f"The {label} date {day.isoformat()} is outside the dates deadlines are "
                f"counted for ({EARLIEST_COUNTED_DATE.isoformat()} to "
                f"{LATEST_COUNTED_DATE.isoformat()}); check the date."
            )

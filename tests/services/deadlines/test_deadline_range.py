"""Dates the engine cannot count (year 9999, year 1) are refused with a clear error."""

from datetime import UTC, date, datetime

import pytest

from app.errors import DateOutOfRangeError, DeadlineInputError
from app.models.enums import CaseKind
from app.services.deadlines import ClockPause, RuleBook, compute_deadline


@pytest.mark.parametrize(
    ("jurisdiction", "received_at", "shown"),
    [
        ("CN", datetime(9999, 12, 31, 12, 0, tzinfo=UTC), "9999-12-31"),  # was OverflowError
        ("EU", datetime(9999, 12, 15, 12, 0, tzinfo=UTC), "9999-12-15"),  # was year 10000
        ("CN", datetime(1, 1, 1, 12, 0, tzinfo=UTC), "0001-01-01"),  # was "no schedule for 1"
        ("CN", datetime(2201, 1, 1, 0, 0, tzinfo=UTC), "2201-01-01"),
        ("EU", datetime(1969, 12, 31, 23, 59, tzinfo=UTC), "1969-12-31"),
    ],
)
def test_a_receipt_outside_the_counted_years_is_refused(
    rule_book: RuleBook, jurisdiction: str, received_at: datetime, shown: str
) -> None:
    with pytest.raises(DateOutOfRangeError) as refused:
        compute_deadline(rule_book, jurisdiction, CaseKind.ACCESS, received_at)
    assert isinstance(refused.value, DeadlineInputError)
    assert str(refused.value) == (
        f"The receipt date {shown} is outside the dates deadlines are counted for "
        "(1970-01-01 to 2200-12-31); check the date."
    )


def test_the_last_counted_year_still_counts(rule_book: RuleBook) -> None:
    # EU, Art. 12(3) + Reg. 1182/71 art. 3: received Mon 15 Dec 2200, one month later is
    # Thu 15 Jan 2201 (a working day); the extension runs three months from receipt to
    # Sun 15 Mar 2201, which rolls to the next working day, Mon 16 Mar (art. 3(4)).
    received = datetime(2200, 12, 15, 10, 0, tzinfo=UTC)
    deadline = compute_deadline(rule_book, "EU", CaseKind.ACCESS, received, extended=True)
    assert (deadline.due_date, deadline.extended_due_date) == (
        date(2201, 1, 15),
        date(2201, 3, 16),
    )


def test_a_pause_outside_the_counted_years_is_refused(rule_book: RuleBook) -> None:
    received = datetime(2026, 9, 30, 2, 0, tzinfo=UTC)
    pause = ClockPause(date(2026, 10, 8), date(9999, 12, 31), "identity")
    with pytest.raises(DateOutOfRangeError, match="The pause date 9999-12-31 is outside"):
        compute_deadline(rule_book, "CN", CaseKind.DELETION, received, pauses=[pause])

"""Hong Kong: IGCO (Cap. 1) s.71(1)(b) — if the last day of a period of days is a public holiday
(every Sunday and each general holiday of the General Holidays Ordinance, Cap. 149 [M on the
s.3 definition]), the period includes the next day that is not one [V: s.71 text, scribd copy
of Cap. 1 as at 15/02/2017]. Cap. 149's Schedule lists Good Friday, the day following Good
Friday and Easter Monday among them [V: hklii.org Cap. 149 Schedule]; the Employment
Ordinance's statutory holidays (the `holidays` package's default HK list) lack the first two.
"""

from datetime import date

import pytest

from app.models.enums import CaseKind
from app.services.deadlines import DayReason, RuleBook, WorkingCalendar
from tests.services.deadlines.deadline_cases import worked_deadline


@pytest.mark.parametrize(
    "received",
    [
        # Sun 22 Feb 2026: 23-28 Feb = 6, March = 31 (37), 1-3 Apr → day 40 is Fri 3 Apr, Good
        # Friday → Sat 4 (day following Good Friday) → Sun 5 → Mon 6 (day following Ching
        # Ming, which fell on Sunday; Easter Monday) → Tue 7 (day following Easter Monday)
        # → Wed 8 Apr 2026.
        "2026-02-22T02:00:00+00:00",
        # Mon 23 Feb 2026: day 40 is Sat 4 Apr, the day following Good Friday → Wed 8 Apr.
        "2026-02-23T02:00:00+00:00",
    ],
)
def test_40_days_ending_at_easter_roll_past_every_general_holiday(
    rule_book: RuleBook, received: str
) -> None:
    deadline = worked_deadline(rule_book, "HK", CaseKind.ACCESS, received)
    assert deadline.due_date == date(2026, 4, 8)


def test_hong_kong_calendar_is_the_general_holidays() -> None:
    calendar = WorkingCalendar("holidays:HK")
    assert calendar.reason(date(2026, 4, 3)) is DayReason.HOLIDAY  # Good Friday
    assert calendar.reason(date(2026, 4, 4)) is DayReason.HOLIDAY  # the day following it
    assert calendar.reason(date(2026, 4, 7)) is DayReason.HOLIDAY
    assert calendar.reason(date(2026, 4, 8)) is DayReason.WORKING_DAY
    assert calendar.reason(date(2026, 4, 11)) is DayReason.WORKING_DAY  # a plain Saturday

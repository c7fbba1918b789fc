"""California: CCP §12a rolls a last day only past a Saturday or a judicial holiday (CCP §135),
not past every state holiday the ``holidays`` package lists for US-CA.

CCP §12a(a): a period whose last day is a holiday is extended to the next day that is not a
holiday; "holiday" there means every Saturday and the holidays of CCP §135 [V-2nd: reference
§2.1 (michaelreiterlaw)]. CCP §135 makes the Government Code §6700 state holidays judicial
holidays with exceptions; AB 268 (Stats. 2025, ch. 358) added Diwali to Gov. Code §6700 and to
those exceptions: "would not be recognized as a judicial holiday" [V: calmatters digital
democracy AB 268 digest; lcwlegal.com]. Susan B. Anthony Day (15 Feb) is not a day the courts
close [M]; not rolling past it is the safe side either way (a day earlier at most).
"""

from datetime import date

from app.models.enums import CaseKind
from app.services.deadlines import DayReason, RuleBook, WorkingCalendar
from app.services.deadlines.calendars import ignored_holiday_names
from tests.services.deadlines.deadline_cases import worked_deadline


def test_45_days_ending_on_diwali_do_not_roll(rule_book: RuleBook) -> None:
    # Received Tue 14 Sep 2027 (10:00 in Los Angeles). Civ. Code §10 excludes the first day:
    # 15-30 Sep = 16 days, 1-29 Oct = 29 days → day 45 is Fri 29 Oct 2027, Diwali: a state
    # holiday but not a judicial one, so no roll (the library's list would give Mon 1 Nov).
    deadline = worked_deadline(rule_book, "US-CA", CaseKind.ACCESS, "2027-09-14T17:00:00+00:00")
    assert deadline.received_date == date(2027, 9, 14)
    assert deadline.due_date == date(2027, 10, 29)
    assert deadline.extension_notice_due_date == date(2027, 10, 29)
    # 90 days: 29 Oct + 45 = (2 left in Oct) + 30 Nov + 13 Dec → Mon 13 Dec 2027.
    assert deadline.extended_due_date == date(2027, 12, 13)


def test_ten_business_days_count_diwali_as_a_business_day(rule_book: RuleBook) -> None:
    # §7021(a) acknowledgement, received Fri 15 Oct 2027: 18-22 Oct = 1-5, 25-28 Oct = 6-9,
    # Fri 29 Oct (Diwali, businesses and courts open) = 10 → Fri 29 Oct, not Mon 1 Nov.
    deadline = worked_deadline(rule_book, "US-CA", CaseKind.DELETION, "2027-10-15T17:00:00+00:00")
    assert deadline.ack_due_date == date(2027, 10, 29)


def test_receipt_on_new_year_and_end_on_susan_b_anthony_day(rule_book: RuleBook) -> None:
    # Received Sat 1 Jan 2028 (a holiday: the clock still starts the next day, Civ. Code §10):
    # 2-31 Jan = 30 days, 1-15 Feb = 15 → day 45 is Tue 15 Feb 2028, Susan B. Anthony Day:
    # not a judicial holiday, kept (the library's list would give Wed 16 Feb).
    deadline = worked_deadline(rule_book, "US-CA", CaseKind.ACCESS, "2028-01-01T20:00:00+00:00")
    assert deadline.received_date == date(2028, 1, 1)
    assert deadline.due_date == date(2028, 2, 15)


def test_a_judicial_holiday_still_rolls(rule_book: RuleBook) -> None:
    # Control: received Tue 15 Feb 2028: 16-29 Feb = 14 days (leap year), 1-31 Mar = 31 → day
    # 45 is Fri 31 Mar 2028, Cesar Chavez Day (a judicial holiday) → Sat 1 Apr (a §12a
    # holiday) → Sun 2 Apr → Mon 3 Apr 2028.
    deadline = worked_deadline(rule_book, "US-CA", CaseKind.ACCESS, "2028-02-15T18:00:00+00:00")
    assert deadline.due_date == date(2028, 4, 3)


def test_day_shared_with_a_judicial_holiday_stays_off_under_its_name() -> None:
    # Mon 15 Feb 2027 is both Presidents' Day (judicial holiday) and Susan B. Anthony Day.
    calendar = WorkingCalendar("holidays:US-CA")
    assert calendar.reason(date(2027, 2, 15)) is DayReason.HOLIDAY
    assert calendar.holiday_name(date(2027, 2, 15)) == "Presidents' Day"
    assert calendar.reason(date(2027, 10, 29)) is DayReason.WORKING_DAY
    assert calendar.holiday_name(date(2027, 10, 29)) is None


def test_every_ignored_name_is_one_the_library_uses() -> None:
    # A renamed holiday in a later `holidays` release would silently stop being ignored.
    import holidays

    for spec, names in ignored_holiday_names().items():
        country, _, subdivision = spec.removeprefix("holidays:").partition("-")
        library = holidays.country_holidays(
            country, subdiv=subdivision or None, years=range(2026, 2031)
        )
        used = {name for day in library for name in library.get_list(day)}
        assert names <= used, (spec, names - used)

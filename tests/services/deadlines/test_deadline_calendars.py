"""China calendar edge cases (deadlines.md §2.2 "Extra unit tests"), overrides, regions."""

from datetime import date, datetime

import holidays
import pytest

from app.errors import UnknownRuleError
from app.models.enums import CaseKind
from app.services.deadlines import (
    CalendarOverrides,
    DayReason,
    RuleBook,
    WorkingCalendar,
    YearOverride,
    compute_deadline,
)
from app.services.deadlines.calendars import official_years

ZH05_RECEIVED = datetime.fromisoformat("2026-12-24T03:20:00+00:00")


def test_receipt_on_makeup_saturday_is_day_zero(rule_book: RuleBook) -> None:
    # Sat 10 Oct 2026 is a 调休 working day; counting starts Sun 11 Oct:
    # 12-16 Oct = 1-5, 19-23 = 6-10, 26-30 = 11-15 → Fri 30 Oct (29 Oct if receipt counted).
    received = datetime.fromisoformat("2026-10-10T02:00:00+00:00")
    deadline = compute_deadline(rule_book, "CN", CaseKind.DELETION, received)
    assert deadline.received_date == date(2026, 10, 10)
    assert deadline.counted_days[0].day == date(2026, 10, 11)
    assert deadline.due_date == date(2026, 10, 30)


def test_receipt_on_holiday_is_day_zero(rule_book: RuleBook) -> None:
    # Thu 1 Jan 2026 (元旦, off 1-3 Jan; Sun 4 Jan worked): 4 Jan = 1, 5-9 = 2-6,
    # 12-16 = 7-11, 19-22 = 12-15 → Thu 22 Jan 2026.
    received = datetime.fromisoformat("2026-01-01T04:00:00+00:00")
    deadline = compute_deadline(rule_book, "CN", CaseKind.ACCESS, received)
    assert deadline.due_date == date(2026, 1, 22)
    assert deadline.counted_days[0].day == date(2026, 1, 2)
    assert deadline.counted_days[2].why is DayReason.MAKEUP_WORKING_DAY


def test_makeup_day_in_previous_year_is_honoured(rule_book: RuleBook) -> None:
    # The 2002 notice made Sat 29 and Sun 30 Dec 2001 working days, 1-3 Jan 2002 off:
    # 29, 30, 31 Dec = 1-3, Fri 4 Jan = 4, 7-11 = 5-9, 14-18 = 10-14, Mon 21 Jan 2002 = 15.
    received = datetime.fromisoformat("2001-12-28T02:00:00+00:00")
    deadline = compute_deadline(rule_book, "CN", CaseKind.ACCESS, received)
    assert deadline.counted_days[0].day == date(2001, 12, 29)
    assert deadline.counted_days[0].why is DayReason.MAKEUP_WORKING_DAY
    assert deadline.due_date == date(2002, 1, 21)
    assert deadline.provisional is False


def test_override_makeup_day_in_previous_year_is_honoured() -> None:
    sunday = date(2026, 12, 27)
    overrides = CalendarOverrides(
        "holidays:CN", {2027: YearOverride(working_days=frozenset({sunday}))}
    )
    assert WorkingCalendar("holidays:CN").reason(sunday) is DayReason.WEEKEND
    assert WorkingCalendar("holidays:CN", overrides=overrides).reason(sunday) is (
        DayReason.MAKEUP_WORKING_DAY
    )


def test_time_zone_edge_is_next_day_in_shanghai(rule_book: RuleBook) -> None:
    received = datetime.fromisoformat("2026-03-01T17:30:00+00:00")
    deadline = compute_deadline(rule_book, "CN", CaseKind.ACCESS, received)
    assert deadline.received_date == date(2026, 3, 2)
    eu = compute_deadline(rule_book, "EU", CaseKind.ACCESS, received)
    assert eu.received_date == date(2026, 3, 1)


def test_naive_datetime_is_rejected(rule_book: RuleBook) -> None:
    with pytest.raises(ValueError):
        compute_deadline(rule_book, "CN", CaseKind.ACCESS, datetime(2026, 3, 2, 9, 0))  # noqa: DTZ001


@pytest.mark.parametrize(
    ("jurisdiction", "kind"),
    [("XX", CaseKind.ACCESS), ("CN", CaseKind.NOT_A_REQUEST), ("CN", CaseKind.REMINDER),
     ("EU", CaseKind.CONSENT_WITHDRAWAL)],
)  # fmt: skip
def test_unknown_rule(rule_book: RuleBook, jurisdiction: str, kind: CaseKind) -> None:
    assert rule_book.has_rule(jurisdiction, kind) is False
    with pytest.raises(UnknownRuleError):
        compute_deadline(rule_book, jurisdiction, kind, ZH05_RECEIVED)


def test_official_2027_override_makes_zh05_final(rule_book: RuleBook) -> None:
    # A hypothetical 2027 notice: 元旦 1-3 Jan off, nothing else before mid-January.
    schedule = YearOverride(holidays=frozenset({date(2027, 1, 1)}), official=True, source="test")
    overrides = CalendarOverrides("holidays:CN", {2027: schedule})
    deadline = compute_deadline(
        rule_book, "CN", CaseKind.ACCOUNT_CANCELLATION, ZH05_RECEIVED, overrides=overrides
    )
    assert deadline.due_date == date(2027, 1, 15)
    assert deadline.provisional is False and deadline.provisional_years == ()


def test_official_override_replaces_estimated_library_days() -> None:
    estimated = date(2027, 2, 9)  # holidays 0.109's fake "(observed)" Spring Festival day
    assert WorkingCalendar("holidays:CN").reason(estimated) is DayReason.HOLIDAY
    overrides = CalendarOverrides("holidays:CN", {2027: YearOverride(official=True)})
    assert WorkingCalendar("holidays:CN", overrides=overrides).is_working_day(estimated)


def test_override_with_makeup_saturday_moves_zh05(rule_book: RuleBook) -> None:
    # If the 2027 notice made Sat 9 Jan a working day, the 15th working day is Thu 14 Jan.
    schedule = YearOverride(
        holidays=frozenset({date(2027, 1, 1)}), working_days=frozenset({date(2027, 1, 9)})
    )
    overrides = CalendarOverrides("holidays:CN", {2027: schedule})
    deadline = compute_deadline(
        rule_book, "CN", CaseKind.ACCOUNT_CANCELLATION, ZH05_RECEIVED, overrides=overrides
    )
    assert deadline.due_date == date(2027, 1, 14)


def test_overrides_of_another_calendar_are_ignored(rule_book: RuleBook) -> None:
    overrides = CalendarOverrides("holidays:IE", {2027: YearOverride(official=True)})
    deadline = compute_deadline(
        rule_book, "CN", CaseKind.ACCOUNT_CANCELLATION, ZH05_RECEIVED, overrides=overrides
    )
    assert deadline.provisional_years == (2027,)


def test_official_years_match_installed_holidays_data() -> None:
    # Every official year must have make-up working days in the installed library data
    # (every State Council notice since 2001 has had some); 2027 has none yet.
    china = holidays.country_holidays("CN", years=range(2001, 2028))
    years_with_makeup = {day.year for day in china.weekend_workdays}
    listed = official_years()["holidays:CN"]
    assert 2027 not in listed and 2026 in listed
    assert all(year in years_with_makeup or year + 1 in years_with_makeup for year in listed)


@pytest.mark.parametrize(
    ("region", "received", "due"),
    [
        (None, "2025-09-03T10:00:00+00:00", date(2025, 10, 3)),  # Fri 3 Oct: no Irish holiday
        ("DE", "2025-09-03T10:00:00+00:00", date(2025, 10, 6)),  # Tag der Deutschen Einheit
        (None, "2026-02-17T10:00:00+00:00", date(2026, 3, 18)),  # St Patrick's Day, Tue 17 Mar
        ("DE", "2026-02-17T10:00:00+00:00", date(2026, 3, 17)),
    ],
)
def test_eu_member_state_calendar(
    rule_book: RuleBook, region: str | None, received: str, due: date
) -> None:
    deadline = compute_deadline(
        rule_book, "EU", CaseKind.ACCESS, datetime.fromisoformat(received), region=region
    )
    assert deadline.due_date == due
    assert deadline.rule.calendar == f"holidays:{region or 'IE'}"


def test_unknown_region(rule_book: RuleBook) -> None:
    with pytest.raises(UnknownRuleError):
        compute_deadline(rule_book, "EU", CaseKind.ACCESS, ZH05_RECEIVED, region="US")

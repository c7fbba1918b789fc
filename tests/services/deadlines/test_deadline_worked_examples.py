"""Worked examples of reference/deadlines.md §2.2, dates typed in from that table."""

from datetime import date

import pytest

from app.models.enums import CaseKind
from app.services.deadlines import DayReason, RuleBook, compute_deadline
from tests.services.deadlines.deadline_cases import receipt_instant, worked_deadline


def test_e1_gdpr_month_without_same_date_ends_last_day_then_rolls(rule_book: RuleBook) -> None:
    # Sat 31 Jan 2026 → Sat 28 Feb (art. 3(2)(c)) → Mon 2 Mar (art. 3(4)).
    deadline = worked_deadline(rule_book, "EU", CaseKind.ACCESS, "2026-01-31T12:00:00+00:00")
    assert deadline.received_date == date(2026, 1, 31)
    assert deadline.due_date == date(2026, 3, 2)
    assert deadline.provisional is False


def test_e2_gdpr_month_in_leap_year(rule_book: RuleBook) -> None:
    deadline = worked_deadline(rule_book, "EU", CaseKind.ACCESS, "2028-01-31T12:00:00+00:00")
    assert deadline.due_date == date(2028, 2, 29)


def test_e3_gdpr_extension_counted_from_receipt(rule_book: RuleBook) -> None:
    deadline = worked_deadline(rule_book, "EU", CaseKind.DELETION, "2026-01-15T09:00:00+00:00")
    assert deadline.due_date == date(2026, 2, 16)  # Sun 15 Feb rolls to Mon 16 Feb
    assert deadline.extension_notice_due_date == date(2026, 2, 16)
    assert deadline.extended_due_date == date(2026, 4, 15)


def test_e6_china_15_working_days_over_national_day(rule_book: RuleBook) -> None:
    received_at = receipt_instant("2026-09-30T02:00:00+00:00")  # 10:00 in Shanghai, Wed 30 Sep
    deadline = compute_deadline(rule_book, "CN", CaseKind.ACCOUNT_CANCELLATION, received_at)
    assert deadline.due_date == date(2026, 10, 27)
    assert deadline.due_date not in (date(2026, 10, 28), date(2026, 10, 21))  # the two wrong ones
    assert deadline.extended_due_date is None
    assert deadline.provisional is False
    by_day = {counted.day: counted for counted in deadline.counted_days}
    assert by_day[date(2026, 10, 10)].why is DayReason.MAKEUP_WORKING_DAY
    assert by_day[date(2026, 10, 10)].counted
    assert not any(by_day[date(2026, 10, d)].counted for d in range(1, 8))
    assert all(by_day[date(2026, 10, d)].why is DayReason.HOLIDAY for d in (1, 2, 5, 6, 7))
    assert deadline.counted_days[0].day == date(2026, 10, 1)
    assert deadline.counted_days[-1].day == date(2026, 10, 27)
    assert sum(counted.counted for counted in deadline.counted_days) == 15


@pytest.mark.parametrize("kind", [CaseKind.COMPLAINT, CaseKind.CORRECTION, CaseKind.DELETION])
def test_e6_same_date_for_every_15_working_day_kind(rule_book: RuleBook, kind: CaseKind) -> None:
    deadline = worked_deadline(rule_book, "CN", kind, "2026-09-30T02:00:00+00:00")
    assert deadline.due_date == date(2026, 10, 27)


def test_e7_china_15_working_days_over_spring_festival(rule_book: RuleBook) -> None:
    deadline = worked_deadline(rule_book, "CN", CaseKind.COMPLAINT, "2026-02-12T03:00:00+00:00")
    assert deadline.due_date == date(2026, 3, 11)
    counted = [day.day for day in deadline.counted_days if day.counted]
    assert date(2026, 2, 14) in counted and date(2026, 2, 28) in counted  # 调休 Saturdays
    assert not any(date(2026, 2, 15) <= day <= date(2026, 2, 23) for day in counted)

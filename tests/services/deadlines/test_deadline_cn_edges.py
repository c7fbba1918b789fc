"""China, 15 working days (2019 App认定方法 [V-2nd]; rules/cn.toml): edge cases counted by hand.

Counting: the receipt day is day 0 (民法典 art. 201: "开始的当日不计入，自下一日开始计算");
working days follow the State Council's 2026 schedule [V: gmw.cn 2025-11-04 full text;
resources/calendars/official_years.toml]: 调休 make-up working days Sun 20 Sep and Sat 10 Oct
count; Mid-Autumn Fri 25 Sep and National Day 1-7 Oct are off. The receipt date is the date in
Asia/Shanghai.
"""

from datetime import date

import pytest

from app.models.enums import CaseKind
from app.services.deadlines import ClockPause, DayReason, RuleBook
from tests.services.deadlines.deadline_cases import worked_deadline

E6_RECEIVED = "2026-09-30T02:00:00+00:00"  # 10:00 on Wed 30 Sep 2026 in Shanghai


def test_period_ending_on_a_makeup_saturday_ends_there(rule_book: RuleBook) -> None:
    # Received Mon 14 Sep 2026: 15-18 Sep = 1-4, Sun 20 Sep (调休) = 5, 21-24 = 6-9 (Fri 25 is
    # Mid-Autumn), 28-30 = 10-12, 1-7 Oct off, Thu 8 = 13, Fri 9 = 14, Sat 10 Oct (调休) = 15.
    deadline = worked_deadline(rule_book, "CN", CaseKind.DELETION, "2026-09-14T02:00:00+00:00")
    assert deadline.due_date == date(2026, 10, 10)
    assert deadline.counted_days[-1].why is DayReason.MAKEUP_WORKING_DAY
    assert sum(day.counted for day in deadline.counted_days) == 15


@pytest.mark.parametrize(
    ("received", "local_date", "due"),
    [
        # 15:30 UTC = 23:30 on Tue 29 Sep in Shanghai: 30 Sep = 1, 8-9 Oct = 2-3, Sat 10 = 4,
        # 12-16 = 5-9, 19-23 = 10-14, Mon 26 Oct = 15.
        ("2026-09-29T15:30:00+00:00", date(2026, 9, 29), date(2026, 10, 26)),
        # 16:30 UTC on Tue 29 Sep = 00:30 on Wed 30 Sep in Shanghai: E6, Tue 27 Oct.
        ("2026-09-29T16:30:00+00:00", date(2026, 9, 30), date(2026, 10, 27)),
    ],
)
def test_receipt_date_is_shanghai_date_not_utc_date(
    rule_book: RuleBook, received: str, local_date: date, due: date
) -> None:
    deadline = worked_deadline(rule_book, "CN", CaseKind.COMPLAINT, received)
    assert (deadline.received_date, deadline.due_date) == (local_date, due)


@pytest.mark.parametrize(
    ("start", "end", "due", "paused"),
    [
        # Asked and answered on Thu 8 Oct (E6's day 1): that day does not count → 9 Oct = 1,
        # Sat 10 = 2, 12-16 = 3-7, 19-23 = 8-12, 26-27 = 13-14, Wed 28 Oct = 15.
        (date(2026, 10, 8), date(2026, 10, 8), date(2026, 10, 28), 1),
        # Paused only over National Day (2-6 Oct, all off anyway): E6 unchanged, Tue 27 Oct.
        (date(2026, 10, 2), date(2026, 10, 6), date(2026, 10, 27), 5),
        # Paused Mon 5 - Fri 9 Oct: three holidays and two working days (8, 9) → Sat 10 = 1,
        # 12-16 = 2-6, 19-23 = 7-11, 26-29 = 12-15 → Thu 29 Oct.
        (date(2026, 10, 5), date(2026, 10, 9), date(2026, 10, 29), 5),
    ],
)
def test_pauses_same_day_and_over_holidays(
    rule_book: RuleBook, start: date, end: date, due: date, paused: int
) -> None:
    pause = ClockPause(start, end, "identity")
    deadline = worked_deadline(rule_book, "CN", CaseKind.DELETION, E6_RECEIVED, pauses=[pause])
    assert deadline.due_date == due
    assert deadline.paused_day_count == paused


def test_count_ending_on_31_december_needs_no_next_year(rule_book: RuleBook) -> None:
    # Received Thu 10 Dec 2026: 11 Dec = 1, 14-18 = 2-6, 21-25 = 7-11, 28-31 = 12-15 → Thu 31
    # Dec 2026. No weekend of 28-31 Dec was crossed, so the 2027 notice cannot change it.
    deadline = worked_deadline(rule_book, "CN", CaseKind.DELETION, "2026-12-10T02:00:00+00:00")
    assert deadline.due_date == date(2026, 12, 31)
    assert deadline.provisional is False


def test_count_into_2027_is_provisional(rule_book: RuleBook) -> None:
    # Received Tue 15 Dec 2026: 16-18 Dec = 1-3, 21-25 = 4-8, 28-31 = 9-12, Fri 1 Jan 2027 (元旦,
    # fixed by 全国年节及纪念日放假办法 art. 2) off, 4-6 Jan = 13-15 → Wed 6 Jan 2027, but the 2027
    # notice is not out (resources/calendars/official_years.toml): provisional.
    deadline = worked_deadline(rule_book, "CN", CaseKind.DELETION, "2026-12-15T02:00:00+00:00")
    assert deadline.due_date == date(2027, 1, 6)
    assert deadline.provisional is True
    assert deadline.provisional_years == (2027,)


def test_spring_festival_2027_estimate_is_statutory_days_and_provisional(
    rule_book: RuleBook,
) -> None:
    # 全国年节及纪念日放假办法 (2024) art. 2 [V-2nd] and its in-lieu rule (art. 6 [M]): Spring
    # Festival is 除夕 and 初一-初三 (Fri 5 - Mon 8 Feb 2027); 初一 and 初二 fall on Sat and Sun,
    # so two working days are given in lieu (Tue 9, Wed 10 Feb). The notice's 调休 is unknown.
    # Received Thu 28 Jan 2027: 29 Jan = 1, 1-4 Feb = 2-5, 5-10 Feb off, 11-12 = 6-7,
    # 15-19 = 8-12, 22-24 = 13-15 → Wed 24 Feb 2027.
    deadline = worked_deadline(rule_book, "CN", CaseKind.DELETION, "2027-01-28T02:00:00+00:00")
    assert deadline.due_date == date(2027, 2, 24)
    assert deadline.provisional_years == (2027,)


def test_count_from_december_2027_depends_on_two_unpublished_years(rule_book: RuleBook) -> None:
    # Received Mon 20 Dec 2027: the count runs into January 2028; both notices are unpublished.
    deadline = worked_deadline(rule_book, "CN", CaseKind.DELETION, "2027-12-20T02:00:00+00:00")
    assert deadline.provisional_years == (2027, 2028)

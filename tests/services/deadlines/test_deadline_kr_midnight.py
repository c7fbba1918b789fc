"""Korea: Civil Act art. 157 — a period in days excludes its first day, "but not when the
period begins at 0 o'clock" (그러나 그 기간이 오전 영시로부터 시작하는 때에는 그러하지 아니하다)
[V: ko.wikipedia 대한민국 민법 제157조; k-labor.co.kr Civil Act text]. Art. 161: a last day on
a Saturday or a public holiday moves to the next day [V: same]. PIPA's 10 days (Decree arts.
41-44) are counted under them.
"""

from datetime import date

import pytest

from app.models.enums import CaseKind
from app.services.deadlines import RuleBook
from tests.services.deadlines.deadline_cases import worked_deadline


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Received at 00:00:00 on Tue 1 Sep 2026 (Seoul): the period begins at 0 o'clock, so
        # 1 Sep is day 1 and day 10 is Thu 10 Sep.
        ("2026-09-01T00:00:00+09:00", date(2026, 9, 10)),
        # The same instant written in UTC (15:00 on 31 Aug): still midnight in Seoul.
        ("2026-08-31T15:00:00+00:00", date(2026, 9, 10)),
        # One second later the first day is excluded: 2-11 Sep → Fri 11 Sep.
        ("2026-09-01T00:00:01+09:00", date(2026, 9, 11)),
        # Midnight in UTC is 09:00 in Seoul: excluded as usual → Fri 11 Sep.
        ("2026-09-01T00:00:00+00:00", date(2026, 9, 11)),
        # 23:59:59 on Mon 31 Aug: 1-10 Sep → Thu 10 Sep.
        ("2026-08-31T23:59:59+09:00", date(2026, 9, 10)),
    ],
)
def test_period_beginning_at_midnight_counts_its_first_day(
    rule_book: RuleBook, received: str, due: date
) -> None:
    assert worked_deadline(rule_book, "KR", CaseKind.DELETION, received).due_date == due


def test_midnight_first_day_then_saturday_roll(rule_book: RuleBook) -> None:
    # 00:00 on Thu 3 Sep 2026: 3-12 Sep, day 10 is Sat 12 Sep → art. 161 → Sun 13 (a public
    # holiday) → Mon 14 Sep; the first day shows as counted in the breakdown.
    deadline = worked_deadline(rule_book, "KR", CaseKind.ACCESS, "2026-09-03T00:00:00+09:00")
    assert deadline.due_date == date(2026, 9, 14)
    assert deadline.counted_days[0].day == date(2026, 9, 3)
    assert deadline.counted_days[0].counted


def test_other_rule_sets_exclude_a_midnight_receipt_day(rule_book: RuleBook) -> None:
    # 民法典 art. 201 has no midnight proviso: 00:00 on Wed 30 Sep 2026 in Shanghai is E6's
    # receipt day 0 → Tue 27 Oct.
    deadline = worked_deadline(rule_book, "CN", CaseKind.DELETION, "2026-09-30T00:00:00+08:00")
    assert deadline.due_date == date(2026, 10, 27)

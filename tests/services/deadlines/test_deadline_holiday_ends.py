"""Periods in days that end on a national holiday, counted by hand from each statute's counting
rule (the rule sets' headers give the sources and tags): the receipt day is excluded, then the
last day moves on where the statute says so, or stays where the rule is a policy target."""

from datetime import date

import pytest

from app.models.enums import CaseKind
from app.services.deadlines import RuleBook
from tests.services.deadlines.deadline_cases import worked_deadline


@pytest.mark.parametrize(
    ("code", "kind", "received", "due"),
    [
        # LGPD art. 19 II, Civil Code art. 132 §1: received Sat 5 Sep 2026 (a weekend receipt
        # starts the count the next day all the same) + 15 = Sun 20 Sep → Mon 21 Sep 2026.
        ("BR", CaseKind.ACCESS, "2026-09-05T15:00:00+00:00", date(2026, 9, 21)),
        # Thu 5 Nov 2026 + 15 = Fri 20 Nov, Black Awareness Day (national holiday since Lei
        # 14.759/2023) → Sat 21, Sun 22 → Mon 23 Nov 2026.
        ("BR", CaseKind.ACCESS, "2026-11-05T15:00:00+00:00", date(2026, 11, 23)),
        # PDPA reg 5, Interpretation Act s.50: Fri 10 Jul 2026 + 30 = Sun 9 Aug, National Day
        # → Mon 10 Aug (the public holiday in its place) → Tue 11 Aug 2026.
        ("SG", CaseKind.ACCESS, "2026-07-10T02:00:00+00:00", date(2026, 8, 11)),
        # PIPA, Civil Act arts. 157, 161: Sun 24 May 2026 + 10 = Wed 3 Jun, Local Election Day
        # (a public holiday) → Thu 4 Jun 2026.
        ("KR", CaseKind.CORRECTION, "2026-05-24T03:00:00+00:00", date(2026, 6, 4)),
        # PDPA s.30, CCC ss. 193/3, 193/8: Sat 14 Mar 2026 + 30 = Mon 13 Apr, Songkran (13-15
        # Apr) → Thu 16 Apr 2026.
        ("TH", CaseKind.ACCESS, "2026-03-14T03:00:00+00:00", date(2026, 4, 16)),
        # APPI: a 14-day internal target, not rolled (policy): Wed 22 Apr 2026 + 14 = Wed 6 May,
        # the Golden Week substitute holiday, kept.
        ("JP", CaseKind.ACCESS, "2026-04-22T03:00:00+00:00", date(2026, 5, 6)),
    ],
)
def test_period_ending_on_a_national_holiday(
    rule_book: RuleBook, code: str, kind: CaseKind, received: str, due: date
) -> None:
    assert worked_deadline(rule_book, code, kind, received).due_date == due

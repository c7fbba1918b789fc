"""Australia (APP 12/13, policy default), Thailand (PDPA s.30) and Switzerland (FADP art. 25,
DPO art. 18): worked examples counted by hand from the counting rules in each rule file's header
and the `holidays` national calendars."""

from datetime import date

import pytest

from app.errors import ExtensionNotAllowedError
from app.models.enums import CaseKind
from app.services.deadlines import Basis, Confidence, RuleBook, compute_deadline
from tests.services.deadlines.deadline_cases import receipt_instant, worked_deadline


@pytest.mark.parametrize(
    ("kind", "received"),
    [
        # Wed 2 Dec 2026 11:00 Sydney (UTC+11). 30 days (Acts Interpretation Act s.36: the day
        # of the request excluded) → Fri 1 Jan 2027, New Year's Day; Sat 2, Sun 3 → Mon 4 Jan.
        (CaseKind.ACCESS, "2026-12-02T00:00:00+00:00"),
        # 14:00 UTC on Tue 1 Dec is 01:00 on Wed 2 Dec in Sydney: the same dates.
        (CaseKind.CORRECTION, "2026-12-01T14:00:00+00:00"),
    ],
)
def test_australia_30_days_over_new_year(
    rule_book: RuleBook, kind: CaseKind, received: str
) -> None:
    deadline = worked_deadline(rule_book, "AU", kind, received)
    assert deadline.received_date == date(2026, 12, 2)
    assert deadline.due_date == date(2027, 1, 4)
    assert deadline.extended_due_date is None  # APP 12/13 have no extension
    with pytest.raises(ExtensionNotAllowedError):
        worked_deadline(rule_book, "AU", kind, received, extended=True)


def test_australia_is_a_policy_default(rule_book: RuleBook) -> None:
    rule_set = rule_book.rule_set("AU")
    assert set(rule_set.rules) == {
        CaseKind.ACCESS,
        CaseKind.COPY,
        CaseKind.CORRECTION,
        CaseKind.OTHER,  # the same policy default (test_deadline_other_kind.py)
    }
    for rule in rule_set.rules.values():
        assert rule.basis is Basis.POLICY
        assert rule.confidence is Confidence.UNCONFIRMED
        assert "policy" in rule.source and "[M]" in rule.source


def test_thailand_30_days_over_songkran(rule_book: RuleBook) -> None:
    # Mon 16 Mar 2026 10:00 Bangkok. s.30: 30 days from receipt (CCC s.193/3: first day
    # excluded) → Wed 15 Apr, the last day of Songkran (13-15 Apr) → Thu 16 Apr (s.193/8).
    deadline = worked_deadline(rule_book, "TH", CaseKind.ACCESS, "2026-03-16T03:00:00+00:00")
    assert deadline.due_date == date(2026, 4, 16)
    assert deadline.extended_due_date is None


def test_thailand_weekend_rolls(rule_book: RuleBook) -> None:
    # Wed 4 Nov 2026 + 30 = Fri 4 Dec, a working day; Thu 5 Nov + 30 = Sat 5 Dec (also the
    # King Bhumibol Memorial/National Day), Sun 6, Mon 7 Dec (in lieu) → Tue 8 Dec.
    early = worked_deadline(rule_book, "TH", CaseKind.COPY, "2026-11-04T03:00:00+00:00")
    late = worked_deadline(rule_book, "TH", CaseKind.COPY, "2026-11-05T03:00:00+00:00")
    assert (early.due_date, late.due_date) == (date(2026, 12, 4), date(2026, 12, 8))


@pytest.mark.parametrize(
    "kind",
    [CaseKind.CORRECTION, CaseKind.DELETION, CaseKind.ACCOUNT_CANCELLATION, CaseKind.OBJECTION],
)
def test_thailand_rights_without_a_period_are_policy(rule_book: RuleBook, kind: CaseKind) -> None:
    rule = rule_book.rule_set("TH").rule(kind)
    assert (rule.basis, rule.confidence) == (Basis.POLICY, Confidence.UNCONFIRMED)
    assert rule.period.n == 30 and "policy" in rule.source


def test_switzerland_30_days_ending_on_national_day(rule_book: RuleBook) -> None:
    # Thu 2 Jul 2026 10:00 Zurich. DPO art. 18(1): 30 days from receipt → Sat 1 Aug (National
    # Day, and a Saturday), Sun 2 Aug → Mon 3 Aug. No fixed extension (art. 18(2): the controller
    # tells the person the new period within the 30 days).
    deadline = worked_deadline(rule_book, "CH", CaseKind.ACCESS, "2026-07-02T08:00:00+00:00")
    assert deadline.due_date == date(2026, 8, 3)
    assert deadline.extended_due_date is None


def test_switzerland_cantonal_calendar(rule_book: RuleBook) -> None:
    # Wed 4 Mar 2026 + 30 = Fri 3 Apr: Good Friday is no federal holiday (stays 3 Apr) but is a
    # public holiday in Zurich; Sat 4, Sun 5, Easter Monday 6 Apr → Tue 7 Apr in canton ZH.
    at = receipt_instant("2026-03-04T09:00:00+00:00")
    federal = compute_deadline(rule_book, "CH", CaseKind.ACCESS, at)
    zurich = compute_deadline(rule_book, "CH", CaseKind.ACCESS, at, region="ZH")
    assert (federal.due_date, zurich.due_date) == (date(2026, 4, 3), date(2026, 4, 7))

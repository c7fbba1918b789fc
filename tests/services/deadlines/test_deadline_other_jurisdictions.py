"""Worked examples E11, E14, E17 (reference/deadlines.md §2.2) and the policy-only rule sets."""

from datetime import date

import pytest

from app.models.enums import CaseKind
from app.services.deadlines import Basis, Confidence, RuleBook
from tests.services.deadlines.deadline_cases import worked_deadline


def test_e11_ccpa_acknowledgement_response_and_extension(rule_book: RuleBook) -> None:
    # Fri 16 Oct 2026, 11:00 in Los Angeles.
    deadline = worked_deadline(rule_book, "US-CA", CaseKind.ACCESS, "2026-10-16T18:00:00+00:00")
    assert deadline.ack_due_date == date(2026, 10, 30)  # 10 business days
    assert deadline.due_date == date(2026, 11, 30)  # 45 days, Civ. Code §10
    assert deadline.extension_notice_due_date == date(2026, 11, 30)
    assert deadline.extended_due_date == date(2027, 1, 14)  # 90 days after receipt


def test_e11_receipt_date_is_californian(rule_book: RuleBook) -> None:
    # 02:00 UTC on Sat 17 Oct is still Fri 16 Oct in Los Angeles.
    deadline = worked_deadline(rule_book, "US-CA", CaseKind.DELETION, "2026-10-17T02:00:00+00:00")
    assert deadline.received_date == date(2026, 10, 16)
    assert deadline.ack_due_date == date(2026, 10, 30)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2026-08-21T15:00:00+00:00", date(2026, 9, 8)),  # Sat 5 Sep → Mon 7 Sep holiday → Tue 8
        ("2026-03-02T15:00:00+00:00", date(2026, 3, 17)),  # the simple case
    ],
)
def test_e14_lgpd_access_statement(rule_book: RuleBook, received: str, due: date) -> None:
    assert worked_deadline(rule_book, "BR", CaseKind.ACCESS, received).due_date == due


def test_e17_singapore_access_notice_of_delay(rule_book: RuleBook) -> None:
    deadline = worked_deadline(rule_book, "SG", CaseKind.ACCESS, "2026-06-01T02:00:00+00:00")
    assert deadline.due_date == date(2026, 7, 1)


def test_uk_month_and_extension(rule_book: RuleBook) -> None:
    # ICO: 31 Jan → no 31 Feb → Sat 28 Feb → next working day Mon 2 Mar; +2 months: 30 Apr.
    deadline = worked_deadline(rule_book, "UK", CaseKind.ACCESS, "2026-01-31T12:00:00+00:00")
    assert deadline.due_date == date(2026, 3, 2)
    assert deadline.extended_due_date == date(2026, 4, 30)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2026-09-10T02:00:00+00:00", date(2026, 10, 20)),  # Thu 10 Sep + 40 = Tue 20 Oct
        ("2026-09-28T02:00:00+00:00", date(2026, 11, 7)),  # ends Sat 7 Nov: not a general holiday
        ("2026-09-29T02:00:00+00:00", date(2026, 11, 9)),  # ends Sun 8 Nov → Mon 9 Nov
    ],
)
def test_hong_kong_40_days_roll_only_past_sunday(
    rule_book: RuleBook, received: str, due: date
) -> None:
    assert worked_deadline(rule_book, "HK", CaseKind.ACCESS, received).due_date == due


def test_korea_10_days_roll_past_weekend(rule_book: RuleBook) -> None:
    # Thu 3 Sep 2026 + 10 days = Sun 13 Sep → Mon 14 Sep (Civil Act art. 161).
    deadline = worked_deadline(rule_book, "KR", CaseKind.DELETION, "2026-09-03T01:00:00+00:00")
    assert deadline.due_date == date(2026, 9, 14)


@pytest.mark.parametrize("code", ["JP", "IN"])
def test_policy_rule_sets_are_marked_policy(rule_book: RuleBook, code: str) -> None:
    rule_set = rule_book.rule_set(code)
    assert rule_set.rules
    for rule in rule_set.rules.values():
        assert rule.basis is Basis.POLICY
        assert rule.confidence is Confidence.UNCONFIRMED
        assert "policy" in rule.source


def test_every_shipped_rule_cites_a_source(rule_book: RuleBook) -> None:
    assert set(rule_book.rule_sets) >= {
        "CN",
        "EU",
        "UK",
        "US-CA",
        "BR",
        "HK",
        "SG",
        "KR",
        "JP",
        "IN",
        "TW",
        "CA",
        "AU",
        "TH",
        "CH",
    }
    for rule_set in rule_book.rule_sets.values():
        assert rule_set.version
        for rule in rule_set.rules.values():
            assert len(rule.source) > 10

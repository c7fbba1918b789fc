"""Canada PIPEDA s.8(3)-(4) (resources/rules/ca.toml): worked examples counted by hand.

Interpretation Act s.27(2): the first day is excluded, the last included; s.26: a limit that
falls on a holiday may be met on the next day that is not a holiday. Sunday is a holiday
(s.35(1)), Saturday is not. Times are UTC; Toronto is UTC-4 in summer, UTC-5 in winter.
"""

from datetime import date

import pytest

from app.models.enums import CaseKind
from app.services.deadlines import ClockPause, RuleBook
from tests.services.deadlines.deadline_cases import worked_deadline


def test_access_ends_on_canada_day_and_extension(rule_book: RuleBook) -> None:
    # Received Mon 2026-06-01. s.8(3): 30 days → Wed 1 Jul, Canada Day → Thu 2 Jul (s.26).
    # s.8(4)(a): at most 30 more days, counted from receipt: 60 days → Fri 31 Jul. The notice of
    # extension is due "no later than thirty days after the date of the request": 2 Jul.
    deadline = worked_deadline(rule_book, "CA", CaseKind.ACCESS, "2026-06-01T15:00:00+00:00")
    assert deadline.due_date == date(2026, 7, 2)
    assert deadline.extension_notice_due_date == date(2026, 7, 2)
    assert deadline.extended_due_date == date(2026, 7, 31)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Thu 1 Oct + 30 = Sat 31 Oct: Saturday is no holiday under the Interpretation Act.
        ("2026-10-01T15:00:00+00:00", date(2026, 10, 31)),
        # Fri 2 Oct + 30 = Sun 1 Nov: a holiday → Mon 2 Nov.
        ("2026-10-02T15:00:00+00:00", date(2026, 11, 2)),
    ],
)
def test_saturday_stays_sunday_rolls(rule_book: RuleBook, received: str, due: date) -> None:
    assert worked_deadline(rule_book, "CA", CaseKind.COPY, received).due_date == due


def test_receipt_date_is_toronto_date(rule_book: RuleBook) -> None:
    # 02:00 UTC on Tue 2 Jun is still Mon 1 Jun in Toronto.
    deadline = worked_deadline(rule_book, "CA", CaseKind.ACCESS, "2026-06-02T02:00:00+00:00")
    assert deadline.received_date == date(2026, 6, 1)
    assert deadline.due_date == date(2026, 7, 2)


def test_no_pause_in_pipeda(rule_book: RuleBook) -> None:
    pause = ClockPause(date(2026, 6, 3), date(2026, 6, 10), "identity")
    deadline = worked_deadline(
        rule_book, "CA", CaseKind.ACCESS, "2026-06-01T15:00:00+00:00", pauses=[pause]
    )
    assert deadline.due_date == date(2026, 7, 2)
    assert deadline.pauses_ignored


def test_only_access_kinds_have_a_statutory_period(rule_book: RuleBook) -> None:
    # A request of unclear kind gets s.8's period as its default (test_deadline_other_kind.py).
    rules = rule_book.rule_set("CA").rules
    assert set(rules) == {CaseKind.ACCESS, CaseKind.COPY, CaseKind.EXPLANATION, CaseKind.OTHER}
    for rule in rules.values():
        assert rule.extension is not None and (rule.extension.n, rule.extension.times) == (30, 1)
        assert "PIPEDA" in rule.source and "s.8(3)" in rule.source

"""A bare German stated period (qa17 F6): "Frist: 2 Wochen." from bfdi.bund.de was read as
English (the default, on no stopword of any language) with no deadline.

Dates worked out by hand from a receipt on Mon 16 Nov 2026 (day 0; Reg. 1182/71 art. 3(1)).
"""

from datetime import date

import pytest

from app.models.enums import ReviewFlag
from app.services.deadlines import WorkingCalendar, load_rule_book
from app.services.intake import triage
from app.services.intake.files import parse_incoming
from app.services.intake.stated_limit import find_stated_limit
from app.services.regulator_deadline import count_stated_limit


@pytest.mark.parametrize(
    ("text", "n", "evidence"),
    [
        ("Frist: 2 Wochen.", 14, "Frist: 2 Wochen"),  # two weeks, 7 days each
        ("Frist: zehn Tage", 10, "Frist: zehn Tage"),
        ("Wir setzen Ihnen eine Frist von 14 Tagen.", 14, "Frist von 14 Tagen"),
    ],
)
def test_a_bare_german_period_is_read(text: str, n: int, evidence: str) -> None:
    limit = find_stated_limit(text)
    assert limit is not None and (limit.n, limit.unit, limit.evidence) == (
        n,
        "calendar_days",
        evidence,
    )


def test_two_weeks_are_counted_to_the_same_weekday() -> None:
    rule_book = load_rule_book()
    rule = next(iter(rule_book.rule_set("EU").rules.values()))
    limit = find_stated_limit("Frist: 2 Wochen.")
    assert limit is not None
    counted = count_stated_limit(
        limit, date(2026, 11, 16), WorkingCalendar(rule.calendar), rule.roll
    )
    # 14 calendar days from Mon 16 Nov 2026: Mon 30 Nov.
    assert counted is not None and counted.due_date == date(2026, 11, 30)


def test_the_bfdi_line_is_german_with_its_limit() -> None:
    raw = (
        b"From: BfDI <poststelle@bfdi.bund.de>\r\nTo: privacy@xuyun.example\r\n"
        b"Subject: Beschwerde\r\nDate: Mon, 16 Nov 2026 09:00:00 +0100\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\nFrist: 2 Wochen.\r\n"
    )
    proposal = triage(parse_incoming(raw))
    assert proposal.language == "de"
    assert ReviewFlag.LANGUAGE_UNCERTAIN not in proposal.flags
    assert proposal.stated_limit is not None
    assert proposal.stated_limit.evidence == "Frist: 2 Wochen"

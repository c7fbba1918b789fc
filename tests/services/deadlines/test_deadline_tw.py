"""Taiwan PDPA art. 13 (resources/rules/tw.toml): worked examples counted by hand.

Counting: Civil Code art. 120(2) (first day not counted), art. 122 (a last day on a Sunday,
commemoration day or other rest day moves to the next day). Holidays: the 2026 office calendar
approved by the Executive Yuan on 2025-06-13 (Spring Festival 14-22 Feb; National Day Sat 10 Oct
observed Fri 9 Oct; Restoration Day Sun 25 Oct observed Mon 26 Oct; Constitution Day Fri 25 Dec).
Times are UTC; Taipei is UTC+8.
"""

from datetime import date

import pytest

from app.models.enums import CaseKind
from app.services.deadlines import Basis, ClockPause, Confidence, RuleBook
from tests.services.deadlines.deadline_cases import worked_deadline


def test_access_15_days_over_new_year_with_extension(rule_book: RuleBook) -> None:
    # Received Wed 2026-12-23 (10:00 Taipei). Art. 13(1): 15 days from Thu 24 Dec → Thu
    # 2027-01-07, a working day (Fri 1 Jan is a holiday but lies inside the period). One
    # extension of at most 15 days: 30 days from receipt → Fri 2027-01-22. The written notice of
    # the reason is due by the original due date.
    deadline = worked_deadline(rule_book, "TW", CaseKind.ACCESS, "2026-12-23T02:00:00+00:00")
    assert deadline.due_date == date(2027, 1, 7)
    assert deadline.extended_due_date == date(2027, 1, 22)
    assert deadline.extension_notice_due_date == date(2027, 1, 7)


def test_receipt_date_is_taipei_date(rule_book: RuleBook) -> None:
    # 17:00 UTC on Tue 22 Dec is 01:00 on Wed 23 Dec in Taipei: same dates as above.
    deadline = worked_deadline(rule_book, "TW", CaseKind.COPY, "2026-12-22T17:00:00+00:00")
    assert deadline.received_date == date(2026, 12, 23)
    assert deadline.due_date == date(2027, 1, 7)


def test_copy_ends_on_national_day_weekend(rule_book: RuleBook) -> None:
    # Received Thu 2026-09-24. 15 days → Fri 9 Oct (National Day observed), Sat 10 Oct
    # (National Day), Sun 11 Oct → Mon 12 Oct (Civil Code art. 122). Extension: 30 days → Sat
    # 24 Oct, Sun 25 Oct (Restoration Day), Mon 26 Oct (observed) → Tue 27 Oct.
    deadline = worked_deadline(rule_book, "TW", CaseKind.COPY, "2026-09-24T02:00:00+00:00")
    assert deadline.due_date == date(2026, 10, 12)
    assert deadline.extended_due_date == date(2026, 10, 27)


def test_deletion_30_days_over_spring_festival(rule_book: RuleBook) -> None:
    # Received Mon 2026-01-19. Art. 13(2): 30 days → Wed 18 Feb, inside the Spring Festival
    # holiday (14-22 Feb) → Mon 23 Feb. One extension of at most 30 days: 60 days from receipt →
    # Fri 20 Mar 2026 (Jan 19 + 12 = Jan 31, + 28 = Feb 28, + 20 = Mar 20), a working day.
    deadline = worked_deadline(
        rule_book, "TW", CaseKind.DELETION, "2026-01-19T02:00:00+00:00", extended=True
    )
    assert deadline.due_date == date(2026, 2, 23)
    assert deadline.extension_notice_due_date == date(2026, 2, 23)
    assert deadline.effective_due_date == date(2026, 3, 20)


def test_correction_ignores_pauses_the_pdpa_does_not_have(rule_book: RuleBook) -> None:
    # Received Thu 2026-09-24. 30 days → Sat 24 Oct, Sun 25 Oct (Restoration Day), Mon 26 Oct
    # (observed) → Tue 27 Oct. A wait for identity (25-30 Sep) does not stop the clock: the PDPA
    # has no pause, so the date stays and the pause is reported as ignored.
    pause = ClockPause(date(2026, 9, 25), date(2026, 9, 30), "identity")
    deadline = worked_deadline(
        rule_book, "TW", CaseKind.CORRECTION, "2026-09-24T02:00:00+00:00", pauses=[pause]
    )
    assert deadline.due_date == date(2026, 10, 27)
    assert deadline.extended_due_date == date(2026, 11, 23)  # 60 days: Mon 23 Nov
    assert deadline.pauses_ignored


@pytest.mark.parametrize(
    ("kind", "days", "extra"),
    [
        (CaseKind.ACCESS, 15, 15),
        (CaseKind.COPY, 15, 15),
        (CaseKind.EXPLANATION, 15, 15),
        (CaseKind.CORRECTION, 30, 30),
        (CaseKind.DELETION, 30, 30),
        (CaseKind.ACCOUNT_CANCELLATION, 30, 30),
        (CaseKind.OBJECTION, 30, 30),
    ],
)
def test_article_13_periods_per_kind(
    rule_book: RuleBook, kind: CaseKind, days: int, extra: int
) -> None:
    rule = rule_book.rule_set("TW").rule(kind)
    assert (rule.period.n, rule.extension and rule.extension.n) == (days, extra)
    assert rule.extension is not None and rule.extension.times == 1
    assert rule.basis is Basis.STATUTE and rule.confidence is Confidence.CONFIRMED
    assert "art. 13" in rule.source and "第十三条" in rule.source_zh


def test_consent_withdrawal_has_no_day_count(rule_book: RuleBook) -> None:
    # Art. 20(2): marketing stops at once on refusal; no period, so no rule.
    assert not rule_book.has_rule("TW", CaseKind.CONSENT_WITHDRAWAL)


def test_extension_runs_from_the_original_end_not_the_rolled_one(rule_book: RuleBook) -> None:
    # Received Sat 2026-12-19 (10:00 Taipei). Art. 13(1): 15 days from Sun 20 Dec → Sun
    # 2027-01-03 (Fri 1 Jan, a holiday, lies inside); a Sunday, so Mon 4 Jan does (Civil Code
    # art. 122). The 15 extra days follow the original period's last day, Sun 3 Jan (art.
    # 121(1); art. 122 moves only the day to act, (54)台函民字第4052號): Mon 18 Jan = receipt +
    # 30. Counted from the rolled Mon 4 Jan they would end Tue 19 Jan: no source was found for
    # that reading, and the earlier date is the safe one (resources/rules/tw.toml).
    deadline = worked_deadline(
        rule_book, "TW", CaseKind.ACCESS, "2026-12-19T02:00:00+00:00", extended=True
    )
    assert deadline.due_date == date(2027, 1, 4)
    assert deadline.extension_notice_due_date == date(2027, 1, 4)
    assert deadline.extended_due_date == date(2027, 1, 18)
    assert deadline.effective_due_date == date(2027, 1, 18)


def test_a_request_of_unclear_kind_has_article_13_1_period(rule_book: RuleBook) -> None:
    # Every art. 3 right runs under art. 10 or 11, both timed by art. 13: the shorter period,
    # 15 days (art. 13(1)), until a person classifies the request. Received Thu 2026-09-24:
    # 15 days → Fri 9 Oct (National Day observed), Sat 10, Sun 11 → Mon 12 Oct.
    deadline = worked_deadline(rule_book, "TW", CaseKind.OTHER, "2026-09-24T02:00:00+00:00")
    assert deadline.due_date == date(2026, 10, 12)
    assert deadline.extended_due_date == date(2026, 10, 27)  # 30 days: Sat 24 → Tue 27 Oct
    rule = rule_book.rule_set("TW").rule(CaseKind.OTHER)
    assert rule.confidence is Confidence.UNCONFIRMED
    assert "art. 13" in rule.source and "第十三条" in rule.source_zh

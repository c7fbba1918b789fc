"""GDPR Art. 12(3) and UK GDPR worked examples, each counted by hand from its source.

EU: Regulation (EEC, Euratom) No 1182/71 art. 3 [V]: the receipt day is not counted (3(1)); a
month ends on the same date in the next month, or that month's last day when it has none
(3(2)(c)); a last day on a Saturday, Sunday or public holiday of the member state moves to the
next working day (3(4)). EDPB Guidelines 01/2022 §5.3 ("Timing for the provision of access")
counts one month from receipt the same way [M: paragraph text not retrieved in full]. The two
further months of Art. 12(3) are counted from receipt (three months in total).

UK: ICO right-of-access guidance [V: ico.org.uk, "What should we consider when responding to a
request?"]: the receipt day is day 1 and the month runs "until the corresponding calendar date
in the next month" (3 September → 3 October); no corresponding date: the last day of that month;
a weekend or bank holiday: the next working day; the extension is "three months from the
original start date, ie the day you receive the request, fee or other requested information".
DUAA 2025 stop-the-clock (as in DPA 2018 s.54(3C), Part 3 [V: legislation.gov.uk]): "the
period beginning with the day on which the controller makes the request and ending with the
day on which the controller receives the information does not count" towards the month nor
towards the period for the extension notice.
"""

from datetime import date

import pytest

from app.models.enums import CaseKind
from app.services.deadlines import ClockPause, RuleBook
from tests.services.deadlines.deadline_cases import receipt_instant, worked_deadline

# --- EU --------------------------------------------------------------------------------------


def test_eu_month_ending_on_easter_sunday_rolls_past_easter_monday(rule_book: RuleBook) -> None:
    # Thu 5 Mar 2026 → Sun 5 Apr (Easter) → Mon 6 Apr is Easter Monday in Ireland → Tue 7 Apr.
    deadline = worked_deadline(rule_book, "EU", CaseKind.ACCESS, "2026-03-05T10:00:00+00:00")
    assert deadline.due_date == date(2026, 4, 7)


@pytest.mark.parametrize(
    ("received", "due", "extended"),
    [
        # 30 Nov → Wed 30 Dec 2026; three months: no 30 Feb → Sun 28 Feb 2027 → Mon 1 Mar.
        ("2026-11-30T10:00:00+00:00", date(2026, 12, 30), date(2027, 3, 1)),
        # 31 Mar → no 31 Apr → Thu 30 Apr 2026; three months: no 31 Jun → Tue 30 Jun.
        ("2026-03-31T10:00:00+01:00", date(2026, 4, 30), date(2026, 6, 30)),
        # Sat 31 Jan → Sat 28 Feb → Mon 2 Mar (E1); three months from receipt: Thu 30 Apr 2026
        # (chaining two months onto 28 Feb would give 28 Apr: not the reading taken).
        ("2026-01-31T10:00:00+00:00", date(2026, 3, 2), date(2026, 4, 30)),
        # Tue 29 Feb 2028 → Wed 29 Mar; three months → Mon 29 May 2028 (no Irish holiday).
        ("2028-02-29T10:00:00+00:00", date(2028, 3, 29), date(2028, 5, 29)),
    ],
)
def test_eu_month_ends_and_extension_from_receipt(
    rule_book: RuleBook, received: str, due: date, extended: date
) -> None:
    deadline = worked_deadline(rule_book, "EU", CaseKind.ACCESS, received, extended=True)
    assert (deadline.due_date, deadline.extended_due_date) == (due, extended)
    assert deadline.extension_notice_due_date == due  # Art. 12(3): within the first month
    assert deadline.effective_due_date == extended


@pytest.mark.parametrize(
    ("received", "region", "local_date", "due"),
    [
        # 22:30 UTC on Sun 29 Mar 2026, after the spring change: 23:30 in Dublin (IST, +1),
        # 00:30 on Mon 30 Mar in Berlin (CEST, +2). One month: Wed 29 Apr / Thu 30 Apr.
        ("2026-03-29T22:30:00+00:00", None, date(2026, 3, 29), date(2026, 4, 29)),
        ("2026-03-29T22:30:00+00:00", "DE", date(2026, 3, 30), date(2026, 4, 30)),
        # 23:30 UTC on Sat 24 Oct 2026: Dublin is still on IST until 01:00 UTC on 25 Oct, so it
        # is 00:30 on Sun 25 Oct there → Wed 25 Nov (a fixed GMT offset would say 24 Oct).
        ("2026-10-24T23:30:00+00:00", None, date(2026, 10, 25), date(2026, 11, 25)),
        # 23:30 UTC on Sun 25 Oct 2026, after the autumn change: 23:30 in Dublin (GMT), 00:30
        # on Mon 26 Oct in Berlin (CET, +1) → Wed 25 Nov / Thu 26 Nov.
        ("2026-10-25T23:30:00+00:00", None, date(2026, 10, 25), date(2026, 11, 25)),
        ("2026-10-25T23:30:00+00:00", "DE", date(2026, 10, 26), date(2026, 11, 26)),
    ],
)
def test_eu_receipt_date_is_the_member_states_local_date_across_dst(
    rule_book: RuleBook, received: str, region: str | None, local_date: date, due: date
) -> None:
    deadline = worked_deadline(rule_book, "EU", CaseKind.ACCESS, received, region=region)
    assert (deadline.received_date, deadline.due_date) == (local_date, due)


def test_eu_pause_after_the_first_month_moves_only_the_extended_date(rule_book: RuleBook) -> None:
    # E3: received Thu 15 Jan 2026, first month Sun 15 Feb → Mon 16 Feb. Extension used, then a
    # wait for identification data Sun 1 - Tue 10 Mar (10 days, all inside the extended period):
    # Wed 15 Apr + 10 = Sat 25 Apr → Mon 27 Apr 2026. The first month had already run.
    pause = ClockPause(date(2026, 3, 1), date(2026, 3, 10), "identity")
    deadline = worked_deadline(
        rule_book,
        "EU",
        CaseKind.DELETION,
        "2026-01-15T09:00:00+00:00",
        pauses=[pause],
        extended=True,
    )
    assert deadline.due_date == date(2026, 2, 16)
    assert deadline.extension_notice_due_date == date(2026, 2, 16)
    assert deadline.extended_due_date == date(2026, 4, 27)
    assert deadline.paused_day_count == 0  # none inside the first month


# --- UK --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "due"),
    [
        ("2025-09-03T10:00:00+01:00", date(2025, 10, 3)),  # ICO: 3 Sep → Fri 3 Oct 2025
        ("2026-09-03T10:00:00+01:00", date(2026, 10, 5)),  # 3 Oct 2026 is a Saturday → Mon 5 Oct
        ("2026-03-30T10:00:00+01:00", date(2026, 4, 30)),  # ICO: 30 Mar → 30 Apr
        ("2026-03-31T10:00:00+01:00", date(2026, 4, 30)),  # no 31 Apr: last day, Thu 30 Apr
        # Wed 25 Nov → Fri 25 Dec (Christmas), Sat 26, Sun 27, Mon 28 (Boxing Day substitute)
        # → Tue 29 Dec 2026.
        ("2026-11-25T10:00:00+00:00", date(2026, 12, 29)),
        # 23:30 UTC on Sun 29 Mar 2026 is 00:30 BST on Mon 30 Mar: 30 Mar → Thu 30 Apr.
        ("2026-03-29T23:30:00+00:00", date(2026, 4, 30)),
    ],
)
def test_uk_ico_corresponding_date(rule_book: RuleBook, received: str, due: date) -> None:
    instant = receipt_instant(received)
    deadline = worked_deadline(rule_book, "UK", CaseKind.ACCESS, received, verified_at=instant)
    assert deadline.due_date == due


@pytest.mark.parametrize(("region", "due"), [(None, date(2027, 1, 4)), ("SCT", date(2027, 1, 5))])
def test_uk_nations_bank_holidays(rule_book: RuleBook, region: str | None, due: date) -> None:
    # Wed 2 Dec 2026 → Sat 2 Jan 2027. England: next working day Mon 4 Jan. Scotland: 2 Jan is
    # a bank holiday there, substituted on Mon 4 Jan → Tue 5 Jan 2027.
    received = "2026-12-02T10:00:00+00:00"
    instant = receipt_instant(received)
    deadline = worked_deadline(
        rule_book, "UK", CaseKind.ACCESS, received, verified_at=instant, region=region
    )
    assert deadline.due_date == due


def test_uk_extension_is_three_months_from_receipt_of_the_id(rule_book: RuleBook) -> None:
    # Received Thu 15 Jan 2026, ID received Tue 20 Jan: month → Fri 20 Feb; ICO: extension is
    # three months from the day the requested information arrives → Mon 20 Apr 2026.
    deadline = worked_deadline(
        rule_book,
        "UK",
        CaseKind.ACCESS,
        "2026-01-15T10:00:00+00:00",
        verified_at=receipt_instant("2026-01-20T15:00:00+00:00"),
        extended=True,
    )
    assert deadline.due_date == date(2026, 2, 20)
    assert deadline.extended_due_date == date(2026, 4, 20)


def test_uk_clarification_asked_and_answered_the_same_day(rule_book: RuleBook) -> None:
    # Received Tue 1 Sep 2026 (ID with it) → Thu 1 Oct. Clarification asked and answered on
    # Thu 10 Sep: "beginning with the day ... asked and ending with the day ... received" is
    # that one day, which does not count → Fri 2 Oct, for the month and for the extension
    # notice (DPA 2018 s.54(3C)(b)(ii)); the extended date likewise: Tue 1 Dec + 1 = Wed 2 Dec.
    received = "2026-09-01T10:00:00+01:00"
    pause = ClockPause(date(2026, 9, 10), date(2026, 9, 10), "clarification")
    deadline = worked_deadline(
        rule_book,
        "UK",
        CaseKind.ACCESS,
        received,
        verified_at=receipt_instant(received),
        pauses=[pause],
        extended=True,
    )
    assert deadline.due_date == date(2026, 10, 2)
    assert deadline.extension_notice_due_date == date(2026, 10, 2)
    assert deadline.extended_due_date == date(2026, 12, 2)
    assert deadline.paused_day_count == 1

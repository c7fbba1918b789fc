"""A request of unclear kind ([other]) under the AU, CA, CH, HK, IN, JP, KR, SG and TH rule sets:
worked examples counted by hand, each received on the eve of a public holiday of that place.

Each rule file's header gives the legal basis of its default and the counting rule used below:
the day of receipt is not counted, so the holiday is day 1 and lies inside the period (a holiday
inside a period of calendar days does not lengthen it); only a last day that is a rest day or
holiday moves, and only where the file rolls forward. Holidays: the `holidays` package (checked
below) against the official calendars: fixed statutory dates (HK 1 Jul, General Holidays
Ordinance; JP 3 May, 国民の祝日に関する法律; SG and AU 25 Dec; CA 1 Jul, Holidays Act; CH 1 Aug,
Federal Constitution art. 110(3); IN 15 Aug; TH 23 Oct) and, for Korea, the 2026 red days of
the KASA calendar (월력요항: Chuseok 24-26 Sep; National Foundation Day Sat 3 Oct, substitute
Mon 5 Oct; resources/rules/kr.toml). Times are UTC; each comment gives the local time.
"""

import re
from datetime import date

import holidays
import pytest

from app.errors import ExtensionNotAllowedError
from app.models.enums import CaseKind
from app.resources import resource_path
from app.services.deadlines import Basis, Confidence, RuleBook
from tests.services.deadlines.deadline_cases import worked_deadline

CODES = ("AU", "CA", "CH", "HK", "IN", "JP", "KR", "SG", "TH")
KIND_WORD = re.compile(r"\b[a-z_]+\b")

# (code, received at, the holiday on the next local day, due date), counted by hand:
WORKED = [
    # Tue 30 Jun 2026 10:00 Hong Kong. 40 days (PDPO ss. 19(1), 23(1)): day 1 is Wed 1 Jul
    # (HKSAR Establishment Day), day 31 is 31 Jul, day 40 is Sun 9 Aug, a general holiday (IGCO
    # s.71) → Mon 10 Aug.
    ("HK", "2026-06-30T02:00:00+00:00", date(2026, 7, 1), date(2026, 8, 10)),
    # Sat 2 May 2026 10:00 Tokyo. 14 days (policy): day 1 is Sun 3 May (Constitution Memorial
    # Day; Golden Week 3-6 May lies inside) → Sat 16 May, kept: an internal target is not rolled.
    ("JP", "2026-05-02T01:00:00+00:00", date(2026, 5, 3), date(2026, 5, 16)),
    # Wed 23 Sep 2026 10:00 Seoul. 10 days (Decree arts. 41-44): day 1 is Thu 24 Sep (Chuseok
    # holidays 24-26 Sep) → Sat 3 Oct (also National Foundation Day), Sun 4 Oct, Mon 5 Oct (its
    # substitute holiday) → Tue 6 Oct (Civil Act art. 161).
    ("KR", "2026-09-23T01:00:00+00:00", date(2026, 9, 24), date(2026, 10, 6)),
    # Thu 24 Dec 2026 10:00 Singapore. 30 days (reg 5): day 1 is Fri 25 Dec (Christmas), day 7
    # is 31 Dec, day 30 is Sat 23 Jan 2027: neither a Sunday nor a public holiday, kept
    # (Interpretation Act s.50).
    ("SG", "2026-12-24T02:00:00+00:00", date(2026, 12, 25), date(2027, 1, 23)),
    # Thu 22 Oct 2026 10:00 Bangkok. 30 days (s.30 para. 4): day 1 is Fri 23 Oct (King
    # Chulalongkorn Memorial Day), day 9 is 31 Oct, day 30 is Sat 21 Nov; Sun 22 Nov → Mon 23 Nov
    # (CCC s.193/8).
    ("TH", "2026-10-22T03:00:00+00:00", date(2026, 10, 23), date(2026, 11, 23)),
    # Tue 30 Jun 2026 11:00 Toronto. 30 days (PIPEDA s.8(3)): day 1 is Wed 1 Jul (Canada Day),
    # day 30 is Thu 30 Jul, a working day.
    ("CA", "2026-06-30T15:00:00+00:00", date(2026, 7, 1), date(2026, 7, 30)),
    # Fri 31 Jul 2026 10:00 Zurich. 30 days (DPO art. 18): day 1 is Sat 1 Aug (National Day),
    # day 30 is Sun 30 Aug → Mon 31 Aug (CO art. 78).
    ("CH", "2026-07-31T08:00:00+00:00", date(2026, 8, 1), date(2026, 8, 31)),
    # Thu 24 Dec 2026 11:00 Sydney. 30 days (policy): day 1 is Fri 25 Dec (Christmas; Boxing Day
    # observed Mon 28 Dec and New Year's Day lie inside), day 30 is Sat 23 Jan 2027; Sun 24 Jan →
    # Mon 25 Jan (Acts Interpretation Act s.36(2); Australia Day is Tue 26 Jan, after it).
    ("AU", "2026-12-24T00:00:00+00:00", date(2026, 12, 25), date(2027, 1, 25)),
    # Fri 14 Aug 2026 10:00 Kolkata. 90 days (policy): day 1 is Sat 15 Aug (Independence Day),
    # day 17 is 31 Aug, day 47 is 30 Sep, day 78 is 31 Oct, day 90 is Thu 12 Nov; not rolled.
    ("IN", "2026-08-14T04:30:00+00:00", date(2026, 8, 15), date(2026, 11, 12)),
]


@pytest.mark.parametrize(("code", "received", "holiday", "due"), WORKED)
def test_unclear_request_received_on_the_eve_of_a_holiday(
    rule_book: RuleBook, code: str, received: str, holiday: date, due: date
) -> None:
    deadline = worked_deadline(rule_book, code, CaseKind.OTHER, received)
    assert deadline.received_date == date.fromordinal(holiday.toordinal() - 1)
    assert deadline.due_date == due


@pytest.mark.parametrize(("code", "received", "holiday", "due"), WORKED)
def test_the_day_after_receipt_is_a_public_holiday_there(
    code: str, received: str, holiday: date, due: date
) -> None:
    assert holiday in holidays.country_holidays(code, years=holiday.year)


def test_korea_2026_substitute_for_national_foundation_day() -> None:
    # The KR example rolls over Mon 5 Oct 2026: the substitute holiday for Sat 3 Oct.
    korea = holidays.country_holidays("KR", years=2026)
    assert {date(2026, 10, 3), date(2026, 10, 5)} <= set(korea)
    assert date(2026, 10, 6) not in korea


def test_canada_keeps_the_pipeda_extension(rule_book: RuleBook) -> None:
    # s.8(4)(a): at most 30 more days, counted from receipt: Tue 30 Jun + 60 days = Sat 29 Aug,
    # kept (Saturday is no holiday under the Interpretation Act). The extension notice is due by
    # the original limit, Thu 30 Jul.
    deadline = worked_deadline(rule_book, "CA", CaseKind.OTHER, "2026-06-30T15:00:00+00:00")
    assert deadline.extension_notice_due_date == date(2026, 7, 30)
    assert deadline.extended_due_date == date(2026, 8, 29)


@pytest.mark.parametrize("code", ["AU", "CH", "HK", "IN", "JP", "KR", "SG", "TH"])
def test_no_fixed_extension_elsewhere(rule_book: RuleBook, code: str) -> None:
    received = {row[0]: row[1] for row in WORKED}[code]
    assert worked_deadline(rule_book, code, CaseKind.OTHER, received).extended_due_date is None
    with pytest.raises(ExtensionNotAllowedError):
        worked_deadline(rule_book, code, CaseKind.OTHER, received, extended=True)


@pytest.mark.parametrize(
    ("code", "days", "basis"),
    [
        ("AU", 30, Basis.POLICY),
        ("CA", 30, Basis.STATUTE),
        ("CH", 30, Basis.STATUTE),
        ("HK", 40, Basis.STATUTE),
        ("IN", 90, Basis.POLICY),
        ("JP", 14, Basis.POLICY),
        ("KR", 10, Basis.REGULATION),
        ("SG", 30, Basis.REGULATION),
        ("TH", 30, Basis.STATUTE),
    ],
)
def test_the_default_is_the_shortest_period_and_unconfirmed(
    rule_book: RuleBook, code: str, days: int, basis: Basis
) -> None:
    rule_set = rule_book.rule_set(code)
    other = rule_set.rule(CaseKind.OTHER)
    assert other.period.n == days
    assert days == min(rule.period.n for rule in rule_set.rules.values())
    assert (other.basis, other.confidence) == (basis, Confidence.UNCONFIRMED)
    assert "unclear kind" in other.source and "请求类型不明" in other.source_zh


def _no_rule_kinds(code: str) -> set[str]:
    """Return the request kinds the "No rule:" paragraph of ``code``'s rule file names."""
    text = resource_path(f"rules/{code.lower()}.toml").read_text("utf-8")
    paragraph = text[text.index("# No rule") :].split("\n\n", 1)[0]
    kinds = {kind.value for kind in CaseKind}
    return {word for word in KIND_WORD.findall(paragraph) if word in kinds}


@pytest.mark.parametrize("code", CODES)
def test_the_no_rule_line_names_exactly_the_kinds_without_a_rule(
    rule_book: RuleBook, code: str
) -> None:
    ruled = {kind.value for kind in rule_book.rule_set(code).rules}
    assert _no_rule_kinds(code) == {kind.value for kind in CaseKind} - ruled

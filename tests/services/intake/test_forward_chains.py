"""A forward of a forward of a forward (QA18 F2, F3): the company's first receipt is the
earliest plausible date of any message in the chain addressed to it, however many levels
down and however each level forwards the next (attached as message/rfc822, as the whole body
of a message, as an attached .eml file, or quoted inline); the request's words are read from
the innermost level; the data subject is the person who wrote to the company.

The shipped letterhead makes xuyun.example the company's domain. The CN deletion rule: 15
working days after the receipt day in Asia/Shanghai (PIPL Art. 50; no public holiday falls in
late Nov or Dec 2026 before the 16th).
"""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.models import Case, DataSubject
from app.models.enums import CaseKind, ReviewFlag
from app.models.subject import IdentifierKind
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from tests.services.intake.forward_chain_mail import Level, chain_of
from tests.services.intake.test_first_receipt import _import

# Every forward below reached privacy@ on Mon 30 Nov 2026 10:00 +0800 (02:00 UTC).
IMPORTED_AT = datetime(2026, 11, 30, 2, 10, tzinfo=UTC)
OUTER_DATE = "Mon, 30 Nov 2026 10:00:00 +0800"
OUTER_AT = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
USER = "王小明 <wang.xm@example.cn>"
DELETION = "您好，请删除我的全部个人信息。王小明"
# The user wrote to service@ on Wed 25 Nov 2026 09:00 +0100 = 08:00 UTC = 16:00 in Shanghai.
USER_DATE = "Wed, 25 Nov 2026 09:00:00 +0100"
USER_AT = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
# CN 15 working days, day 0 = Wed 25 Nov: Thu 26, Fri 27 (2) | Mon 30 Nov - Fri 4 Dec (7) |
# 7-11 Dec (12) | Mon 14, Tue 15, Wed 16 Dec (15).
DUE_FROM_USER = date(2026, 12, 16)
# The middle forward's date, Thu 26 Nov 09:00 +0800 (the first level QA18 saw): day 0 = Thu 26
# Nov, so 27 (1) | 30 Nov - 4 Dec (6) | 7-11 Dec (11) | 14, 15, 16, 17 Dec (15): a day late.
MIDDLE_DATE = "Thu, 26 Nov 2026 09:00:00 +0800"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _subject_email(database: Database, case: Case) -> str | None:
    with database.session() as session:
        subject = session.get(DataSubject, case.subject_id)
        assert subject is not None
        return subject.identifier(IdentifierKind.EMAIL)


def _reasons(case: Case, field: str) -> list[tuple[str, str]]:
    return [(r["signal"], r["evidence"]) for r in case.triage_reasons if r["field"] == field]


OUTER = Level(
    "Wang Wei <wang.wei@xuyun.example>",
    "privacy@xuyun.example",
    "Fwd: Fwd: 删除",
    OUTER_DATE,
    "请隐私团队处理",
)
MIDDLE = Level(
    "Li Na <li.na@xuyun.example>", "sales@xuyun.example", "Fwd: 删除", MIDDLE_DATE, "转给你们看看"
)
ORIGINAL = Level(USER, "service@xuyun.example", "删除个人信息", USER_DATE, DELETION)
MIDDLE_FORMS = ["attached", "bare", "eml-file"]


@pytest.mark.parametrize("outer_form", ["attached", "bare"])
@pytest.mark.parametrize("middle_form", MIDDLE_FORMS)
def test_a_three_level_chain_starts_the_clock_at_the_innermost_receipt(
    database: Database, rule_book: RuleBook, tmp_path: Path, outer_form: str, middle_form: str
) -> None:
    raw = chain_of([OUTER, MIDDLE, ORIGINAL], [outer_form, middle_form])
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    assert case.jurisdiction == "CN"
    assert case.kind == CaseKind.DELETION
    assert case.received_at == USER_AT
    assert case.due_date == DUE_FROM_USER
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags
    assert _reasons(case, "received") == [
        ("first_received", "2026-11-25T08:00:00+00:00"),
        ("forwarded_at", "2026-11-30T02:00:00+00:00"),
    ]
    assert _subject_email(database, case) == "wang.xm@example.cn"


# QA18 f2: the middle level's whole body is the forwarded message; no subject names the
# request, so its kind comes from the innermost text alone.
GERMAN = Level(
    "Hans Schmidt <hans.schmidt@example.de>",
    "service@xuyun.example",
    "Löschung meiner Daten",
    USER_DATE,
    "Ich bin Hans Schmidt. Bitte löschen Sie meine personenbezogenen Daten (Art. 17 DSGVO).",
)


@pytest.mark.parametrize("middle_form", MIDDLE_FORMS)
def test_qa18_a_bare_middle_level_is_followed_to_the_request_s_words(
    database: Database, rule_book: RuleBook, tmp_path: Path, middle_form: str
) -> None:
    outer = Level(OUTER.sender, OUTER.to, "Fwd: Fwd", OUTER_DATE, "请隐私团队处理")
    middle = Level(MIDDLE.sender, MIDDLE.to, "Fwd", MIDDLE_DATE, "")
    raw = chain_of([outer, middle, GERMAN], ["attached", middle_form])
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    # "löschen … personenbezogenen Daten" is erasure; Art. 17 DSGVO names the GDPR (EU).
    assert (case.kind, case.language, case.jurisdiction) == (CaseKind.DELETION, "de", "EU")
    assert ReviewFlag.UNKNOWN_KIND.value not in case.review_flags
    assert case.received_at == USER_AT
    # GDPR Art. 12(3), one month (Reg. 1182/71 Art. 3(2)(c)): Wed 25 Nov → Fri 25 Dec 2026,
    # Christmas Day, then Sat 26 and Sun 27: Mon 28 Dec.
    assert case.due_date == date(2026, 12, 28)
    assert _subject_email(database, case) == "hans.schmidt@example.de"


# Four levels: a colleague in legal passed on (bare) what sales passed on, which held the
# user's mail attached, or quoted inline by Outlook ("Sent:" without a zone: read in the
# forward's +0800). The user wrote on Tue 24 Nov 2026 20:00 +0800 = 12:00 UTC. CN 15 working
# days, day 0 = Tue 24 Nov: 25, 26, 27 (3) | 30 Nov - 4 Dec (8) | 7-11 Dec (13) | Mon 14,
# Tue 15 Dec (15).
LEGAL = Level(
    "Zhao Min <zhao.min@legal.xuyun.example>",
    "privacy@xuyun.example",
    "Fwd: Fwd: 删除",
    "Fri, 27 Nov 2026 09:00:00 +0800",
    "",
)
INLINE_ORIGINAL = (
    "-----Original Message-----\nFrom: 王小明 <wang.xm@example.cn>\n"
    "Sent: Tuesday, November 24, 2026 8:00 PM\nTo: service@xuyun.example\n"
    f"Subject: 删除个人信息\n\n{DELETION}\n"
)


@pytest.mark.parametrize("last", ["attached", "inline"])
def test_a_four_level_chain_of_mixed_forms_takes_the_user_s_own_mail(
    database: Database, rule_book: RuleBook, tmp_path: Path, last: str
) -> None:
    original = Level(
        USER, "service@xuyun.example", "删除个人信息", "Tue, 24 Nov 2026 20:00:00 +0800", DELETION
    )
    if last == "inline":
        sales = Level(
            MIDDLE.sender,
            MIDDLE.to,
            MIDDLE.subject,
            MIDDLE_DATE,
            f"转给你们看看\n\n{INLINE_ORIGINAL}",
        )
        raw = chain_of([OUTER, LEGAL, sales], ["attached", "bare"])
    else:
        raw = chain_of([OUTER, LEGAL, MIDDLE, original], ["attached", "bare", "attached"])
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    assert (case.kind, case.jurisdiction) == (CaseKind.DELETION, "CN")
    assert case.received_at == datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    assert case.due_date == date(2026, 12, 15)
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags
    assert _subject_email(database, case) == "wang.xm@example.cn"


def test_a_level_without_a_date_is_flagged_and_the_next_receipt_is_used(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    undated = Level(MIDDLE.sender, MIDDLE.to, MIDDLE.subject, None, MIDDLE.text)
    raw = chain_of([OUTER, undated, ORIGINAL], ["attached", "attached"])
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    assert case.received_at == USER_AT
    assert case.due_date == DUE_FROM_USER
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value in case.review_flags
    assert ("original_date_not_used", "missing") in _reasons(case, "received")


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        (None, "missing"),
        # 93 days before the forward (Mon 30 Nov): past every statute's longest period.
        ("Fri, 28 Aug 2026 09:00:00 +0800", "too_old"),
        ("Mon, 30 Nov 2026 11:00:00 +0800", "later_than_forward"),
    ],
)
def test_an_implausible_innermost_date_falls_back_to_the_middle_receipt(
    database: Database, rule_book: RuleBook, tmp_path: Path, written: str | None, problem: str
) -> None:
    original = Level(USER, ORIGINAL.to, ORIGINAL.subject, written, DELETION)
    raw = chain_of([OUTER, MIDDLE, original], ["attached", "bare"])
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    # Thu 26 Nov 09:00 +0800 = 01:00 UTC; day 0 = Thu 26 Nov: 27 (1) | 30 Nov - 4 Dec (6) |
    # 7-11 Dec (11) | 14, 15, 16, Thu 17 Dec (15).
    assert case.received_at == datetime(2026, 11, 26, 1, 0, tzinfo=UTC)
    assert case.due_date == date(2026, 12, 17)
    assert ("original_date_not_used", problem) in _reasons(case, "received")


# QA18 h22: the user wrote to privacy@ on Wed 25 Nov; an outsider's copy went from relay2 to
# relay1, who sent it to privacy@ on Fri 27 Nov (no words of their own); a colleague passed
# relay1's mail on. The user made the request to the company themselves: the case is theirs.
RELAY1 = Level(
    "relay1@example.org",
    "privacy@xuyun.example",
    "Fwd: Fwd: Delete me",
    "Fri, 27 Nov 2026 09:00:00 +0100",
    "",
)
RELAY2 = Level(
    "relay2@example.org",
    "relay1@example.org",
    "Fwd: Delete me",
    "Thu, 26 Nov 2026 09:00:00 +0100",
    "",
)
STAFF = Level(
    "staff@xuyun.example",
    "privacy@xuyun.example",
    "Fwd: Fwd: Fwd: Delete me",
    OUTER_DATE,
    "FYI see attached",
)
HANS = "I am Hans Schmidt. Please delete my personal data (Art. 17)."


def test_qa18_h22_a_relayed_copy_of_a_mail_to_the_company_is_the_writer_s_request(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    original = Level("orig3@example.org", "privacy@xuyun.example", "Delete me", USER_DATE, HANS)
    raw = chain_of([STAFF, RELAY1, RELAY2, original], ["attached", "bare", "bare"])
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    assert case.kind == CaseKind.DELETION
    assert case.received_at == USER_AT
    assert case.due_date == DUE_FROM_USER  # not Fri 18 Dec, counted from relay1's 27 Nov
    assert _subject_email(database, case) == "orig3@example.org"
    assert _reasons(case, "requester") == [
        ("forwarded_sender", "orig3@example.org"),
        ("forwarded_by", "staff@xuyun.example"),
    ]


def test_an_outsider_who_brought_someone_s_mail_to_the_company_keeps_the_case(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # The deliberate rule for an outsider's forward (QA14/QA15): the user wrote to their
    # lawyer, not to the company; the lawyer sent it to service@ on Fri 27 Nov 16:00 in
    # Shanghai, which may act for them (PIPL Art. 49, an agent): the lawyer's case, flagged
    # for a person to check the authority. Day 0 = Fri 27 Nov: 30 Nov - 4 Dec (5) |
    # 7-11 Dec (10) | 14-18 Dec (15) = Fri 18 Dec.
    lawyer = Level(
        "Chen Lü <chen@lawfirm.example>",
        "service@xuyun.example",
        "Fwd: 删除",
        "Fri, 27 Nov 2026 09:00:00 +0100",
        "",
    )
    to_lawyer = Level(USER, "chen@lawfirm.example", "删除个人信息", USER_DATE, DELETION)
    raw = chain_of([STAFF, lawyer, to_lawyer], ["attached", "bare"])
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    assert case.received_at == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    assert case.due_date == date(2026, 12, 18)
    assert _subject_email(database, case) == "chen@lawfirm.example"
    assert ReviewFlag.FORWARDED.value in case.review_flags

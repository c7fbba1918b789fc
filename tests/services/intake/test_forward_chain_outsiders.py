"""Chains an outsider sends to the company that still show the company's own first receipt
(QA19 F12, F13): a request the company passed to outside counsel and counsel sent back, and a
requester sending her own unanswered request again. The data subject is the person who wrote
to the company, the receipt that message's date, the law read from its words.

The shipped letterhead makes xuyun.example the company's domain. GDPR Art. 12(3): one month
from receipt, counted by Reg. 1182/71 Art. 3(2)(c) (ends on the same date of the next month)
and Art. 3(4) (a Saturday, Sunday or holiday end moves to the next working day).
"""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.models.enums import ReviewFlag
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from tests.services.intake.forward_chain_mail import Level, chain_of
from tests.services.intake.test_first_receipt import _import
from tests.services.intake.test_forward_chains import (
    DELETION,
    DUE_FROM_USER,
    USER,
    USER_AT,
    USER_DATE,
    _reasons,
    _subject_email,
)

ALICE = "Alice Wong <alice.wong@gmail.com>"
ACCESS = "Under Article 15 GDPR I request access to the personal data you hold about me."
# Alice wrote to support@ on Fri 13 Nov 2026 09:00 UTC.
ALICE_REQUEST = Level(
    ALICE, "support@xuyun.example", "Data access request", "Fri, 13 Nov 2026 09:00:00 +0000", ACCESS
)
ALICE_AT = datetime(2026, 11, 13, 9, 0, tzinfo=UTC)
# One month from Fri 13 Nov = Sun 13 Dec 2026 (Art. 3(2)(c)) -> Mon 14 Dec (Art. 3(4)).
# From the last forward's 17 Nov it would be Thu 17 Dec, three days late.
DUE_FROM_ALICE = date(2026, 12, 14)
# Every outer message reached privacy@ on Tue 17 Nov 2026 10:00 UTC.
OUTER_DATE = "Tue, 17 Nov 2026 10:00:00 +0000"
IMPORTED_AT = datetime(2026, 11, 17, 10, 10, tzinfo=UTC)
TO_COUNSEL = Level(
    "Support <support@xuyun.example>",
    "counsel@lawfirm.example",
    "Fwd: Data access request",
    "Mon, 16 Nov 2026 08:00:00 +0000",
    "Please advise.",
)
FROM_COUNSEL = Level(
    "Counsel <counsel@lawfirm.example>",
    "privacy@xuyun.example",
    "Fwd: Fwd: Data access request",
    OUTER_DATE,
    "Back to you, privacy team. We think she may ask for everything.",
)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


@pytest.mark.parametrize(
    "forms", [["attached", "attached"], ["bare", "eml-file"]], ids=["attached", "bare-eml"]
)
def test_qa19_f12_a_request_sent_to_counsel_and_back_is_the_writer_s_from_her_own_mail(
    database: Database, rule_book: RuleBook, tmp_path: Path, forms: list[str]
) -> None:
    # support@ passed Alice's request to outside counsel, who sent it back to privacy@: the
    # company had it on 13 Nov; counsel only relayed it (their note is not the request).
    raw = chain_of([FROM_COUNSEL, TO_COUNSEL, ALICE_REQUEST], forms)
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    assert _subject_email(database, case) == "alice.wong@gmail.com"
    assert _reasons(case, "requester") == [
        ("forwarded_sender", "alice.wong@gmail.com"),
        ("forwarded_by", "counsel@lawfirm.example"),
    ]
    assert case.jurisdiction == "EU"
    assert case.received_at == ALICE_AT
    assert case.due_date == DUE_FROM_ALICE
    assert {ReviewFlag.FORWARDED.value, ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value} <= set(
        case.review_flags
    )


def _resent(inner: Level, form: str) -> bytes:
    note = "I sent this on 13 November and got no reply."
    outer = Level(inner.sender, "privacy@xuyun.example", f"Fwd: {inner.subject}", OUTER_DATE, note)
    if form == "attached":
        return chain_of([outer, inner], ["attached"])
    quoted = (
        f"{note}\n\n---------- Forwarded message ---------\nFrom: {inner.sender}\n"
        f"Date: {inner.date}\nSubject: {inner.subject}\nTo: <{inner.to}>\n\n{inner.text}"
    )
    return chain_of([Level(outer.sender, outer.to, outer.subject, OUTER_DATE, quoted)], [])


@pytest.mark.parametrize("form", ["attached", "inline"])
def test_qa19_f13_a_requester_resending_her_gdpr_request_gets_the_gdpr_from_her_first_mail(
    database: Database, rule_book: RuleBook, tmp_path: Path, form: str
) -> None:
    # Her covering note names no law (the default would be CN: 15 working days from 17 Nov,
    # Tue 8 Dec); her request cites Art. 15 GDPR and reached support@ on 13 Nov.
    case = _import(database, rule_book, tmp_path, _resent(ALICE_REQUEST, form), IMPORTED_AT)
    assert _subject_email(database, case) == "alice.wong@gmail.com"
    assert case.jurisdiction == "EU"
    assert case.received_at == ALICE_AT
    assert case.due_date == DUE_FROM_ALICE
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags
    assert ReviewFlag.FORWARDED.value not in case.review_flags  # her own mail, no one else's


def test_qa19_f13_a_resent_chinese_request_counts_pipl_s_days_from_the_first_mail(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # 王小明 wrote to service@ on Wed 25 Nov 16:00 in Shanghai and sends it again on Mon 30 Nov:
    # CN deletion, 15 working days from day 0 = Wed 25 Nov -> Wed 16 Dec (DUE_FROM_USER's
    # count). From the resend (day 0 Mon 30 Nov): 1-4 Dec (4) | 7-11 Dec (9) | 14-18 Dec (14)
    # | Mon 21 Dec (15): five days late.
    original = Level(USER, "service@xuyun.example", "删除个人信息", USER_DATE, DELETION)
    outer = Level(
        USER, "privacy@xuyun.example", "Fwd: 删除个人信息", "Mon, 30 Nov 2026 10:00:00 +0800", ""
    )
    raw = chain_of([outer, original], ["attached"])
    case = _import(database, rule_book, tmp_path, raw, datetime(2026, 11, 30, 2, 10, tzinfo=UTC))
    assert case.jurisdiction == "CN"
    assert case.received_at == USER_AT
    assert case.due_date == DUE_FROM_USER == date(2026, 12, 16)


def test_qa19_f13_a_resent_request_stays_flagged_as_a_duplicate_of_the_first(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Her 13 Nov mail was imported as a case; the resent copy is the same request again.
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first_raw = chain_of([ALICE_REQUEST], [])
    first = _import(database, rule_book, tmp_path / "a", first_raw, ALICE_AT)
    resent = _resent(ALICE_REQUEST, "attached")
    again = _import(database, rule_book, tmp_path / "b", resent, IMPORTED_AT)
    assert (first.jurisdiction, again.jurisdiction) == ("EU", "EU")
    assert again.due_date == first.due_date == DUE_FROM_ALICE
    assert again.duplicate_of_id == first.id
    assert ReviewFlag.POSSIBLE_DUPLICATE.value in again.review_flags


def test_a_reply_quoting_the_company_s_answer_is_no_resend_of_her_request(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Outlook quotes the thread: our 16 Nov answer, below it her 13 Nov request. Her reply is
    # received when it came (17 Nov), not backdated to the request it answers about.
    text = (
        "Here is the copy of my ID you asked for.\n\nFrom: Privacy <privacy@xuyun.example>\n"
        "Sent: Monday, 16 November 2026 09:00\nTo: Alice Wong <alice.wong@gmail.com>\n"
        "Subject: RE: Data access request\n\nPlease send a copy of your ID.\n\n"
        f"From: {ALICE}\nSent: Friday, 13 November 2026 09:00\nTo: support@xuyun.example\n"
        f"Subject: Data access request\n\n{ACCESS}"
    )
    reply = Level(ALICE, "privacy@xuyun.example", "RE: Data access request", OUTER_DATE, text)
    case = _import(database, rule_book, tmp_path, chain_of([reply], []), IMPORTED_AT)
    assert case.received_at == datetime(2026, 11, 17, 10, 0, tzinfo=UTC)
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value not in case.review_flags


# QA20 N3: Alice's own mail carries no Date:, so her receipt is unknown; support@'s forward
# to counsel on Mon 16 Nov 2026 08:00 UTC shows the company held the request by then.
# One month from Mon 16 Nov = Wed 16 Dec 2026 (Art. 3(2)(c), a working day). Counsel's
# return on 17 Nov would give Thu 17 Dec, a day late.
SUPPORT_FORWARD_AT = datetime(2026, 11, 16, 8, 0, tzinfo=UTC)
DUE_FROM_SUPPORT_FORWARD = date(2026, 12, 16)
ALICE_UNDATED = Level(ALICE, "support@xuyun.example", "Data access request", None, ACCESS)


def _outlook_undated() -> bytes:
    """Counsel's return as Outlook quotes it: support@'s "Sent:" line without a zone under a
    forward dated +0000 (read by the earlier of UTC and the company's zone, flagged: QA20
    N2), Alice's block without one."""
    bar = "_" * 32
    text = (
        f"Back to you, see below.\n\n{bar}\nFrom: Support <support@xuyun.example>\n"
        "Sent: Monday, November 16, 2026 8:00 AM\nTo: counsel@lawfirm.example\n"
        f"Subject: FW: Data access request\n\nPlease advise.\n\n{bar}\nFrom: {ALICE}\n"
        f"To: support@xuyun.example\nSubject: Data access request\n\n{ACCESS}"
    )
    outer = Level(
        FROM_COUNSEL.sender, FROM_COUNSEL.to, "FW: FW: Data access request", OUTER_DATE, text
    )
    return chain_of([outer], [])


@pytest.mark.parametrize("form", ["attached", "outlook-inline"])
def test_qa20_n3_an_undated_request_counts_from_the_company_s_own_dated_forward_to_counsel(
    database: Database, rule_book: RuleBook, tmp_path: Path, form: str
) -> None:
    if form == "attached":
        raw = chain_of([FROM_COUNSEL, TO_COUNSEL, ALICE_UNDATED], ["attached", "attached"])
    else:
        raw = _outlook_undated()
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    assert _subject_email(database, case) == "alice.wong@gmail.com"
    if form == "attached":
        assert case.received_at == SUPPORT_FORWARD_AT
    else:
        # "8:00 AM" with no zone: 08:00 in Shanghai (00:00 UTC) is earlier than 08:00 UTC.
        assert case.received_at == datetime(2026, 11, 16, 0, 0, tzinfo=UTC)
        assert ReviewFlag.DATE_WITHOUT_ZONE.value in case.review_flags
    assert case.due_date == DUE_FROM_SUPPORT_FORWARD  # Mon 16 Nov either way
    assert {
        ReviewFlag.FORWARDED.value,
        ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value,
        ReviewFlag.ORIGINAL_DATE_NOT_USED.value,
    } <= set(case.review_flags)
    assert ("original_date_not_used", "missing") in _reasons(case, "received")


def test_qa20_n3_support_s_undated_forward_leaves_alice_s_own_date_unflagged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Support@'s forward to counsel has no Date:; Alice's 13 Nov 09:00 UTC mail counts
    # (due Mon 14 Dec, see DUE_FROM_ALICE) and a sent level's missing date flags nothing.
    to_counsel = Level(TO_COUNSEL.sender, TO_COUNSEL.to, TO_COUNSEL.subject, None, TO_COUNSEL.text)
    raw = chain_of([FROM_COUNSEL, to_counsel, ALICE_REQUEST], ["attached", "attached"])
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    assert case.received_at == ALICE_AT
    assert case.due_date == DUE_FROM_ALICE
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags

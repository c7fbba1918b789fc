"""A Date: that names its zone by an abbreviation with several meanings (QA18 F14): "CST" is
China Standard Time (+0800) in mail from China and in Java's ``Date.toString()``, US Central
(-0600) in RFC 5322 §4.3, or Cuba. The import takes the meaning giving the EARLIEST receipt,
so that no statutory deadline is late, and flags the case for a person to confirm; a numeric
offset with a "(CST)" comment is unambiguous and stays as written.

CN rule: 15 working days counted from the day after the receipt day in Asia/Shanghai (PIPL
Art. 50 as the rule book sets it); US-CA opt-out: 15 business days (11 CCR §7026(f)), counted
from the day after the receipt day in America/Los_Angeles. No holiday falls in either count.
"""

from datetime import UTC, date, datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import ReviewFlag
from app.services.clock_adjustments import confirm_receipt
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_paths
from app.services.letter_fit import LetterBlocker, letter_fit
from app.store import Database
from tests.services.intake.test_first_receipt import _import

SHANGHAI = timezone(timedelta(hours=8))
AMBIGUOUS = ReviewFlag.DATE_ZONE_AMBIGUOUS.value
DELETE_ZH = "请删除我的个人信息。钱七"
OPT_OUT = "I am a California resident. Do not sell or share my personal information (CCPA opt-out)."


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _case(
    database: Database, rule_book: RuleBook, folder: Path, date_header: str, body: str
) -> Case:
    # Written by hand: EmailMessage's default policy would rewrite "CST" as "-0600".
    chinese = body == DELETE_ZH
    path = folder / "zone.eml"
    path.write_bytes(
        (
            f"From: {'钱七 <qian7@example.cn>' if chinese else 'P4 <p4@example.com>'}\r\n"
            "To: privacy@xuyun.example\r\n"
            f"Subject: {'删除个人信息' if chinese else 'CCPA request'}\r\n"
            f"Date: {date_header}\r\n"
            "Message-ID: <zone-name@example.cn>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n"
            f"{body}\r\n"
        ).encode()
    )
    import_paths(database.session, [path], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        session.expunge(case)
        return case


# Day 0 = Mon 30 Nov 2026 in Shanghai: 1-4 Dec (4), 7-11 (9), 14-18 (14), Mon 21 Dec (15).
# Read as US Central (-0600) the CST mail was 16:00 UTC = Tue 1 Dec 00:00 in Shanghai: due
# Tue 22 Dec, a working day late (QA18 F14).
@pytest.mark.parametrize(
    "date_header",
    [
        "Mon, 30 Nov 2026 10:00:00 CST",  # QA18 s1-cst.eml
        "Mon Nov 30 10:00:00 CST 2026",  # java.util.Date.toString() on a machine in China
        "Mon, 30 Nov 2026 10:00:00 cst",
    ],
)
def test_cst_from_china_is_read_as_the_earliest_meaning_and_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path, date_header: str
) -> None:
    case = _case(database, rule_book, tmp_path, date_header, DELETE_ZH)
    assert case.jurisdiction == "CN"
    assert case.received_at == datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # 10:00 at +0800
    assert case.due_date == date(2026, 12, 21)
    assert AMBIGUOUS in case.review_flags
    assert ReviewFlag.DATE_WITHOUT_ZONE.value not in case.review_flags


def test_a_numeric_offset_wins_over_its_cst_comment_unflagged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # QA18 s2: "+0800 (CST)" is 02:00 UTC whatever the comment says; due as above.
    case = _case(database, rule_book, tmp_path, "Mon, 30 Nov 2026 10:00:00 +0800 (CST)", DELETE_ZH)
    assert case.received_at == datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
    assert case.due_date == date(2026, 12, 21)
    assert AMBIGUOUS not in case.review_flags


def test_ist_is_read_as_india_the_earliest_of_india_ireland_and_israel(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # India +0530: 10:00 - 5:30 = 04:30 UTC (Ireland +0100 would be 09:00, Israel +0200 08:00;
    # before the fix the name was unknown and 10:00 was read as UTC).
    case = _case(database, rule_book, tmp_path, "Mon, 30 Nov 2026 10:00:00 IST", DELETE_ZH)
    assert case.received_at == datetime(2026, 11, 30, 4, 30, tzinfo=UTC)
    assert AMBIGUOUS in case.review_flags
    assert ReviewFlag.DATE_WITHOUT_ZONE.value not in case.review_flags


def test_a_californian_cst_date_is_never_later_than_its_us_central_reading(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Read as US Central, 10:00 CST = 16:00 UTC = Mon 30 Nov 08:00 in Los Angeles: due Mon 21
    # Dec (1-4 Dec (4), 7-11 (9), 14-18 (14), 21 (15)). Its earliest meaning, China +0800, is
    # 02:00 UTC = Sun 29 Nov 18:00 in Los Angeles: counting from Mon 30 Nov: 30 (1), 1-4 Dec
    # (5), 7-11 (10), 14-18 (15) = Fri 18 Dec, earlier, and flagged for a person to confirm.
    case = _case(database, rule_book, tmp_path, "Mon, 30 Nov 2026 10:00:00 CST", OPT_OUT)
    assert (case.jurisdiction, case.kind) == ("US-CA", "objection")
    assert case.received_at == datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
    assert case.due_date == date(2026, 12, 18)
    assert AMBIGUOUS in case.review_flags


def test_a_forwarded_sent_line_in_cst_gives_the_company_s_earliest_receipt(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # A colleague forwards at Mon 30 Nov 12:00 +0800 (04:00 UTC) a mail "Sent: Sunday,
    # November 29, 2026 11:00 PM CST". As China time it is 15:00 UTC on Sun 29 Nov (23:00 in
    # Shanghai): day 0 = Sun 29 Nov, counting from Mon 30 Nov: 30 (1), 1-4 Dec (5), 7-11 (10),
    # 14-18 (15) = Fri 18 Dec. dateparser alone read it as US Central, 05:00 UTC on 30 Nov,
    # after the forward: the forward's date stood and the case was due Mon 21 Dec.
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "Li Na <lina@support.xuyun.example>"
    message["To"] = "privacy@xuyun.example"
    message["Subject"] = "Fwd: 删除个人信息"
    message["Date"] = "Mon, 30 Nov 2026 12:00:00 +0800"
    message.set_content(
        "请处理，谢谢。\n\n-----Original Message-----\nFrom: 钱七 <qian7@example.cn>\n"
        "Sent: Sunday, November 29, 2026 11:00 PM CST\nTo: service@xuyun.example\n"
        f"Subject: 删除个人信息\n\n{DELETE_ZH}\n"
    )
    imported_at = datetime(2026, 11, 30, 22, 10, tzinfo=UTC)
    case = _import(database, rule_book, tmp_path, message.as_bytes(), imported_at)
    assert case.received_at == datetime(2026, 11, 29, 15, 0, tzinfo=UTC)
    assert case.due_date == date(2026, 12, 18)
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags
    assert AMBIGUOUS in case.review_flags
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags


def test_an_ambiguous_zone_holds_letters_until_a_person_confirms_the_receipt(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # A letter would state the receipt date, which may be a day early: it waits, as for a
    # Date: without a zone, until the receipt is confirmed (here as China time, 10:00 +0800).
    _case(database, rule_book, tmp_path, "Mon, 30 Nov 2026 10:00:00 CST", DELETE_ZH)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        fit = letter_fit(case, "acknowledgement", rule_book, date(2026, 11, 30))
        assert fit.blocker == LetterBlocker.RECEIPT_UNCONFIRMED
        confirm_receipt(
            session,
            case,
            rule_book,
            received_at=datetime(2026, 11, 30, 10, 0, tzinfo=SHANGHAI),
            today=date(2026, 11, 30),
        )
        assert AMBIGUOUS not in case.review_flags
        assert case.due_date == date(2026, 12, 21)
        assert letter_fit(case, "acknowledgement", rule_book, date(2026, 11, 30)).blocker is None


# QA20 N11 (zones2 y1, y2, y4): offsets written as RFC 5322 does not allow but plainly. Sun 29
# Nov 2026 23:00 +0800 = 15:00 UTC; day 0 Sun 29 Nov in Shanghai: Mon 30 Nov-Fri 4 Dec (5),
# 7-11 (10), 14-18 (15) = Fri 18 Dec. Read as UTC (Mon 30 Nov 07:00 Shanghai): Mon 21 Dec.
@pytest.mark.parametrize(
    "date_header",
    [
        "Sun, 29 Nov 2026 23:00:00 GMT+0800",
        "Sun, 29 Nov 2026 23:00:00 +08:00",
        "Sun, 29 Nov 2026 23:00:00 UTC+8",
        "Sun, 29 Nov 2026 23:00:00 GMT+8",
    ],
)
def test_a_loosely_written_offset_is_read_as_the_offset_it_states(
    database: Database, rule_book: RuleBook, tmp_path: Path, date_header: str
) -> None:
    case = _case(database, rule_book, tmp_path, date_header, DELETE_ZH)
    assert case.received_at == datetime(2026, 11, 29, 15, 0, tzinfo=UTC)
    assert case.due_date == date(2026, 12, 18)
    assert ReviewFlag.DATE_WITHOUT_ZONE.value not in case.review_flags
    assert AMBIGUOUS not in case.review_flags

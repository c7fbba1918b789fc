"""A colleague's inline forward imported whole (QA17 F1, F4): the quoted 12-hour "Sent:" line
gives the company's receipt at its real hour, and a forward whose own Date: is implausible
does not judge the original's good date against it.

The shipped letterhead makes xuyun.example the company's domain. The CN access rule: 15
working days counted from the day after the receipt day in Asia/Shanghai (PIPL Art. 50 as the
rule book sets it; no public holiday falls in late Nov or Dec 2026 before the 16th).
"""

from datetime import UTC, date, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from app.models.enums import ReviewFlag
from app.services.deadlines import RuleBook, load_rule_book
from app.store import Database
from tests.services.intake.test_first_receipt import _import

# QA17 imported at 22:10 UTC on 30 Nov 2026 (1 Dec in Shanghai).
IMPORTED_AT = datetime(2026, 11, 30, 22, 10, tzinfo=UTC)
REQUEST = (
    "您好，根据《个人信息保护法》第四十五条，我要求查阅并复制贵公司处理的我的全部个人信息。张伟"
)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _forward(date_header: str, sent: str) -> EmailMessage:
    """Outlook's inline forward by a colleague of a mail sent to customer service."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "Li Na <lina@support.xuyun.example>"
    message["To"] = "privacy@xuyun.example"
    message["Subject"] = "Fwd: 查阅个人信息"
    message["Date"] = date_header
    message.set_content(
        "请处理，谢谢。\n\n-----Original Message-----\nFrom: Zhang Wei <zhangwei@163.com>\n"
        f"Sent: {sent}\nTo: service@xuyun.example\nSubject: 查阅个人信息\n\n{REQUEST}\n"
    )
    return message


@pytest.mark.parametrize(
    ("forwarded", "sent", "received", "due"),
    [
        # QA f02: the forward is +0000, which tells no local zone (QA20 N2): "11:30 PM" is
        # read by the earlier of UTC and Shanghai, 24 Nov 23:30 +0800 = 15:30 UTC, Tue 24 Nov.
        # Counting from Wed 25 Nov: 25, 26, 27 (3) | 30, 1, 2, 3, 4 (8) | 7, 8, 9, 10, 11 (13)
        # | 14, 15 (15) = Tue 15 Dec. (Read as 11:30 AM it was 03:30 UTC.)
        (
            "Fri, 27 Nov 2026 01:00:00 +0000",
            "Tuesday, November 24, 2026 11:30 PM",
            datetime(2026, 11, 24, 15, 30, tzinfo=UTC),
            date(2026, 12, 15),
        ),
        # QA f23: the forward is -0500, so "12:30 AM" is 24 Nov 05:30 UTC = Tue 24 Nov 13:30
        # in Shanghai. Counting from Wed 25 Nov: 25, 26, 27 (3) | 30, 1, 2, 3, 4 (8) |
        # 7, 8, 9, 10, 11 (13) | 14, 15 (15) = Tue 15 Dec. (Read as noon it was 24 Nov 17:30
        # UTC = Wed 25 Nov 01:30 in Shanghai, due Wed 16 Dec: a working day late.)
        (
            "Fri, 27 Nov 2026 09:00:00 -0500",
            "Tuesday, November 24, 2026 12:30 AM",
            datetime(2026, 11, 24, 5, 30, tzinfo=UTC),
            date(2026, 12, 15),
        ),
    ],
)
def test_outlook_s_12_hour_sent_line_starts_the_clock_at_its_real_hour(
    database: Database,
    rule_book: RuleBook,
    tmp_path: Path,
    forwarded: str,
    sent: str,
    received: datetime,
    due: date,
) -> None:
    case = _import(database, rule_book, tmp_path, _forward(forwarded, sent).as_bytes(), IMPORTED_AT)
    assert case.jurisdiction == "CN"
    assert case.received_at == received
    assert case.due_date == due
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags


@pytest.mark.parametrize(
    "forwarded",
    [
        "Fri, 27 Nov 2099 09:00:00 +0800",  # QA f21: years ahead of the import
        "Fri, 27 Nov 1998 09:00:00 +0800",  # before e-mail requests (receipt_checks)
    ],
)
def test_a_forward_with_an_implausible_date_takes_the_original_s_plausible_one(
    database: Database, rule_book: RuleBook, tmp_path: Path, forwarded: str
) -> None:
    # "2026-11-25 22:15" in the forward's +0800 = 14:15 UTC, 5 days before the import: a
    # plausible receipt. Wed 25 Nov in Shanghai; counting from Thu 26 Nov: 26, 27 (2) |
    # 30, 1, 2, 3, 4 (7) | 7, 8, 9, 10, 11 (12) | 14, 15, 16 (15) = Wed 16 Dec.
    raw = _forward(forwarded, "2026-11-25 22:15").as_bytes()
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    assert case.received_at == datetime(2026, 11, 25, 14, 15, tzinfo=UTC)
    assert case.due_date == date(2026, 12, 16)
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags
    assert ReviewFlag.IMPLAUSIBLE_DATE.value not in case.review_flags  # the receipt is fine
    # Earlier than a forward dated 2099; not earlier than one dated 1998.
    earlier = ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags
    assert earlier is forwarded.endswith("2099 09:00:00 +0800")
    received = [(r["signal"], r["evidence"]) for r in case.triage_reasons]
    assert ("first_received", "2026-11-25T14:15:00+00:00") in received
    # Judged against the import, an original of 11 Aug 2026 (111 days before 30 Nov: past the
    # longest period, 92 days) is too old: the forward's implausible date stays, flagged.
    raw = _forward(forwarded, "2026-08-11 22:15").as_bytes()
    case = _import(database, rule_book, tmp_path, raw, IMPORTED_AT)
    assert case.received_at == datetime(int(forwarded[12:16]), 11, 27, 1, 0, tzinfo=UTC)
    assert ReviewFlag.IMPLAUSIBLE_DATE.value in case.review_flags
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value in case.review_flags
    received = [(r["signal"], r["evidence"]) for r in case.triage_reasons]
    assert ("original_date_not_used", "too_old") in received


@pytest.mark.parametrize(
    "sent",
    [
        "Sunday, November 29, 2026 11:00 PM",  # QA20 z4: Outlook's English quote header
        "2026年11月29日 23:00",  # QA20 z5: Chinese Outlook's "发送时间:" value
    ],
)
def test_a_zone_less_sent_line_under_a_utc_forward_is_read_at_its_earliest_and_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path, sent: str
) -> None:
    # QA20 N2: the forward's Date: is +0000 (a server's UTC, not the forwarder's zone), so the
    # line is read in UTC and in the company's zone (Shanghai) and the earlier taken: Sun 29 Nov
    # 23:00 +0800 = 15:00 UTC. Day 0 Sun 29 Nov; counting from Mon 30 Nov: 30, 1, 2, 3, 4 (5)
    # | 7 .. 11 (10) | 14 .. 18 (15) = Fri 18 Dec (read as UTC: Mon 30 Nov 07:00 Shanghai,
    # due Mon 21 Dec, a working day late).
    raw = _forward("Mon, 30 Nov 2026 02:00:00 +0000", sent)
    if not sent.startswith("Sunday"):
        body = raw.get_content().replace("Sent: ", "发送时间: ")
        raw.set_content(body)
    case = _import(database, rule_book, tmp_path, raw.as_bytes(), IMPORTED_AT)
    assert case.received_at == datetime(2026, 11, 29, 15, 0, tzinfo=UTC)
    assert case.due_date == date(2026, 12, 18)
    assert ReviewFlag.DATE_WITHOUT_ZONE.value in case.review_flags
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags


def test_a_zone_less_sent_line_under_a_forward_with_its_own_offset_is_read_in_it(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # The forward states +0100 (Paris in winter): "Sunday, November 29, 2026 11:00 PM" is 29 Nov
    # 23:00 +0100 = 22:00 UTC = Mon 30 Nov 06:00 Shanghai; counting from Tue 1 Dec: 1, 2, 3, 4
    # (4) | 7 .. 11 (9) | 14 .. 18 (14) | 21 (15) = Mon 21 Dec. The zone is known: no flag.
    raw = _forward("Mon, 30 Nov 2026 03:00:00 +0100", "Sunday, November 29, 2026 11:00 PM")
    case = _import(database, rule_book, tmp_path, raw.as_bytes(), IMPORTED_AT)
    assert case.received_at == datetime(2026, 11, 29, 22, 0, tzinfo=UTC)
    assert case.due_date == date(2026, 12, 21)
    assert ReviewFlag.DATE_WITHOUT_ZONE.value not in case.review_flags


def test_german_outlook_s_gesendet_line_dates_a_forwarded_baylda_letter(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # QA20 N7 (fwdreg g4): legal@ forwards on Tue 29 Dec 2026 09:00 +0000 a BayLDA letter
    # quoted "Gesendet: Montag, 28. Dezember 2026 10:00" (the forward's +0000 tells no zone:
    # read by the earlier of UTC and Shanghai, 02:00 UTC). Receipt Mon 28 Dec in Bavaria;
    # 7 Werktage (Mon-Sat): Tue 29 (1), Wed 30 (2), Thu 31 (3), [Fri 1 Jan], Sat 2 (4),
    # Mon 4 (5), Tue 5 (6), [Wed 6 Epiphany in Bavaria], Thu 7 (7) = Thu 7 Jan 2027.
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = "Legal <legal@xuyun.example>"
    message["To"] = "privacy@xuyun.example"
    message["Subject"] = "WG: Anhörung"
    message["Date"] = "Tue, 29 Dec 2026 09:00:00 +0000"
    message.set_content(
        "Zur Bearbeitung.\n\nVon: BayLDA <poststelle@lda.bayern.de>\n"
        "Gesendet: Montag, 28. Dezember 2026 10:00\nAn: legal@xuyun.example\n"
        "Betreff: Anhörung\n\nSehr geehrte Damen und Herren,\ndas Bayerische Landesamt für "
        "Datenschutzaufsicht hat eine Beschwerde von Herrn Max Huber erhalten. Wir bitten um "
        "Stellungnahme innerhalb von 7 Werktagen.\nMit freundlichen Grüßen\nBayLDA\n"
    )
    imported = datetime(2026, 12, 29, 10, 0, tzinfo=UTC)
    case = _import(database, rule_book, tmp_path, message.as_bytes(), imported)
    assert case.received_at == datetime(2026, 12, 28, 2, 0, tzinfo=UTC)
    assert case.due_date == date(2027, 1, 7)
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags

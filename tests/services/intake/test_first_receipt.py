"""A request that first reached another of the company's mailboxes and that a colleague then
forwarded to the privacy team is received when the company first received it (PIPL Art. 50,
GB/T 35273-2020 §8.7; GDPR Art. 12(3): receipt by the controller), not at the forward (QA15 F2).

The shipped letterhead makes xuyun.example the company's domain (privacy@xuyun.example).
"""

from datetime import UTC, date, datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case
from app.models.enums import ReceivedAtSource, ReviewFlag
from app.models.event import Event
from app.services.clock_adjustments import confirm_receipt
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letter_fit import LetterBlocker, letter_fit
from app.services.message_import import import_message_file
from app.store import Database
from tests.services.intake.forward_mail import ATTACHED_FORMS, attach_forward
from tests.services.intake.msg_builder import build_msg

COLLEAGUE = "Li Lei <li.lei@xuyun.example>"
USER = "王小明 <wang.xm@example.cn>"
FORWARDED_ON = "Thu, 12 Nov 2026 09:00:00 +0800"  # 2026-11-12 01:00 UTC
FORWARD_AT = datetime(2026, 11, 12, 1, 0, tzinfo=UTC)
IMPORTED_AT = datetime(2026, 11, 12, 2, 0, tzinfo=UTC)
ORIGINAL_AT = datetime(2026, 11, 11, 0, 0, tzinfo=UTC)  # Wed 11 Nov 2026 08:00 +0800
DELETION = "您好，请删除我的全部个人信息。王小明"
NOTE = "Hi privacy team, please handle.\n--\nLi Lei, Customer Service\n"
# The CN access/deletion rule: 15 working days after the receipt day (no holiday between).
# From Wed 11 Nov 2026: Thu 12 (1), Fri 13 (2), Mon 16 (3), Tue 17 (4), Wed 18 (5), Thu 19 (6),
# Fri 20 (7), Mon 23 (8), Tue 24 (9), Wed 25 (10), Thu 26 (11), Fri 27 (12), Mon 30 (13),
# Tue 1 Dec (14), Wed 2 Dec (15). From the forward, Thu 12 Nov, the 15th is Thu 3 Dec.
CN_DUE_FROM_ORIGINAL = date(2026, 12, 2)
CN_DUE_FROM_FORWARD = date(2026, 12, 3)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _mail(sender: str, to: str, body: str, date_header: str | None, subject: str) -> EmailMessage:
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    if date_header is not None:  # as written, even unreadable (the policy would drop it)
        message.set_raw("Date", date_header)
    message.set_content(body)
    return message


def _original(date_header: str | None = "Wed, 11 Nov 2026 08:00:00 +0800") -> EmailMessage:
    return _mail(USER, "service@xuyun.example", DELETION, date_header, "删除个人信息")


def _forward(body: str = NOTE, sender: str = COLLEAGUE) -> EmailMessage:
    return _mail(sender, "privacy@xuyun.example", body, FORWARDED_ON, "Fwd: 删除个人信息")


def _import(
    database: Database,
    rule_book: RuleBook,
    folder: Path,
    raw: bytes,
    imported_at: datetime = IMPORTED_AT,
) -> Case:
    path = folder / "forward.eml"
    path.write_bytes(raw)
    with database.session() as session:
        result = import_message_file(session, path, rule_book, import_time=imported_at)
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == result.reference)).one()
        session.expunge(case)
        return case


def _created(database: Database, case: Case) -> dict[str, object]:
    with database.session() as session:
        event = session.scalars(
            select(Event).where(Event.case_id == case.id, Event.action == "case.created")
        ).one()
        return dict(event.payload)


def _received_reasons(case: Case) -> list[tuple[str, str]]:
    return [(r["signal"], r["evidence"]) for r in case.triage_reasons if r["field"] == "received"]


@pytest.mark.parametrize("form", sorted(set(ATTACHED_FORMS) - {"outlook-msg"}))
def test_qa_s_attached_original_starts_the_cn_clock_at_the_company_s_receipt(
    database: Database, rule_book: RuleBook, tmp_path: Path, form: str
) -> None:
    raw = attach_forward(_forward(), _original(), form).as_bytes()
    case = _import(database, rule_book, tmp_path, raw)
    assert case.jurisdiction == "CN"
    assert case.received_at == ORIGINAL_AT
    assert case.received_at_source == ReceivedAtSource.DATE_HEADER
    assert case.due_date == CN_DUE_FROM_ORIGINAL
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags
    assert _received_reasons(case) == [
        ("first_received", "2026-11-11T00:00:00+00:00"),
        ("forwarded_at", "2026-11-12T01:00:00+00:00"),
    ]
    created = _created(database, case)
    assert created["first_received_at"] == "2026-11-11T00:00:00+00:00"
    assert created["forwarded_at"] == "2026-11-12T01:00:00+00:00"
    assert created["zone_assumed"] is False


# QA's inline forms: Foxmail's date line (no zone: read in the forward's +0800), Outlook's
# Chinese, Gmail's English with the zone written in it.
INLINE = {
    "foxmail": "------------------ 原始邮件 ------------------\n"
    '发件人: "王小明"<wang.xm@example.cn>;\n发送时间: 2026年11月11日(星期三) 上午8:00\n'
    '收件人: "service"<service@xuyun.example>;\n主题: 删除个人信息\n\n',
    "outlook-zh": "-----原始邮件-----\n发件人: 王小明 <wang.xm@example.cn>\n"
    "发送时间: 2026年11月11日 8:00\n收件人: service@xuyun.example\n主题: 删除个人信息\n\n",
    "gmail-en": "---------- Forwarded message ---------\nFrom: 王小明 <wang.xm@example.cn>\n"
    "Date: Wed, Nov 11, 2026 at 8:00 AM\nSubject: 删除个人信息\nTo: <service@xuyun.example>\n\n",
    "apple-zone": "Begin forwarded message:\n\n> From: 王小明 <wang.xm@example.cn>\n"
    "> Subject: 删除个人信息\n> Date: 11 November 2026 at 08:00:00 GMT+8\n"
    "> To: service@xuyun.example\n\n",
}


@pytest.mark.parametrize("client", sorted(INLINE))
def test_an_inline_original_starts_the_cn_clock_at_its_quoted_date(
    database: Database, rule_book: RuleBook, tmp_path: Path, client: str
) -> None:
    quoted = INLINE[client]
    prefix = "> " if client == "apple-zone" else ""
    forward = _forward(f"{NOTE}\n{quoted}{prefix}{DELETION}\n")
    case = _import(database, rule_book, tmp_path, forward.as_bytes())
    assert case.received_at == ORIGINAL_AT
    assert case.due_date == CN_DUE_FROM_ORIGINAL
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags
    assert _created(database, case)["zone_assumed"] is (client != "apple-zone")


def test_an_eu_request_is_due_one_month_from_the_company_s_receipt(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # Outlook (German) from a colleague in Berlin: the forward's Date: is +0100, and the
    # quoted "Gesendet:" line is in that zone: 11 Nov 2026 08:00 +0100 = 07:00 UTC.
    body = (
        f"{NOTE}\n-----Ursprüngliche Nachricht-----\nVon: Jürgen Weber <j.weber@example.de>\n"
        "Gesendet: Mittwoch, 11. November 2026 08:00\nAn: service@xuyun.example\n"
        "Betreff: Auskunft\n\nBitte erteilen Sie mir Auskunft nach Art. 15 DSGVO über meine "
        "Daten.\nJürgen Weber\n"
    )
    forward = _mail(COLLEAGUE, "privacy@xuyun.example", body, None, "WG: Auskunft")
    forward["Date"] = "Thu, 12 Nov 2026 09:00:00 +0100"
    case = _import(database, rule_book, tmp_path, forward.as_bytes())
    assert case.jurisdiction == "EU"
    assert case.received_at == datetime(2026, 11, 11, 7, 0, tzinfo=UTC)
    # GDPR Art. 12(3): one month of receipt; Art. 3(2)(c) Reg. 1182/71: the same date of the
    # next month, Wed 11 Nov 2026 → Fri 11 Dec 2026 (from the forward: Sat 12 Dec).
    assert case.due_date == date(2026, 12, 11)
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags


BAD_DATES = {
    # The original dated after the forward (12 Nov 09:00 +0800), or after the import.
    "later_than_forward": "Thu, 12 Nov 2026 10:00:00 +0800",
    "future": "Fri, 20 Nov 2026 08:00:00 +0800",
    "unreadable": "Mittwoch, den elften November",
    "missing": None,
    # 93 days before the forward: past every statute's longest period, extension included.
    "too_old": "Tue, 11 Aug 2026 08:00:00 +0800",
}


@pytest.mark.parametrize("problem", sorted(BAD_DATES))
def test_an_original_date_that_cannot_be_the_receipt_keeps_the_forward_s_and_flags_it(
    database: Database, rule_book: RuleBook, tmp_path: Path, problem: str
) -> None:
    original = _original(BAD_DATES[problem])
    raw = attach_forward(_forward(), original, "gmail").as_bytes()
    case = _import(database, rule_book, tmp_path, raw)
    assert case.received_at == FORWARD_AT
    assert case.due_date == CN_DUE_FROM_FORWARD
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value in case.review_flags
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value not in case.review_flags
    assert _received_reasons(case) == [
        ("forwarded_at", "2026-11-12T01:00:00+00:00"),
        ("original_date_not_used", problem),
    ]
    assert _created(database, case)["original_date"] == f"original:{problem}"


def test_a_slashed_date_whose_day_and_month_could_swap_is_not_guessed(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # "11/10/2026": 11 October (Europe) or 10 November (US).
    quoted = INLINE["outlook-zh"].replace("2026年11月11日 8:00", "11/10/2026 8:00")
    case = _import(
        database, rule_book, tmp_path, _forward(f"{NOTE}\n{quoted}{DELETION}\n").as_bytes()
    )
    assert case.received_at == FORWARD_AT
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value in case.review_flags
    assert ("original_date_not_used", "ambiguous") in _received_reasons(case)


@pytest.mark.parametrize(
    ("forwarder", "to"),
    [
        # A reseller forwards a mail sent to the company: not the company's own forward.
        ("Reseller <ops@reseller.example>", "service@xuyun.example"),
        # A colleague forwards a mail that never reached the company (sent to a reseller).
        (COLLEAGUE, "ops@reseller.example"),
        # A look-alike of the company's domain is not it.
        ("Li Lei <li.lei@xuyun-example.com>", "service@xuyun.example"),
    ],
)
def test_a_forward_that_is_no_colleague_s_of_a_company_mail_keeps_the_forward_s_receipt(
    database: Database, rule_book: RuleBook, tmp_path: Path, forwarder: str, to: str
) -> None:
    original = _mail(USER, to, DELETION, "Wed, 11 Nov 2026 08:00:00 +0800", "删除个人信息")
    raw = attach_forward(_forward(sender=forwarder), original, "gmail").as_bytes()
    case = _import(database, rule_book, tmp_path, raw)
    assert case.received_at == FORWARD_AT
    assert case.due_date == CN_DUE_FROM_FORWARD
    assert ReviewFlag.FORWARDED.value in case.review_flags
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value not in case.review_flags
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags
    assert _received_reasons(case) == []
    assert "forwarded_at" not in _created(database, case)


def _quoted(sender: str, sent: str, to: str, text: str, depth: int = 0) -> str:
    """A Gmail-style inline forward block and its text, quoted ``depth`` times with "> "."""
    lines = [
        "---------- Forwarded message ---------",
        f"From: {sender}",
        f"Date: {sent}",
        "Subject: 删除个人信息",
        f"To: <{to}>",
        "",
        text,
        "",
    ]
    return "\n".join(("> " * depth) + line for line in lines)


def test_a_chain_of_forwards_takes_the_earliest_receipt_by_the_company(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # The user wrote to service@ on Tue 10 Nov 08:00; a second colleague passed it to Li Lei
    # on Wed 11 Nov 09:00; Li Lei forwarded it on Thu 12 Nov. All in +0800.
    body = NOTE + "\n"
    body += _quoted(
        "Wang Fang <wang.fang@xuyun.example>",
        "Wed, Nov 11, 2026 at 9:00 AM",
        "li.lei@xuyun.example",
        "FYI",
    )
    body += _quoted(USER, "Tue, Nov 10, 2026 at 8:00 AM", "service@xuyun.example", DELETION)
    case = _import(database, rule_book, tmp_path, _forward(body).as_bytes())
    # Tue 10 Nov 2026 08:00 +0800 = 00:00 UTC. 15 working days after Tue 10 Nov: Wed 11 (1),
    # Thu 12 (2), Fri 13 (3), Mon 16 (4) … Fri 27 (13), Mon 30 (14), Tue 1 Dec (15).
    assert case.received_at == datetime(2026, 11, 10, 0, 0, tzinfo=UTC)
    assert case.due_date == date(2026, 12, 1)
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags


def test_in_a_chain_a_bad_innermost_date_falls_back_to_the_next_receipt_and_is_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    body = NOTE + "\n"
    body += _quoted(
        "Wang Fang <wang.fang@xuyun.example>",
        "Wed, Nov 11, 2026 at 9:00 AM",
        "li.lei@xuyun.example",
        "FYI",
    )
    body += _quoted(USER, "sometime last week", "service@xuyun.example", DELETION)
    case = _import(database, rule_book, tmp_path, _forward(body).as_bytes())
    # Wed 11 Nov 09:00 +0800 = 01:00 UTC: the day QA counts from, due Wed 2 Dec.
    assert case.received_at == datetime(2026, 11, 11, 1, 0, tzinfo=UTC)
    assert case.due_date == CN_DUE_FROM_ORIGINAL
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags
    assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value in case.review_flags


def test_a_reseller_s_mail_to_a_colleague_is_the_company_s_receipt_of_what_it_forwards(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # QA15 b07: the user wrote to the reseller (Tue 10 Nov), the reseller to Li Lei (Wed 11
    # Nov 09:00 +0800): the company received the request on Wed 11 Nov.
    body = NOTE + "\n"
    body += _quoted(
        "Reseller <ops@reseller.example>",
        "Wed, Nov 11, 2026 at 9:00 AM",
        "li.lei@xuyun.example",
        "FYI. Reseller desk",
    )
    body += _quoted(USER, "Tue, Nov 10, 2026 at 8:00 AM", "ops@reseller.example", DELETION)
    case = _import(database, rule_book, tmp_path, _forward(body).as_bytes())
    assert case.received_at == datetime(2026, 11, 11, 1, 0, tzinfo=UTC)
    assert case.due_date == CN_DUE_FROM_ORIGINAL


_ORIGINAL_HEADERS = (
    "From: 王小明 <wang.xm@example.cn>\r\nTo: service@xuyun.example\r\n"
    "Subject: 删除个人信息\r\nDate: Wed, 11 Nov 2026 08:00:00 +0800\r\n"
)
_ORIGINAL_ITEM = {
    "0037": "删除个人信息",
    "0042": "王小明",
    "5D01": "wang.xm@example.cn",
    "1000": DELETION,
    "007D": _ORIGINAL_HEADERS,  # PR_TRANSPORT_MESSAGE_HEADERS, as Outlook keeps them
}


def test_an_outlook_item_attached_as_a_msg_file_starts_the_clock_at_its_date(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    forward = _forward()
    forward.add_attachment(
        build_msg(_ORIGINAL_ITEM),
        maintype="application",
        subtype="vnd.ms-outlook",
        filename="删除个人信息.msg",
    )
    case = _import(database, rule_book, tmp_path, forward.as_bytes())
    assert case.received_at == ORIGINAL_AT
    assert case.due_date == CN_DUE_FROM_ORIGINAL
    assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags


def test_an_outlook_forward_as_attachment_starts_the_clock_at_the_item_s_date(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    outer = {
        "0037": "FW: 删除个人信息",
        "0042": "Li Lei",
        "5D01": "li.lei@xuyun.example",
        "1000": NOTE,
        "007D": f"From: {COLLEAGUE}\r\nTo: privacy@xuyun.example\r\nDate: {FORWARDED_ON}\r\n",
    }
    path = tmp_path / "forward.msg"
    path.write_bytes(build_msg(outer, embedded=[_ORIGINAL_ITEM]))
    with database.session() as session:
        result = import_message_file(session, path, rule_book, import_time=IMPORTED_AT)
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == result.reference)).one()
        assert case.received_at == ORIGINAL_AT
        assert case.due_date == CN_DUE_FROM_ORIGINAL
        assert ReviewFlag.RECEIVED_EARLIER_BY_COMPANY.value in case.review_flags


def test_a_letter_waits_until_a_person_confirms_the_receipt_the_original_could_not_give(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    raw = attach_forward(_forward(), _original(None), "gmail").as_bytes()
    reference = _import(database, rule_book, tmp_path, raw).reference
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        fit = letter_fit(case, "acknowledgement", rule_book, date(2026, 11, 12))
        assert fit.blocker == LetterBlocker.RECEIPT_UNCONFIRMED
        # The service desk's log shows the mail arrived on Wed 11 Nov 2026 at 08:00 +0800.
        confirm_receipt(session, case, rule_book, received_at=ORIGINAL_AT, today=date(2026, 11, 12))
        assert ReviewFlag.ORIGINAL_DATE_NOT_USED.value not in case.review_flags
        assert case.due_date == CN_DUE_FROM_ORIGINAL
        assert letter_fit(case, "acknowledgement", rule_book, date(2026, 11, 12)).blocker is None

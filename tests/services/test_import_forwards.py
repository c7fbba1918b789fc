"""Importing forwarded, deeply nested and invisibly marked mail (QA11 D10, D12; QA12 on D8):
a forward from the controller's own domain is filed under the forwarded message's sender, any
forward of another person's mail is flagged with that sender in the reasons; a message nested
200 deep becomes a flagged case keeping its original; invisible joiners leave a name."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case, DataSubject
from app.models.enums import AttachmentKind, ReviewFlag
from app.models.subject import IdentifierKind
from app.services.case_queries import case_detail
from app.services.controller_domains import (
    controller_domains,
    domains_in,
    is_controller_address,
)
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.services.settings import write_setting
from app.services.settings_letterhead import LETTERHEAD_KEY, LetterheadFields, save_letterhead
from app.store import Database
from tests.services.intake.forward_mail import mail
from tests.services.settings_factory import TODAY

REQUEST = "请删除我在贵公司的全部个人信息。"
FORWARD_SUBJECT = "Fwd: 删除个人信息"
Build = Callable[[str, str], bytes]


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _inline_forward(forwarder: str, sender: str) -> bytes:
    body = (
        "用户的删除请求，请处理。\n\n---------- Forwarded message ---------\n"
        f"From: {sender}\nDate: Sun, 15 Nov 2026 at 09:00\nSubject: 删除个人信息\n"
        f"To: <support@xuyun.example>\n\n{REQUEST}"
    )
    return mail(forwarder, body, subject=FORWARD_SUBJECT).as_bytes()


def _attached_forward(forwarder: str, sender: str) -> bytes:
    outer = mail(forwarder, "转发用户来信，见附件。", subject=FORWARD_SUBJECT)
    outer.add_attachment(mail(sender, REQUEST, subject="删除个人信息"))
    return outer.as_bytes()


def _import(database: Database, rule_book: RuleBook, path: Path, raw: bytes) -> str:
    path.write_bytes(raw)
    report = import_paths(database.session, [path], rule_book)
    assert [r.outcome for r in report.results] == [ImportOutcome.IMPORTED], report.results
    reference = report.results[0].reference
    assert reference is not None
    return reference


@dataclass(frozen=True)
class Filed:
    """What a case was filed under and flagged with, read in one session."""

    email: str | None
    name: str | None
    flags: list[str]
    requester_reasons: list[tuple[str, str]]
    subject_line: str


def _filed(database: Database, reference: str) -> Filed:
    with database.session() as session:
        case = session.scalars(select(Case).where(Case.reference == reference)).one()
        subject = session.get(DataSubject, case.subject_id)
        assert subject is not None
        reasons = [
            (r["signal"], r["evidence"]) for r in case.triage_reasons if r["field"] == "requester"
        ]
        return Filed(
            subject.identifier(IdentifierKind.EMAIL),
            subject.display_name,
            list(case.review_flags),
            reasons,
            case.subject_line,
        )


@pytest.mark.parametrize("build", [_inline_forward, _attached_forward], ids=["inline", "attached"])
@pytest.mark.parametrize(
    "forwarder", ["Li Wei <li.wei@xuyun.example>", "客服 <kefu@support.Xuyun.example>"]
)
def test_a_forward_by_the_company_s_own_staff_is_filed_under_the_user(
    database: Database, rule_book: RuleBook, tmp_path: Path, build: Build, forwarder: str
) -> None:
    # The shipped letterhead's privacy contact is privacy@xuyun.example: its domain and the
    # subdomains below it are the company's own.
    raw = build(forwarder, "Zhang San <zhang.san@Example.CN>")
    reference = _import(database, rule_book, tmp_path / "fwd.eml", raw)
    filed = _filed(database, reference)
    assert (filed.email, filed.name) == ("zhang.san@example.cn", "Zhang San")
    assert ReviewFlag.FORWARDED.value in filed.flags
    forwarder_address = forwarder.split("<")[1].rstrip(">").replace("Xuyun", "xuyun")
    assert filed.requester_reasons == [
        ("forwarded_sender", "zhang.san@example.cn"),
        ("forwarded_by", forwarder_address),
    ]
    # The message is kept as it came: its text, and the file as the original.
    with database.session() as session:
        detail = case_detail(session, reference, rule_book, today=TODAY)
        stored = session.scalars(select(Case).where(Case.reference == reference)).one()
        original = [a for a in stored.attachments if a.kind == AttachmentKind.ORIGINAL_MESSAGE]
        assert [a.content for a in original] == [raw]
    assert detail.message_text.startswith(_text_start(build))


def _text_start(build: Build) -> str:
    return "用户的删除请求，请处理。" if build is _inline_forward else "转发用户来信，见附件。"


@pytest.mark.parametrize("build", [_inline_forward, _attached_forward], ids=["inline", "attached"])
def test_an_outsider_s_forward_stays_theirs_and_names_the_sender_for_review(
    database: Database, rule_book: RuleBook, tmp_path: Path, build: Build
) -> None:
    # A lawyer, a relative or an agent may act for the person (PIPL Art. 49): a person checks.
    raw = build("Chen Lü <chen@lawfirm.example>", "王芳 <wang.fang@example.cn>")
    reference = _import(database, rule_book, tmp_path / "agent.eml", raw)
    filed = _filed(database, reference)
    assert filed.email == "chen@lawfirm.example"
    assert ReviewFlag.FORWARDED.value in filed.flags
    assert filed.requester_reasons == [
        ("sender", "chen@lawfirm.example"),
        ("forwarded_sender", "wang.fang@example.cn"),
    ]


def test_qa11_h37_forward_is_flagged_with_its_inner_sender(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    raw = (
        b"From: Forwarder <fwd@example.com>\r\nSubject: Fwd: deletion\r\n"
        b"Date: Mon, 16 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: message/rfc822\r\n\r\nFrom: Inner <inner@example.com>\r\n"
        b"Subject: inner delete\r\n\r\nPlease delete my data.\r\n"
    )
    reference = _import(database, rule_book, tmp_path / "h37-nested.eml", raw)
    filed = _filed(database, reference)
    assert filed.email == "fwd@example.com"
    assert ReviewFlag.FORWARDED.value in filed.flags
    assert ("forwarded_sender", "inner@example.com") in filed.requester_reasons


@pytest.mark.parametrize(
    "raw",
    [
        # A person forwards their own earlier request.
        _inline_forward("Zhang San <zhang.san@example.cn>", "Zhang San <Zhang.San@example.cn>"),
        # A reply quoting the company's own letter back.
        _inline_forward("Zhang San <zhang.san@example.cn>", "Privacy <privacy@xuyun.example>"),
        # A colleague forwards a colleague's mail.
        _inline_forward("Li Wei <li.wei@xuyun.example>", "Wang Fang <wang.fang@xuyun.example>"),
    ],
    ids=["own-mail", "our-letter", "internal"],
)
def test_a_forward_of_no_other_person_s_mail_is_not_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path, raw: bytes
) -> None:
    reference = _import(database, rule_book, tmp_path / "own.eml", raw)
    filed = _filed(database, reference)
    assert filed.email == _mail_sender(raw)
    assert ReviewFlag.FORWARDED.value not in filed.flags


def _mail_sender(raw: bytes) -> str:
    line = next(x for x in raw.decode().splitlines() if x.startswith("From: "))
    return line.split("<")[1].rstrip(">")


def test_the_stored_letterhead_decides_which_domains_are_the_company_s(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    fields = LetterheadFields(
        company_name="史密斯数据科技有限公司",
        address="上海市浦东新区世纪大道 100 号",
        privacy_contact="dpo@smith-jones.example",  # an address: letters say "write to" it
        website="https://www.smith-jones.example/privacy",
        complaint_channel="complaints@care.smith-jones.example",
    )
    with database.session() as session:
        save_letterhead(session, fields, actor="admin")
        assert controller_domains(session) == {"smith-jones.example", "care.smith-jones.example"}
    staff = _inline_forward("Ops <ops@smith-jones.example>", "Zhang San <zhang.san@example.cn>")
    former = _inline_forward("Li Wei <li.wei@xuyun.example>", "Wang Fang <wang.fang@example.cn>")
    by_staff = _import(database, rule_book, tmp_path / "staff.eml", staff)
    by_former = _import(database, rule_book, tmp_path / "former.eml", former)
    assert _filed(database, by_staff).email == "zhang.san@example.cn"
    assert _filed(database, by_former).email == "li.wei@xuyun.example"


def test_the_shipped_letterhead_gives_the_default_domain(database: Database) -> None:
    with database.session() as session:
        assert controller_domains(session) == {"xuyun.example"}


@pytest.mark.parametrize(
    ("texts", "domains"),
    [
        (["privacy@Xuyun.example"], {"xuyun.example"}),
        (["https://www.xuyun.example/privacy"], {"xuyun.example"}),
        (["隐私联系人：dpo@corp.example.com.cn，电话 400-800-1234"], {"corp.example.com.cn"}),
        (["www.shop.example", "mailto:a@b.example"], {"shop.example", "b.example"}),
        (["个人信息保护负责人", "400-800-1234", ""], set()),
    ],
)
def test_domains_are_read_from_addresses_and_websites(texts: list[str], domains: set[str]) -> None:
    assert domains_in(texts) == domains


@pytest.mark.parametrize(
    ("texts", "domains"),
    [
        # QA17 F8: user info before the host hides which host is meant; none is taken.
        (["https://user:pw@evil.com"], set()),
        (["https://xuyun.example@evil.com/privacy"], set()),
        (["投诉：https://@evil.com/form 或 complaints@xuyun.example"], {"xuyun.example"}),
        (["https://www.xuyun.example/privacy", "https://u@evil.com"], {"xuyun.example"}),
    ],
)
def test_a_url_with_user_info_gives_no_domain(texts: list[str], domains: set[str]) -> None:
    assert domains_in(texts) == domains


def test_a_stored_website_with_credentials_does_not_make_its_host_the_company_s(
    database: Database,
) -> None:
    texts = {
        "company_name": "史密斯数据科技有限公司",
        "address": "上海市浦东新区世纪大道 100 号",
        "privacy_contact": "dpo@smith-jones.example",
        "website": "https://user:pw@evil.com",  # stored before Settings refused it
    }
    with database.session() as session:
        write_setting(session, LETTERHEAD_KEY, texts, actor="admin")
        own = controller_domains(session)
    assert own == {"smith-jones.example"}
    assert not is_controller_address("ops@evil.com", own)


@pytest.mark.parametrize(
    ("address", "own"),
    [
        ("li.wei@xuyun.example", True),
        ("kefu@support.xuyun.example", True),
        ("li.wei@XUYUN.example", True),
        ("a@evilxuyun.example", False),
        ("a@xuyun.example.evil.test", False),
        ("a@example.com", False),
    ],
)
def test_a_subdomain_is_the_company_s_but_a_lookalike_is_not(address: str, own: bool) -> None:
    assert is_controller_address(address, frozenset({"xuyun.example"})) is own


def test_qa11_h38_a_message_nested_200_deep_becomes_a_flagged_case(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    levels = b"".join(
        b"--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n" % (i, i + 1)
        for i in range(200)
    )
    closes = b"".join(b"--b%d--\r\n" % i for i in reversed(range(201)))
    raw = (
        b"From: Deep <deep@example.com>\r\nSubject: deep\r\n"
        b"Date: Mon, 16 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: multipart/mixed; boundary=b0\r\n\r\n"
        b"--b0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"I want to delete my account under GDPR Article 17.\r\n" + levels + closes
    )
    reference = _import(database, rule_book, tmp_path / "h38-deep-nesting.eml", raw)
    filed = _filed(database, reference)
    assert (filed.email, filed.subject_line) == ("deep@example.com", "deep")
    assert ReviewFlag.DEEPLY_NESTED.value in filed.flags
    with database.session() as session:
        detail = case_detail(session, reference, rule_book, today=TODAY)
        stored = session.scalars(select(Case).where(Case.reference == reference)).one()
        assert [a.content for a in stored.attachments] == [raw]
    # The text above the cut is read (and triaged).
    assert detail.message_text == "I want to delete my account under GDPR Article 17."


def test_qa12_a_joiner_in_the_sender_s_name_is_removed_and_flagged(
    database: Database, rule_book: RuleBook, tmp_path: Path
) -> None:
    # QA11's h17: "Zhang<ZWJ> San" stayed in the subject's name (QA12 list-h.json).
    named = mail("=?utf-8?b?WmhhbmfigI0gU2Fu?= <zhang.san@example.cn>", REQUEST, subject="删除")
    persian = mail("=?utf-8?b?2YXbjOKAjNiu2YjYp9mH2YU=?= <a@example.ir>", REQUEST, subject="x")
    zhang = _import(database, rule_book, tmp_path / "zwj.eml", named.as_bytes())
    farsi = _import(database, rule_book, tmp_path / "zwnj.eml", persian.as_bytes())
    filed = _filed(database, zhang)
    assert (filed.name, ReviewFlag.NAME_INVISIBLES.value in filed.flags) == ("Zhang San", True)
    filed = _filed(database, farsi)
    assert (filed.name, ReviewFlag.NAME_INVISIBLES.value in filed.flags) == (
        "می\u200cخواهم",
        False,
    )

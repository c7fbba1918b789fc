"""A forward filed under the forwarded message's sender (one of the controller's own people
passes on a user's mail) takes the phone number and account ID from the user's own words, not
from the forwarder's note and signature; attached in each client's form or quoted inline."""

import pytest

from app.models.enums import ReviewFlag
from app.services.intake.files import parse_incoming
from app.services.intake.forwarded_triage import triage_forward
from app.services.intake.reasons import TriageReason
from app.services.intake.vocabulary import default_rules
from tests.services.intake.forward_mail import ATTACHED_FORMS, attach_forward, mail

OWN = frozenset({"xuyun.example"})
STAFF = "Li Wei <li.wei@xuyun.example>"
# The forwarder's note and signature: a labelled phone, the staff member's own desk line.
NOTE = "请处理下面这位用户的请求。\n\n李伟\n客服部\n电话：010-5555 0100\n"
USER = "Zhang San <zhang.san@example.cn>"
REQUEST = "请删除我在贵公司的全部个人信息。\n联系电话：138 1234 5678\n账号ID：zhang_88\n"
# As ``labelled_identifiers`` normalises them: the mobile number's digits, the ID as written.
USER_IDS = ("13812345678", "zhang_88")
BODY_LABELS = [
    TriageReason("requester", "body_label", "13812345678"),
    TriageReason("requester", "body_label", "zhang_88"),
]


def _identifiers(raw: bytes) -> tuple[str | None, str | None, str | None, list[TriageReason]]:
    proposal = triage_forward(parse_incoming(raw), default_rules(), OWN)
    assert ReviewFlag.FORWARDED in proposal.flags
    labelled = [r for r in proposal.reasons if (r.field, r.signal) == ("requester", "body_label")]
    return (
        proposal.requester_email,
        proposal.requester_phone,
        proposal.requester_account_id,
        labelled,
    )


@pytest.mark.parametrize("form", sorted(ATTACHED_FORMS))
def test_an_attached_request_gives_the_user_s_phone_and_account(form: str) -> None:
    inner = mail(USER, REQUEST, subject="删除个人信息")
    raw = attach_forward(mail(STAFF, NOTE, subject="FW: 用户来信"), inner, form).as_bytes()
    assert _identifiers(raw) == ("zhang.san@example.cn", *USER_IDS, BODY_LABELS)


INLINE = [
    # Gmail (Chinese).
    "---------- 转发的邮件 ---------\n发件人：Zhang San <zhang.san@example.cn>\n"
    "Date: 2026年11月16日周一 10:00\nSubject: 删除个人信息\nTo: <support@xuyun.example>\n\n",
    # Outlook (Chinese).
    "-----原始邮件-----\n发件人: Zhang San <zhang.san@example.cn>\n"
    "发送时间: 2026年11月16日 10:00\n收件人: support@xuyun.example\n主题: 删除个人信息\n\n",
    # QQ Mail / Foxmail.
    "------------------ 原始邮件 ------------------\n"
    '发件人: "Zhang San"<zhang.san@example.cn>;\n发送时间: 2026年11月16日(星期一) 上午10:00\n'
    '收件人: "support"<support@xuyun.example>;\n主题: 删除个人信息\n\n',
    # Apple Mail, quoted with "> " (the request's lines too).
    "Begin forwarded message:\n\n> From: Zhang San <zhang.san@example.cn>\n"
    "> Subject: 删除个人信息\n> Date: 16 November 2026 at 10:00:00 GMT+8\n"
    "> To: support@xuyun.example\n>\n",
]


@pytest.mark.parametrize("header", INLINE)
def test_an_inline_request_gives_the_user_s_phone_and_account(header: str) -> None:
    quote = "> " if header.startswith("Begin") else ""
    quoted = "".join(f"{quote}{line}\n" for line in REQUEST.splitlines())
    raw = mail(STAFF, f"{NOTE}\n{header}{quoted}", subject="Fwd: 删除个人信息").as_bytes()
    assert _identifiers(raw) == ("zhang.san@example.cn", *USER_IDS, BODY_LABELS)


def test_an_english_forward_gives_the_user_s_phone_not_the_signature_s() -> None:
    note = "Please handle the customer's mail below.\n\nLi Wei\nSupport\nTel: +86 10 5555 0100\n"
    header = (
        "-----Original Message-----\nFrom: Anna Schmidt <anna.schmidt@example.de>\n"
        "Sent: Monday, November 16, 2026 10:00\nTo: support@xuyun.example\n"
        "Subject: Löschung\n\n"
    )
    request = (
        "Bitte löschen Sie alle meine personenbezogenen Daten.\n"
        "Telefon: +49 170 1234567\nKundennummer: DE-44817\n"
    )
    raw = mail(STAFF, note + "\n" + header + request, subject="FW: Löschung").as_bytes()
    assert _identifiers(raw) == (
        "anna.schmidt@example.de",
        "+491701234567",
        "DE-44817",
        [
            TriageReason("requester", "body_label", "+491701234567"),
            TriageReason("requester", "body_label", "DE-44817"),
        ],
    )


def test_a_request_without_identifiers_takes_none_from_the_forwarder() -> None:
    inner = mail(USER, "请删除我在贵公司的全部个人信息。", subject="删除个人信息")
    raw = attach_forward(mail(STAFF, NOTE, subject="FW: 用户来信"), inner, "gmail").as_bytes()
    # The desk line 010-5555 0100 is Li Wei's, not Zhang San's.
    assert _identifiers(raw) == ("zhang.san@example.cn", None, None, [])


def test_an_outsider_s_forward_keeps_the_forwarder_s_own_identifiers() -> None:
    # A relative forwards the mail from her own address: the case stays filed under her, so
    # her own labelled phone is the requester's (forwarded_requester).
    note = "我代我父亲转发他的删除请求。\n联系电话：139 8765 4321\n"
    inner = mail(USER, REQUEST, subject="删除个人信息")
    outer = mail("Zhang Li <zhang.li@example.com>", note, subject="FW: 删除个人信息")
    raw = attach_forward(outer, inner, "gmail").as_bytes()
    assert _identifiers(raw) == (
        "zhang.li@example.com",
        "13987654321",
        None,
        [TriageReason("requester", "body_label", "13987654321")],
    )


# QA15 F3: a law firm's agent forwards a person's request; the case stays filed under the
# agent (an outsider), whose record takes the agent's own phone and never the person's IDs.
AGENT = "Agent <agent@lawfirm.example>"
AGENT_NOTE = "Please action. Agent tel 13800000002\n"
PERSON = "Please delete all my personal data. Account ID PD-998877.\nTel: 139 1234 5678\n"
AGENT_IDS = (
    "agent@lawfirm.example",
    "13800000002",
    None,
    [TriageReason("requester", "body_label", "13800000002")],
)


@pytest.mark.parametrize("form", sorted(ATTACHED_FORMS))
def test_an_outsider_s_attached_forward_gives_the_person_s_ids_to_nobody(form: str) -> None:
    inner = mail("Pat Doe <pat@example.com>", PERSON, subject="delete")
    raw = attach_forward(mail(AGENT, AGENT_NOTE, subject="Fwd: deletion"), inner, form)
    assert _identifiers(raw.as_bytes()) == AGENT_IDS


@pytest.mark.parametrize(
    "header",
    [
        *INLINE,
        # Gmail (English), as QA15's b08 mail has it.
        "---------- Forwarded message ---------\nFrom: Pat Doe <pat@example.com>\n"
        "Date: Wed, Nov 11, 2026 at 9:00 AM\nSubject: delete\nTo: <agent@lawfirm.example>\n\n",
    ],
)
def test_an_outsider_s_inline_forward_gives_the_person_s_ids_to_nobody(header: str) -> None:
    quote = "> " if header.startswith("Begin") else ""
    quoted = "".join(f"{quote}{line}\n" for line in PERSON.splitlines())
    raw = mail(AGENT, f"{AGENT_NOTE}\n{header}{quoted}", subject="Fwd: deletion").as_bytes()
    assert _identifiers(raw) == AGENT_IDS

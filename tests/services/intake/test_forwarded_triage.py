"""A forward of someone's request is triaged on the forwarded words (kind, language,
jurisdiction), whatever the forwarder's note says and in whatever form the client forwards:
attached (Gmail, Outlook, Apple Mail, Thunderbird, an .eml or .msg file) or quoted inline in
each client's wording and language."""

import pytest

from app.models.enums import CaseKind, ReviewFlag
from app.services.intake.files import parse_incoming
from app.services.intake.forwarded_triage import triage_forward
from app.services.intake.forwards import ForwardedSender
from app.services.intake.triage import triage
from app.services.intake.vocabulary import default_rules
from tests.services.intake.forward_mail import ATTACHED_FORMS, attach_forward, mail
from tests.services.intake.msg_builder import build_msg

OWN = frozenset({"xuyun.example"})
STAFF = "Li Wei <li.wei@xuyun.example>"
# The staff member's note is English and asks for nothing: read alone, it is no request.
NOTE = (
    "Hi team, forwarding the message below from our support queue. "
    "Can someone take care of it today? Thanks, Li"
)
REQUEST = "请删除我在贵公司的全部个人信息。"


@pytest.mark.parametrize("form", sorted(ATTACHED_FORMS))
def test_an_attached_request_is_triaged_on_its_own_words(form: str) -> None:
    inner = mail("Zhang San <zhang.san@example.cn>", REQUEST, subject="删除个人信息")
    raw = attach_forward(mail(STAFF, NOTE, subject="FW: customer mail"), inner, form).as_bytes()
    message = parse_incoming(raw)
    proposal = triage_forward(message, default_rules(), OWN)
    # "删除 … 个人信息" is the deletion wording; a Chinese letter without a named law is read
    # under PIPL (CN); the forwarder's own domain files it under the user.
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (
        CaseKind.DELETION,
        "zh",
        "CN",
    )
    assert proposal.requester_email == "zhang.san@example.cn"
    assert ReviewFlag.NOT_A_REQUEST not in proposal.flags
    assert ReviewFlag.FORWARDED in proposal.flags
    assert message.body_text == NOTE  # the case shows the note as written


INLINE = [
    # Outlook (Chinese), QQ Mail / Foxmail.
    (
        "转发: 删除申请",
        "-----原始邮件-----\n发件人: 王五 <wang.wu@example.cn>\n发送时间: 2026年11月16日 10:00\n"
        "收件人: support@xuyun.example\n主题: 删除申请\n\n" + REQUEST,
        (CaseKind.DELETION, "zh", "CN"),
    ),
    (
        "转发：注销账号",
        "------------------ 原始邮件 ------------------\n"
        '发件人: "赵六"<zhaoliu@qq.com>;\n发送时间: 2026年11月16日(星期一) 上午10:00\n'
        '收件人: "support"<support@xuyun.example>;\n主题: 删除个人信息\n\n' + REQUEST,
        (CaseKind.DELETION, "zh", "CN"),
    ),
    # Outlook (German): WG: / Ursprüngliche Nachricht; a DSGVO article names the EU.
    (
        "WG: Auskunftsersuchen",
        "-----Ursprüngliche Nachricht-----\nVon: Max Müller <max.mueller@example.de>\n"
        "Gesendet: Montag, 16. November 2026 10:00\nAn: support@xuyun.example\n"
        "Betreff: Auskunftsersuchen\n\nSehr geehrte Damen und Herren, bitte erteilen Sie mir "
        "Auskunft über meine personenbezogenen Daten nach Art. 15 DSGVO.",
        (CaseKind.ACCESS, "de", "EU"),
    ),
    # Thunderbird (French): TR: / Message d'origine, "De :" with a space before the colon.
    (
        "TR: Demande",
        "-------- Message d'origine --------\nObjet : Demande\n"
        "Date : lun. 16 nov. 2026 10:00\nDe : Élodie Martin <elodie.martin@example.fr>\n"
        "À : support@xuyun.example\n\nJe vous demande de supprimer toutes mes données "
        "personnelles conformément à l'article 17 du RGPD.",
        (CaseKind.DELETION, "fr", "EU"),
    ),
    # Gmail (Japanese): 転送.
    (
        "転送: 開示請求",
        "---------- 転送されたメッセージ ---------\n差出人: 田中太郎 <tanaka@example.jp>\n"
        "Date: 2026年11月16日(月) 10:00\nSubject: 開示請求\nTo: <support@xuyun.example>\n\n"
        "個人情報の開示を請求します。",
        (CaseKind.ACCESS, "ja", "JP"),
    ),
    # Apple Mail, quoted with "> ".
    (
        "Fwd: 删除个人信息",
        "Begin forwarded message:\n\n> From: Zhang San <zhang.san@example.cn>\n"
        "> Subject: 删除个人信息\n> Date: 16 November 2026 at 10:00:00 GMT+8\n"
        "> To: support@xuyun.example\n>\n> " + REQUEST,
        (CaseKind.DELETION, "zh", "CN"),
    ),
]


@pytest.mark.parametrize(("subject", "quoted", "reading"), INLINE)
def test_an_inline_forward_is_triaged_on_the_quoted_words(
    subject: str, quoted: str, reading: tuple[CaseKind, str, str]
) -> None:
    body = f"{NOTE}\n\n{quoted}"
    message = parse_incoming(mail(STAFF, body, subject=subject).as_bytes())
    proposal = triage_forward(message, default_rules(), OWN)
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == reading
    assert ReviewFlag.LANGUAGE_UNCERTAIN not in proposal.flags
    assert message.body_text == body  # the note stays in the case's text


def test_a_reply_quoting_the_company_s_letter_is_read_as_written() -> None:
    # Our own letter quoted back is no other person's request: its words ("delete") must not
    # replace the reply's, so the proposal is triage's reading of the whole mail.
    body = (
        "I asked for a copy of my personal data, not for deletion.\n\n"
        "-----Original Message-----\nFrom: Privacy <privacy@xuyun.example>\n"
        "Sent: Monday, November 16, 2026 10:00\nSubject: Your request\n\n"
        "We will delete all your personal data within 15 working days."
    )
    message = parse_incoming(mail("Zhang San <zhang.san@example.cn>", body).as_bytes())
    assert triage_forward(message, default_rules(), OWN) == triage(message, default_rules())


def test_an_outlook_item_attached_to_an_outlook_item_is_triaged_on_its_own_words() -> None:
    # Outlook's "Forward as attachment" saved as .msg: the user's mail is an embedded item.
    user = {"0037": "删除个人信息", "0042": "Zhang San", "5D01": "zhang.san@example.cn"}
    raw = build_msg(
        {"0037": "FW: customer mail", "0042": "Li Wei", "5D01": "li.wei@xuyun.example"}
        | {"1000": NOTE},
        embedded=[user | {"1000": REQUEST}],
    )
    message = parse_incoming(raw)
    assert message.forwarded == (ForwardedSender("Zhang San", "zhang.san@example.cn"),)
    proposal = triage_forward(message, default_rules(), OWN)
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (
        CaseKind.DELETION,
        "zh",
        "CN",
    )
    assert (proposal.requester_email, message.body_text) == ("zhang.san@example.cn", NOTE)


def test_the_note_s_reading_stands_when_the_forwarded_words_ask_for_nothing() -> None:
    # The user's own mail only points elsewhere; the staff note says what is asked.
    body = (
        "The customer below wants all her personal data deleted under GDPR Article 17.\n\n"
        "---------- Forwarded message ---------\nFrom: Ana García <ana.garcia@example.es>\n"
        "Date: Mon, 16 Nov 2026 at 10:00\nSubject: hola\nTo: <support@xuyun.example>\n\n"
        "Hola, ver mi correo anterior."
    )
    message = parse_incoming(mail(STAFF, body, subject="Fwd: hola").as_bytes())
    proposal = triage_forward(message, default_rules(), OWN)
    # GDPR Art. 17 (right to erasure) names both the kind and the EU.
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.DELETION, "EU")
    assert proposal.requester_email == "ana.garcia@example.es"

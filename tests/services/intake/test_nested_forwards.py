"""A forward of a forward: only the innermost message from another person is the request, its
own text without the notes of those who passed it on (above it, or between the header blocks),
in the wording each client and language writes."""

import pytest

from app.models.enums import CaseKind
from app.services.intake.files import parse_incoming
from app.services.intake.forwarded_requester import another_person
from app.services.intake.forwarded_triage import triage_forward
from app.services.intake.forwards import ForwardedSender
from app.services.intake.message import IncomingMessage
from app.services.intake.vocabulary import default_rules
from tests.services.intake.forward_mail import attach_forward, mail

OWN = frozenset({"xuyun.example"})
STAFF = "Li Wei <li.wei@xuyun.example>"
USER_TEXT = "Bitte löschen Sie alle meine personenbezogenen Daten nach Art. 17 DSGVO."
# A colleague's note between the two header blocks asks for something else (a copy, in
# English): read with the user's words it would make the reading of two kinds and languages.
MIDDLE = "Support here: she first asked for a copy of her data, please send her a copy too."

NESTED = [
    # Gmail forwarding a Gmail forward.
    (
        "---------- Forwarded message ---------\nFrom: Wang Fang <wang.fang@xuyun.example>\n"
        "Date: Tue, 17 Nov 2026 at 09:00\nSubject: Fwd: Löschung\nTo: <privacy@xuyun.example>\n\n"
        f"{MIDDLE}\n\n---------- Forwarded message ---------\n"
        "From: Anna Schmidt <anna.schmidt@example.de>\nDate: Mon, 16 Nov 2026 at 10:00\n"
        f"Subject: Löschung\nTo: <support@xuyun.example>\n\n{USER_TEXT}\n"
    ),
    # Outlook (Chinese) forwarding an Outlook (German) forward.
    (
        "-----原始邮件-----\n发件人: 王芳 <wang.fang@xuyun.example>\n"
        "发送时间: 2026年11月17日 9:00\n收件人: privacy@xuyun.example\n主题: WG: Löschung\n\n"
        f"{MIDDLE}\n\n-----Ursprüngliche Nachricht-----\n"
        "Von: Anna Schmidt <anna.schmidt@example.de>\nGesendet: Montag, 16. November 2026 10:00\n"
        f"An: support@xuyun.example\nBetreff: Löschung\n\n{USER_TEXT}\n"
    ),
    # QQ Mail forwarding a Thunderbird forward.
    (
        "------------------ 原始邮件 ------------------\n"
        '发件人: "王芳"<wang.fang@xuyun.example>;\n发送时间: 2026年11月17日(星期二) 上午9:00\n'
        '收件人: "privacy"<privacy@xuyun.example>;\n主题: Fwd: Löschung\n\n'
        f"{MIDDLE}\n\n-------- Forwarded Message --------\nSubject: Löschung\n"
        "Date: Mon, 16 Nov 2026 10:00:00 +0100\nFrom: Anna Schmidt <anna.schmidt@example.de>\n"
        f"To: support@xuyun.example\n\n{USER_TEXT}\n"
    ),
    # Apple Mail, the inner forward quoted once more ("> >").
    (
        "Begin forwarded message:\n\n> From: Wang Fang <wang.fang@xuyun.example>\n"
        "> Subject: Fwd: Löschung\n> Date: 17 November 2026 at 09:00:00 GMT+8\n"
        f"> To: privacy@xuyun.example\n>\n> {MIDDLE}\n>\n> Begin forwarded message:\n>\n"
        "> > From: Anna Schmidt <anna.schmidt@example.de>\n> > Subject: Löschung\n"
        "> > Date: 16 November 2026 at 10:00:00 GMT+1\n> > To: support@xuyun.example\n> >\n"
        f"> > {USER_TEXT}\n"
    ),
]


def _innermost_text(message: IncomingMessage) -> str | None:
    assert message.forwarded_request is not None
    request = message.forwarded_request.innermost(lambda s: another_person(s, message, OWN))
    return None if request is None else request.text


@pytest.mark.parametrize("quoted", NESTED)
def test_the_innermost_message_s_own_text_is_the_request(quoted: str) -> None:
    body = f"FYI, see below.\n\n{quoted}"
    message = parse_incoming(mail(STAFF, body, subject="Fwd: Fwd: Löschung").as_bytes())
    assert _innermost_text(message) == USER_TEXT
    proposal = triage_forward(message, default_rules(), OWN)
    # "löschen … personenbezogenen Daten" is erasure; Art. 17 DSGVO names the GDPR (EU).
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (
        CaseKind.DELETION,
        "de",
        "EU",
    )
    assert proposal.requester_email == "anna.schmidt@example.de"
    assert message.body_text == body.strip()  # the case keeps every note as received


def test_an_attached_mail_holding_an_inline_forward_is_read_to_the_user_s_words() -> None:
    # A colleague's inline forward, itself forwarded as an attachment.
    inner = mail("Wang Fang <wang.fang@xuyun.example>", NESTED[0].split("\n\n", 1)[1].strip())
    outer = attach_forward(mail(STAFF, "FYI", subject="FW: Fwd: Löschung"), inner, "gmail")
    message = parse_incoming(outer.as_bytes())
    assert _innermost_text(message) == USER_TEXT
    assert triage_forward(message, default_rules(), OWN).kind is CaseKind.DELETION


def test_the_company_s_letter_quoted_in_the_user_s_mail_is_not_the_request() -> None:
    # The user's forwarded mail quotes our earlier reply (an Outlook header block from our
    # own domain): the innermost message from another person is the user's, not our letter.
    body = (
        "Please handle.\n\n-----Original Message-----\n"
        "From: Anna Schmidt <anna.schmidt@example.de>\nSent: Monday, November 16, 2026 10:00\n"
        f"To: privacy@xuyun.example\nSubject: Löschung\n\n{USER_TEXT}\n\n"
        "-----Original Message-----\nFrom: Privacy <privacy@xuyun.example>\n"
        "Sent: Friday, November 13, 2026 10:00\nTo: anna.schmidt@example.de\n"
        "Subject: Your request\n\nWe have sent you a copy of your personal data."
    )
    message = parse_incoming(mail(STAFF, body, subject="FW: Löschung").as_bytes())
    assert _innermost_text(message) == USER_TEXT
    assert message.forwarded == (
        ForwardedSender("Anna Schmidt", "anna.schmidt@example.de"),
        ForwardedSender("Privacy", "privacy@xuyun.example"),
    )
    assert triage_forward(message, default_rules(), OWN).kind is CaseKind.DELETION


def test_a_closing_line_ending_in_a_colon_stays_in_the_innermost_text() -> None:
    text = "请删除我的个人信息。我的账号如下："
    body = (
        "-----原始邮件-----\n发件人: 王五 <wang.wu@example.cn>\n发送时间: 2026年11月16日 10:00\n"
        f"收件人: support@xuyun.example\n主题: 删除申请\n\n{text}"
    )
    message = parse_incoming(mail(STAFF, body, subject="转发: 删除申请").as_bytes())
    assert _innermost_text(message) == text

"""Builds the mails that forward tests import: a plain mail, and a mail forwarding another
as an attachment in the forms mail clients send (shared by tests/services/intake and the
import tests)."""

from email import policy
from email.message import EmailMessage

from tests.services.intake.msg_builder import build_msg

# How each client attaches a forwarded message: (content type, file name or None).
ATTACHED_FORMS = {
    # Gmail and Thunderbird: message/rfc822 named after the subject.
    "gmail": ("message/rfc822", "删除个人信息.eml"),
    "thunderbird": ("message/rfc822", "Fwd_ request.eml"),
    # Apple Mail: message/rfc822 under a fixed name; Outlook to an internet address: unnamed.
    "apple-mail": ("message/rfc822", "Mail Attachment.eml"),
    "outlook-internet": ("message/rfc822", None),
    # A saved .eml file attached by hand, and an Outlook item kept as a .msg (Exchange).
    "eml-file": ("application/octet-stream", "request.eml"),
    "outlook-msg": ("application/vnd.ms-outlook", "删除申请.msg"),
}


def mail(sender: str, body: str, *, subject: str = "Fwd: request") -> EmailMessage:
    """A plain-text mail from ``sender`` to the privacy mailbox, dated 16 Nov 2026 10:00 +08."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = "privacy@xuyun.example"
    message["Subject"] = subject
    message["Date"] = "Mon, 16 Nov 2026 10:00:00 +0800"
    message.set_content(body)
    return message


def attach_forward(outer: EmailMessage, inner: EmailMessage, form: str) -> EmailMessage:
    """``outer`` with ``inner`` attached in one of ``ATTACHED_FORMS``; an Outlook item gets
    ``inner``'s subject, sender and text as its MAPI properties."""
    content_type, file_name = ATTACHED_FORMS[form]
    if content_type == "message/rfc822":
        outer.add_attachment(inner, filename=file_name)
        return outer
    maintype, subtype = content_type.split("/")
    data = inner.as_bytes() if form == "eml-file" else _outlook_item(inner)
    outer.add_attachment(data, maintype=maintype, subtype=subtype, filename=file_name)
    return outer


def _outlook_item(inner: EmailMessage) -> bytes:
    name, _, address = str(inner["From"]).rpartition(" <")
    text = inner.get_content()
    assert isinstance(text, str)
    # MS-OXPROPS: 0037 subject, 0042 sent-representing name, 5D01 sender SMTP, 1000 body.
    return build_msg(
        {"0037": str(inner["Subject"]), "0042": name, "5D01": address.rstrip(">"), "1000": text}
    )

"""The requester triage proposes: the sender, or Reply-To: and the labelled fields when the
sender is a system (noreply@, a web form), or an address labelled in the letter when From: has
none; and the phone number and console account ID the letter quotes after a label."""

import re
from dataclasses import dataclass

from app.services.contact_points import normalise_phone
from app.services.intake.account_ids import quoted_account
from app.services.intake.labelled_values import value_after_label
from app.services.intake.message import IncomingMessage
from app.services.intake.name_characters import visible_name
from app.services.intake.phone_region import international_phone
from app.services.intake.reasons import TriageReason
from app.services.intake.vocabulary import TriageRules
from app.services.intake.word_characters import without_invisibles

_ADDRESS = r"[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\"]+\.[^\s@<>()\[\],;:\".]+"
# A name is the rest of its line after the label; never a second label's line.
_NAME = r"([^\r\n:：]{1,200})"


@dataclass(frozen=True)
class ProposedRequester:
    """Who the letter is from: name, address, the reasons, and whether a person should check
    (``unsure``: an automated sender whose Reply-To: and labelled address disagree)."""

    name: str | None
    email: str | None
    reasons: list[TriageReason]
    unsure: bool = False


def sender_requester(msg: IncomingMessage, rules: TriageRules) -> ProposedRequester:
    """Propose the requester of ``msg``.

    The sender is the requester (all corpus letters: From: name and address), except that a
    system sender (``[requester] automated_senders``: noreply@, donotreply@, a web form) is
    never one: Reply-To: and the fields the form labels (姓名/邮箱, Name/Email) stand in
    (``_automated_sender_requester``). A labelled address also stands in when From: has none.

    Args:
        msg: the parsed message. rules: the labels and sender patterns.

    Returns:
        The proposal; ``email`` is ``None`` when no usable address was found (the case is
        then flagged UNKNOWN_REQUESTER by triage).
    """
    if msg.from_address is not None and not is_automated(msg.from_address, rules):
        reason = TriageReason("requester", "sender", msg.from_address)
        return ProposedRequester(msg.from_name, msg.from_address, [reason])
    if msg.from_address is not None:
        return _automated_sender_requester(msg, rules)
    email = _labelled_address(msg.body_text, rules)
    if email is None:
        return ProposedRequester(msg.from_name, None, [])
    return ProposedRequester(msg.from_name, email, [TriageReason("requester", "body_label", email)])


def is_automated(address: str, rules: TriageRules) -> bool:
    """Return whether ``address``'s local part names a system (noreply, a web form), not a
    person (``[requester] automated_senders``)."""
    local = address.rpartition("@")[0]
    return any(pattern.fullmatch(local) for pattern in rules.automated_senders)


def _automated_sender_requester(msg: IncomingMessage, rules: TriageRules) -> ProposedRequester:
    """The person a system mail is about: Reply-To: when it is a person's, else the labelled
    e-mail field; the name from the labelled name field, else Reply-To:'s display name. The
    reasons say the sender was set aside; ``unsure`` when the two addresses disagree."""
    reply = msg.reply_to_address
    if reply is not None and is_automated(reply, rules):
        reply = None
    labelled = _labelled_address(msg.body_text, rules)
    email = reply or labelled
    reasons = [TriageReason("requester", "automated_sender", msg.from_address or "")]
    if reply is not None:
        reasons.append(TriageReason("requester", "reply_to", reply))
    if labelled is not None:
        reasons.append(TriageReason("requester", "form_field", labelled))
    name = _labelled_name(msg.body_text, rules) or (msg.reply_to_name if reply else None)
    unsure = reply is not None and labelled is not None and reply.casefold() != labelled.casefold()
    return ProposedRequester(name, email, reasons, unsure=unsure)


def _labelled_address(text: str, rules: TriageRules) -> str | None:
    labels = "|".join(
        re.escape(label) for label in sorted(rules.email_labels, key=len, reverse=True)
    )
    labelled = re.search(rf"(?:{labels})\s*[:：]\s*({_ADDRESS})", text, re.I)
    if labelled is None:
        return None
    local, _, domain = labelled.group(1).rpartition("@")
    return f"{local}@{domain.lower()}"


def _labelled_name(text: str, rules: TriageRules) -> str | None:
    """A name written after a name label with a colon ("姓名：刘洋", "Name: Liu Yang"); the
    rest of the line, at most 200 characters (a name field's length), without invisible
    characters where they carry no meaning (as a sender's name: ``visible_name``)."""
    value = value_after_label(text, rules.name_labels, _NAME, evidence=r"(?!)")
    name = " ".join(visible_name(value or "")[0].split())
    return name or None


_PHONE_TEXT = r"(\(?\+?[\d()\s.\u2010-\u2015\u2212-]{5,24}\d)(?!\d)"


def labelled_identifiers(
    text: str, rules: TriageRules, region: str | None = None
) -> tuple[str | None, str | None, list[TriageReason]]:
    """Find a phone number and a console account ID written after a label in the letter
    ("联系电话：138…", "账号ID：u10086", "账号（li_si_2020）", "Account ID: …", "رقم الحساب:
    xy-4471"; the forms are in ``labelled_values``, what an account ID is in ``account_ids``),
    for matching the person's earlier cases. A mainland mobile number written after an
    account label is the phone number when no phone label has one. A number written without
    a country code is read as dialled in ``region`` when it is a valid number there.

    Args:
        text: the letter's body as written (any length, any script; Traditional Chinese is
            read as written, not in its Simplified reading).
        rules: the labels (``[requester]`` in ``resources/triage/rules.toml``).
        region: the country the message gives for national numbers (``phone_region``), or
            ``None`` to keep such a number as written.

    Returns:
        (phone as digits with an optional "+", account ID, reasons); ``None`` where absent.
    """
    visible = without_invisibles(text)
    phone_match = value_after_label(visible, rules.phone_labels, _PHONE_TEXT)
    quoted = quoted_account(visible, rules.account_labels)
    phone = (normalise_phone(phone_match) if phone_match else None) or quoted.mobile
    phone = international_phone(phone, region) if phone else None
    account = quoted.account_id
    reasons = [
        TriageReason("requester", "body_label", value) for value in (phone, account) if value
    ]
    return phone, account, reasons

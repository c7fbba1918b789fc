"""The requester triage proposes: the sender, or an address labelled in the letter when From:
has none; and the phone number and console account ID the letter quotes after a label."""

import re

from app.services.contact_points import normalise_phone
from app.services.intake.labelled_values import value_after_label
from app.services.intake.message import IncomingMessage
from app.services.intake.reasons import TriageReason
from app.services.intake.vocabulary import TriageRules

_ADDRESS = r"[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\"]+\.[^\s@<>()\[\],;:\".]+"


def sender_requester(
    msg: IncomingMessage, rules: TriageRules
) -> tuple[str | None, str | None, list[TriageReason]]:
    """The sender is the requester (all corpus letters: From: name and address); a labelled
    address in the letter stands in only when From: has none."""
    if msg.from_address is not None:
        return (
            msg.from_name,
            msg.from_address,
            [TriageReason("requester", "sender", msg.from_address)],
        )
    labels = "|".join(
        re.escape(label) for label in sorted(rules.email_labels, key=len, reverse=True)
    )
    labelled = re.search(rf"(?:{labels})\s*[:：]\s*({_ADDRESS})", msg.body_text, re.I)
    if labelled is None:
        return msg.from_name, None, []
    address = labelled.group(1)
    local, _, domain = address.rpartition("@")
    email = f"{local}@{domain.lower()}"
    return msg.from_name, email, [TriageReason("requester", "body_label", email)]


# A console account ID: 3-64 ASCII letters, digits and "_.@-", never cut out of a longer word
# and never ending on the full stop of a sentence.
_ACCOUNT = r"([A-Za-z0-9][A-Za-z0-9_.@-]{1,62}[A-Za-z0-9_])(?![A-Za-z0-9_@]|[.-][A-Za-z0-9_])"
_PHONE_TEXT = r"(\(?\+?[\d()\s.\u2010-\u2015\u2212-]{5,24}\d)(?!\d)"


def labelled_identifiers(
    text: str, rules: TriageRules
) -> tuple[str | None, str | None, list[TriageReason]]:
    """Find a phone number and a console account ID written after a label in the letter
    ("联系电话：138…", "账号ID：u10086", "账号（li_si_2020）", "Account ID: …"; the forms
    are in ``labelled_values``), for matching the person's earlier cases.

    Args:
        text: the letter's body (any length, any script).
        rules: the labels (``[requester]`` in ``resources/triage/rules.toml``).

    Returns:
        (phone as digits with an optional "+", account ID, reasons); ``None`` where absent.
    """
    phone_match = value_after_label(text, rules.phone_labels, _PHONE_TEXT)
    phone = normalise_phone(phone_match) if phone_match else None
    account = value_after_label(text, rules.account_labels, _ACCOUNT)
    reasons = [
        TriageReason("requester", "body_label", value) for value in (phone, account) if value
    ]
    return phone, account, reasons

"""A listed authority's letter the company's own people forwarded, read as the authority sent it.

Supervisory authorities' letters often reach the privacy mailbox forwarded by legal, reception or
a colleague ("Fwd: Wezwanie do złożenia wyjaśnień", attached or quoted inline). Such a letter is
the authority's: whether it is a regulator's inquiry (the sender's domain is a listed regulator's,
``resources/triage/regulators.toml``), and the member state whose calendar counts its period
(``sender_state``: Reg. 1182/71 art. 2(1)) are read from the forwarded letter's own sender, as
if it had come directly (QA19 F5, F14). The company's first receipt is then the letter's own
date (``first_receipt``).

A quoted sender is only what the forward's text says, so it is trusted only where nobody outside
the company could have written it: the mail is from one of the controller's own domains
(``controller_domains``) and so is every message between it and the authority's letter. A letter
passed on by an outsider (a lawyer, a reseller; or a lookalike dressing a mail up as a forward)
stays the outsider's: no regulator's domain, so a person confirms who writes
(``unlisted_regulator_sender``) - unless the letter itself was addressed (To:/Cc:) to the
company (QA20 N8: outside counsel passing on the regulator's letter to the company). Such a
letter is the authority's, whoever passed it on: the company was sent it, so it is filed as
the authority's inquiry, counted from the letter's own date on its state's calendar
(``first_receipt``, flagged ``received_earlier_by_company`` for a person to find it in the
mailbox it names). A forged one gains its author nothing: the case writes to the authority's
own address (no Reply-To: is taken), and the earlier date only shortens the time to answer.
A sender's domain that imitates an authority's ("uodo-gov.pl.com") is no listed authority's
and is never taken.
"""

from dataclasses import replace

from app.services.controller_domains import is_controller_address
from app.services.intake.forwarded_requester import another_person
from app.services.intake.forwards import ForwardedRequest
from app.services.intake.message import IncomingMessage
from app.services.intake.sender_domain import sender_authority
from app.services.intake.vocabulary import TriageRules


def authority_letter(
    msg: IncomingMessage, own_domains: frozenset[str], rules: TriageRules
) -> IncomingMessage | None:
    """Return the listed authority's letter that ``msg`` forwards, as that authority sent it.

    Args:
        msg: the parsed mail (``IncomingMessage.forwarded_request``).
        own_domains: the controller's mail domains (``controller_domains``).
        rules: the triage rules (the listed regulators).

    Returns:
        ``msg`` with the forwarded letter's sender (name and address; no Reply-To:), subject
        (the forward's when the letter gives none) and text, and nothing forwarded, when
        ``msg`` comes from ``own_domains``, the innermost other person's message with text
        (``ForwardedRequest.innermost``) was sent from a listed regulator's domain and every
        message forwarding it was sent from ``own_domains``, or that letter was addressed
        (To:/Cc:) to ``own_domains`` whoever passed it on (QA20 N8); else ``None``.
    """
    chain = msg.forwarded_request
    forwarder = msg.from_address
    if chain is None or forwarder is None:
        return None
    letter = chain.innermost(lambda s: another_person(s, msg, own_domains))
    if letter is None or letter.sender is None or letter.sender.address is None:
        return None
    if not is_controller_address(forwarder, own_domains) and not _to_company(letter, own_domains):
        return None
    if not _to_company(letter, own_domains):
        for node in chain.chain():
            if node is letter:
                break
            sender = node.sender.address if node.sender is not None else None
            if sender is None or not is_controller_address(sender, own_domains):
                return None  # passed on by someone outside the company: only their word
    authority = sender_authority(letter.sender.address, rules)
    if authority.regulator is None or authority.lookalike is not None:
        return None
    return replace(
        msg,
        from_name=letter.sender.name,
        from_address=letter.sender.address,
        reply_to_name=None,
        reply_to_address=None,
        subject=letter.subject or msg.subject,
        body_text=letter.text,
        forwarded=(),
        forwarded_request=None,
    )


def _to_company(letter: ForwardedRequest, own_domains: frozenset[str]) -> bool:
    """Whether ``letter``'s To:/Cc: lines name one of ``own_domains``."""
    return any(is_controller_address(a, own_domains) for a in letter.recipients)

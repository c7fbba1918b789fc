"""Who the requester of a forwarded message is.

A privacy team receives requests forwarded by the company's own people (a support agent or a
colleague passes on a user's mail) and by outsiders (a relative, a lawyer or an agent passes
on someone's mail, or a person forwards their own earlier request). The data subject is the
person the request is about (PIPL Art. 4, GDPR Art. 4(1)), usually the forwarded message's
sender; an outsider who forwards someone else's mail may act for them (PIPL Art. 49 close
relatives, an authorised agent), which needs proof a person must check. So:

- a forward from one of the controller's own domains is filed under the forwarded message's
  sender (the first one from outside those domains), and flagged;
- a forward from anyone else stays filed under the forwarder, and is flagged with the
  forwarded sender named in the reasons;
- in a forward of a forward, the forwarded sender is the one whose words are the request
  (``ForwardedRequest.innermost``: the innermost other person's message with text) when that
  message was addressed (To:/Cc:) to the company: that person made the request to the company
  themselves, and those between (an outsider who passed on a copy) only relayed it. When that
  message was addressed to someone else (a person writing to their lawyer or a relative, who
  then wrote to the company), the request reached the company through the first outsider of
  the chain, who may act for them: the case is that outsider's, as for an outsider's own
  forward, and the flag has a person check the authority;
- an outsider's forward of a chain in which the company's own people passed on that person's
  request made to the company (support@ sends it to outside counsel, who sends it back to
  privacy@, QA19 F12) is filed under that person too: the company had the request before
  the outsider did, so the outsider cannot be the one who brought it (``company_passed_on``);
- forwarding one's own mail, or the controller's own letters back (a reply quoting ours), is
  no forward of another person's mail and files nothing differently.
"""

from collections.abc import Callable
from dataclasses import replace

from app.models.enums import ReviewFlag
from app.services.controller_domains import is_controller_address
from app.services.intake.forwards import ForwardedRequest, ForwardedSender
from app.services.intake.message import IncomingMessage
from app.services.intake.reasons import TriageReason
from app.services.intake.triage import TriageProposal


def with_forwarded_sender(
    proposal: TriageProposal,
    msg: IncomingMessage,
    own_domains: frozenset[str],
    *,
    authority_letter: bool = False,
) -> TriageProposal:
    """Return ``proposal`` with the requester a forward gives (see the module docstring).

    Args:
        proposal: triage's proposal for ``msg``, whose requester is its sender.
        msg: the parsed message (``IncomingMessage.forwarded``).
        own_domains: the controller's mail domains (``controller_domains``).
        authority_letter: whether ``msg`` forwards a listed authority's letter to the company
            (``forwarded_authority.authority_letter``; QA20 N8): filed under the authority
            whoever passed it on.

    Returns:
        The proposal unchanged when ``msg`` forwards no other person's mail, or when triage
        took the requester from elsewhere than From: (a system sender's form fields). Else
        flagged ``FORWARDED`` with a ``forwarded_sender`` reason naming the forwarded
        message's sender (address, or name when the quote gives none); when From: is one of
        ``own_domains`` (or the company passed the request on: ``company_passed_on``) and
        that sender has an address, the requester is that sender, with a
        ``forwarded_by`` reason naming the forwarder in place of the ``sender`` reason. That
        sender is the one whose words the forward holds when their message was addressed to
        the company, else the first other person's (``forwarded_person``).
    """
    sender = msg.from_address
    if not msg.forwarded or sender is None or proposal.requester_email != sender:
        return proposal
    inner = forwarded_person(msg, own_domains)
    if inner is None:
        return proposal
    flags = proposal.flags | {ReviewFlag.FORWARDED}
    named = TriageReason("requester", "forwarded_sender", inner.address or inner.name or "")
    by_company = authority_letter or is_controller_address(sender, own_domains)
    by_company = by_company or company_passed_on(msg, own_domains)
    if inner.address is None or not by_company:
        return replace(proposal, reasons=(*proposal.reasons, named), flags=flags)
    kept = tuple(r for r in proposal.reasons if (r.field, r.signal) != ("requester", "sender"))
    forwarder = TriageReason("requester", "forwarded_by", sender)
    return replace(
        proposal,
        requester_name=inner.name,
        requester_email=inner.address,
        reasons=(*kept, named, forwarder),
        flags=flags,
    )


def forwarded_person(msg: IncomingMessage, own_domains: frozenset[str]) -> ForwardedSender | None:
    """Return the person whose request ``msg`` forwards (see the module docstring).

    Args:
        msg: the forwarding message. own_domains: the controller's mail domains.

    Returns:
        The sender, with an address, of the innermost message of another person that has text
        (``ForwardedRequest.innermost``) when that message was addressed to ``own_domains``;
        else the first forwarded sender who is another person (``another_person``); ``None``
        when ``msg`` forwards no other person's mail.
    """
    others = [inner for inner in msg.forwarded if another_person(inner, msg, own_domains)]
    if not others:
        return None
    words = _request_to_company(msg, own_domains, lambda s: another_person(s, msg, own_domains))
    return words.sender if words is not None and words.sender is not None else others[0]


def company_passed_on(msg: IncomingMessage, own_domains: frozenset[str]) -> bool:
    """Return whether the chain ``msg`` forwards shows the company passing on a request made
    to it: the innermost other person's message with text was addressed (To:/Cc:) to
    ``own_domains`` and a later level of the chain was sent from them (support@ forwarding it
    to outside counsel, whose forward brings it back: QA19 F12).

    Args:
        msg: the forwarding message. own_domains: the controller's mail domains.

    Returns:
        ``False`` also when ``msg`` forwards nothing or no other person's words.
    """
    words = _request_to_company(msg, own_domains, lambda s: another_person(s, msg, own_domains))
    if words is None or msg.forwarded_request is None:
        return False
    for node in msg.forwarded_request.chain():
        if node is words:
            return False
        address = node.sender.address if node.sender is not None else None
        if address is not None and is_controller_address(address, own_domains):
            return True
    return False


def own_request_to_company(msg: IncomingMessage, own_domains: frozenset[str]) -> bool:
    """Return whether ``msg`` forwards its sender's own earlier message to the company (a
    requester sending her unanswered request again, attached or quoted: QA19 F13): the
    innermost message with text not from the company was written by ``msg``'s sender and
    addressed (To:/Cc:) to ``own_domains``, and no message of the company's stands above it
    (a reply quoting the company's answer, which quotes her request, is no resend).

    Args:
        msg: the forwarding message. own_domains: the controller's mail domains.

    Returns:
        ``False`` when ``msg`` forwards another person's words, nothing, or mail the
        company's own people wrote.
    """
    sender = (msg.from_address or "").casefold()
    if not sender or is_controller_address(sender, own_domains):
        return False
    words = _request_to_company(msg, own_domains, lambda s: own_or_other(s, own_domains))
    written_by = words.sender.address if words is not None and words.sender else None
    if written_by is None or written_by.casefold() != sender or msg.forwarded_request is None:
        return False
    # A reply to the company's answer quotes her request below our letter: not a resend.
    for node in msg.forwarded_request.chain():
        if node is words:
            return True
        if node.sender is not None and not own_or_other(node.sender, own_domains):
            return False
    return False


def own_or_other(inner: ForwardedSender, own_domains: frozenset[str]) -> bool:
    """Whether a forwarded message's sender is not the controller (unknown senders count)."""
    return inner.address is None or not is_controller_address(inner.address, own_domains)


def _request_to_company(
    msg: IncomingMessage, own_domains: frozenset[str], keep: Callable[[ForwardedSender], bool]
) -> ForwardedRequest | None:
    """The innermost forwarded message with text whose sender ``keep`` accepts, when its sender
    has an address and it was addressed to ``own_domains``; else ``None``."""
    chain = msg.forwarded_request
    words = chain.innermost(keep) if chain is not None else None
    if words is None or words.sender is None or words.sender.address is None:
        return None
    to_company = any(is_controller_address(a, own_domains) for a in words.recipients)
    return words if to_company else None


def another_person(
    inner: ForwardedSender, msg: IncomingMessage, own_domains: frozenset[str]
) -> bool:
    """Return whether a forwarded message's sender is someone other than the forwarder and
    not the controller itself (its own letters quoted back).

    Args:
        inner: the forwarded message's sender. msg: the forwarding message.
        own_domains: the controller's mail domains.

    Returns:
        ``True`` for another person; a sender named without an address counts unless the
        name is the forwarder's.
    """
    if inner.address is not None:
        same = inner.address.casefold() == (msg.from_address or "").casefold()
        return not same and not is_controller_address(inner.address, own_domains)
    return inner.name is not None and inner.name.casefold() != (msg.from_name or "").casefold()

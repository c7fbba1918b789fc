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
- forwarding one's own mail, or the controller's own letters back (a reply quoting ours), is
  no forward of another person's mail and changes nothing.
"""

from dataclasses import replace

from app.models.enums import ReviewFlag
from app.services.controller_domains import is_controller_address
from app.services.intake.forwards import ForwardedSender
from app.services.intake.message import IncomingMessage
from app.services.intake.reasons import TriageReason
from app.services.intake.triage import TriageProposal


def with_forwarded_sender(
    proposal: TriageProposal, msg: IncomingMessage, own_domains: frozenset[str]
) -> TriageProposal:
    """Return ``proposal`` with the requester a forward gives (see the module docstring).

    Args:
        proposal: triage's proposal for ``msg``, whose requester is its sender.
        msg: the parsed message (``IncomingMessage.forwarded``).
        own_domains: the controller's mail domains (``controller_domains``).

    Returns:
        The proposal unchanged when ``msg`` forwards no other person's mail, or when triage
        took the requester from elsewhere than From: (a system sender's form fields). Else
        flagged ``FORWARDED`` with a ``forwarded_sender`` reason naming the forwarded
        message's sender (address, or name when the quote gives none); when From: is one of
        ``own_domains`` and that sender has an address, the requester is that sender, with a
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
    if inner.address is None or not is_controller_address(sender, own_domains):
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
    chain = msg.forwarded_request
    words = chain.innermost(lambda s: another_person(s, msg, own_domains)) if chain else None
    if words is None or words.sender is None or words.sender.address is None:
        return others[0]
    to_company = any(is_controller_address(a, own_domains) for a in words.recipients)
    return words.sender if to_company else others[0]


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

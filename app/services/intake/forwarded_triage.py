"""Triage of a forward: the forwarded request's own words decide what it asks.

A colleague or an agent who forwards someone's request writes a note of their own above it
("FYI, please handle", "转发用户来信，见附件"), often in another language; with the request
attached, the note is all the body holds. The request's kind, language and jurisdiction are
read from the forwarded message's subject and text (``IncomingMessage.forwarded_request``),
while the requester rules stay those of the whole mail (``forwarded_requester``) and the case
keeps the mail as received, the forwarder's note included.

A forward of a forward is read down to the innermost message from another person: its own
text, without the notes of those who passed it on (``ForwardedRequest.innermost``). When the
case is filed under that message's sender (a forward from the controller's own people), the
phone number and account ID are read from that message's text alone: the outer body's
labelled phone is usually the forwarder's own signature. When the case stays the forwarder's
(an outsider's forward), they are read from the forwarder's own words alone, above the first
message quoted inline: the forwarded person's account ID is not the forwarder's, and an inline
forward must give the forwarder's record what the same forward attached gives (QA15 F3).

A listed authority's letter forwarded by the company's own people is read as the authority
sent it (``forwarded_authority``): a regulator's inquiry by its sender's domain, its period
counted on that authority's member state's calendar (``sender_state``), with no
``unlisted_regulator_sender`` flag; passed on by an outsider, it stays the outsider's word
unless the letter was addressed to the company (QA20 N8: filed under the authority).

Only a forward of another person's mail counts: a reply quoting the controller's own letter
is read as written. A person forwarding their own earlier request to the company (attached,
"I sent this on 13 November and got no reply", QA19 F13) is triaged as that request sent
directly would be: its kind, language and jurisdiction from its own words and its sender,
while what the covering note chases, when the request does not chase anything itself, stays.
"""

from dataclasses import replace

from app.models.enums import ReviewFlag
from app.services.intake.forwarded_authority import authority_letter
from app.services.intake.forwarded_requester import (
    another_person,
    own_or_other,
    own_request_to_company,
    with_forwarded_sender,
)
from app.services.intake.forwards import ForwardedRequest, forwarder_text
from app.services.intake.message import IncomingMessage
from app.services.intake.triage import TriageProposal, triage
from app.services.intake.vocabulary import TriageRules

# The reasons and flags that come from reading the letter's words (kind, its stated time
# limit, language, jurisdiction), as opposed to its sender and identifiers.
_WORDING_FIELDS = frozenset({"kind", "deadline", "language", "jurisdiction"})
_WORDING_FLAGS = frozenset(
    {
        ReviewFlag.NOT_A_REQUEST,
        ReviewFlag.UNKNOWN_KIND,
        ReviewFlag.UNLINKED_REMINDER,
        ReviewFlag.LANGUAGE_UNCERTAIN,
        ReviewFlag.REGULATOR_INQUIRY,
        ReviewFlag.UNLISTED_REGULATOR_SENDER,
    }
)

# A reading that found no request kind: then the whole mail's reading stands, if it found one
# (the forwarder's note may say what the person asks: "she wants her data deleted").
_NO_KIND = frozenset({ReviewFlag.NOT_A_REQUEST, ReviewFlag.UNKNOWN_KIND})


def triage_forward(
    msg: IncomingMessage, rules: TriageRules, own_domains: frozenset[str]
) -> TriageProposal:
    """Triage ``msg``, reading a forwarded request's own words (see the module docstring).

    Args:
        msg: the parsed message.
        rules: the triage rules in force.
        own_domains: the controller's mail domains (``controller_domains``).

    Returns:
        ``triage(msg)`` with the forwarded requester applied (``with_forwarded_sender``);
        when ``msg`` forwards another person's mail and the innermost such forwarded message
        has text, its kind, language, jurisdiction, stated time limit (and ``sender_state``),
        chased request and their reasons and flags are those of its subject and text (read
        as its sender sent it when ``authority_letter`` gives it), unless those give no
        request kind (``not_a_request``, ``unknown_kind``) where the whole mail gives one.
        When the case is filed under a forwarded sender, the phone number and account ID
        (and their ``body_label`` reasons) are those that sender's own text gives, or none;
        when it stays filed under the forwarder, those the text above the first message
        quoted inline gives (``forwarder_text``), as for a forward attached.

    Raises:
        TriageVocabularyError: the shipped vocabulary files are malformed.
    """
    proposal = triage(msg, rules)
    letter = authority_letter(msg, own_domains, rules)
    filed = with_forwarded_sender(proposal, msg, own_domains, authority_letter=letter is not None)
    if ReviewFlag.FORWARDED in filed.flags and filed.requester_email == msg.from_address:
        filed = _forwarders_own_identifiers(filed, msg, rules)
    if msg.forwarded_request is None:
        return filed
    if not any(another_person(s, msg, own_domains) for s in msg.forwarded):
        return _own_request_read(filed, msg, rules, own_domains)
    request = msg.forwarded_request.innermost(lambda s: another_person(s, msg, own_domains))
    if request is None:
        return filed
    inner = letter or replace(msg, subject=request.subject or msg.subject, body_text=request.text)
    read = triage(inner, rules)
    if not (read.flags & _NO_KIND) or proposal.flags & _NO_KIND:
        filed = _read_from(filed, read)
    if filed.requester_email != proposal.requester_email:  # filed under a forwarded sender
        filed = _identifiers_from(filed, read, _sender_of(request, filed.requester_email))
    return filed


def _own_request_read(
    filed: TriageProposal, msg: IncomingMessage, rules: TriageRules, own_domains: frozenset[str]
) -> TriageProposal:
    """``filed`` with what the sender's own forwarded request to the company says (see the
    module docstring), the covering note's chased request kept when the request has none."""
    chain = msg.forwarded_request
    if chain is None or not own_request_to_company(msg, own_domains):
        return filed
    request = chain.innermost(lambda s: own_or_other(s, own_domains))
    if request is None:
        return filed
    read = triage(
        replace(msg, subject=request.subject or msg.subject, body_text=request.text), rules
    )
    if read.flags & _NO_KIND and not filed.flags & _NO_KIND:
        return filed
    taken = _read_from(filed, read)
    if read.chased_reference or read.chased_subject or read.chased_date:
        return taken
    return replace(
        taken,
        chased_reference=filed.chased_reference,
        chased_subject=filed.chased_subject,
        chased_date=filed.chased_date,
    )


def _forwarders_own_identifiers(
    filed: TriageProposal, msg: IncomingMessage, rules: TriageRules
) -> TriageProposal:
    """``filed`` with the identifiers of the forwarder's own words in ``msg``'s body."""
    own = forwarder_text(msg.body_text)
    if own == msg.body_text:
        return filed
    return _identifiers_from(filed, triage(replace(msg, body_text=own), rules), theirs=True)


def _sender_of(request: ForwardedRequest, address: str | None) -> bool:
    """Whether ``request`` was written by ``address`` (or by a sender the quote names not)."""
    written_by = request.sender.address if request.sender is not None else None
    return written_by is None or (written_by.casefold() == (address or "").casefold())


def _identifiers_from(
    whole: TriageProposal, request: TriageProposal, theirs: bool
) -> TriageProposal:
    """``whole`` with the phone and account ID of ``request`` (none unless ``theirs``)."""
    labelled = ("requester", "body_label")
    kept = tuple(r for r in whole.reasons if (r.field, r.signal) != labelled)
    found = tuple(r for r in request.reasons if (r.field, r.signal) == labelled) if theirs else ()
    return replace(
        whole,
        reasons=(*kept, *found),
        requester_phone=request.requester_phone if theirs else None,
        requester_account_id=request.requester_account_id if theirs else None,
    )


def _read_from(whole: TriageProposal, request: TriageProposal) -> TriageProposal:
    """``whole`` with what ``request`` read from the forwarded words."""
    reasons = (
        *(r for r in request.reasons if r.field in _WORDING_FIELDS),
        *(r for r in whole.reasons if r.field not in _WORDING_FIELDS),
    )
    flags = (whole.flags - _WORDING_FLAGS) | (request.flags & _WORDING_FLAGS)
    return replace(
        whole,
        kind=request.kind,
        language=request.language,
        jurisdiction=request.jurisdiction,
        reasons=reasons,
        flags=flags,
        chased_reference=request.chased_reference or whole.chased_reference,
        chased_subject=request.chased_subject,
        chased_date=request.chased_date,
        stated_limit=request.stated_limit,
        sender_state=request.sender_state,
    )

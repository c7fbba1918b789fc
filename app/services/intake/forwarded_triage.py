"""Triage of a forward: the forwarded request's own words decide what it asks.

A colleague or an agent who forwards someone's request writes a note of their own above it
("FYI, please handle", "转发用户来信，见附件"), often in another language; with the request
attached, the note is all the body holds. The request's kind, language and jurisdiction are
read from the forwarded message's subject and text (``IncomingMessage.forwarded_request``),
while the requester rules stay those of the whole mail (``forwarded_requester``) and the case
keeps the mail as received, the forwarder's note included.

Only a forward of another person's mail counts: a reply quoting the controller's own letter,
or a person forwarding their own earlier mail, is read as written.
"""

from dataclasses import replace

from app.models.enums import ReviewFlag
from app.services.intake.forwarded_requester import another_person, with_forwarded_sender
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
        when ``msg`` forwards another person's mail and the forwarded message has text, its
        kind, language, jurisdiction, stated time limit, chased request and their reasons and
        flags are those of the forwarded subject and text, unless those give no request kind
        (``not_a_request``, ``unknown_kind``) where the whole mail gives one.

    Raises:
        TriageVocabularyError: the shipped vocabulary files are malformed.
    """
    proposal = triage(msg, rules)
    request = msg.forwarded_request
    if request is not None and any(another_person(s, msg, own_domains) for s in msg.forwarded):
        inner = replace(msg, subject=request.subject or msg.subject, body_text=request.text)
        read = triage(inner, rules)
        if not (read.flags & _NO_KIND) or proposal.flags & _NO_KIND:
            proposal = _read_from(proposal, read)
    return with_forwarded_sender(proposal, msg, own_domains)


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
    )

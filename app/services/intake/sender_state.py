"""The state whose authority wrote a letter, as far as its sender's domain tells it: the calendar
a regulator's letter's period is counted on (``app.services.regulator_deadline``).

A period a supervisory authority states in working days ("5 dni roboczych", "10 dias úteis",
"entro 15 giorni lavorativi") is counted on the public holidays of its own state (Reg. 1182/71
art. 2(1): those of the member state where the act is to be done), not on the default calendar
of the case's rule set (Ireland's for the EU). The state is taken only from what is reliable:

- a listed authority's domain (``resources/triage/regulators.toml``: ``member_state``, e.g.
  "PL" for uodo.gov.pl; the EU bodies, EDPS and EDPB, have none); a region's authority gives
  its ISO 3166-2 code ("DE-BY" for the Bavarian BayLDA, lda.bayern.de: its ``subdivision``), so
  that its letters are counted on the region's holidays (qa19 F3);
- failing that, the country-code domain of the sender's domain where the triage rules list it
  as a country's (``[contact_country.domains]``: "gouv.fr" gives FR; ".eu", ".io" give none).

Never the letter's language: Portuguese is written in Brazil too, German in Austria and
Switzerland. A forwarded mail gives none either: the forwarder's domain is a colleague's, not
the authority's; a listed authority's letter forwarded by the company's own people is read as
the authority sent it (``forwarded_authority.authority_letter``), and gives its state.
Whether the state's calendar applies is the rule set's to say (its ``[regions]``: an EU rule
set's member states); elsewhere the state is not used.
"""

from app.errors import PrivacyDeskError
from app.models import Case
from app.models.enums import AttachmentKind
from app.services.intake.message import IncomingMessage
from app.services.intake.sender_domain import sender_authority
from app.services.intake.vocabulary import TriageRules

# Country-code domains that are not their country's ISO 3166-1 code (IANA: "uk" for GB).
_DOMAIN_COUNTRIES = {"uk": "GB"}
# Country-code domains of no one state: ".eu" is the Union's (Reg. (EU) 2019/517).
_NO_STATE = frozenset({"eu"})


def sender_state(msg: IncomingMessage, rules: TriageRules) -> str | None:
    """Return the state (ISO 3166-1 alpha-2, e.g. ``"PT"``) whose authority the sender's
    domain says wrote ``msg``; ``None`` where it does not say (see the module docstring).

    Args:
        msg: the parsed message (its ``from_address``; ``forwarded`` when it forwards another's).
        rules: the triage rules (listed regulators, country-code domains).

    Returns:
        The listed regulator's ``member_state`` ("DE-BY" with its ``subdivision``); for a
        sender's domain that is no listed regulator's, its listed country-code domain's
        country; else ``None``.
    """
    if msg.forwarded or not msg.from_address:
        return None
    authority = sender_authority(msg.from_address, rules)
    if authority.lookalike is not None:
        return None  # a domain dressed up as an authority's tells nothing reliable
    regulator = authority.regulator
    if regulator is not None:
        if regulator.member_state is not None and regulator.subdivision is not None:
            return f"{regulator.member_state}-{regulator.subdivision}"
        return regulator.member_state
    domain = authority.domain
    top = domain.rpartition(".")[2] if "." in domain else ""
    if top not in rules.country_domains or top in _NO_STATE:
        return None
    return _DOMAIN_COUNTRIES.get(top, top.upper())


def stored_sender_state(
    case: Case, rules: TriageRules, own_domains: frozenset[str] = frozenset()
) -> str | None:
    """Return ``sender_state`` of the original message stored with ``case``, read again (as
    triage read it at import: of the listed authority's letter the company's own people
    forwarded, ``authority_letter``, when ``own_domains``, the controller's mail domains, are
    given); ``None`` when it has no readable original message (entered by hand, a web-form row,
    the message purged)."""
    original = next(
        (a for a in case.attachments if a.kind == AttachmentKind.ORIGINAL_MESSAGE), None
    )
    if original is None or not original.content:
        return None
    from app.services.intake.files import parse_incoming  # the parser only when asked
    from app.services.intake.forwarded_authority import authority_letter  # imports triage

    try:
        message = parse_incoming(original.content)
    except PrivacyDeskError:
        return None
    return sender_state(authority_letter(message, own_domains, rules) or message, rules)

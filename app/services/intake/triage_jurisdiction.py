"""The jurisdiction triage proposes for a message: the law it cites, else the regulator asking
(by its listed domain, else the public body's domain it writes from, else its name), else a law
it names, else the country of the requester's phone number or mail domain, else the
country of a language written under one law only (Japanese, Korean, Thai, Greek, Polish…), else
the default jurisdiction (Settings › Jurisdictions:
``settings_jurisdictions.current_triage_rules``).

A language written under several laws never decides (QA9 M5): Chinese is written in Hong Kong
and Taiwan as well as on the mainland, English everywhere, so "English → EU" filed mainland
customers' English mail under the GDPR with a month instead of 15 working days.
"""

from collections import Counter

from app.models.enums import CaseKind
from app.services.intake.message import IncomingMessage
from app.services.intake.reasons import TriageReason
from app.services.intake.sender_domain import SenderAuthority, sender_authority
from app.services.intake.signals import Citation, Matchers, find_law_names, find_regulators
from app.services.intake.vocabulary import TriageRules


def propose_jurisdiction(
    msg: IncomingMessage,
    citations: list[Citation],
    language: str,
    rules: TriageRules,
    compiled: Matchers,
    kind: CaseKind,
    contact: tuple[str | None, str | None] = (None, None),
    authority: SenderAuthority | None = None,
) -> tuple[str, TriageReason]:
    """Propose the jurisdiction of a message.

    A cited statute decides; else, for a regulator's inquiry, the law of the regulator whose
    domain sent it, else of the public body's domain ("….gov.hk" → HK; ``authority``, worked
    out from ``msg`` when ``None``), else of the regulator it names; else a law
    named without article; else the requester's contact country (``contact``: the phone
    number as ``normalise_phone`` writes it and the requester's address, either ``None``);
    else the jurisdiction of a language written under one law only; else
    ``rules.default_jurisdiction`` (Settings › Jurisdictions › Default jurisdiction).

    Args:
        language: the letter's ISO 639-1 language.

    Returns:
        ``(jurisdiction code, the reason)``.
    """
    if citations:
        counts = Counter(c.statute.jurisdiction for c in citations)
        winner = max(counts, key=lambda j: counts[j])  # first cited wins a tie (dicts keep order)
        first = next(c for c in citations if c.statute.jurisdiction == winner)
        return winner, TriageReason("jurisdiction", "statute_citation", first.evidence)
    if kind is CaseKind.REGULATOR_INQUIRY:
        found = _inquiring_authority(msg, rules, compiled, authority)
        if found is not None:
            return found
    named = find_law_names(f"{msg.subject}\n{msg.body_text}", compiled)
    if named:
        counts = Counter(statute.jurisdiction for statute, _ in named)
        winner = max(counts, key=lambda j: counts[j])
        evidence = next(text for statute, text in named if statute.jurisdiction == winner)
        return winner, TriageReason("jurisdiction", "statute_name", evidence)
    found = contact_country(contact[0], contact[1], rules)
    if found is not None:
        return found
    vocabulary = rules.languages.get(language)
    if vocabulary is not None and vocabulary.jurisdiction is not None:
        # Only a language written under one law names one (``jurisdiction`` in its file).
        return vocabulary.jurisdiction, TriageReason("jurisdiction", "language_default", language)
    return rules.default_jurisdiction, TriageReason(
        "jurisdiction", "default", rules.default_jurisdiction
    )


def _inquiring_authority(
    msg: IncomingMessage,
    rules: TriageRules,
    compiled: Matchers,
    authority: SenderAuthority | None,
) -> tuple[str, TriageReason] | None:
    """The jurisdiction of the regulator whose domain sent an inquiry, else of the public
    body's domain (when its suffix names one: ".gov" does not), else of the regulator named."""
    authority = authority or sender_authority(msg.from_address, rules)
    if authority.regulator is not None:
        regulator = authority.regulator
        return regulator.jurisdiction, TriageReason("jurisdiction", "regulator", regulator.key)
    government = authority.government
    if government is not None and government.jurisdiction is not None:
        evidence = "." + government.suffix
        return government.jurisdiction, TriageReason("jurisdiction", "domain_country", evidence)
    named = find_regulators(f"{msg.subject}\n{msg.body_text}", compiled)
    if not named:
        return None
    return named[0][0].jurisdiction, TriageReason("jurisdiction", "regulator", named[0][0].key)


def contact_country(
    phone: str | None, email: str | None, rules: TriageRules
) -> tuple[str, TriageReason] | None:
    """The jurisdiction of the requester's phone calling code ("+852…" → HK), else of the
    country-code domain of their address ("….hk" → HK); ``None`` when neither is listed in
    ``[contact_country]`` (a national number without "+", a .com address)."""
    if phone is not None and phone.startswith("+"):
        for length in (4, 3, 2):  # calling codes have one to three digits: longest first
            code = rules.phone_codes.get(phone[:length])
            if code is not None:
                return code, TriageReason("jurisdiction", "phone_country", phone[:length])
    domain = (email or "").rpartition("@")[2].rstrip(".").casefold()
    label = domain.rpartition(".")[2]
    code = rules.country_domains.get(label) if "." in domain else None
    if code is not None:
        return code, TriageReason("jurisdiction", "domain_country", "." + label)
    return None

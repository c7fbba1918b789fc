"""The jurisdiction triage proposes for a message: the law it cites, else the regulator asking,
else a law it names, else the usual law of its language, else the controller's own."""

from collections import Counter

from app.models.enums import CaseKind
from app.services.intake.message import IncomingMessage
from app.services.intake.reasons import TriageReason
from app.services.intake.signals import Citation, Matchers, find_law_names, find_regulators
from app.services.intake.triage_kind import sending_regulator
from app.services.intake.vocabulary import Regulator, TriageRules


def propose_jurisdiction(
    msg: IncomingMessage,
    citations: list[Citation],
    language: str,
    rules: TriageRules,
    compiled: Matchers,
    kind: CaseKind,
) -> tuple[str, TriageReason]:
    """A cited statute decides; else, for a regulator's inquiry, the regulator's law; else a
    law named without article; else the language's usual law (Chinese → CN, EU languages →
    EU); else the controller's home law."""
    if citations:
        counts = Counter(c.statute.jurisdiction for c in citations)
        winner = max(counts, key=lambda j: counts[j])  # first cited wins a tie (dicts keep order)
        first = next(c for c in citations if c.statute.jurisdiction == winner)
        return winner, TriageReason("jurisdiction", "statute_citation", first.evidence)
    regulator = (
        _inquiring_regulator(msg, rules, compiled) if kind is CaseKind.REGULATOR_INQUIRY else None
    )
    if regulator is not None:
        return regulator.jurisdiction, TriageReason("jurisdiction", "regulator", regulator.key)
    named = find_law_names(f"{msg.subject}\n{msg.body_text}", compiled)
    if named:
        counts = Counter(statute.jurisdiction for statute, _ in named)
        winner = max(counts, key=lambda j: counts[j])
        evidence = next(text for statute, text in named if statute.jurisdiction == winner)
        return winner, TriageReason("jurisdiction", "statute_name", evidence)
    vocabulary = rules.languages.get(language)
    if vocabulary is not None:
        return vocabulary.jurisdiction, TriageReason("jurisdiction", "language_default", language)
    return rules.default_jurisdiction, TriageReason(
        "jurisdiction", "default", rules.default_jurisdiction
    )


def _inquiring_regulator(
    msg: IncomingMessage, rules: TriageRules, compiled: Matchers
) -> Regulator | None:
    regulator = sending_regulator(msg, rules)
    if regulator is not None:
        return regulator
    named = find_regulators(f"{msg.subject}\n{msg.body_text}", compiled)
    return named[0][0] if named else None

"""The request kind triage proposes: statute citations are the strongest evidence, then
request terms from the vocabularies in ``resources/triage`` (counting more in the subject than
in the body), and a regulator's domain or name next to inquiry wording."""

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from app.models.enums import CaseKind, ReviewFlag
from app.services.intake.message import IncomingMessage
from app.services.intake.reasons import TriageReason
from app.services.intake.signals import (
    Citation,
    Matchers,
    find_marker,
    find_regulators,
    find_terms,
)
from app.services.intake.vocabulary import Regulator, TriageRules

_MAX_REASONS_PER_FIELD = 3


@dataclass(frozen=True)
class _Evidence:
    """Points one signal gives a kind, and the text that gave them."""

    kind: CaseKind
    points: int
    signal: str
    text: str


def propose_kind(
    msg: IncomingMessage,
    rules: TriageRules,
    compiled: Matchers,
    citations: list[Citation],
    subject_citations: list[Citation],
    language: str | None = None,
) -> tuple[CaseKind, list[TriageReason], set[ReviewFlag]]:
    """Propose the request kind from the citations found in the body (``citations``) and the
    subject (``subject_citations``), the request terms and the regulators of ``rules``.

    A letter is concluded not to be a request only when it was read in a language whose
    request words triage knows (``language`` has a vocabulary) and nothing in it is about
    privacy or asks for anything: a letter in another language, or one whose request words
    are too few to decide, is an unclassified request (kind OTHER, flag UNKNOWN_KIND), which
    gets the jurisdiction's conservative deadline for a request of unclear kind (QA9 M1).

    Returns:
        ``(kind, its reasons (at most three), flags)``: the flags are UNLINKED_REMINDER for a
        reminder, UNKNOWN_KIND for a request of no recognisable kind (kind OTHER),
        NOT_A_REQUEST for mail about nothing privacy (kind NOT_A_REQUEST).
    """
    evidence = _kind_evidence(msg, rules, compiled, citations, subject_citations)
    scores: Counter[CaseKind] = Counter()
    for item in evidence:
        if item.kind is not CaseKind.OTHER:  # neutral phrases score for nothing
            scores[item.kind] += item.points
    marker = find_marker(f"{msg.subject}\n{msg.body_text}", compiled)
    about_privacy = marker is not None or bool(citations or subject_citations)
    if not scores:
        return _no_kind(about_privacy, marker, language if language in rules.languages else None)
    order = {kind: index for index, kind in enumerate(rules.kind_precedence)}
    best = min(scores, key=lambda kind: (-scores[kind], order.get(kind, len(order))))
    if scores[best] < rules.weights["decisive_score"] and not about_privacy:
        # A hint too weak to decide ("please delete", "a copy") is still no proof that the
        # letter asks for nothing: a person classifies it.
        hint = _top_reasons(best, evidence)[0]
        return CaseKind.OTHER, [replace(hint, signal="weak_hint")], {ReviewFlag.UNKNOWN_KIND}
    best = _reminder_outranks(best, scores, rules)
    flags = {ReviewFlag.UNLINKED_REMINDER} if best is CaseKind.REMINDER else set()
    return best, _top_reasons(best, evidence), flags


def _reminder_outranks(best: CaseKind, scores: Counter[CaseKind], rules: TriageRules) -> CaseKind:
    """Return REMINDER instead of ``best`` when ``best`` is a kind a reminder chases and the
    chasing words reach ``reminder_outranks`` points: a reminder names the earlier request
    ("催告：删除请求未答复"), so that request's words must not make it a new one (DESIGN.md §4)."""
    chasing = scores[CaseKind.REMINDER] >= rules.weights["reminder_outranks"]
    return CaseKind.REMINDER if chasing and best in rules.reminder.chased_kinds else best


def _no_kind(
    about_privacy: bool, marker: str | None, readable: str | None
) -> tuple[CaseKind, list[TriageReason], set[ReviewFlag]]:
    """Privacy mail without a recognisable request, and mail not read in a language whose
    request words triage knows (``readable``: that language, else ``None``: Hindi, Georgian…,
    or no words at all), is OTHER for a person to classify; mail read in full without any
    privacy subject is not a request."""
    if about_privacy:
        reason = TriageReason("kind", "privacy_marker", marker or "")
        return CaseKind.OTHER, [reason], {ReviewFlag.UNKNOWN_KIND}
    if not readable:
        return (
            CaseKind.OTHER,
            [TriageReason("kind", "unread_language", "")],
            {ReviewFlag.UNKNOWN_KIND},
        )
    reason = TriageReason("kind", "default", "")
    return CaseKind.NOT_A_REQUEST, [reason], {ReviewFlag.NOT_A_REQUEST}


def _kind_evidence(
    msg: IncomingMessage,
    rules: TriageRules,
    compiled: Matchers,
    citations: list[Citation],
    subject_citations: list[Citation],
) -> list[_Evidence]:
    weights = rules.weights
    found = [
        _Evidence(c.kind, weights[weight], "statute_citation", c.evidence)
        for cited, weight in ((subject_citations, "subject_citation"), (citations, "body_citation"))
        for c in cited
        if c.kind is not None
    ]
    for text, place, signal in (
        (msg.subject, "subject", "subject_keyword"),
        (msg.body_text, "body", "keyword"),
    ):
        for match in find_terms(text, compiled):
            points = weights[f"{place}_strong" if match.term.strong else f"{place}_term"]
            found.append(_Evidence(match.term.kind, points, signal, match.evidence))
    return found + _regulator_evidence(msg, rules, compiled, found)


def _regulator_evidence(
    msg: IncomingMessage, rules: TriageRules, compiled: Matchers, found: list[_Evidence]
) -> list[_Evidence]:
    """A letter from a regulator's domain is its inquiry; a regulator's name counts only next
    to inquiry wording, because requesters name the authority they threaten to write to."""
    if sending_regulator(msg, rules) is not None:
        domain = (msg.from_address or "").rpartition("@")[2]
        points = rules.weights["regulator_sender"]
        return [_Evidence(CaseKind.REGULATOR_INQUIRY, points, "regulator_sender", domain)]
    if not any(item.kind is CaseKind.REGULATOR_INQUIRY for item in found):
        return []
    named = find_regulators(f"{msg.subject}\n{msg.body_text}", compiled)
    points = rules.weights["regulator_name"]
    return [
        _Evidence(CaseKind.REGULATOR_INQUIRY, points, "regulator", text) for _, text in named[:1]
    ]


def _top_reasons(kind: CaseKind, evidence: list[_Evidence]) -> list[TriageReason]:
    points: defaultdict[tuple[str, str], int] = defaultdict(int)
    for item in evidence:
        if item.kind is kind:
            points[(item.signal, " ".join(item.text.split()))] += item.points
    ranked = sorted(points, key=lambda key: -points[key])[:_MAX_REASONS_PER_FIELD]
    return [TriageReason("kind", signal, text) for signal, text in ranked]


def sending_regulator(msg: IncomingMessage, rules: TriageRules) -> Regulator | None:
    """Return the regulator whose domain (or a subdomain of it) sent ``msg``, if any."""
    domain = (msg.from_address or "").rpartition("@")[2]
    for regulator in rules.regulators:
        if any(domain == d or domain.endswith("." + d) for d in regulator.domains):
            return regulator
    return None

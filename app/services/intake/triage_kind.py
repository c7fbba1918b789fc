"""The request kind triage proposes: statute citations are the strongest evidence, then
request terms from the vocabularies in ``resources/triage`` (counting more in the subject than
in the body), and a regulator's domain, a public body's domain whose letter reads as an inquiry,
or a regulator's name next to an authority's own wording.

Inquiry words that requesters write about authorities too (网信部门, 监管, 责令, 限期,
"supervisory authority": the plain ``terms`` of ``[kinds.regulator_inquiry]``) and citations of
an authority's powers (GDPR art. 58, PIPL art. 64) count only in mail from a public body's or
regulator's domain; from anyone else only the ``strong`` ones, which an authority alone writes
("我办收到", "we have received a complaint about"), do.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from app.models.enums import CaseKind, ReviewFlag
from app.services.intake.message import IncomingMessage
from app.services.intake.reasons import TriageReason
from app.services.intake.sender_domain import SenderAuthority, sender_authority
from app.services.intake.signals import (
    Citation,
    Matchers,
    find_marker,
    find_regulators,
    find_terms,
)
from app.services.intake.vocabulary import TriageRules

_MAX_REASONS_PER_FIELD = 3


@dataclass(frozen=True)
class _Evidence:
    """Points one signal gives a kind, and the text that gave them."""

    kind: CaseKind
    points: int
    signal: str
    text: str
    strong: bool = True


def propose_kind(
    msg: IncomingMessage,
    rules: TriageRules,
    compiled: Matchers,
    citations: list[Citation],
    subject_citations: list[Citation],
    language: str | None = None,
    authority: SenderAuthority | None = None,
) -> tuple[CaseKind, list[TriageReason], set[ReviewFlag]]:
    """Propose the request kind from the citations found in the body (``citations``) and the
    subject (``subject_citations``), the request terms and the regulators of ``rules``.

    A letter is concluded not to be a request only when it was read in a language whose
    request words triage knows (``language`` has a vocabulary) and nothing in it is about
    privacy or asks for anything: a letter in another language, or one whose request words
    are too few to decide, is an unclassified request (kind OTHER, flag UNKNOWN_KIND), which
    gets the jurisdiction's conservative deadline for a request of unclear kind (QA9 M1).

    ``authority`` is what the sender's domain says (``sender_domain.sender_authority``),
    worked out from ``msg`` when ``None``.

    Returns:
        ``(kind, its reasons (at most three), flags)``: the flags are UNLINKED_REMINDER for a
        reminder, UNKNOWN_KIND for a request of no recognisable kind (kind OTHER),
        NOT_A_REQUEST for mail about nothing privacy (kind NOT_A_REQUEST).
    """
    authority = authority or sender_authority(msg.from_address, rules)
    evidence = _kind_evidence(msg, rules, compiled, (citations, subject_citations), authority)
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
    cited: tuple[list[Citation], list[Citation]],
    authority: SenderAuthority,
) -> list[_Evidence]:
    """Every signal's points: ``cited`` is ``(body citations, subject citations)``. Requesters
    cite an authority's powers (GDPR art. 58, PIPL art. 64) and write the plain inquiry words
    about authorities too: those are held back as hints for ``_regulator_evidence``."""
    weights = rules.weights
    evidence = [
        _Evidence(c.kind, weights[weight], "statute_citation", c.evidence)
        for citations, weight in ((cited[1], "subject_citation"), (cited[0], "body_citation"))
        for c in citations
        if c.kind is not None
    ]
    for text, place, signal in (
        (msg.subject, "subject", "subject_keyword"),
        (msg.body_text, "body", "keyword"),
    ):
        for match in find_terms(text, compiled):
            points = weights[f"{place}_strong" if match.term.strong else f"{place}_term"]
            term = match.term
            evidence.append(_Evidence(term.kind, points, signal, match.evidence, term.strong))
    found = [item for item in evidence if not _held_back(item)]
    hints = [item for item in evidence if _held_back(item)]
    return found + _regulator_evidence(msg, rules, compiled, (found, hints), authority)


def _held_back(item: _Evidence) -> bool:
    """Whether an inquiry signal is one requesters give too (a plain term, a citation)."""
    plain = not item.strong or item.signal == "statute_citation"
    return item.kind is CaseKind.REGULATOR_INQUIRY and plain


def _regulator_evidence(
    msg: IncomingMessage,
    rules: TriageRules,
    compiled: Matchers,
    evidence: tuple[list[_Evidence], list[_Evidence]],
    authority: SenderAuthority,
) -> list[_Evidence]:
    """The inquiry evidence beyond an authority's own strong words: a regulator's domain, with
    the plain inquiry words (``hints``, of ``evidence = (found, hints)``); a public body's
    domain, with the hints and the regulator named, when those and the strong words reach
    ``decisive_score``; a regulator's name next to strong inquiry words from any other domain,
    because requesters name the authority they threaten to write to."""
    found, hints = evidence
    weights = rules.weights
    if authority.regulator is not None:
        points = weights["regulator_sender"]
        sender = _Evidence(CaseKind.REGULATOR_INQUIRY, points, "regulator_sender", authority.domain)
        return [sender, *hints]
    strong = [item for item in found if item.kind is CaseKind.REGULATOR_INQUIRY]
    if authority.government is None and not strong:
        return []
    named = [
        _Evidence(CaseKind.REGULATOR_INQUIRY, weights["regulator_name"], "regulator", text)
        for _, text in find_regulators(f"{msg.subject}\n{msg.body_text}", compiled)[:1]
    ]
    if authority.government is None:
        return named
    if sum(item.points for item in strong + hints + named) < weights["decisive_score"]:
        return []  # an official writing on their own behalf: a request like any other
    points = weights["government_sender"]
    sender = _Evidence(CaseKind.REGULATOR_INQUIRY, points, "government_sender", authority.domain)
    return [sender, *hints, *named]


def _top_reasons(kind: CaseKind, evidence: list[_Evidence]) -> list[TriageReason]:
    points: defaultdict[tuple[str, str], int] = defaultdict(int)
    for item in evidence:
        if item.kind is kind:
            points[(item.signal, " ".join(item.text.split()))] += item.points
    ranked = sorted(points, key=lambda key: -points[key])[:_MAX_REASONS_PER_FIELD]
    return [TriageReason("kind", signal, text) for signal, text in ranked]

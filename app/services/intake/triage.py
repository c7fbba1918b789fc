"""Triage of an incoming message: a proposed request kind, language, jurisdiction and
requester, each with the reasons a privacy officer sees before confirming.

Statute citations are the strongest evidence (GDPR Arts. 7(3), 15-18, 20, 21, 77; PIPL Arts.
15, 44-48, 65; CCPA §§ 1798.100-121; LGPD art. 18); then request terms from the vocabularies
in ``resources/triage``, which count more in the subject than in the body. Only the subject
and body's first 20,000 characters are read (``language.leading_text``): requests say what they
want early, and a 10 MB message then triages as fast as a short one.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date

from app.models.enums import CaseKind, ReviewFlag
from app.services.contact_points import normalise_phone
from app.services.intake.chase import find_chased_request
from app.services.intake.chinese_script import to_simplified
from app.services.intake.language import detect_language, leading_text
from app.services.intake.message import IncomingMessage
from app.services.intake.signals import (
    Citation,
    Matchers,
    find_citations,
    find_law_names,
    find_marker,
    find_regulators,
    find_terms,
    matchers,
)
from app.services.intake.vocabulary import Regulator, TriageRules, default_rules

_ADDRESS = r"[^\s@<>()\[\],;:\"]+@[^\s@<>()\[\],;:\"]+\.[^\s@<>()\[\],;:\".]+"
_MAX_REASONS_PER_FIELD = 3
# Letters detected as Chinese are matched in Simplified characters (``chinese_script``); other
# Han-writing languages are not: Japanese 個人情報 / 開示 are not Traditional Chinese.
_CHINESE = "zh"


@dataclass(frozen=True)
class TriageReason:
    """Why triage proposed a value.

    Attributes:
        field: ``"kind"``, ``"language"``, ``"jurisdiction"`` or ``"requester"``.
        signal: e.g. ``"statute_citation"``, ``"subject_keyword"``, ``"keyword"``, ``"script"``,
            ``"stopwords"``, ``"sender"``, ``"language_default"``, ``"default"``.
        evidence: the matched text (a term such as ``"Art. 17 GDPR"`` or ``"注销账号"``), or the
            language code / jurisdiction a default was taken from.
    """

    field: str
    signal: str
    evidence: str


@dataclass(frozen=True)
class TriageProposal:
    """Triage's proposal for one message; staff confirm or change it.

    ``chased_reference`` is a case reference named in the message (any kind: a reply to an
    identity request names its case too); ``chased_subject`` and ``chased_date`` (a calendar
    date, the earlier request's) are set for reminders and complaints, for the importer to link
    them to the case they chase or are about.
    """

    kind: CaseKind
    language: str
    jurisdiction: str
    requester_name: str | None
    requester_email: str | None
    reasons: tuple[TriageReason, ...]
    flags: frozenset[ReviewFlag]
    chased_reference: str | None = None
    chased_subject: str | None = None
    chased_date: date | None = None
    requester_phone: str | None = None
    requester_account_id: str | None = None


@dataclass(frozen=True)
class _Evidence:
    kind: CaseKind
    points: int
    signal: str
    text: str


def triage(msg: IncomingMessage, rules: TriageRules | None = None) -> TriageProposal:
    """Propose kind, language, jurisdiction and requester for a message.

    Args:
        msg: the parsed message; only the first 20,000 characters of its subject and body are
            read.
        rules: triage rules; the shipped ones (``resources/triage``) when ``None``.

    Returns:
        The proposal with its reasons and review flags (the message's date problem,
        NOT_A_REQUEST, UNKNOWN_KIND, RAW_TEMPLATE_MARKUP, UNLINKED_REMINDER, UNKNOWN_REQUESTER).

    Raises:
        TriageVocabularyError: the shipped vocabulary files are malformed.
    """
    rules = rules or default_rules()
    compiled = matchers(rules)
    msg = replace(msg, subject=leading_text(msg.subject), body_text=leading_text(msg.body_text))
    language = detect_language(msg.body_text if msg.body_text.strip() else msg.subject, rules)
    wording = _simplified(msg) if language.code == _CHINESE else msg
    citations = find_citations(wording.body_text, compiled, rules)
    subject_citations = find_citations(wording.subject, compiled, rules)
    kind, kind_reasons, kind_flags = _kind(wording, rules, compiled, citations, subject_citations)
    jurisdiction, jurisdiction_reason = _jurisdiction(
        wording, subject_citations + citations, language.code, rules, compiled, kind
    )
    name, email, requester_reasons = _requester(msg, rules)
    phone, account_id, identifier_reasons = labelled_identifiers(wording.body_text, rules)
    flags = set(kind_flags)
    if msg.date_problem is not None:
        flags.add(msg.date_problem)
    if any(p.search(msg.body_text) or p.search(msg.subject) for p in rules.markup_patterns):
        flags.add(ReviewFlag.RAW_TEMPLATE_MARKUP)
    if email is None:
        flags.add(ReviewFlag.UNKNOWN_REQUESTER)
    reasons = (
        *kind_reasons,
        TriageReason("language", language.signal, language.evidence),
        jurisdiction_reason,
        *requester_reasons,
        *identifier_reasons,
    )
    chased = find_chased_request(msg.subject, msg.body_text, rules.reminder)
    linked = kind in (CaseKind.REMINDER, CaseKind.COMPLAINT)
    return TriageProposal(
        kind,
        language.code,
        jurisdiction,
        name,
        email,
        reasons,
        frozenset(flags),
        chased_reference=chased.reference,
        chased_subject=chased.subject if linked else None,
        chased_date=chased.request_date if linked else None,
        requester_phone=phone,
        requester_account_id=account_id,
    )


def _simplified(msg: IncomingMessage) -> IncomingMessage:
    """A Chinese letter as the Simplified vocabulary reads it: Traditional characters (Hong
    Kong, Macao, Taiwan) mapped to Simplified. Names, chased subjects and markup checks keep
    the letter's own characters; only wording and citations are matched on this copy."""
    return replace(msg, subject=to_simplified(msg.subject), body_text=to_simplified(msg.body_text))


def _kind(
    msg: IncomingMessage,
    rules: TriageRules,
    compiled: Matchers,
    citations: list[Citation],
    subject_citations: list[Citation],
) -> tuple[CaseKind, list[TriageReason], set[ReviewFlag]]:
    evidence = _kind_evidence(msg, rules, compiled, citations, subject_citations)
    scores: Counter[CaseKind] = Counter()
    for item in evidence:
        if item.kind is not CaseKind.OTHER:  # neutral phrases score for nothing
            scores[item.kind] += item.points
    marker = find_marker(f"{msg.subject}\n{msg.body_text}", compiled)
    about_privacy = marker is not None or bool(citations or subject_citations)
    if not scores:
        return _no_kind(about_privacy, marker)
    order = {kind: index for index, kind in enumerate(rules.kind_precedence)}
    best = min(scores, key=lambda kind: (-scores[kind], order.get(kind, len(order))))
    if scores[best] < rules.weights["decisive_score"] and not about_privacy:
        return _no_kind(False, None)
    flags = {ReviewFlag.UNLINKED_REMINDER} if best is CaseKind.REMINDER else set()
    return best, _top_reasons(best, evidence), flags


def _no_kind(
    about_privacy: bool, marker: str | None
) -> tuple[CaseKind, list[TriageReason], set[ReviewFlag]]:
    """Privacy mail without a recognisable request is OTHER for a person to classify; mail
    without any privacy subject is not a request."""
    if about_privacy:
        reason = TriageReason("kind", "privacy_marker", marker or "")
        return CaseKind.OTHER, [reason], {ReviewFlag.UNKNOWN_KIND}
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
    domain = (msg.from_address or "").rpartition("@")[2]
    for regulator in rules.regulators:
        if any(domain == d or domain.endswith("." + d) for d in regulator.domains):
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


def _jurisdiction(
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
    domain = (msg.from_address or "").rpartition("@")[2]
    for regulator in rules.regulators:
        if any(domain == d or domain.endswith("." + d) for d in regulator.domains):
            return regulator
    named = find_regulators(f"{msg.subject}\n{msg.body_text}", compiled)
    return named[0][0] if named else None


def _requester(
    msg: IncomingMessage, rules: TriageRules
) -> tuple[str | None, str | None, list[TriageReason]]:
    """The sender is the requester (all corpus letters: From: name and address); a labelled
    address in the letter stands in only when From: has none."""
    if msg.from_address is not None:
        return (
            msg.from_name,
            msg.from_address,
            [TriageReason("requester", "sender", msg.from_address)],
        )
    labels = "|".join(
        re.escape(label) for label in sorted(rules.email_labels, key=len, reverse=True)
    )
    labelled = re.search(rf"(?:{labels})\s*[:：]\s*({_ADDRESS})", msg.body_text, re.I)
    if labelled is None:
        return msg.from_name, None, []
    address = labelled.group(1)
    local, _, domain = address.rpartition("@")
    email = f"{local}@{domain.lower()}"
    return msg.from_name, email, [TriageReason("requester", "body_label", email)]


_ACCOUNT = r"([A-Za-z0-9][A-Za-z0-9_.@-]{2,63})"
_PHONE_TEXT = r"(\+?[\d（）()\s-]{5,24}\d)"


def labelled_identifiers(
    text: str, rules: TriageRules
) -> tuple[str | None, str | None, list[TriageReason]]:
    """Find a phone number and a console account ID written after a label in the letter
    ("联系电话：138…", "账号ID：u10086", "Account ID: …"), for matching the person's earlier
    cases. Returns (phone as digits with an optional "+", account ID, reasons)."""
    phone_match = _after_label(text, rules.phone_labels, _PHONE_TEXT)
    phone = normalise_phone(phone_match) if phone_match else None
    account = _after_label(text, rules.account_labels, _ACCOUNT)
    reasons = [
        TriageReason("requester", "body_label", value) for value in (phone, account) if value
    ]
    return phone, account, reasons


def _after_label(text: str, labels: tuple[str, ...], value: str) -> str | None:
    if not labels:
        return None
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    found = re.search(rf"(?:{alternatives})\s*[:：]\s*{value}", text, re.IGNORECASE)
    return found.group(1).strip() if found else None

"""Triage of an incoming message: a proposed request kind, language, jurisdiction and
requester, each with the reasons a privacy officer sees before confirming.

Statute citations are the strongest evidence (GDPR Arts. 7(3), 15-18, 20, 21, 77; PIPL Arts.
15, 44-48, 65; CCPA §§ 1798.100-121; LGPD art. 18); then request terms from the vocabularies
in ``resources/triage``, which count more in the subject than in the body. Only the subject
and body's first 20,000 characters are read (``language.leading_text``): requests say what they
want early, and a 10 MB message then triages as fast as a short one.
"""

from dataclasses import dataclass, replace
from datetime import date

from app.models.enums import CaseKind, ReviewFlag
from app.services.intake.chase import find_chased_request
from app.services.intake.chinese_script import to_simplified
from app.services.intake.language import LanguageGuess, detect_language, leading_text
from app.services.intake.message import IncomingMessage
from app.services.intake.phone_region import phone_not_valid, phone_region
from app.services.intake.reasons import TriageReason
from app.services.intake.requester import labelled_identifiers, sender_requester
from app.services.intake.sender_domain import SenderAuthority, sender_authority
from app.services.intake.sender_state import sender_state
from app.services.intake.signals import find_citations, matchers
from app.services.intake.stated_limit import StatedLimit, find_stated_limit
from app.services.intake.triage_jurisdiction import propose_jurisdiction
from app.services.intake.triage_kind import propose_kind
from app.services.intake.vocabulary import TriageRules, default_rules

# Letters detected as Chinese are matched in Simplified characters (``chinese_script``); other
# Han-writing languages are not: Japanese 個人情報 / 開示 are not Traditional Chinese.
_CHINESE = "zh"
# TriageReason lives with the modules that give reasons; it is imported from here too.
__all__ = ["TriageProposal", "TriageReason", "labelled_identifiers", "triage"]


@dataclass(frozen=True)
class TriageProposal:
    """Triage's proposal for one message; staff confirm or change it.

    ``stated_limit`` is the time limit a regulator's inquiry states ("十个工作日内"), for the
    importer to count its deadline from (``app.services.regulator_deadline``), on the calendar
    of ``sender_state``: the state whose authority the sender's domain says wrote the letter
    (``app.services.intake.sender_state``), ``None`` where it does not say.

    ``chased_reference`` is a case reference named in the message (any kind: a reply to an
    identity request names its case too); ``chased_subject`` and ``chased_date`` (a calendar
    date, the earlier request's) are set for reminders and complaints, for the importer to link
    them to the case they chase or are about (``workflow.linking``: a reminder chases the request
    received on that date, and among those the one whose subject line it repeats).
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
    stated_limit: StatedLimit | None = None
    sender_state: str | None = None


def triage(msg: IncomingMessage, rules: TriageRules | None = None) -> TriageProposal:
    """Propose kind, language, jurisdiction and requester for a message.

    Args:
        msg: the parsed message; only the first 20,000 characters of its subject and body are
            read.
        rules: triage rules; the shipped ones (``resources/triage``) when ``None``.

    Returns:
        The proposal with its reasons and review flags (the message's date problem,
        NOT_A_REQUEST, UNKNOWN_KIND, RAW_TEMPLATE_MARKUP, UNLINKED_REMINDER, UNKNOWN_REQUESTER,
        REGULATOR_INQUIRY, UNLISTED_REGULATOR_SENDER, LOOKALIKE_SENDER_DOMAIN…).

    Raises:
        TriageVocabularyError: the shipped vocabulary files are malformed.
    """
    rules = rules or default_rules()
    compiled = matchers(rules)
    msg = replace(msg, subject=leading_text(msg.subject), body_text=leading_text(msg.body_text))
    language = _letter_language(msg, rules)
    wording = _simplified(msg) if language.code == _CHINESE else msg
    citations = find_citations(wording.body_text, compiled, rules)
    subject_citations = find_citations(wording.subject, compiled, rules)
    # "Not a request" needs a letter read in a known language: not on a default or shaky guess.
    read_in = None if language.signal == "default" or language.uncertain else language.code
    authority = sender_authority(msg.from_address, rules)
    kind, kind_reasons, kind_flags = propose_kind(
        wording, rules, compiled, citations, subject_citations, read_in, authority
    )
    requester = sender_requester(msg, rules)
    name, email, requester_reasons = requester.name, requester.email, requester.reasons
    # A national number is read in the country the sender's domain or language gives; not a
    # forwarder's domain, whose country need not be the forwarded writer's.
    region = phone_region(None if msg.forwarded else msg.from_address, read_in, rules)
    # As written: an ID in Traditional characters is not the Simplified reading's.
    phone, account_id, identifier_reasons = labelled_identifiers(msg.body_text, rules, region)
    jurisdiction, jurisdiction_reason = propose_jurisdiction(
        wording,
        subject_citations + citations,
        language.code,
        rules,
        compiled,
        kind,
        (phone, email),
        authority,
    )
    flags = set(kind_flags) | _sender_flags(kind, authority)
    if phone is not None and phone_not_valid(phone, region):
        flags.add(ReviewFlag.PHONE_NOT_VALID)
    if msg.date_problem is not None:
        flags.add(msg.date_problem)
    if any(p.search(msg.body_text) or p.search(msg.subject) for p in rules.markup_patterns):
        flags.add(ReviewFlag.RAW_TEMPLATE_MARKUP)
    if email is None or requester.unsure:
        flags.add(ReviewFlag.UNKNOWN_REQUESTER)
    if language.uncertain:
        flags.add(ReviewFlag.LANGUAGE_UNCERTAIN)
    if msg.damaged:
        flags.add(ReviewFlag.DAMAGED_MESSAGE)
    if msg.charset_mismatch:
        flags.add(ReviewFlag.CHARSET_MISMATCH)
    limit, limit_reasons = _regulator_limit(msg, kind)
    reasons = (
        *kind_reasons,
        *limit_reasons,
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
        stated_limit=limit,
        sender_state=sender_state(msg, rules) if limit is not None else None,
    )


def _sender_flags(kind: CaseKind, authority: SenderAuthority) -> set[ReviewFlag]:
    """REGULATOR_INQUIRY for an inquiry, and UNLISTED_REGULATOR_SENDER when no listed
    regulator's domain sent it (a public body's, or a private one next to an authority's
    wording): a person confirms who writes. LOOKALIKE_SENDER_DOMAIN for any mail whose domain
    imitates a public body's or regulator's ("gov-cn.com"), whatever its kind."""
    flags = {ReviewFlag.LOOKALIKE_SENDER_DOMAIN} if authority.lookalike else set()
    if kind is CaseKind.REGULATOR_INQUIRY:
        flags.add(ReviewFlag.REGULATOR_INQUIRY)
        if authority.regulator is None:
            flags.add(ReviewFlag.UNLISTED_REGULATOR_SENDER)
    return flags


def _regulator_limit(
    msg: IncomingMessage, kind: CaseKind
) -> tuple[StatedLimit | None, list[TriageReason]]:
    """The time limit a regulator's inquiry states, with a "deadline" reason quoting every
    statement of a limit (the counting weighs them all: a date before receipt is an account
    of events, the earliest of the rest binds) or saying that none is stated (no statute sets
    one: the importer then computes no deadline and flags ``no_deadline``)."""
    if kind is not CaseKind.REGULATOR_INQUIRY:
        return None, []
    limit = find_stated_limit(f"{msg.subject}\n{msg.body_text}")
    if limit is None:
        return None, [TriageReason("deadline", "no_stated_limit", "")]
    said = dict.fromkeys(statement.evidence for statement in (limit, *limit.fallbacks))
    return limit, [TriageReason("deadline", "stated_limit", "; ".join(said))]


def _letter_language(msg: IncomingMessage, rules: TriageRules) -> LanguageGuess:
    """The body's language; the subject's where the body gives no evidence (empty, or only
    markup, links and code such as a web form's '=HYPERLINK("http://…")' cell), so that a
    form row reads alike from CSV and XLSX, which drops formulas (QA9 M5)."""
    guess = detect_language(msg.body_text, rules)
    if guess.signal == "default" and msg.subject.strip():
        return detect_language(msg.subject, rules)
    return guess


def _simplified(msg: IncomingMessage) -> IncomingMessage:
    """A Chinese letter as the Simplified vocabulary reads it: Traditional characters (Hong
    Kong, Macao, Taiwan) mapped to Simplified. Names, chased subjects and markup checks keep
    the letter's own characters; only wording and citations are matched on this copy."""
    return replace(msg, subject=to_simplified(msg.subject), body_text=to_simplified(msg.body_text))

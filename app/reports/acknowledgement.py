"""The acknowledgement of receipt: tells the requester their request arrived and what comes next.

PIPL Art. 50 requires a handler to establish a convenient mechanism to accept and handle
individuals' requests; GDPR Art. 12(3) requires information on action taken within one month of
receipt. The acknowledgement fixes, in writing, the receipt date from which those periods run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.models.enums import CaseKind
from app.reports.invisible import one_line
from app.reports.letterhead import Letterhead
from app.reports.letters import letter_version, render_letter
from app.reports.templates import LetterSpec, TemplateVersion
from app.reports.wording_context import LetterKind, LetterValues, Wording

ACKNOWLEDGEMENT = LetterSpec(
    key="acknowledgement",
    fields=frozenset(
        {
            "reference",
            "kind",
            "requester_name",
            "received_date",
            "due_date",
            "issued_date",
            "legal_basis",
            "company_name",
            "privacy_contact",
        }
    ),
    conditions=frozenset(
        {
            "due_date_known",
            "due_date_unknown",
            "due_upcoming",
            "due_passed",
            "due_provisional",
            "due_official",
            "requester_named",
            "requester_unnamed",
            "complaint",
            "rights_request",
        }
    ),
)


@dataclass(frozen=True)
class AcknowledgementFacts:
    """What an acknowledgement states, as plain values.

    Attributes:
        reference: the case reference, e.g. ``"PD-2026-000123"``.
        kind: what the requester asked for.
        requester_name: as the requester wrote it, or ``None`` (a neutral salutation is used).
        received_date: the legal receipt date in the rule's time zone.
        due_date: the statutory response date, or ``None`` where no rule gives one.
        due_provisional: the due date rests on an estimated holiday calendar (not yet official).
        issued_date: the letter's date.
        jurisdiction: the rule set's code (``"CN"``, ``"EU"``, ...), picks the legal basis text.
    """

    reference: str
    kind: CaseKind
    requester_name: str | None
    received_date: date
    due_date: date | None
    due_provisional: bool
    issued_date: date
    jurisdiction: str


def _fill(facts: AcknowledgementFacts, wording: Wording) -> LetterValues:
    name = one_line(facts.requester_name or "")  # inside a sentence: on one line
    terms = wording.terms
    values = {
        "reference": facts.reference,
        "kind": terms.kind_for(facts.jurisdiction, facts.kind.value),
        "requester_name": name,
        "received_date": wording.date(facts.received_date),
        "due_date": wording.date(facts.due_date),
        "issued_date": wording.date(facts.issued_date),
        "legal_basis": terms.law_for(facts.jurisdiction, facts.kind.value),
        "company_name": wording.letterhead.name_for(wording.language),
        "privacy_contact": wording.letterhead.privacy_contact,
    }
    known = facts.due_date is not None
    # Issued after the due date, the letter must not give a past day as the date "by" which
    # it answers: it says the date has passed and that the answer comes as soon as possible.
    passed = facts.due_date is not None and facts.issued_date > facts.due_date
    upcoming = known and not passed
    conditions = {
        "due_date_known": known,
        "due_date_unknown": not known,
        "due_upcoming": upcoming,
        "due_passed": passed,
        "due_provisional": upcoming and facts.due_provisional,
        "due_official": upcoming and not facts.due_provisional,
        "requester_named": bool(name),
        "requester_unnamed": not name,
        # A complaint is investigated, not answered with the complainant's data: no identity
        # check comes first (PIPL Art. 50 for requests; complaints per the policy's channel).
        "complaint": facts.kind is CaseKind.COMPLAINT,
        "rights_request": facts.kind is not CaseKind.COMPLAINT,
    }
    return LetterValues(values=values, conditions=conditions, named=bool(name))


def _jurisdiction(facts: AcknowledgementFacts) -> str:
    return facts.jurisdiction


ACKNOWLEDGEMENT_LETTER = LetterKind(ACKNOWLEDGEMENT, _fill, _jurisdiction, uses_jurisdictions=False)


def acknowledgement_version(language: str, templates_dir: Path | None = None) -> TemplateVersion:
    """Return the template key, language and content hash to store beside a generated letter.

    Args:
        language: ``"zh"``, ``"en"`` or ``"zh+en"`` (bilingual).
        templates_dir: a ``letters`` folder to use instead of the shipped one.

    Raises:
        TemplateError, TemplateFieldError: the template or terms file is missing or invalid.
    """
    return letter_version(ACKNOWLEDGEMENT_LETTER, language, templates_dir)


def render_acknowledgement(
    facts: AcknowledgementFacts,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Render the acknowledgement of receipt as a PDF.

    Args:
        facts: the case facts. language: ``"zh"``, ``"en"`` or ``"zh+en"`` (bilingual).
        letterhead: the sender.
        templates_dir: a ``letters`` folder to use instead of the shipped one (tests, overrides).

    Returns:
        PDF bytes (A4, fonts embedded as TrueType subsets).

    Raises:
        TemplateError, TemplateFieldError: the template or terms are missing or invalid.
        MissingGlyphsError: a character (e.g. emoji, CJK Ext-B) has no glyph; lists code points.
        FontLoadError: a letter font cannot be loaded.
    """
    return render_letter(
        ACKNOWLEDGEMENT_LETTER, facts, language, letterhead, templates_dir=templates_dir
    )

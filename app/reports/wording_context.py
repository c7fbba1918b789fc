"""What every letter fills in from its case: names, dates, law, sender, regulator, remedies.

A ``LetterKind`` pairs a template's ``LetterSpec`` with a function that turns the letter's facts
into ``LetterValues`` (placeholder texts, condition truth values, item lists, table rows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, Protocol, TypeVar

from app.models.enums import CaseKind, PartyRole
from app.reports.facts import CaseFacts
from app.reports.invisible import one_line
from app.reports.jurisdictions import JurisdictionTerms
from app.reports.letterhead import Letterhead
from app.reports.templates import LetterSpec
from app.reports.terms import LetterTerms
from app.reports.wording import format_date

F = TypeVar("F")

CASE_FIELDS = frozenset(
    {
        "reference",
        "kind",
        "subject_name",
        "addressee_name",
        "received_date",
        "issued_date",
        "legal_basis",
        "company_name",
        "privacy_contact",
        "complaint_channel",
        "regulator",
        "judicial_remedy",
        "rights",
        "identity_documents",
    }
)
# Jurisdiction codes with their own wording; others print ``jurisdiction_other`` rows.
_JURISDICTIONS = {"CN": "cn", "EU": "eu", "UK": "uk", "US-CA": "us_ca"}
CASE_CONDITIONS = frozenset(
    {
        "addressee_named",
        "addressee_unnamed",
        "to_subject",
        *(f"to_{role.value}" for role in PartyRole),
        *(f"jurisdiction_{suffix}" for suffix in _JURISDICTIONS.values()),
        "jurisdiction_other",
        "complaint",
        "rights_request",
    }
)


@dataclass(frozen=True)
class Wording:
    """The language resources one letter is filled from.

    Attributes:
        language: ``"zh"`` or ``"en"``. terms: that language's shared words.
        jurisdiction: the case's jurisdiction wording in that language.
        letterhead: the sender.
    """

    language: str
    terms: LetterTerms
    jurisdiction: JurisdictionTerms
    letterhead: Letterhead

    def date(self, day: date | None) -> str:
        """Return ``day`` written in the letter's language, or "" for ``None``."""
        return format_date(day, self.terms) if day else ""


@dataclass
class LetterValues:
    """Everything a template is filled with (plain text; escaped when printed).

    Attributes:
        values: placeholder -> text. conditions: condition -> truth value.
        lists: list name -> entries. tables: table name -> rows of cells.
        named: the addressee's name is known (picks the salutation).
    """

    values: dict[str, str]
    conditions: dict[str, bool]
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tables: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    named: bool = False


class HasCase(Protocol):
    """Facts that carry their ``CaseFacts``."""

    @property
    def case(self) -> CaseFacts:
        """The case the letter is about."""


def case_jurisdiction(facts: HasCase) -> str:
    """Return the jurisdiction code of the facts' case."""
    return facts.case.jurisdiction


@dataclass(frozen=True)
class LetterKind(Generic[F]):
    """One kind of letter: its template spec and how its facts fill the template.

    Attributes:
        spec: fields, conditions, lists and tables the template may use.
        fill: facts and wording -> values; raises ``LetterError`` for facts the letter
            cannot state (e.g. an extension where the law has none).
        jurisdiction_of: returns the facts' jurisdiction code.
        uses_jurisdictions: the letter's text depends on ``jurisdictions.toml`` (its hash
            is then part of the template version).
    """

    spec: LetterSpec
    fill: Callable[[F, Wording], LetterValues]
    jurisdiction_of: Callable[[F], str]
    uses_jurisdictions: bool = True


def letter_spec(
    key: str,
    fields: frozenset[str] = frozenset(),
    conditions: frozenset[str] = frozenset(),
    lists: frozenset[str] = frozenset(),
    tables: tuple[tuple[str, int], ...] = (),
) -> LetterSpec:
    """Return a spec offering the case fields and conditions plus the letter's own."""
    return LetterSpec(
        key=key,
        fields=CASE_FIELDS | fields,
        conditions=CASE_CONDITIONS | conditions,
        lists=lists,
        tables=tables,
    )


def _addressee_conditions(case: CaseFacts) -> dict[str, bool]:
    role = case.addressee.role if case.addressee else None
    conditions = {f"to_{each.value}": role is each for each in PartyRole}
    return {"to_subject": role is None, **conditions}


def _jurisdiction_conditions(code: str) -> dict[str, bool]:
    own = _JURISDICTIONS.get(code.upper())
    conditions = {f"jurisdiction_{s}": s == own for s in _JURISDICTIONS.values()}
    return {**conditions, "jurisdiction_other": own is None}


def case_values(case: CaseFacts, wording: Wording) -> LetterValues:
    """Return the values and conditions every letter offers (``CASE_FIELDS``/``CONDITIONS``)."""
    # A name stands inside a sentence: on one line whatever was pasted into it.
    subject = one_line(case.subject_name or "")
    addressee = one_line(case.addressee.name or "") if case.addressee else subject
    terms, law, head = wording.terms, wording.jurisdiction, wording.letterhead
    values = {
        "reference": case.reference,
        "kind": terms.kind_for(case.jurisdiction, case.kind.value),
        "subject_name": subject,
        "addressee_name": addressee,
        "received_date": wording.date(case.received_date),
        "issued_date": wording.date(case.issued_date),
        "legal_basis": terms.law_for(case.jurisdiction, case.kind.value),
        "company_name": head.name_for(wording.language),
        "privacy_contact": head.privacy_contact,
        "complaint_channel": head.complaints(),
        "regulator": case.regulator or law.regulator,
        "judicial_remedy": law.judicial_remedy,
        "rights": law.rights,
        "identity_documents": law.identity_documents,
    }
    conditions = {
        "addressee_named": bool(addressee),
        "addressee_unnamed": not addressee,
        **_addressee_conditions(case),
        **_jurisdiction_conditions(case.jurisdiction),
        # As in the acknowledgement: a complaint is not a request to exercise a right, and a
        # letter (its title first) must not call it one.
        "complaint": case.kind is CaseKind.COMPLAINT,
        "rights_request": case.kind is not CaseKind.COMPLAINT,
    }
    return LetterValues(values=values, conditions=conditions, named=bool(addressee))

"""The response letters after the acknowledgement: their specs and how facts fill them (the
letters that ask the requester for proof of identity or for clarification, and may stop the
clock, are ``app.reports.asking_letter_kinds``).

Legal sources: deadlines.md §3 (what a refusal or extension must say), §4 (Chinese retention
rules limiting deletion: their wording is ``app.reports.retention_bases``), and the company's
privacy policy (the request's records kept 6 months after cancellation).
"""

from __future__ import annotations

from collections.abc import Mapping

from app.errors import LetterError, RefusalGroundError
from app.reports.annex_cells import correction_row, data_copy_row
from app.reports.facts import (
    AccessResponseFacts,
    CancellationFacts,
    ComplaintResponseFacts,
    CorrectionDoneFacts,
    DeletionDoneFacts,
    ExtensionNoticeFacts,
    RefusalFacts,
)
from app.reports.retention_bases import held_rows
from app.reports.wording_context import (
    LetterKind,
    LetterValues,
    Wording,
    case_jurisdiction,
    case_values,
    letter_spec,
)
from app.services.deadlines.counting import add_months
from app.services.letter_languages import is_chinese
from app.services.workflow.inventory import load_inventory


def _hold_months(rule: str, team: Mapping[str, int] | None = None) -> int:
    """Months of a retention rule of the data inventory: the team's (settings) where given,
    else resources/workflow/inventory.toml (``account_cancellation``: company policy, 6)."""
    if team is not None and rule in team:
        return team[rule]
    return load_inventory().rules[rule].months


def _extension_notice(facts: ExtensionNoticeFacts, wording: Wording) -> LetterValues:
    basis = wording.jurisdiction.extension_basis
    if basis is None:
        raise LetterError(f"the law of {facts.case.jurisdiction} provides no extension")
    if facts.case.issued_date > facts.original_due_date:
        raise LetterError("an extension notice must be sent before the original due date")
    if facts.extended_due_date <= facts.original_due_date:
        raise LetterError("the extended due date must be after the original due date")
    values = case_values(facts.case, wording)
    values.values |= {
        "original_due_date": wording.date(facts.original_due_date),
        "extended_due_date": wording.date(facts.extended_due_date),
        "extension_basis": basis,
    }
    values.lists["reasons"] = facts.reasons
    return values


def _access_response(facts: AccessResponseFacts, wording: Wording) -> LetterValues:
    values = case_values(facts.case, wording)
    values.lists |= {
        "purposes": facts.purposes,
        # The inventory's names in this half's language (a bilingual letter words each half).
        "categories": facts.categories
        + tuple(names.in_language(wording.language) for names in facts.category_names),
        "recipients": facts.recipients,
        "retention": facts.retention,
        "sources": facts.sources,
    }
    values.tables["data_copy"] = tuple(data_copy_row(row, wording) for row in facts.data_copy)
    return values


def _correction_done(facts: CorrectionDoneFacts, wording: Wording) -> LetterValues:
    values = case_values(facts.case, wording)
    values.values["completed_date"] = wording.date(facts.completed_date)
    values.conditions["recipients_notified"] = facts.recipients_notified
    values.tables["corrections"] = tuple(correction_row(c, wording) for c in facts.corrections)
    return values


def _deletion_done(facts: DeletionDoneFacts, wording: Wording) -> LetterValues:
    values = case_values(facts.case, wording)
    values.values["completed_date"] = wording.date(facts.completed_date)
    values.conditions |= {"has_held": bool(facts.held), "nothing_held": not facts.held}
    values.lists["deleted"] = facts.deleted
    values.tables["held"] = held_rows(facts.held, wording)
    return values


def _cancellation(facts: CancellationFacts, wording: Wording) -> LetterValues:
    """Section 1 lists what was erased, section 2 what is kept: the request's records for the
    policy's months (``retention.purge`` erases them then) and each held category until its
    own date, with its legal basis (PIPL Art. 47 ¶2) — never a category also listed as erased."""
    values = case_values(facts.case, wording)
    months = _hold_months("account_cancellation", facts.hold_months)
    values.values |= {
        "cancellation_date": wording.date(facts.cancellation_date),
        # The company's own hold is a setting: the sentence must say the months the date uses.
        "records_hold_months": str(months),
        "records_held_until": wording.date(add_months(facts.cancellation_date, months)),
    }
    values.conditions |= {"has_held": bool(facts.held), "nothing_held": not facts.held}
    values.lists["deleted_now"] = facts.deleted_now
    values.tables["held"] = held_rows(facts.held, wording)
    return values


def _refusal(facts: RefusalFacts, wording: Wording) -> LetterValues:
    known = wording.jurisdiction.grounds
    if not facts.grounds:
        raise LetterError("a refusal must state at least one ground")
    for ground in facts.grounds:
        if ground.key not in known:
            raise RefusalGroundError(facts.case.jurisdiction, ground.key, sorted(known))
    values = case_values(facts.case, wording)
    space = "" if is_chinese(wording.language) else " "  # Chinese sentences join without a space
    values.lists |= {
        "grounds": tuple(
            f"{known[g.key]}{space}{g.detail.strip()}" if g.detail else known[g.key]
            for g in facts.grounds
        ),
        "fulfilled": facts.fulfilled,
    }
    values.conditions["has_fulfilled"] = bool(facts.fulfilled)
    return values


def _complaint_response(facts: ComplaintResponseFacts, wording: Wording) -> LetterValues:
    values = case_values(facts.case, wording)
    values.lists |= {"findings": facts.findings, "actions": facts.actions}
    values.conditions |= {"upheld": facts.upheld, "not_upheld": not facts.upheld}
    return values


EXTENSION_NOTICE = LetterKind(
    letter_spec(
        "extension_notice",
        frozenset({"original_due_date", "extended_due_date", "extension_basis"}),
        lists=frozenset({"reasons"}),
    ),
    _extension_notice,
    case_jurisdiction,
)
ACCESS_RESPONSE = LetterKind(
    letter_spec(
        "access_response",
        lists=frozenset({"purposes", "categories", "recipients", "retention", "sources"}),
        tables=(("data_copy", 4),),
    ),
    _access_response,
    case_jurisdiction,
)
CORRECTION_DONE = LetterKind(
    letter_spec(
        "correction_done",
        frozenset({"completed_date"}),
        frozenset({"recipients_notified"}),
        tables=(("corrections", 2),),
    ),
    _correction_done,
    case_jurisdiction,
)
DELETION_DONE = LetterKind(
    letter_spec(
        "deletion_done",
        frozenset({"completed_date"}),
        frozenset({"has_held", "nothing_held"}),
        frozenset({"deleted"}),
        (("held", 3),),
    ),
    _deletion_done,
    case_jurisdiction,
)
CANCELLATION_CONFIRMATION = LetterKind(
    letter_spec(
        "cancellation_confirmation",
        frozenset({"cancellation_date", "records_hold_months", "records_held_until"}),
        frozenset({"has_held", "nothing_held"}),
        frozenset({"deleted_now"}),
        (("held", 3),),
    ),
    _cancellation,
    case_jurisdiction,
)
_REFUSAL_LISTS = frozenset({"grounds", "fulfilled"})
REFUSAL = LetterKind(
    letter_spec("refusal", conditions=frozenset({"has_fulfilled"}), lists=_REFUSAL_LISTS),
    _refusal,
    case_jurisdiction,
)
PARTIAL_REFUSAL = LetterKind(
    letter_spec("partial_refusal", conditions=frozenset({"has_fulfilled"}), lists=_REFUSAL_LISTS),
    _refusal,
    case_jurisdiction,
)
COMPLAINT_RESPONSE = LetterKind(
    letter_spec(
        "complaint_response",
        conditions=frozenset({"upheld", "not_upheld"}),
        lists=frozenset({"findings", "actions"}),
    ),
    _complaint_response,
    case_jurisdiction,
)

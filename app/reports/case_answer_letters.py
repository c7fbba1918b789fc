"""Letters that ask the requester for proof or clarification, or report an answer, built from
the case record (``LetterContext``).

What the record does not hold is the team's standard wording in each template (its ``empty``
text: the proofs asked for, the question, the purposes and sources of processing): the
handler's own words are printed where the record has them (a correction's or an export's note
on the data category). Sources: PIPL Arts. 45, 46, 50 and GB/T 35273-2020 §8.7 (identity
first, the clock runs from verification); 认定方法 2019 (complaints answered in 15 working
days); GDPR Arts. 12(6), 15, 16.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from app.models.enums import CaseOutcome, CategoryActionKind
from app.reports.case_letter_facts import case_facts, category_name
from app.reports.facts import (
    AccessResponseFacts,
    ClarificationRequestFacts,
    ComplaintResponseFacts,
    Correction,
    CorrectionDoneFacts,
    DataCopyRow,
    IdentityRequestFacts,
)
from app.reports.letter_kinds import (
    ACCESS_RESPONSE,
    CLARIFICATION_REQUEST,
    COMPLAINT_RESPONSE,
    CORRECTION_DONE,
    IDENTITY_REQUEST,
)
from app.reports.settings_letterhead import letterhead_for
from app.reports.wording_context import LetterKind
from app.services.letters import CategoryLine, LetterContext

UPHELD = frozenset({CaseOutcome.FULFILLED, CaseOutcome.PARTIALLY_FULFILLED})
# Printed in an annex cell the record leaves empty (the same in every language).
NO_RECORD = "—"


def _running_due(context: LetterContext) -> date | None:
    """The due date to state: none while the clock stands still for the requester's reply
    (the period then runs from the reply, GB/T 35273-2020 §8.7; UK GDPR Art. 12A)."""
    return None if context.clock_waits else context.due_date


def identity_request(context: LetterContext, _language: str) -> IdentityRequestFacts:
    """Return the identity request's facts: the proofs are the template's standard list;
    proof goes to the privacy contact of the letterhead (PIPL Art. 52)."""
    channel = letterhead_for(context.letterhead).privacy_contact
    paused = context.clock_waits
    return IdentityRequestFacts(
        case_facts(context), (), channel, paused, due_date=_running_due(context)
    )


def clarification_request(context: LetterContext, _language: str) -> ClarificationRequestFacts:
    """Return the clarification request's facts (the template's standard question)."""
    return ClarificationRequestFacts(
        case_facts(context), (), context.clock_waits, due_date=_running_due(context)
    )


def _scope(context: LetterContext) -> tuple[CategoryLine, ...]:
    """The categories the answer covers: those planned on the case, else the inventory's."""
    return context.categories or context.inventory


def access_response(context: LetterContext, language: str) -> AccessResponseFacts:
    """Return the access response's facts: each category held, and in the annex its exported
    data (an export's note) and its retention basis (the letter's words, ``retention_bases``)."""
    lines = _scope(context)
    rows = tuple(
        DataCopyRow(
            category_name(line, language),
            _note(line) or NO_RECORD,
            NO_RECORD,
            NO_RECORD,
            rule=line.hold_rule,
        )
        for line in lines
    )
    names = tuple(category_name(line, language) for line in lines)
    return AccessResponseFacts(case_facts(context), (), names, (), (), (), rows)


def _note(line: CategoryLine) -> str:
    return line.note.strip() if line.action == CategoryActionKind.EXPORT else ""


def correction_done(context: LetterContext, language: str) -> CorrectionDoneFacts:
    """Return the correction-done facts: each correction recorded done with its new value
    (the note), completed on the answer's date (PIPL Art. 46)."""
    corrections = tuple(
        Correction(category_name(line, language), line.note.strip() or NO_RECORD)
        for line in context.categories
        if line.action == CategoryActionKind.CORRECT and line.done
    )
    completed = context.responded_date or context.issued_date
    return CorrectionDoneFacts(case_facts(context), corrections, completed)


def complaint_response(context: LetterContext, _language: str) -> ComplaintResponseFacts:
    """Return the complaint response's facts: upheld when the answer fulfilled the complaint
    in whole or part (findings and actions: the template's standard wording)."""
    return ComplaintResponseFacts(case_facts(context), (), (), context.outcome in UPHELD)


FactsBuilder = Callable[[LetterContext, str], Any]
ANSWER_BUILDERS: dict[str, tuple[LetterKind[Any], FactsBuilder]] = {
    IDENTITY_REQUEST.spec.key: (IDENTITY_REQUEST, identity_request),
    CLARIFICATION_REQUEST.spec.key: (CLARIFICATION_REQUEST, clarification_request),
    ACCESS_RESPONSE.spec.key: (ACCESS_RESPONSE, access_response),
    CORRECTION_DONE.spec.key: (CORRECTION_DONE, correction_done),
    COMPLAINT_RESPONSE.spec.key: (COMPLAINT_RESPONSE, complaint_response),
}

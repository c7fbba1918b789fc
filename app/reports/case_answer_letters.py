"""Letters that ask the requester for proof or clarification, or report an answer, built from
the case record (``LetterContext``).

What the record does not hold is the team's standard wording in each template (its ``empty``
text: the proofs asked for, the question, the purposes and sources of processing): the
handler's own words are printed where the record has them (a correction's or an export's note
on the data category), and the cells of a table are worded from the record's actions and
their dates where it has no note (``annex_cells``), never left as a bare dash. Sources:
PIPL Arts. 45, 46, 50 and GB/T 35273-2020 §8.7 (identity first, the clock runs from
verification); 认定方法 2019 (complaints answered in 15 working days); GDPR Arts. 12(6), 15,
16.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from app.models.enums import CaseOutcome, CategoryActionKind
from app.reports.asking_letter_kinds import CLARIFICATION_REQUEST, IDENTITY_REQUEST
from app.reports.case_letter_facts import case_facts, category_name
from app.reports.facts import (
    AccessResponseFacts,
    ClarificationRequestFacts,
    ComplaintResponseFacts,
    CorrectionDoneFacts,
    IdentityRequestFacts,
)
from app.reports.letter_kinds import (
    ACCESS_RESPONSE,
    COMPLAINT_RESPONSE,
    CORRECTION_DONE,
)
from app.reports.letter_rows import CategoryNames, Correction, DataCopyRow
from app.reports.settings_letterhead import letterhead_for
from app.reports.wording_context import LetterKind
from app.services.letters import CategoryLine, LetterContext

UPHELD = frozenset({CaseOutcome.FULFILLED, CaseOutcome.PARTIALLY_FULFILLED})


def _running_due(context: LetterContext) -> date | None:
    """The due date to state: none while the clock stands still for the requester's reply
    (the period then runs from the reply, GB/T 35273-2020 §8.7; UK GDPR Art. 12A)."""
    return None if context.clock_waits else context.due_date


def identity_request(context: LetterContext, _language: str) -> IdentityRequestFacts:
    """Return the identity request's facts: the proofs are the template's standard list;
    proof goes to the privacy contact of the letterhead (PIPL Art. 52). Under a hand date a
    running clock's paragraph states the statutory date as the law's limit and the hand date as
    the company's own (``statutory_due_date``; unknown where no rule times the case)."""
    channel = letterhead_for(context.letterhead).privacy_contact
    paused = context.clock_waits
    return IdentityRequestFacts(
        case_facts(context),
        (),
        channel,
        paused,
        due_date=_running_due(context),
        stops_from_letter=context.clock_stops_on_asking,
        due_date_by_hand=context.due_date_by_hand,
        statutory_due_date=context.statutory_due_date,
    )


def clarification_request(context: LetterContext, _language: str) -> ClarificationRequestFacts:
    """Return the clarification request's facts (the template's standard question)."""
    return ClarificationRequestFacts(
        case_facts(context),
        (),
        context.clock_waits,
        due_date=_running_due(context),
        due_date_by_hand=context.due_date_by_hand,
        statutory_due_date=context.statutory_due_date,
    )


def _scope(context: LetterContext) -> tuple[CategoryLine, ...]:
    """The categories the answer covers: those planned on the case, else the inventory's."""
    return context.categories or context.inventory


def access_response(context: LetterContext, language: str) -> AccessResponseFacts:
    """Return the access response's facts (PIPL Art. 45): each category held, and in the annex
    per category what was exported and when (an export's note and the day it was recorded
    done), or that nothing is held in it, and why it is kept (its retention rule, the case's
    hold or else the inventory's: the letter's words, ``retention_bases``)."""
    lines = _scope(context)
    refused = context.outcome == CaseOutcome.PARTIALLY_FULFILLED
    rows = tuple(_data_copy_row(line, language, refused=refused) for line in lines)
    names = tuple(
        CategoryNames(line.name_zh, line.name_en)
        for line in lines
        if line.action != CategoryActionKind.NONE_HELD
    )
    facts = case_facts(context)
    return AccessResponseFacts(facts, (), (), (), (), (), rows, category_names=names)


def _data_copy_row(line: CategoryLine, language: str, *, refused: bool) -> DataCopyRow:
    """A category left out of the copy of a request met in part is refused (the partial
    refusal gives the grounds); ``letter_fit`` lets no other be left out."""
    exported = line.action == CategoryActionKind.EXPORT and line.done
    return DataCopyRow(
        category_name(line, language),
        line.note.strip() if exported else "",
        "",
        "",
        rule=line.hold_rule or line.kept_under,
        names=CategoryNames(line.name_zh, line.name_en),
        exported_date=line.done_date if exported else None,
        held=line.action != CategoryActionKind.NONE_HELD,
        on_deletion=line.on_deletion,
        refused=refused and not exported,
    )


def correction_done(context: LetterContext, language: str) -> CorrectionDoneFacts:
    """Return the correction-done facts: each category whose correction is recorded done, by
    its name in the letter's language, with the day it was done and its new value (the note)
    where one was written; completed on the answer's date (PIPL Art. 46)."""
    corrections = tuple(
        Correction(
            category_name(line, language),
            line.note.strip(),
            names=CategoryNames(line.name_zh, line.name_en),
            corrected_date=line.done_date,
        )
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

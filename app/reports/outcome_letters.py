"""The letters reporting a consent withdrawal recorded, an objection met and the processing
rules explained: their facts, how facts fill their templates, and how a case's record gives
the facts.

What the record does not hold is the team's standard wording in each template (its ``empty``
text and paragraphs: what stopped, the purposes and sources of processing), as in the access
response; the record gives the dates and whether an erasure followed a withdrawal, and the
data inventory the categories processed and why they are kept (``retention_bases``).
Sources: PIPL Arts. 15, 16, 44, 47 ¶1(3), 48; GDPR Arts. 7(3), 18(2), 21.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.models.enums import CategoryActionKind
from app.reports.annex_cells import kept_row
from app.reports.case_letter_facts import case_facts
from app.reports.facts import CaseFacts
from app.reports.letter_rows import CategoryNames
from app.reports.wording_context import (
    LetterKind,
    LetterValues,
    Wording,
    case_jurisdiction,
    case_values,
    letter_spec,
)
from app.services.letters import CategoryLine, LetterContext
from app.services.workflow.inventory import RetentionRule

ERASED = frozenset({CategoryActionKind.DELETE, CategoryActionKind.ANONYMISE})


@dataclass(frozen=True)
class ConsentWithdrawnFacts:
    """A consent withdrawal recorded (PIPL Art. 15; GDPR Art. 7(3)).

    Attributes:
        case: the case. stopped_date: the day processing based on consent stopped (the
            answer's date). erasure_done: an erasure is recorded done on the case (PIPL Art.
            47 ¶1(3)); which categories is the deletion letter's to say, once the identity
            is checked (this letter, like the withdrawal, waits for no proof: Art. 15).
    """

    case: CaseFacts
    stopped_date: date
    erasure_done: bool = False


@dataclass(frozen=True)
class ObjectionGrantedFacts:
    """An objection to (or restriction of) processing met (PIPL Art. 44; GDPR Arts. 18, 21).

    Attributes:
        case: the case. stopped_date: the day the processing objected to stopped.
    """

    case: CaseFacts
    stopped_date: date


@dataclass(frozen=True)
class ExplainedCategory:
    """A category of the data inventory as the explanation states it: its names, and why and
    how long it is kept (its retention rule, else what a deletion does to it)."""

    names: CategoryNames
    rule: RetentionRule | None = None
    on_deletion: CategoryActionKind | None = None


@dataclass(frozen=True)
class ExplanationFacts:
    """The processing rules explained (PIPL Art. 48).

    Attributes:
        case: the case. categories: every category the company processes (the team's data
            inventory), each with its retention.
    """

    case: CaseFacts
    categories: tuple[ExplainedCategory, ...]


def _consent_withdrawn(facts: ConsentWithdrawnFacts, wording: Wording) -> LetterValues:
    values = case_values(facts.case, wording)
    values.values["stopped_date"] = wording.date(facts.stopped_date)
    done = facts.erasure_done
    values.conditions |= {"has_erased": done, "nothing_erased": not done}
    return values


def _objection_granted(facts: ObjectionGrantedFacts, wording: Wording) -> LetterValues:
    values = case_values(facts.case, wording)
    values.values["stopped_date"] = wording.date(facts.stopped_date)
    return values


def _explanation(facts: ExplanationFacts, wording: Wording) -> LetterValues:
    values = case_values(facts.case, wording)
    values.tables["categories"] = tuple(
        kept_row(c.names, c.rule, c.on_deletion, wording) for c in facts.categories
    )
    return values


CONSENT_WITHDRAWN = LetterKind(
    letter_spec(
        "consent_withdrawn",
        frozenset({"stopped_date"}),
        frozenset({"has_erased", "nothing_erased"}),
    ),
    _consent_withdrawn,
    case_jurisdiction,
)
OBJECTION_GRANTED = LetterKind(
    letter_spec("objection_granted", frozenset({"stopped_date"})),
    _objection_granted,
    case_jurisdiction,
)
EXPLANATION_GIVEN = LetterKind(
    letter_spec("explanation_given", tables=(("categories", 2),)),
    _explanation,
    case_jurisdiction,
)


def _answered(context: LetterContext) -> date:
    return context.responded_date or context.issued_date


def consent_withdrawn(context: LetterContext, _language: str) -> ConsentWithdrawnFacts:
    """Return the facts of the consent withdrawal recorded: stopped on the answer's date, and
    whether an erasure is recorded done (a planned one is not stated as done)."""
    erased = any(c.action in ERASED and c.done for c in context.categories)
    return ConsentWithdrawnFacts(case_facts(context), _answered(context), erased)


def objection_granted(context: LetterContext, _language: str) -> ObjectionGrantedFacts:
    """Return the facts of the objection met: the processing stopped on the answer's date."""
    return ObjectionGrantedFacts(case_facts(context), _answered(context))


def _explained(line: CategoryLine) -> ExplainedCategory:
    names = CategoryNames(line.name_zh, line.name_en)
    return ExplainedCategory(names, line.kept_under, line.on_deletion)


def explanation_given(context: LetterContext, _language: str) -> ExplanationFacts:
    """Return the explanation's facts: every category of the team's data inventory with the
    rule it is kept under (PIPL Art. 48 with Art. 17: the rules state the categories and the
    retention period)."""
    return ExplanationFacts(case_facts(context), tuple(map(_explained, context.inventory)))

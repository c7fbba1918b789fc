"""The asking letters (``app.services.letter_fit_tables.ASKING_LETTERS``): the identity request
and the clarification request, which ask the requester for something while the deadline's clock
may stop; their specs and how facts fill them.

Each says whether the clock is stopped now, stops from this letter (the rule pauses it until
the reply) or runs on, and which due date binds: the law's, or a date set by hand before it
(the company's own promise). Legal source: deadlines.md §1, the rule table's pause column
(which laws stop the clock for identity or clarification, e.g. UK GDPR as amended by the DUAA
2025, and which do not, e.g. the CCPA); the rule book decides, the letter only says it.
"""

from __future__ import annotations

from app.reports.facts import ClarificationRequestFacts, IdentityRequestFacts
from app.reports.wording_context import (
    LetterKind,
    LetterValues,
    Wording,
    case_jurisdiction,
    case_values,
    letter_spec,
)

_PAUSE = frozenset(
    {
        "clock_paused",
        "clock_stops",
        "clock_running",
        "reply_by_known",
        "due_date_known",
        "due_date_unknown",
        "due_date_by_hand",
        "due_date_statutory",
        "running_by_hand",
        "statutory_date_known",
        "statutory_date_unknown",
    }
)


def _paused(
    values: LetterValues, wording: Wording, facts: IdentityRequestFacts | ClarificationRequestFacts
) -> LetterValues:
    values.values |= {
        "reply_by_date": wording.date(facts.reply_by_date),
        "due_date": wording.date(facts.due_date),
        "due_date_by_hand": wording.date(facts.due_date_by_hand),
        "statutory_due_date": wording.date(facts.statutory_due_date),
    }
    # Three states, one paragraph each: stopped now; stopped by the rule from this letter
    # (never "the law does not pause it" where the rule does); running on.
    stops = isinstance(facts, IdentityRequestFacts) and facts.stops_from_letter
    stops = stops and not facts.clock_paused
    running = not facts.clock_paused and not stops
    hand, statutory = facts.due_date_by_hand, facts.statutory_due_date
    # A hand date before the statutory one is the company's own promise: a running clock's
    # paragraph then gives the law's date (where known) and the hand date apart, never the
    # hand date as the law's. One equal to the statutory date is the law's date.
    own = hand is not None and (statutory is None or hand < statutory)
    values.conditions |= {
        "clock_paused": facts.clock_paused,
        "clock_stops": stops,
        "clock_running": running,
        "reply_by_known": facts.reply_by_date is not None,
        "due_date_known": facts.due_date is not None,
        "due_date_unknown": facts.due_date is None,
        # A hand date is promised beside a paused clock; a running clock's paragraph states it.
        "due_date_by_hand": hand is not None and not running,
        "due_date_statutory": facts.due_date is not None and not (running and own),
        "running_by_hand": running and own,
        "statutory_date_known": statutory is not None,
        "statutory_date_unknown": statutory is None,
    }
    return values


def _identity_request(facts: IdentityRequestFacts, wording: Wording) -> LetterValues:
    values = _paused(case_values(facts.case, wording), wording, facts)
    values.values["secure_channel"] = facts.secure_channel
    values.lists["proofs"] = facts.proofs
    return values


def _clarification_request(facts: ClarificationRequestFacts, wording: Wording) -> LetterValues:
    values = _paused(case_values(facts.case, wording), wording, facts)
    values.lists["questions"] = facts.questions
    return values


IDENTITY_REQUEST = LetterKind(
    letter_spec(
        "identity_request",
        frozenset(
            {
                "reply_by_date",
                "due_date",
                "due_date_by_hand",
                "statutory_due_date",
                "secure_channel",
            }
        ),
        _PAUSE,
        frozenset({"proofs"}),
    ),
    _identity_request,
    case_jurisdiction,
)
CLARIFICATION_REQUEST = LetterKind(
    letter_spec(
        "clarification_request",
        frozenset({"reply_by_date", "due_date", "due_date_by_hand", "statutory_due_date"}),
        _PAUSE,
        frozenset({"questions"}),
    ),
    _clarification_request,
    case_jurisdiction,
)

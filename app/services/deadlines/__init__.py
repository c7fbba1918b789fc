"""Statutory deadline engine: rule sets as data, working-day calendars, computed dates.

Plain Python (no database, no Qt). Rule files live in ``resources/rules/<code>.toml``; facts and
sources in ``reference/deadlines.md``. Typical use::

    book = load_rule_book()
    pause = ClockPause(date(2026, 10, 8), date(2026, 10, 12), "identity")
    deadline = compute_deadline(book, "CN", CaseKind.DELETION, received_at, pauses=[pause],
                                internal_targets=load_internal_targets())
    explanation = explain_deadline(deadline)  # plain data; the CLI and the GUI make sentences

Kinds without a statutory rule in a rule set (``not_a_request``, ``reminder``, and e.g.
``regulator_inquiry`` whose date the regulator's letter sets) raise ``UnknownRuleError``; call
``RuleBook.has_rule`` first to tell "no deadline" apart from an error.
"""

from app.services.deadlines.calendars import (
    CalendarOverrides,
    DayReason,
    WorkingCalendar,
    YearOverride,
)
from app.services.deadlines.compute import Deadline, compute_deadline, is_countable
from app.services.deadlines.counting import CountedDay
from app.services.deadlines.explain import (
    ClockPart,
    DayMark,
    DeadlineExplanation,
    ExplainedDay,
    explain_deadline,
)
from app.services.deadlines.loader import load_rule_book, load_rule_set
from app.services.deadlines.pauses import ClockPause, paused_days
from app.services.deadlines.policy import (
    InternalTarget,
    InternalTargets,
    JurisdictionTargets,
    load_internal_targets,
)
from app.services.deadlines.rules import (
    Basis,
    Confidence,
    Extension,
    FirstDay,
    NoticeDue,
    Period,
    PeriodUnit,
    Region,
    Roll,
    Rule,
    RuleBook,
    RuleRef,
    RuleSet,
    StartEvent,
)

__all__ = [
    "Basis",
    "CalendarOverrides",
    "ClockPart",
    "ClockPause",
    "Confidence",
    "CountedDay",
    "DayMark",
    "DayReason",
    "Deadline",
    "DeadlineExplanation",
    "ExplainedDay",
    "Extension",
    "FirstDay",
    "InternalTarget",
    "InternalTargets",
    "JurisdictionTargets",
    "NoticeDue",
    "Period",
    "PeriodUnit",
    "Region",
    "Roll",
    "Rule",
    "RuleBook",
    "RuleRef",
    "RuleSet",
    "StartEvent",
    "WorkingCalendar",
    "YearOverride",
    "compute_deadline",
    "explain_deadline",
    "is_countable",
    "load_internal_targets",
    "load_rule_book",
    "load_rule_set",
    "paused_days",
]

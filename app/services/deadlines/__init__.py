"""Statutory deadline engine: rule sets as data, working-day calendars, computed dates.

Plain Python (no database, no Qt). Rule files live in ``resources/rules/<code>.toml``; facts and
sources in ``reference/deadlines.md``. Typical use::

    book = load_rule_book()
    deadline = compute_deadline(book, "CN", CaseKind.DELETION, received_at)

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
from app.services.deadlines.compute import Deadline, compute_deadline
from app.services.deadlines.counting import CountedDay
from app.services.deadlines.loader import load_rule_book, load_rule_set
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
    "Confidence",
    "CountedDay",
    "DayReason",
    "Deadline",
    "Extension",
    "FirstDay",
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
    "load_rule_book",
    "load_rule_set",
]

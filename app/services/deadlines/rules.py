"""The rule model: what a jurisdiction's rule set says about each request kind.

Rule sets are data (``resources/rules/<code>.toml``, DESIGN.md §3); this module holds the typed,
validated form the loader builds. Facts and sources: ``reference/deadlines.md`` §1-§2.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app.errors import UnknownRuleError
from app.models.enums import CaseKind


class PeriodUnit(StrEnum):
    """Unit of a period.

    ``working_days`` and ``business_days`` both count the days the rule's holiday calendar marks
    as working (China: State Council schedule with make-up working days); the two names keep the
    statute's own word.
    """

    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    BUSINESS_DAYS = "business_days"
    MONTHS = "months"


class StartEvent(StrEnum):
    """The event that starts the clock; the caller passes that event's instant."""

    RECEIVED = "received"
    VERIFIED = "verified"


class FirstDay(StrEnum):
    """Which day is day 1 of a period counted in days.

    ``next_day``: the event day is day 0 (Reg. 1182/71 art. 3(1); 民法典 art. 201; Civ. Code §10).
    ``receipt_day``: the event day is day 1 (ICO; a literal reading of 11 CCR §7021(b)).
    Month periods always end on the corresponding date, so this only affects day units. A rule's
    ``midnight_start_counts`` turns ``next_day`` into ``receipt_day`` for an event at exactly
    00:00:00 local time (Korean Civil Act art. 157 proviso).
    """

    NEXT_DAY = "next_day"
    RECEIPT_DAY = "receipt_day"


class Roll(StrEnum):
    """What happens when the last day of a period is not a working day."""

    FORWARD = "forward"
    NONE = "none"
    BACKWARD = "backward"


class Confidence(StrEnum):
    """How well the rule is sourced: [V] confirmed, [V-2nd] secondary, [M] unconfirmed."""

    CONFIRMED = "confirmed"
    SECONDARY = "secondary"
    UNCONFIRMED = "unconfirmed"


class Basis(StrEnum):
    """What kind of text sets the period; ``policy`` means an internal target, not law."""

    STATUTE = "statute"
    REGULATION = "regulation"
    REGULATORY_GUIDANCE = "regulatory_guidance"
    STANDARD = "standard"
    POLICY = "policy"


class NoticeDue(StrEnum):
    """By when the requester must be told that an extension is used."""

    ORIGINAL_DUE = "original_due"


@dataclass(frozen=True)
class Period:
    """A length of time: ``n`` (at least 1) of ``unit``."""

    n: int
    unit: PeriodUnit


@dataclass(frozen=True)
class Extension:
    """An extension counted from the start event, never from the original due date.

    ``n`` ``unit`` may be added ``times`` times; ``unit`` equals the main period's unit, so the
    extended date is start + (period + n * times).
    """

    n: int
    unit: PeriodUnit
    times: int
    notice_due: NoticeDue


@dataclass(frozen=True)
class Region:
    """A selectable calendar and time zone of a rule set (e.g. an EU member state)."""

    calendar: str
    time_zone: str


@dataclass(frozen=True)
class Rule:
    """The deadline rule of one request kind in one rule set.

    ``calendar`` is a spec such as ``"holidays:CN"`` or ``"holidays:US-CA"``; ``time_zone`` an
    IANA name; ``rest_days`` the weekdays (0 = Monday) that are not working days, ``None`` for the
    calendar's own weekend. ``midnight_start_counts``: under ``first_day = "next_day"``, a period
    whose event falls at exactly 00:00:00 local time counts that day as day 1 (Korean Civil Act
    art. 157: "그러나 그 기간이 오전 영시로부터 시작하는 때에는 그러하지 아니하다").
    """

    kind: CaseKind
    period: Period
    start: StartEvent
    pauses_stop_clock: bool
    extension: Extension | None
    acknowledgement: Period | None
    first_day: FirstDay
    roll: Roll
    calendar: str
    time_zone: str
    rest_days: frozenset[int] | None
    source: str
    confidence: Confidence
    basis: Basis
    note: str = ""
    source_zh: str = ""  # the source for Chinese readers (UI in Chinese), when the file has it
    midnight_start_counts: bool = False


@dataclass(frozen=True)
class RuleSet:
    """All rules of one jurisdiction (one TOML file).

    Kinds without a table have no rule: ``rule`` raises ``UnknownRuleError`` for them.
    """

    code: str
    name: str
    version: str
    file: str
    rules: Mapping[CaseKind, Rule]
    regions: Mapping[str, Region] = field(default_factory=dict)
    default_region: str | None = None

    def rule(self, kind: CaseKind) -> Rule:
        """Return the rule of ``kind``; raise ``UnknownRuleError`` if the set has none."""
        if kind not in self.rules:
            raise UnknownRuleError(f"rule set {self.code} has no rule for kind '{kind}'")
        return self.rules[kind]

    def region(self, code: str) -> Region:
        """Return the selectable region ``code``; raise ``UnknownRuleError`` if unknown."""
        if code not in self.regions:
            raise UnknownRuleError(f"rule set {self.code} has no region '{code}'")
        return self.regions[code]


@dataclass(frozen=True)
class RuleBook:
    """Every loaded rule set, keyed by upper-case jurisdiction code (``"CN"``, ``"US-CA"``)."""

    rule_sets: Mapping[str, RuleSet]

    def rule_set(self, jurisdiction: str) -> RuleSet:
        """Return the rule set of ``jurisdiction`` (case-insensitive); ``UnknownRuleError``."""
        code = jurisdiction.strip().upper()
        if code not in self.rule_sets:
            raise UnknownRuleError(f"no rule set for jurisdiction '{code[:16]}'")
        return self.rule_sets[code]

    def has_rule(self, jurisdiction: str, kind: CaseKind) -> bool:
        """Return whether a rule exists for ``jurisdiction`` and ``kind`` (never raises)."""
        code = jurisdiction.strip().upper()
        return code in self.rule_sets and kind in self.rule_sets[code].rules


@dataclass(frozen=True)
class RuleRef:
    """What a computed deadline was based on, for display and the audit trail."""

    code: str
    kind: CaseKind
    version: str
    period: Period
    start: StartEvent
    pauses_stop_clock: bool
    calendar: str
    time_zone: str
    source: str
    confidence: Confidence
    basis: Basis
    source_zh: str = ""  # ``source`` for readers of the Chinese UI, when the rule set has it

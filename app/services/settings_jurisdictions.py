"""Jurisdictions in settings: each rule set's rule per request kind (read-only; the rules are
data in ``resources/rules``), and the default jurisdiction triage proposes when nothing in a
message points to one (``resources/triage/rules.toml`` ``default_jurisdiction``, overridable
here)."""

from dataclasses import dataclass, replace
from functools import cache

from sqlalchemy.orm import Session

from app.errors import SettingsError
from app.models import Setting
from app.models.enums import CaseKind
from app.services.deadlines import RuleBook
from app.services.deadlines.rules import PeriodUnit
from app.services.intake.vocabulary import JURISDICTIONS, TriageRules, default_rules
from app.services.settings import write_setting

DEFAULT_JURISDICTION_KEY = "intake.default_jurisdiction"


@dataclass(frozen=True)
class JurisdictionRuleRow:
    """One rule of a rule set, as shown in settings.

    Attributes:
        code: jurisdiction code (``"CN"``). name: the rule set's name. kind: request kind.
        period: the number of ``unit`` (e.g. 15 working days). start: ``received``/``verified``.
        calendar: holiday calendar spec. time_zone: IANA zone. source: the legal source.
        confidence: how sure the source is (``verified``, ``secondary``, …).
        source_zh: the legal source in Chinese where the rule set gives it, else empty.
    """

    code: str
    name: str
    kind: CaseKind
    period: int
    unit: PeriodUnit
    start: str
    calendar: str
    time_zone: str
    source: str
    confidence: str
    source_zh: str = ""


def jurisdiction_rules(rule_book: RuleBook) -> list[JurisdictionRuleRow]:
    """Return every rule of every rule set, by jurisdiction code and then kind."""
    return [
        JurisdictionRuleRow(
            code=rule_set.code,
            name=rule_set.name,
            kind=kind,
            period=rule.period.n,
            unit=rule.period.unit,
            start=rule.start.value,
            calendar=rule.calendar,
            time_zone=rule.time_zone,
            source=rule.source,
            confidence=rule.confidence.value,
            source_zh=rule.source_zh,
        )
        for rule_set in sorted(rule_book.rule_sets.values(), key=lambda r: r.code)
        for kind, rule in rule_set.rules.items()
    ]


def selectable_jurisdictions(rule_book: RuleBook) -> list[str]:
    """Return the codes triage can propose that also have a rule set, sorted."""
    return sorted(JURISDICTIONS & set(rule_book.rule_sets))


def current_default_jurisdiction(session: Session) -> str:
    """Return the default jurisdiction: the one stored in settings, else the triage rules'."""
    stored = session.get(Setting, DEFAULT_JURISDICTION_KEY)
    if stored is not None and isinstance(stored.value, str) and stored.value in JURISDICTIONS:
        return stored.value
    return default_rules().default_jurisdiction


def save_default_jurisdiction(
    session: Session, code: str, rule_book: RuleBook, *, actor: str
) -> None:
    """Store the default jurisdiction of triage; audited.

    Raises:
        SettingsError: ``code`` is not a jurisdiction triage knows and a rule set covers.
        SettingsPermissionError: ``actor`` may not change settings.
    """
    code = code.strip().upper()
    if code not in selectable_jurisdictions(rule_book):
        raise SettingsError("intake.default_jurisdiction", "is not a known jurisdiction")
    write_setting(session, DEFAULT_JURISDICTION_KEY, code, actor=actor, payload={"value": code})


def current_triage_rules(session: Session) -> TriageRules:
    """Return the shipped triage rules with the default jurisdiction from settings (pass it to
    ``app.services.intake.triage.triage``)."""
    return _rules_with_default(current_default_jurisdiction(session))


@cache
def _rules_with_default(code: str) -> TriageRules:
    # Cached per code: triage caches compiled matchers by rules object identity.
    rules = default_rules()
    return (
        rules if rules.default_jurisdiction == code else replace(rules, default_jurisdiction=code)
    )

"""Triage vocabularies and rules, loaded from ``resources/triage`` and validated.

``rules.toml`` holds weights, defaults, scripts and markup patterns; ``statutes.toml`` the laws
whose citations decide kind and jurisdiction; ``regulators.toml`` the data-protection
authorities and ``government_domains.toml`` the public bodies' mail domains;
``languages/<code>.toml`` one language each (stopwords, privacy markers, request-kind terms).
Every problem raises ``TriageVocabularyError`` naming the file and the dotted field.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.models.enums import CaseKind
from app.resources import resource_path
from app.services.intake.vocabulary_domains import (
    GovernmentDomain,
    government_domains,
    regulator_domain,
)
from app.services.intake.vocabulary_fields import TomlReader
from app.services.intake.vocabulary_languages import (
    LANGUAGE_CODE,
    LanguageVocabulary,
    load_languages,
)

# Every shipped rule set (resources/rules); a jurisdiction triage proposes must have one.
JURISDICTIONS = frozenset(
    {"CN", "EU", "UK", "US-CA", "BR", "JP", "KR", "HK", "SG", "IN", "TW", "CA", "AU", "TH", "CH"}
)
# A regulator's member state: an ISO 3166-1 alpha-2 code ("PT"), as the EU rule set's regions.
_MEMBER_STATE = re.compile(r"[A-Z]{2}\Z")
_SUBDIVISION = re.compile(r"[A-Z0-9]{1,3}\Z")  # ISO 3166-2 after the hyphen: "BY", "NW"
_WEIGHT_NAMES = (
    "subject_citation",
    "body_citation",
    "subject_strong",
    "subject_term",
    "body_strong",
    "body_term",
    "decisive_score",
    "regulator_sender",
    "regulator_name",
    "government_sender",
    "reminder_outranks",
)


@dataclass(frozen=True, eq=False)  # hashed by identity: it holds a mapping
class Statute:
    """A data-protection law: its names, jurisdiction and the kinds its articles grant."""

    key: str
    jurisdiction: str
    names: tuple[str, ...]
    articles: Mapping[str, CaseKind]
    self_citing: str | None


@dataclass(frozen=True)
class Script:
    """A writing system other than Latin, with the language it implies."""

    name: str
    language: str
    chars_per_word: int
    ranges: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Regulator:
    """A data-protection authority: the names it signs with, its mail domains and, for a
    national authority of an EU/EEA state, that ``member_state`` (ISO 3166-1 alpha-2, as the
    EU rule set names its regions: the calendar its letters' periods are counted on) and, for a
    region's authority (a German Land's), that ``subdivision`` (the ISO 3166-2 code's part after
    the hyphen, e.g. "BY": its letters are counted on the region's holidays)."""

    key: str
    jurisdiction: str
    names: tuple[str, ...]
    domains: tuple[str, ...]
    member_state: str | None = None
    subdivision: str | None = None


@dataclass(frozen=True, eq=False)
class ReminderRules:
    """How to find what a reminder chases: case references, the earlier request's date and
    subject (reply prefixes and reminder labels are stripped from the reminder's subject)."""

    reference_patterns: tuple[re.Pattern[str], ...]
    date_patterns: tuple[re.Pattern[str], ...]
    month_names: Mapping[str, int]
    subject_prefixes: tuple[str, ...]
    subject_labels: tuple[str, ...]
    chased_kinds: frozenset[CaseKind]


@dataclass(frozen=True, eq=False)  # hashed by identity, so compiled matchers can be cached
class TriageRules:
    """Everything triage reads from ``resources/triage``."""

    weights: Mapping[str, int]
    kind_precedence: tuple[CaseKind, ...]
    default_language: str
    default_jurisdiction: str
    markup_patterns: tuple[re.Pattern[str], ...]
    email_labels: tuple[str, ...]
    name_labels: tuple[str, ...]
    automated_senders: tuple[re.Pattern[str], ...]
    phone_labels: tuple[str, ...]
    account_labels: tuple[str, ...]
    scripts: tuple[Script, ...]
    article_words: tuple[str, ...]
    paragraph_words: tuple[str, ...]
    list_words: tuple[str, ...]
    statutes: tuple[Statute, ...]
    languages: Mapping[str, LanguageVocabulary]
    regulators: tuple[Regulator, ...]
    reminder: ReminderRules
    # Calling code ("+852") and country-code domain ("hk") → jurisdiction ([contact_country]).
    phone_codes: Mapping[str, str]
    country_domains: Mapping[str, str]
    # Mail-domain suffixes of public bodies (government_domains.toml).
    government_domains: tuple[GovernmentDomain, ...] = ()


@cache
def default_rules() -> TriageRules:
    """Return the shipped rules (loaded once per process).

    Raises:
        TriageVocabularyError: a shipped file is malformed.
    """
    return load_triage_rules(resource_path("triage"))


def load_triage_rules(directory: Path) -> TriageRules:
    """Load and validate ``rules.toml``, ``statutes.toml``, ``regulators.toml``,
    ``government_domains.toml`` and ``languages/*.toml``.

    Args:
        directory: the folder holding the files.

    Returns:
        The validated rules.

    Raises:
        TriageVocabularyError: a file is missing, not TOML, or has a missing, mistyped or
            unknown field, an unknown kind or jurisdiction, a bad pattern, or a term listed
            for two different kinds.
    """
    rules = TomlReader.open(directory / "rules.toml")
    statutes = TomlReader.open(directory / "statutes.toml")
    regulators = TomlReader.open(directory / "regulators.toml")
    governments = TomlReader.open(directory / "government_domains.toml")
    languages = load_languages(directory / "languages", JURISDICTIONS)
    weights = rules.table("weights")
    scripts = tuple(_script(table) for table in rules.tables("script"))
    return TriageRules(
        weights={name: weights.natural(name) for name in _WEIGHT_NAMES},
        kind_precedence=tuple(
            rules.kind(text, "kind_precedence") for text in rules.strings("kind_precedence")
        ),
        default_language=rules.matching("default_language", LANGUAGE_CODE),
        default_jurisdiction=rules.choice("default_jurisdiction", JURISDICTIONS),
        markup_patterns=tuple(rules.table("markup").patterns("patterns")),
        email_labels=tuple(rules.table("requester").strings("email_labels")),
        name_labels=tuple(rules.table("requester").strings("name_labels")),
        automated_senders=tuple(
            re.compile(p.pattern, re.I)
            for p in rules.table("requester").patterns("automated_senders")
        ),
        phone_labels=tuple(rules.table("requester").strings("phone_labels")),
        account_labels=tuple(rules.table("requester").strings("account_labels")),
        scripts=scripts,
        article_words=tuple(statutes.strings("article_words")),
        paragraph_words=tuple(statutes.strings("paragraph_words")),
        list_words=tuple(statutes.strings("list_words")),
        statutes=tuple(_statute(table) for table in statutes.tables("statute")),
        languages=languages,
        regulators=tuple(_regulator(table) for table in regulators.tables("regulator")),
        reminder=_reminder(rules.table("reminder")),
        phone_codes=_jurisdiction_map(rules.table("contact_country").table("phone_codes")),
        country_domains=_jurisdiction_map(rules.table("contact_country").table("domains")),
        government_domains=government_domains(governments, JURISDICTIONS),
    )


def _jurisdiction_map(table: TomlReader) -> dict[str, str]:
    """A table of keys (calling codes, domain labels) to known jurisdiction codes."""
    return {key.casefold(): table.choice(key, JURISDICTIONS) for key in table.field_names()}


def _script(table: TomlReader) -> Script:
    ranges = table.int_pairs("ranges")
    return Script(
        name=table.string("name"),
        language=table.matching("language", LANGUAGE_CODE),
        chars_per_word=table.natural("chars_per_word") or 1,
        ranges=tuple(ranges),
    )


def _statute(table: TomlReader) -> Statute:
    articles = table.table("articles")
    self_citing = table.optional_pattern("self_citing")
    return Statute(
        key=table.string("key"),
        jurisdiction=table.choice("jurisdiction", JURISDICTIONS),
        names=tuple(table.strings("names")),
        articles={number: articles.kind_value(number) for number in articles.field_names()},
        self_citing=self_citing.pattern if self_citing else None,
    )


def _regulator(table: TomlReader) -> Regulator:
    return Regulator(
        key=table.string("key"),
        jurisdiction=table.choice("jurisdiction", JURISDICTIONS),
        names=tuple(table.strings("names")),
        domains=tuple(regulator_domain(table, domain) for domain in table.strings("domains")),
        member_state=(
            table.matching("member_state", _MEMBER_STATE)
            if "member_state" in set(table.field_names())
            else None
        ),
        subdivision=(
            table.matching("subdivision", _SUBDIVISION)
            if "subdivision" in set(table.field_names())
            else None
        ),
    )


def _reminder(table: TomlReader) -> ReminderRules:
    months = table.table("month_names")
    month_names = {name.casefold(): months.natural(name) for name in months.field_names()}
    if any(not 1 <= number <= 12 for number in month_names.values()):
        months.fail(next(n for n, v in month_names.items() if not 1 <= v <= 12), "not 1-12")
    for pattern in table.patterns("date_patterns"):
        if not {"year", "month", "day"} <= set(pattern.groupindex):
            table.fail("date_patterns", "each needs groups year, month and day")
    return ReminderRules(
        reference_patterns=tuple(table.patterns("reference_patterns")),
        date_patterns=tuple(table.patterns("date_patterns")),
        month_names=month_names,
        subject_prefixes=tuple(table.strings("subject_prefixes")),
        subject_labels=tuple(table.strings("subject_labels")),
        chased_kinds=frozenset(
            table.kind(text, "chased_kinds") for text in table.strings("chased_kinds")
        ),
    )


__all__ = [
    "JURISDICTIONS",
    "GovernmentDomain",
    "Regulator",
    "ReminderRules",
    "Script",
    "Statute",
    "TriageRules",
    "default_rules",
    "load_triage_rules",
]

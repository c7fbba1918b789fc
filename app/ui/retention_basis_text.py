"""A retention rule's legal basis in the UI language, in the words the letters use.

The data categories tab and the letters must tell the same basis: the words come from
``retention_basis`` of the UI language's ``resources/letters/<language>/terms.toml`` (what a
deletion-done letter prints, ``app.reports.retention_bases``), never the inventory's research
note with its evidence tags; that note, its tags in words (``legal_source_text``), is the
tooltip for staff who want the precise source.
"""

import functools

from app.errors import TemplateError
from app.reports.terms import LetterTerms, load_terms
from app.services.workflow.inventory import RetentionRule, load_inventory
from app.ui.bidi import isolate
from app.ui.labels import ui_language
from app.ui.legal_source_text import legal_source_text


@functools.cache
def _terms(language: str) -> LetterTerms | None:
    try:
        return load_terms(language)
    except TemplateError:  # an edited terms file that fails to load: the rule's name stands in
        return None


def _rule(rule_key: str) -> RetentionRule | None:
    return load_inventory().rules.get(rule_key)


def retention_basis_text(rule_key: str | None) -> str:
    """Return the legal basis of the retention rule ``rule_key`` in the UI language ("—" for
    none): the letters' wording, its ``{months}`` from the shipped inventory; a rule the terms
    do not word (one added in settings) by its name, else its key as recorded."""
    if not rule_key:
        return "—"
    language = ui_language()
    terms = _terms(language)
    rule = _rule(rule_key)
    text = terms.retention_basis.get(rule_key) if terms else None
    if text is not None and (rule is not None or "{months}" not in text):
        return text.format(months=rule.months if rule else "")
    title = rule.title(language) if rule else ""
    return title or isolate(rule_key)


def retention_source_tooltip(rule_key: str | None, source: str | None) -> str:
    """Return the precise legal source of a hold for the tooltip: the inventory's note in the
    UI language where it has one (``source_zh``), evidence tags in words; "" for none."""
    rule = _rule(rule_key) if rule_key else None
    if rule is not None:
        return legal_source_text(rule.source, rule.source_zh)
    return legal_source_text(source) if source else ""

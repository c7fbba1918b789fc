"""Filling a validated template with a letter's values: dates, conditions, placeholders."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from app.reports.layout import LetterContent
from app.reports.templates import LetterTemplate, TemplateRow
from app.reports.terms import LetterTerms


def format_date(day: date, terms: LetterTerms) -> str:
    """Format a calendar date the way letters in the terms' language write it.

    Args:
        day: the date. terms: supplies ``date_format`` and ``month_names``.

    Returns:
        e.g. ``"2026年10月8日"`` (zh) or ``"8 October 2026"`` (en); no zero padding.
    """
    return terms.date_format.format(
        year=day.year, month=day.month, day=day.day, month_name=terms.month_names[day.month - 1]
    )


def _rows(rows: tuple[TemplateRow, ...], conditions: Mapping[str, bool]) -> list[TemplateRow]:
    return [row for row in rows if row.when is None or conditions[row.when]]


def fill_template(
    template: LetterTemplate,
    terms: LetterTerms,
    values: Mapping[str, str],
    conditions: Mapping[str, bool],
    *,
    named: bool,
) -> LetterContent:
    """Fill a template's placeholders and drop rows whose condition does not hold.

    Args:
        template: a template validated against the letter's ``LetterSpec``.
        terms: the same language's terms (page numbering).
        values: plain text for every field of the spec (never markup; escaped when printed).
        conditions: a truth value for every condition of the spec.
        named: whether the requester's name is known (picks ``salutation`` or
            ``salutation_without_name``).

    Returns:
        The ``LetterContent`` to lay out.
    """
    texts = {key: text.format_map(values) for key, text in template.texts.items()}
    salutation = texts["salutation"] if named else texts["salutation_without_name"]
    return LetterContent(
        language=template.language,
        title=texts["title"],
        reference_line=texts["reference_line"],
        date_line=texts["date_line"],
        salutation=salutation,
        facts=tuple(
            (row.label.format_map(values), row.text.format_map(values))
            for row in _rows(template.facts, conditions)
        ),
        paragraphs=tuple(
            row.text.format_map(values) for row in _rows(template.paragraphs, conditions)
        ),
        closing=tuple(
            (row.text.format_map(values), row.indent) for row in _rows(template.closing, conditions)
        ),
        signature=tuple(line.format_map(values) for line in template.signature),
        page_number=terms.page_number,
    )

"""Filling a validated template with a letter's values: dates, conditions, placeholders, lists."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from app.reports.content import Block, Heading, Items, LetterContent, TableBlock
from app.reports.invisible import closed_bidi, unified_line_breaks
from app.reports.template_blocks import TemplateBlock
from app.reports.templates import LetterTemplate, TemplateRow
from app.reports.terms import LetterTerms

Rows = Sequence[Sequence[str]]


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
    return [row for row in rows if all(conditions[name] for name in row.when)]


def _fill_block(
    block: TemplateBlock,
    values: Mapping[str, str],
    lists: Mapping[str, Sequence[str]],
    tables: Mapping[str, Rows],
) -> Block | None:
    """Return the printed block, or ``None`` for an empty list or table without ``empty``."""
    if block.kind == "text":
        return block.text.format_map(values)
    if block.kind == "heading":
        return Heading(block.text.format_map(values))
    entries: Sequence[object] = (
        lists[block.source] if block.kind == "items" else tables.get(block.source, block.rows)
    )
    if not entries:
        return block.empty.format_map(values) or None
    if block.kind == "items":
        return Items(tuple(lists[block.source]))
    columns = tuple(text.format_map(values) for text in block.columns)
    if block.kind == "rows":
        rows = tuple(tuple(cell.format_map(values) for cell in row) for row in block.rows)
    else:
        rows = tuple(tuple(row) for row in tables[block.source])
    return TableBlock(columns=columns, rows=rows, widths=block.widths)


def fill_blocks(
    blocks: tuple[TemplateBlock, ...],
    values: Mapping[str, str],
    conditions: Mapping[str, bool],
    lists: Mapping[str, Sequence[str]],
    tables: Mapping[str, Rows],
) -> tuple[Block, ...]:
    """Return the printed blocks whose condition holds, with placeholders, lists and tables."""
    kept = (block for block in blocks if all(conditions[name] for name in block.when))
    filled = (_fill_block(block, values, lists, tables) for block in kept)
    return tuple(block for block in filled if block is not None)


def fill_template(
    template: LetterTemplate,
    terms: LetterTerms,
    values: Mapping[str, str],
    conditions: Mapping[str, bool],
    *,
    named: bool,
    lists: Mapping[str, Sequence[str]] | None = None,
    tables: Mapping[str, Rows] | None = None,
) -> LetterContent:
    """Fill a template's placeholders and drop rows whose condition does not hold; the title is
    the first ``[[titles]]`` row whose conditions hold, else ``title``.

    Args:
        template: a template validated against the letter's ``LetterSpec``.
        terms: the same language's terms (page numbering).
        values: plain text for every field of the spec (never markup; escaped when printed).
        conditions: a truth value for every condition of the spec.
        named: whether the addressee's name is known (picks ``salutation`` or
            ``salutation_without_name``).
        lists: plain-text entries for every list of the spec.
        tables: rows of plain-text cells for every table of the spec (one cell per column).

    Returns:
        The ``LetterContent`` to lay out, with its ``fixed_text``: the template filled with
        empty values and no lists or tables, and with empty values and the lists and tables.
    """
    # Composed (NFC): a name stored decomposed ("Zoe" + U+0308, as macOS and some mail send
    # it) would print its accents as separate glyphs beside the letters.
    values = {key: _composed(text) for key, text in values.items()}
    lists = {key: tuple(map(_composed, entries)) for key, entries in (lists or {}).items()}
    tables = {
        key: tuple(tuple(map(_composed, row)) for row in rows)
        for key, rows in (tables or {}).items()
    }
    content = _filled(template, terms, values, conditions, named, lists, tables)
    blank = dict.fromkeys(values, "")
    empty_lists: dict[str, Sequence[str]] = dict.fromkeys(lists, ())
    empty_tables: dict[str, Rows] = dict.fromkeys(tables, ())
    sentences = _filled(template, terms, blank, conditions, named, empty_lists, empty_tables)
    with_lists = _filled(template, terms, blank, conditions, named, lists, tables)
    tiers = ("".join(sentences.printed_texts()), "".join(with_lists.printed_texts()))
    return replace(content, fixed_text=tiers)


def _filled(
    template: LetterTemplate,
    terms: LetterTerms,
    values: Mapping[str, str],
    conditions: Mapping[str, bool],
    named: bool,
    lists: Mapping[str, Sequence[str]],
    tables: Mapping[str, Rows],
) -> LetterContent:
    texts = {key: text.format_map(values) for key, text in template.texts.items()}
    salutation = texts["salutation"] if named else texts["salutation_without_name"]
    return LetterContent(
        language=template.language,
        title=template.title_for(conditions).format_map(values),
        reference_line=texts["reference_line"],
        date_line=texts["date_line"],
        salutation=salutation,
        facts=tuple(
            (row.label.format_map(values), row.text.format_map(values))
            for row in _rows(template.facts, conditions)
        ),
        paragraphs=fill_blocks(template.paragraphs, values, conditions, lists, tables),
        closing=tuple(
            (row.text.format_map(values), row.indent) for row in _rows(template.closing, conditions)
        ),
        signature=tuple(line.format_map(values) for line in template.signature),
        page_number=terms.page_number,
        annex_title=texts["annex_title"],
        annex=fill_blocks(template.annex, values, conditions, lists, tables),
    )


def _composed(text: str) -> str:
    """Composed, one kind of line break, and every bidi embedding the value opens closed at
    its end (a name's RIGHT-TO-LEFT OVERRIDE must not reverse the letter's words after it)."""
    return closed_bidi(unified_line_breaks(unicodedata.normalize("NFC", text)))

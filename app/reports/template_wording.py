"""A template's own words in one jurisdiction's usage (``[wording_by_jurisdiction]``).

One Traditional Chinese template serves Hong Kong and Taiwan. Their laws write some words
differently: the PDPO (Cap. 486) and Hong Kong usage write 身份 and 資料當事人, Taiwan's
個人資料保護法 writes 身分 (e.g. 國民身分證) and 當事人 (Art. 2 ⑨, Art. 3). Rather than two copies
of every template, ``terms.toml`` lists for a jurisdiction the words to replace, and the
template's text (never a value filled into it: a name, a date, a law's wording from
``jurisdictions.toml``) is rewritten before it is filled.
"""

from __future__ import annotations

from dataclasses import replace

from app.reports.template_blocks import TemplateBlock
from app.reports.templates import LetterTemplate, TemplateRow
from app.reports.terms import swap_words

Swaps = tuple[tuple[str, str], ...]


def _row(row: TemplateRow, swaps: Swaps) -> TemplateRow:
    return replace(row, text=swap_words(row.text, swaps), label=swap_words(row.label, swaps))


def _block(block: TemplateBlock, swaps: Swaps) -> TemplateBlock:
    return replace(
        block,
        text=swap_words(block.text, swaps),
        columns=tuple(swap_words(text, swaps) for text in block.columns),
        rows=tuple(tuple(swap_words(cell, swaps) for cell in row) for row in block.rows),
        empty=swap_words(block.empty, swaps),
    )


def in_local_words(template: LetterTemplate, swaps: Swaps) -> LetterTemplate:
    """Return the template with each common word replaced by the jurisdiction's own.

    Args:
        template: a validated template (placeholders unfilled).
        swaps: (common word, jurisdiction's word) pairs, applied in order to every printed
            text of the template (title, facts, paragraphs, annex, closing, signature); ``when``
            conditions and list or table names are left alone. ``LetterTerms.wording_for``
            checks that no word holds a brace, so placeholders stay as they are.

    Returns:
        The same template when ``swaps`` is empty, else a rewritten copy (its ``sha256``
        still that of the file: the terms file's hash, part of the letter's template version,
        covers the replacements).
    """
    if not swaps:
        return template
    return replace(
        template,
        texts={key: swap_words(text, swaps) for key, text in template.texts.items()},
        titles=tuple(_row(row, swaps) for row in template.titles),
        facts=tuple(_row(row, swaps) for row in template.facts),
        paragraphs=tuple(_block(block, swaps) for block in template.paragraphs),
        closing=tuple(_row(row, swaps) for row in template.closing),
        signature=tuple(swap_words(line, swaps) for line in template.signature),
        annex=tuple(_block(block, swaps) for block in template.annex),
    )

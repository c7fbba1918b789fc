"""The annex of a bilingual letter: printed once, headings and column headers in both languages.

The annex holds the person's data (e.g. the copy of their personal information), which is the
same in both languages; printing it twice would double the longest part of the letter.
"""

from __future__ import annotations

from dataclasses import replace

from app.reports.content import Block, Heading, Items, LetterContent, TableBlock


def _join(zh: str, en: str) -> str:
    return zh if not en or zh == en else f"{zh}\n{en}"


def _merge_block(zh: Block, en: Block) -> Block | None:
    """Return one block for a pair of the same shape, or ``None`` when they differ."""
    if isinstance(zh, str) and isinstance(en, str):
        return _join(zh, en)
    if isinstance(zh, Heading) and isinstance(en, Heading):
        return Heading(_join(zh.text, en.text))
    if isinstance(zh, Items) and isinstance(en, Items) and zh.items == en.items:
        return zh
    if isinstance(zh, TableBlock) and isinstance(en, TableBlock) and zh.rows == en.rows:
        columns = tuple(_join(a, b) for a, b in zip(zh.columns, en.columns, strict=True))
        return replace(zh, columns=columns)
    return None


def merge_annex(zh: LetterContent, en: LetterContent) -> LetterContent:
    """Return ``zh`` carrying the bilingual annex (title and blocks), for :func:`annex_story`.

    Blocks are paired in order. Where the two templates' annexes differ in shape, both annexes
    are printed, Chinese first, so nothing is lost.
    """
    pairs = [_merge_block(a, b) for a, b in zip(zh.annex, en.annex, strict=False)]
    same = len(zh.annex) == len(en.annex) and all(block is not None for block in pairs)
    blocks = tuple(b for b in pairs if b is not None) if same else zh.annex + en.annex
    title = _join(zh.annex_title, en.annex_title)
    return replace(zh, annex_title=title, annex=blocks)

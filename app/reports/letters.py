"""Rendering any letter kind in Chinese, English, or both (bilingual), as PDF bytes.

Bilingual letters print the complete Chinese letter first and the complete English letter after
it on a new page, each with its own tables; an annex (e.g. the copy of the data) is printed once,
after both, with headings and column headers in both languages. Stacking reads better than
side-by-side columns: an A4 column half as wide holds about 19 Chinese characters or 6 English
words a line, four-column annex tables become unreadable, and the two languages' paragraphs
differ in length, so parallel columns drift apart within a page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from reportlab.platypus import Flowable, PageBreak

from app.errors import TemplateError
from app.models.enums import CaseKind
from app.reports.bilingual import merge_annex
from app.reports.content import LetterContent
from app.reports.fonts import default_font_stack
from app.reports.jurisdictions import for_jurisdiction, load_jurisdictions
from app.reports.layout import annex_story, lay_out_pages, letter_story
from app.reports.letterhead import Letterhead
from app.reports.pages import PageDecorations
from app.reports.styles import letter_styles
from app.reports.subsets import template_first_order
from app.reports.template_wording import in_local_words
from app.reports.templates import TemplateVersion, load_template, template_version
from app.reports.terms import load_terms
from app.reports.wording import fill_template
from app.reports.wording_context import LetterKind, Wording
from app.services.letter_languages import BILINGUAL, BILINGUAL_HALVES, ENGLISH, TRADITIONAL
from app.services.letter_languages import LANGUAGES as LANGUAGES

F = TypeVar("F")
_ALL_KINDS = frozenset(kind.value for kind in CaseKind)


def letter_content(
    kind: LetterKind[F],
    facts: F,
    language: str,
    letterhead: Letterhead,
    jurisdiction: str,
    templates_dir: Path | None = None,
) -> LetterContent:
    """Fill one language's template with the facts, in the jurisdiction's own words where the
    terms list any (``[wording_by_jurisdiction]``: Taiwan's 身分 for the shared 身份).

    Args:
        kind: the letter kind. facts: its facts. language: ``"zh"``, ``"zh-Hant"`` or ``"en"``.
        letterhead: the sender. jurisdiction: the case's rule-set code.
        templates_dir: a ``letters`` folder to use instead of the shipped one.

    Raises:
        TemplateError, TemplateFieldError: a template, terms or jurisdictions file is invalid.
        LetterError: facts the letter cannot state (e.g. an unknown refusal ground).
    """
    terms = load_terms(language, templates_dir, _ALL_KINDS)
    template = in_local_words(
        load_template(kind.spec, language, templates_dir), terms.wording_for(jurisdiction)
    )
    table, _sha = load_jurisdictions(language, templates_dir)
    wording = Wording(language, terms, for_jurisdiction(table, jurisdiction), letterhead)
    filled = kind.fill(facts, wording)
    return fill_template(
        template,
        terms,
        filled.values,
        filled.conditions,
        named=filled.named,
        lists=filled.lists,
        tables=filled.tables,
    )


def _subset_order(contents: tuple[LetterContent, ...], letterhead: Letterhead) -> tuple[str, ...]:
    """The characters the letterhead and the templates print whatever the case, tier by tier
    (``LetterContent.fixed_text``), limited to what this letter prints (see ``subsets``)."""
    printed = [text for content in contents for text in content.printed_texts()]
    printed += letterhead.printed_texts()
    pages = [content.page_number.format(page="", pages="") for content in contents]
    first = [*letterhead.printed_texts(), *(c.fixed_text[0] for c in contents if c.fixed_text)]
    second = [text for content in contents for text in content.fixed_text[1:]]
    return template_first_order([[*first, *pages], second], printed)


def lay_out_letter(content: LetterContent, letterhead: Letterhead) -> bytes:
    """Lay out one filled-in letter in one language on A4.

    Returns:
        PDF bytes; set compact (``letter_story``) when only that keeps it on one page.

    Raises:
        MissingGlyphsError: a character no font has. LetterError: a letterhead taller than
            half a page.
    """
    fonts = default_font_stack()
    fonts.check_printable([*content.printed_texts(), *letterhead.printed_texts()])
    styles = letter_styles(content.language, fonts)
    pages = PageDecorations(
        letterhead, content.language, content.reference_line, content.page_number, fonts, styles
    )
    order = _subset_order((content,), letterhead)
    return _fewest_pages(
        lambda compact: letter_story(content, letterhead, fonts, compact=compact),
        pages,
        content.title,
        order,
        short=None if content.annex_title or content.annex else 1,
    )


def _fewest_pages(
    story: Callable[[bool], list[Flowable]],
    pages: PageDecorations,
    title: str,
    order: tuple[str, ...],
    *,
    short: int | None,
) -> bytes:
    """Lay the letter out; when it runs one page over ``short`` (1; 2 for a bilingual letter,
    one page per language; ``None``: never, as with an annex, which starts on a page of its
    own), lay it out compact too and keep that if it fits ``short`` pages: a short letter must
    not send its closing and signature (kept with the last paragraph, never alone) to a page
    of their own for want of a few points. Longer letters keep the usual spacing."""
    pdf, count = lay_out_pages(story(False), pages, title, subset_order=order)
    if short is None or count != short + 1:
        return pdf
    compact, fewer = lay_out_pages(story(True), pages, title, subset_order=order)
    return compact if fewer == short else pdf


def _bilingual(
    zh: LetterContent, en: LetterContent, letterhead: Letterhead, language: str = BILINGUAL
) -> bytes:
    fonts = default_font_stack()
    annex = merge_annex(zh, en)
    texts = [*zh.printed_texts(), *en.printed_texts(), *letterhead.printed_texts()]
    fonts.check_printable(texts)

    def story(compact: bool) -> list[Flowable]:
        both = letter_story(zh, letterhead, fonts, with_annex=False, compact=compact)
        both += [
            PageBreak(),
            *letter_story(en, letterhead, fonts, with_annex=False, compact=compact),
        ]
        if annex.annex_title or annex.annex:
            both += annex_story(annex, fonts)
        return both

    page_number = f"{zh.page_number} / {en.page_number}"
    styles = letter_styles(zh.language, fonts)
    pages = PageDecorations(letterhead, language, zh.reference_line, page_number, fonts, styles)
    order = _subset_order((zh, en), letterhead)
    title = f"{zh.title} / {en.title}"
    return _fewest_pages(story, pages, title, order, short=None if annex.annex else 2)


def render_letter(
    kind: LetterKind[F],
    facts: F,
    language: str,
    letterhead: Letterhead,
    *,
    templates_dir: Path | None = None,
) -> bytes:
    """Render a letter as a PDF.

    Args:
        kind: e.g. ``REFUSAL``. facts: the matching facts (e.g. ``RefusalFacts``).
        language: ``"zh"``, ``"zh-Hant"`` (Traditional Chinese), ``"en"``, or bilingual
            ``"zh+en"`` / ``"zh-Hant+en"`` (that Chinese first, then English).
        letterhead: the sender; a Traditional Chinese letter prints its Traditional name and
            address, else the Simplified ones with their labels in Traditional
            (``Letterhead.in_traditional``, the words from the ``zh-Hant`` terms).
        templates_dir: a ``letters`` folder to use instead of the shipped one.

    Returns:
        PDF bytes (A4, fonts embedded as TrueType subsets).

    Raises:
        TemplateError, TemplateFieldError: unknown language, or a template, terms or
            jurisdictions file is missing or invalid.
        LetterError: facts the letter cannot state; ``MissingGlyphsError`` lists characters no
            font has; ``RefusalGroundError`` names a ground the jurisdiction lacks.
    """
    if language not in LANGUAGES:
        raise TemplateError(f"no letter templates for language '{language}'")
    jurisdiction = kind.jurisdiction_of(facts)
    if BILINGUAL_HALVES.get(language, language) == TRADITIONAL:  # QA18 F11
        words = load_terms(TRADITIONAL, templates_dir, _ALL_KINDS).letterhead_words_for(
            jurisdiction
        )
        letterhead = letterhead.in_traditional(words)
    chinese = BILINGUAL_HALVES.get(language)
    if chinese is None:
        content = letter_content(kind, facts, language, letterhead, jurisdiction, templates_dir)
        return lay_out_letter(content, letterhead)
    zh, en = (
        letter_content(kind, facts, lang, letterhead, jurisdiction, templates_dir)
        for lang in (chinese, ENGLISH)
    )
    terms = (
        load_terms(chinese, templates_dir, _ALL_KINDS),
        load_terms(ENGLISH, templates_dir, _ALL_KINDS),
    )
    zh, en = replace(zh, note=terms[0].bilingual_note), replace(en, note=terms[1].bilingual_note)
    return _bilingual(zh, en, letterhead, language)


def letter_version(
    kind: LetterKind[F], language: str, templates_dir: Path | None = None
) -> TemplateVersion:
    """Return the template key, language and content hash to store beside a generated letter.

    The hash covers the template, terms and (where the letter uses them) jurisdictions files
    of each language printed; a bilingual letter's covers both languages.

    Raises:
        TemplateError, TemplateFieldError: a file is missing or invalid, or unknown language.
    """
    if language not in LANGUAGES:
        raise TemplateError(f"no letter templates for language '{language}'")
    if language in BILINGUAL_HALVES:
        halves = (BILINGUAL_HALVES[language], ENGLISH)
        parts = [letter_version(kind, lang, templates_dir).sha256 for lang in halves]
        digest = hashlib.sha256(":".join(parts).encode()).hexdigest()
        return TemplateVersion(key=kind.spec.key, language=language, sha256=digest)
    template = load_template(kind.spec, language, templates_dir)
    version = template_version(template, load_terms(language, templates_dir, _ALL_KINDS))
    if not kind.uses_jurisdictions:
        return version
    _table, sha = load_jurisdictions(language, templates_dir)
    digest = hashlib.sha256(f"{version.sha256}:{sha}".encode()).hexdigest()
    return TemplateVersion(key=version.key, language=language, sha256=digest)

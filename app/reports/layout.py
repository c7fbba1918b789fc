"""Page layout shared by all letters: reference line, title, body, tables, signature, annex.

Input is plain text only (``LetterContent``); every string goes through ``FontStack.markup``, so
nothing a requester or an editor typed is ever read as ReportLab markup.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
)

from app.errors import LetterError
from app.reports.blocks import block_flowables
from app.reports.content import LetterContent
from app.reports.fonts import FontStack
from app.reports.letterhead import Letterhead
from app.reports.pages import NumberedCanvas, PageDecorations
from app.reports.styles import (
    ACCENT,
    BOTTOM,
    FIRST_PAGE_TOP,
    FRAME_WIDTH,
    LATER_PAGE_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    LetterStyles,
    letter_styles,
    paragraph,
)
from app.services.letter_languages import is_chinese

__all__ = ["LetterContent", "build_letter_pdf", "lay_out_pdf", "letter_story"]

SIGNATURE_MAX_WIDTH = 42 * mm
SIGNATURE_MAX_HEIGHT = 30 * mm


def _facts_table(content: LetterContent, fonts: FontStack, styles: LetterStyles) -> Table:
    """Return the key-facts table; cells are Paragraphs so long values wrap."""
    rows = [
        [
            paragraph(fonts, label, styles.label),
            paragraph(fonts, value, styles.body.clone("value", firstLineIndent=0, spaceAfter=0)),
        ]
        for label, value in content.facts
    ]
    table = Table(rows, colWidths=[38 * mm, FRAME_WIDTH - 38 * mm], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.base_font),  # else Table sets Helvetica
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
            ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.HexColor("#C8D3DE")),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F2F5F8")),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    return table


def _heading(content: LetterContent, fonts: FontStack, styles: LetterStyles) -> list[Flowable]:
    """Return the reference and date lines, the title, an optional note and the salutation."""
    story: list[Flowable] = [
        paragraph(fonts, line, styles.right)
        for line in (content.reference_line, content.date_line)
        if line
    ]
    story.append(paragraph(fonts, content.title, styles.title, bold=True))
    if content.note:
        story += [paragraph(fonts, content.note, styles.small), Spacer(0, 8)]
    salutation = styles.body.clone("salutation", firstLineIndent=0)
    return [*story, paragraph(fonts, content.salutation, salutation)]


def _signature(
    content: LetterContent,
    letterhead: Letterhead,
    fonts: FontStack,
    styles: LetterStyles,
    compact: bool = False,
) -> list[Flowable]:
    """Return the closing lines, the signature or seal image, and the signature lines."""
    em = styles.body.fontSize
    story: list[Flowable] = [
        paragraph(
            fonts, text, styles.body.clone("closing", firstLineIndent=indent * em, spaceAfter=0)
        )
        for text, indent in content.closing
    ]
    # Chinese letters sign at the right (落款右对齐); English business letters sign at the left.
    align = "RIGHT" if is_chinese(content.language) else "LEFT"
    image = letterhead.image("signature_image")
    if image:
        width, height = image.fit(SIGNATURE_MAX_WIDTH, SIGNATURE_MAX_HEIGHT)
        story += [Spacer(0, 4), Image(io.BytesIO(image.data), width, height, hAlign=align)]
    else:
        room = 30 if content.language == "en" else 18  # room to sign
        story.append(Spacer(0, room - (8 if compact else 0)))
    signature = styles.right if align == "RIGHT" else styles.right.clone("sig", alignment=TA_LEFT)
    story += [paragraph(fonts, line, signature) for line in content.signature]
    return [Spacer(0, 0 if compact else 6), *story]


def letter_story(
    content: LetterContent,
    letterhead: Letterhead,
    fonts: FontStack,
    *,
    with_annex: bool = True,
    compact: bool = False,
) -> list[Flowable]:
    """Return the flowables of one letter in reading order (the annex on a new page).

    ``compact`` sets the body tighter (``letter_styles``) and the closing closer to the text:
    for a letter that would otherwise carry only its closing over to a page of its own.
    """
    styles = letter_styles(content.language, fonts, compact=compact)
    story = _heading(content, fonts, styles)
    for index, flowable in enumerate(block_flowables(content.paragraphs, fonts, styles)):
        story.append(flowable)
        if index == 0 and content.facts:
            after = 4 if compact else 10
            story += [Spacer(0, 2), _facts_table(content, fonts, styles), Spacer(0, after)]
    signature = _signature(content, letterhead, fonts, styles, compact)
    if content.paragraphs and not (len(content.paragraphs) == 1 and content.facts):
        signature.insert(0, story.pop())
    # 此致 / 敬礼 and the signature never split across pages, nor stand alone on one: the last
    # paragraph goes over with them. (One KeepTogether: a nested one measures as 0xffffff
    # points high and would always break the page.)
    story.append(KeepTogether(signature))
    if with_annex and (content.annex_title or content.annex):
        story += annex_story(content, fonts)
    return story


def annex_story(content: LetterContent, fonts: FontStack) -> list[Flowable]:
    """Return the annex: a page break, its title and its blocks."""
    styles = letter_styles(content.language, fonts)
    story: list[Flowable] = [PageBreak()]
    if content.annex_title:
        story.append(paragraph(fonts, content.annex_title, styles.title, bold=True))
    return story + block_flowables(content.annex, fonts, styles)


def _document(buffer: io.BytesIO, pages: PageDecorations, title: str) -> BaseDocTemplate:
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        initialFontName=pages.fonts.base_font,
        title=title,
        author=pages.letterhead.name_for(pages.language),
        invariant=True,
    )
    first_top = max(FIRST_PAGE_TOP, pages.letterhead_bottom() + 6 * mm)
    if first_top > PAGE_HEIGHT / 2:
        raise LetterError("the letterhead is taller than half a page; shorten its address lines")
    # No frame padding: text aligns with the letterhead rule and tables fill the frame exactly.
    pads = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    first = Frame(MARGIN_X, BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - first_top - BOTTOM, **pads)
    later = Frame(MARGIN_X, BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - LATER_PAGE_TOP - BOTTOM, **pads)
    doc.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=pages.first_page, autoNextPageTemplate="later"),
            PageTemplate("later", [later], onPage=pages.later_page),
        ]
    )
    return doc


def lay_out_pdf(
    story: Sequence[Flowable],
    pages: PageDecorations,
    title: str,
    *,
    subset_order: Sequence[str] = (),
) -> bytes:
    """Lay out a prepared story on A4 pages and return the PDF.

    Callers check glyphs first (``FontStack.check_printable``) and build the story after.

    Args:
        story: the flowables (see :func:`letter_story`). pages: letterhead, running head and
            footer drawing. title: the PDF's document title.
        subset_order: characters to give font subset codes first (the template's own text,
            ``subsets.template_first_order``), so letters of one template share subsets.

    Returns:
        PDF bytes with the fonts embedded as TrueType subsets.

    Raises:
        LetterError: the letterhead would take more than half of the first page.
    """
    return lay_out_pages(story, pages, title, subset_order=subset_order)[0]


def lay_out_pages(
    story: Sequence[Flowable],
    pages: PageDecorations,
    title: str,
    *,
    subset_order: Sequence[str] = (),
) -> tuple[bytes, int]:
    """Lay out a story as :func:`lay_out_pdf` does; return the PDF and its number of pages.

    Raises:
        LetterError: the letterhead would take more than half of the first page.
    """
    buffer = io.BytesIO()
    doc = _document(buffer, pages, title)
    canvas = functools.partial(
        NumberedCanvas, footer=pages.footer, fonts=pages.fonts, subset_order=subset_order
    )
    doc.build(list(story), canvasmaker=canvas)
    return buffer.getvalue(), int(doc.page)


def build_letter_pdf(content: LetterContent, letterhead: Letterhead, fonts: FontStack) -> bytes:
    """Lay out one letter on A4 and return the PDF.

    Args:
        content: the filled-in letter text. letterhead: the sender. fonts: the embedded faces.

    Returns:
        PDF bytes with the fonts embedded as TrueType subsets.

    Raises:
        MissingGlyphsError: some character has no glyph in ``fonts`` (checked before layout).
        LetterError: the letterhead would take more than half of the first page.
    """
    styles = letter_styles(content.language, fonts)
    pages = PageDecorations(
        letterhead, content.language, content.reference_line, content.page_number, fonts, styles
    )
    fonts.check_printable([*content.printed_texts(), *letterhead.printed_texts()])
    return lay_out_pdf(letter_story(content, letterhead, fonts), pages, content.title)

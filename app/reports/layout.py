"""Page layout shared by all letters: reference line, title, body, facts table, signature.

Input is plain text only (``LetterContent``); every string goes through ``FontStack.markup``, so
nothing a requester or an editor typed is ever read as ReportLab markup.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer, Table

from app.errors import LetterError
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


@dataclass(frozen=True)
class LetterContent:
    """A letter's text, already filled in, in reading order (all plain text).

    Attributes:
        language: ``"zh"`` or ``"en"`` (decides indents, sizes and line spacing).
        title, reference_line, date_line, salutation: single lines ("" to omit).
        facts: (label, value) rows printed as a table after the first paragraph.
        paragraphs: body paragraphs.
        closing: (text, indent in character widths) lines, e.g. ("此致", 2), ("敬礼！", 0).
        signature: right-aligned lines (sender, team, date).
        page_number: footer text with ``{page}`` and ``{pages}``.
    """

    language: str
    title: str
    reference_line: str
    date_line: str
    salutation: str
    facts: tuple[tuple[str, str], ...]
    paragraphs: tuple[str, ...]
    closing: tuple[tuple[str, float], ...]
    signature: tuple[str, ...]
    page_number: str

    def printed_texts(self) -> list[str]:
        """Return every string the letter prints (page numbers with sample digits)."""
        singles = [self.title, self.reference_line, self.date_line, self.salutation]
        facts = [text for row in self.facts for text in row]
        closing = [text for text, _indent in self.closing]
        pages = self.page_number.format(page=1234567890, pages=1234567890)
        return [*singles, *facts, *self.paragraphs, *closing, *self.signature, pages]


def _facts_table(content: LetterContent, fonts: FontStack, styles: LetterStyles) -> Table:
    """Return the key-facts table; cells are Paragraphs so long values wrap."""
    rows = [
        [
            paragraph(fonts, label, styles.label),
            paragraph(fonts, value, styles.body.clone("value", firstLineIndent=0, spaceAfter=0)),
        ]
        for label, value in content.facts
    ]
    table = Table(rows, colWidths=[34 * mm, FRAME_WIDTH - 34 * mm], hAlign="LEFT", splitInRow=1)
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


def _body(content: LetterContent, fonts: FontStack, styles: LetterStyles) -> list[Flowable]:
    """Return the flowables of the letter body in reading order."""
    story: list[Flowable] = [
        paragraph(fonts, line, styles.right)
        for line in (content.reference_line, content.date_line)
        if line
    ]
    story += [paragraph(fonts, content.title, styles.title, bold=True)]
    story += [
        paragraph(fonts, content.salutation, styles.body.clone("salutation", firstLineIndent=0))
    ]
    for index, text in enumerate(content.paragraphs):
        story.append(paragraph(fonts, text, styles.body))
        if index == 0 and content.facts:
            story += [Spacer(0, 2), _facts_table(content, fonts, styles), Spacer(0, 10)]
    story.append(Spacer(0, 6))
    em = styles.body.fontSize
    story += [
        paragraph(
            fonts, text, styles.body.clone("closing", firstLineIndent=indent * em, spaceAfter=0)
        )
        for text, indent in content.closing
    ]
    story.append(Spacer(0, 30 if content.language == "en" else 18))  # room to sign
    # Chinese letters sign at the right (落款右对齐); English business letters sign at the left.
    signature = (
        styles.right if content.language == "zh" else styles.right.clone("sig", alignment=TA_LEFT)
    )
    story += [paragraph(fonts, line, signature) for line in content.signature]
    return story


def build_letter_pdf(content: LetterContent, letterhead: Letterhead, fonts: FontStack) -> bytes:
    """Lay out a letter on A4 and return the PDF.

    Args:
        content: the filled-in letter text. letterhead: the sender. fonts: the embedded faces.

    Returns:
        PDF bytes with the fonts embedded as TrueType subsets.

    Raises:
        MissingGlyphsError: some character has no glyph in ``fonts`` (checked before layout).
        LetterError: the letterhead would take more than half of the first page.
    """
    fonts.check_printable(content.printed_texts() + letterhead.printed_texts())
    styles = letter_styles(content.language, fonts)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        initialFontName=fonts.base_font,
        title=content.title,
        author=letterhead.name_for(content.language),
        invariant=True,
    )
    pages = PageDecorations(
        letterhead, content.language, content.reference_line, content.page_number, fonts, styles
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
    canvas_maker = functools.partial(NumberedCanvas, footer=pages.footer)
    doc.build(_body(content, fonts, styles), canvasmaker=canvas_maker)
    return buffer.getvalue()

"""Page geometry, colours and paragraph styles of letters (A4, Chinese and English)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from app.reports.fonts import FontStack
from app.reports.letter_paragraph import LetterParagraph
from app.services.letter_languages import is_chinese

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 25 * mm
FIRST_PAGE_TOP = 42 * mm  # room for the full letterhead
LATER_PAGE_TOP = 24 * mm
BOTTOM = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
ACCENT = colors.HexColor("#1F4E79")
MUTED = colors.HexColor("#555555")


@dataclass(frozen=True)
class LetterStyles:
    """The paragraph styles of one letter (sizes in points)."""

    body: ParagraphStyle
    title: ParagraphStyle
    right: ParagraphStyle
    label: ParagraphStyle
    small: ParagraphStyle
    heading: ParagraphStyle
    heading_in_body: ParagraphStyle
    item: ParagraphStyle
    cell: ParagraphStyle
    cell_header: ParagraphStyle


@functools.lru_cache(maxsize=32)
def letter_styles(language: str, fonts: FontStack, *, compact: bool = False) -> LetterStyles:
    """Return the styles for a letter in ``language``.

    Chinese body text is 11 pt on 20 pt leading with the customary two-character first-line
    indent (首行缩进两字); English is 10.5 pt on 15.5 pt, flush left. Both wrap with
    ``LetterParagraph``'s breaker (``wordWrap='CJK'``) and are left-aligned, never justified.
    No style leaves a single line of a paragraph at the foot or the head of a page (widows and
    orphans: two lines at least on each side of a page break).
    ``compact``: 2 pt less leading and a third of the space between paragraphs, for a short
    letter that would otherwise put only its closing on a page of its own (``letters``).
    Cached: styles are never changed after creation (``clone`` makes new ones).
    """
    chinese = is_chinese(language)
    size, leading = (11.0, 20.0) if chinese else (10.5, 15.5)
    leading -= 2 if compact else 0
    body = ParagraphStyle(
        "body",
        fontName=fonts.base_font,
        fontSize=size,
        leading=leading,
        alignment=TA_LEFT,
        wordWrap="CJK",
        spaceAfter=leading * (0.15 if compact else 0.45),
        firstLineIndent=2 * size if chinese else 0,
        # No lone line at a page break: two lines at least stay on each side, or the whole
        # paragraph goes over (ReportLab moves a line more when it would leave one alone).
        allowWidows=0,
        allowOrphans=0,
    )
    flush = ParagraphStyle("flush", parent=body, firstLineIndent=0, spaceAfter=0)
    title = ParagraphStyle(
        "title", parent=flush, fontSize=size + 5, leading=size + 12, alignment=TA_CENTER
    )
    return LetterStyles(
        body=body,
        title=title.clone("title", spaceBefore=10, spaceAfter=14),
        right=ParagraphStyle("right", parent=flush, alignment=TA_RIGHT),
        label=ParagraphStyle("label", parent=flush, textColor=MUTED),
        small=ParagraphStyle("small", parent=flush, fontSize=8, leading=11, textColor=MUTED),
        heading=ParagraphStyle("heading", parent=flush, fontSize=15, leading=19, textColor=ACCENT),
        heading_in_body=ParagraphStyle(
            "heading_in_body",
            parent=flush,
            spaceBefore=leading * 0.3,
            spaceAfter=leading * 0.2,
            textColor=ACCENT,  # the CJK face has no bold: colour marks headings in Chinese
            keepWithNext=1,  # never the last line of a page, its section on the next
        ),
        item=ParagraphStyle("item", parent=flush),
        cell=ParagraphStyle("cell", parent=flush, fontSize=size - 1.5, leading=leading - 4),
        cell_header=ParagraphStyle(
            "cell_header", parent=flush, fontSize=size - 1.5, leading=leading - 4, textColor=ACCENT
        ),
    )


def paragraph(fonts: FontStack, text: str, style: ParagraphStyle, *, bold: bool = False) -> Any:
    """Return a ``LetterParagraph`` printing plain ``text`` literally (escaped, font runs)."""
    return LetterParagraph.from_runs(fonts.runs(text, bold=bold), style)

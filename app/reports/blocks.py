"""Flowables for body blocks: headings, bulleted items and tables whose cells flow over pages.

No page begins or ends with a lone line: paragraphs keep two lines on each side of a page break
(``letter_styles``), and a list or table split over two pages keeps two lines of it on each side
(``KeptTogetherTable``).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, FrameBreak, Table

from app.reports.content import Block, Heading, Items, TableBlock
from app.reports.fonts import FontStack
from app.reports.styles import ACCENT, FRAME_WIDTH, PAGE_HEIGHT, LetterStyles, paragraph

_RULE = colors.HexColor("#C8D3DE")
_SHADE = colors.HexColor("#F2F5F8")


# Above this height a table that cannot keep two lines on a page is split anyway: a first row
# that tall leaves a part row of two lines or more (the paragraphs keep their lines together),
# and refusing it would only move it to the next page, where the same split happens again.
_MOST_HEIGHT_TO_REFUSE = PAGE_HEIGHT / 2


class KeptTogetherTable(Table):  # type: ignore[misc]  # ReportLab ships no type hints
    """A ``Table`` that never leaves a single one-line row on either side of a page break.

    A list of data categories broken after its first item, or before its last one, reads as a
    lone line (a typographic orphan or widow); the list then breaks a row earlier, or starts on
    the next page. A row of two lines or more may stand alone: its lines are kept together by
    the paragraph styles. Rows count without the header repeated on each page.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803  # ReportLab API
        """Return the parts of the table for a frame ``availHeight`` points high (see class)."""
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return list(parts)
        first, rest = parts
        if self._lone_line(first, availWidth) and availHeight < _MOST_HEIGHT_TO_REFUSE:
            return []
        if not self._lone_line(rest, availWidth):
            return [first, rest]
        # A row more goes over with the last one. The frame break keeps ReportLab from putting
        # them back into the room they leave on this page, where the last one would be cut off
        # alone again.
        _width, height = first.wrap(availWidth, PAGE_HEIGHT)
        shorter = height - self._last_row_height(first, availWidth) + 0.01  # float slack
        parts = super().split(availWidth, shorter) if shorter > 0 else []
        if len(parts) != 2 or self._lone_line(parts[0], availWidth):
            return []
        return [parts[0], FrameBreak(), parts[1]]

    def _lone_line(self, part: Table, width: float) -> bool:
        """Return whether ``part`` holds a single row of a single line besides its header."""
        if len(part._cellvalues) - part.repeatRows != 1:
            return False
        leading = max((_leading(cell) for cell in part._cellvalues[-1]), default=0.0)
        return self._last_row_height(part, width) < 2 * leading

    @staticmethod
    def _last_row_height(part: Table, width: float) -> float:
        part.wrap(width, PAGE_HEIGHT)
        return float(part._rowHeights[-1])


def _leading(cell: Any) -> float:
    """The line height of a cell's paragraph (a split cell holds a list of them), in points."""
    paragraph = cell[0] if isinstance(cell, (list, tuple)) and cell else cell
    return float(getattr(getattr(paragraph, "style", None), "leading", 0.0))


def _column_widths(block: TableBlock, total: float) -> list[float]:
    weights = block.widths or tuple(1.0 for _ in block.columns)
    return [total * weight / sum(weights) for weight in weights]


def data_table(block: TableBlock, fonts: FontStack, styles: LetterStyles) -> KeptTogetherTable:
    """Return a table with a repeated header row; each cell is a Paragraph.

    ``splitInRow`` lets one cell taller than a page (e.g. 5,000 characters pasted from an
    e-mail) continue on the next page instead of failing with ReportLab's ``LayoutError``.
    """
    cell = styles.cell
    header = [paragraph(fonts, text, styles.cell_header, bold=True) for text in block.columns]
    rows = [[paragraph(fonts, text, cell) for text in row] for row in block.rows]
    table = KeptTogetherTable(
        [header, *rows],
        colWidths=_column_widths(block, FRAME_WIDTH),
        hAlign="LEFT",
        repeatRows=1,
        splitInRow=1,
    )
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.base_font),  # else Table sets Helvetica
            ("BACKGROUND", (0, 0), (-1, 0), _SHADE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, _RULE),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    table.spaceBefore, table.spaceAfter = 2, styles.body.spaceAfter + 6
    return table


def item_list(block: Items, fonts: FontStack, styles: LetterStyles) -> KeptTogetherTable:
    """Return the items as a bulleted list with a hanging indent (a borderless table)."""
    bullet_width = styles.body.fontSize * 1.6
    rows = [
        [paragraph(fonts, "•", styles.item), paragraph(fonts, text, styles.item)]
        for text in block.items
    ]
    # splitInRow: an item longer than a page (a reason pasted from an e-mail) flows on.
    widths = [bullet_width, FRAME_WIDTH - bullet_width]
    table = KeptTogetherTable(rows, colWidths=widths, hAlign="LEFT", splitInRow=1)
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), fonts.base_font),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (0, -1), styles.body.fontSize * 0.4),
        ]
    )
    table.spaceAfter = styles.body.spaceAfter
    return table


def block_flowable(block: Block, fonts: FontStack, styles: LetterStyles) -> Flowable:
    """Return the flowable printing one body block (a plain string is a body paragraph)."""
    if isinstance(block, str):
        return paragraph(fonts, block, styles.body)
    if isinstance(block, Heading):
        return paragraph(fonts, block.text, styles.heading_in_body, bold=True)
    if isinstance(block, Items):
        return item_list(block, fonts, styles)
    return data_table(block, fonts, styles)

"""Flowables for body blocks: headings, bulleted items and tables whose cells flow over pages."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table

from app.reports.content import Block, Heading, Items, TableBlock
from app.reports.fonts import FontStack
from app.reports.styles import ACCENT, FRAME_WIDTH, LetterStyles, paragraph

_RULE = colors.HexColor("#C8D3DE")
_SHADE = colors.HexColor("#F2F5F8")


def _column_widths(block: TableBlock, total: float) -> list[float]:
    weights = block.widths or tuple(1.0 for _ in block.columns)
    return [total * weight / sum(weights) for weight in weights]


def data_table(block: TableBlock, fonts: FontStack, styles: LetterStyles) -> Table:
    """Return a table with a repeated header row; each cell is a Paragraph.

    ``splitInRow`` lets one cell taller than a page (e.g. 5,000 characters pasted from an
    e-mail) continue on the next page instead of failing with ReportLab's ``LayoutError``.
    """
    cell = styles.cell
    header = [paragraph(fonts, text, styles.cell_header, bold=True) for text in block.columns]
    rows = [[paragraph(fonts, text, cell) for text in row] for row in block.rows]
    table = Table(
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


def item_list(block: Items, fonts: FontStack, styles: LetterStyles) -> Table:
    """Return the items as a bulleted list with a hanging indent (a borderless table)."""
    bullet_width = styles.body.fontSize * 1.6
    rows = [
        [paragraph(fonts, "•", styles.item), paragraph(fonts, text, styles.item)]
        for text in block.items
    ]
    # splitInRow: an item longer than a page (a reason pasted from an e-mail) flows on.
    widths = [bullet_width, FRAME_WIDTH - bullet_width]
    table = Table(rows, colWidths=widths, hAlign="LEFT", splitInRow=1)
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

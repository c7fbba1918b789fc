"""Flowables for body blocks: headings, bulleted items and tables whose cells flow over pages.

No page begins or ends with a lone line: paragraphs keep two lines on each side of a page break
(``letter_styles``), and a list or table split over two pages keeps two lines of it on each side
(``KeptTogetherTable``). A row is never cut in two unless it is taller than a page, and a
heading goes over with the first rows of its list, not with the whole list (``HeadedList``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.platypus import Flowable, FrameBreak, Table

from app.reports.content import Block, Heading, Items, TableBlock
from app.reports.fonts import FontStack
from app.reports.styles import (
    ACCENT,
    BOTTOM,
    FRAME_WIDTH,
    LATER_PAGE_TOP,
    PAGE_HEIGHT,
    LetterStyles,
    paragraph,
)

_RULE = colors.HexColor("#C8D3DE")
_SHADE = colors.HexColor("#F2F5F8")


# Above this height a table that cannot keep two lines on a page is split anyway: a first row
# that tall leaves a part row of two lines or more (the paragraphs keep their lines together),
# and refusing it would only move it to the next page, where the same split happens again.
_MOST_HEIGHT_TO_REFUSE = PAGE_HEIGHT / 2
# The body frame of a page after the first (the first page's is shorter), in points.
_PAGE_FRAME_HEIGHT = PAGE_HEIGHT - LATER_PAGE_TOP - BOTTOM


class KeptTogetherTable(Table):  # type: ignore[misc]  # ReportLab ships no type hints
    """A ``Table`` that never leaves a single one-line row on either side of a page break.

    A list of data categories broken after its first item, or before its last one, reads as a
    lone line (a typographic orphan or widow); the list then breaks a row earlier, or starts on
    the next page. A row of two lines or more may stand alone: its lines are kept together by
    the paragraph styles. Rows count without the header repeated on each page.
    """

    splitInRow: int  # noqa: N815  # set by ``Table.__init__``: 1 lets a row be cut in two

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803  # ReportLab API
        """Return the parts of the table for a frame ``availHeight`` points high (see class).

        The parts are separated by a frame break: ReportLab would otherwise put the rest into
        the room the first part leaves on this page (it splits between rows, so some is left),
        repeat the header there mid-page and cut its first row in two to fill it.
        """
        parts = self._split_between_rows(availWidth, availHeight)
        if len(parts) != 2:
            return list(parts)
        first, rest = parts
        if self._lone_line(first, availWidth) and availHeight < _MOST_HEIGHT_TO_REFUSE:
            return []
        if not self._lone_line(rest, availWidth):
            return [first, FrameBreak(), rest]
        # A row more goes over with the last one, which would stand alone on the next page.
        _width, height = first.wrap(availWidth, PAGE_HEIGHT)
        shorter = height - self._last_row_height(first, availWidth) + 0.01  # float slack
        parts = self._split_between_rows(availWidth, shorter) if shorter > 0 else []
        if len(parts) != 2 or self._lone_line(parts[0], availWidth):
            return []
        return [parts[0], FrameBreak(), parts[1]]

    def _split_between_rows(self, width: float, height: float) -> list[Any]:
        """Split as ``Table.split``, cutting a row in two only if some row (with the header)
        is taller than a page's frame and could never be printed whole."""
        in_row = self.splitInRow
        if in_row and self._rows_fit_a_page(width):
            self.splitInRow = 0
        try:
            return list(super().split(width, height))
        finally:
            self.splitInRow = in_row

    def _rows_fit_a_page(self, width: float) -> bool:
        self.wrap(width, PAGE_HEIGHT)
        heights = [float(h) for h in self._rowHeights]
        header, rows = heights[: self.repeatRows], heights[self.repeatRows :]
        return bool(sum(header) + max(rows, default=0.0) <= _PAGE_FRAME_HEIGHT)

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


class HeadedList(Flowable):  # type: ignore[misc]  # ReportLab ships no type hints
    """A heading and the list or table it introduces, split after the list's first rows.

    A heading's ``keepWithNext`` would bind it to the whole list, which then goes over to the
    next page as one piece and leaves the rest of this page blank. Here the heading goes with
    the part of the list that fits (the list keeps two lines on each side, see
    ``KeptTogetherTable``), or with the whole list to the next page when none does.
    """

    def __init__(self, heading: Flowable, body: KeptTogetherTable) -> None:
        """Keep ``heading`` (a paragraph) above ``body``."""
        super().__init__()
        self.heading, self.body = heading, body

    def _gap(self) -> float:
        """The space between the heading and the list, in points (as a frame sets it)."""
        return float(self.heading.getSpaceAfter() + self.body.getSpaceBefore())

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Return the width and height of heading and list together, in points."""
        _w, self._heading_height = self.heading.wrap(availWidth, availHeight)
        _w, self._body_height = self.body.wrap(availWidth, availHeight)
        self.width, self.height = availWidth, self._heading_height + self._gap()
        self.height += self._body_height
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        """Return the heading and the list's parts, or ``[]`` when no part of it fits here."""
        _w, heading_height = self.heading.wrap(availWidth, availHeight)
        room = availHeight - heading_height - self._gap()
        parts = self.body.split(availWidth, room) if room > 0 else []
        return [self.heading, *parts] if parts else []

    def getSpaceBefore(self) -> float:  # noqa: N802  # ReportLab API
        """Return the heading's space before, in points."""
        return float(self.heading.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802  # ReportLab API
        """Return the list's space after, in points."""
        return float(self.body.getSpaceAfter())

    def draw(self) -> None:
        """Draw the heading at the top and the list below it."""
        self.heading.drawOn(self.canv, 0, self._body_height + self._gap())
        self.body.drawOn(self.canv, 0, 0)


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


def block_flowables(
    blocks: Sequence[Block], fonts: FontStack, styles: LetterStyles
) -> list[Flowable]:
    """Return the flowables of ``blocks`` in order; a heading followed by a list or table
    becomes one ``HeadedList``."""
    story: list[Flowable] = []
    after_heading = False
    for block in blocks:
        flowable = block_flowable(block, fonts, styles)
        if after_heading and isinstance(flowable, KeptTogetherTable):
            flowable = HeadedList(story.pop(), flowable)
        story.append(flowable)
        after_heading = isinstance(block, Heading)
    return story


def block_flowable(block: Block, fonts: FontStack, styles: LetterStyles) -> Flowable:
    """Return the flowable printing one body block (a plain string is a body paragraph)."""
    if isinstance(block, str):
        return paragraph(fonts, block, styles.body)
    if isinstance(block, Heading):
        return paragraph(fonts, block.text, styles.heading_in_body, bold=True)
    if isinstance(block, Items):
        return item_list(block, fonts, styles)
    return data_table(block, fonts, styles)

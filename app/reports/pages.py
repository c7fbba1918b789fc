"""What every page of a letter carries around the body: letterhead, running head, page numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.reports.fonts import FontStack
from app.reports.letterhead import Letterhead
from app.reports.styles import (
    ACCENT,
    FRAME_WIDTH,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    LetterStyles,
    paragraph,
)

LETTERHEAD_TOP = 14 * mm


def _draw(canvas: Canvas, flowable: Any, x: float, top: float, width: float) -> float:
    """Draw a flowable with its top at ``top``; return its height in points."""
    _width, height = flowable.wrapOn(canvas, width, PAGE_HEIGHT)
    flowable.drawOn(canvas, x, top - height)
    return float(height)


def _natural_width(flowable: Any, limit: float) -> float:
    """Return the width of a paragraph's longest line when wrapped at ``limit`` points."""
    flowable.wrap(limit, PAGE_HEIGHT)
    return min(limit, max(flowable.getActualLineWidths0(), default=0.0))


def _rule(canvas: Canvas, y: float, width: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(width)
    canvas.line(MARGIN_X, y, PAGE_WIDTH - MARGIN_X, y)
    canvas.restoreState()


@dataclass(frozen=True)
class PageDecorations:
    """Draws the letterhead, the running head and the footer of one letter.

    Attributes:
        letterhead: the sender. language: ``"zh"`` or ``"en"``.
        reference_line: repeated at the top of continuation pages.
        page_number: footer text with ``{page}`` and ``{pages}``.
        fonts, styles: as used for the body.
    """

    letterhead: Letterhead
    language: str
    reference_line: str
    page_number: str
    fonts: FontStack
    styles: LetterStyles

    def _letterhead_blocks(self) -> tuple[list[Any], float, Any, float]:
        """Return (name paragraphs, their width, contact paragraph, its width) in points.

        The names take the width they need (at most 60 % of the line) so that a company name
        is not broken; the contact block gets the rest.
        """
        head, fonts, small = self.letterhead, self.fonts, self.styles.small
        names = [paragraph(fonts, head.name_for(self.language), self.styles.heading, bold=True)]
        other = head.other_name_for(self.language)
        names += [paragraph(fonts, other, small)] if other else []
        left_width = max(_natural_width(name, FRAME_WIDTH * 0.6) for name in names)
        lines = (head.address_for(self.language), head.privacy_contact, head.website)
        contact_style = small.clone("contact", alignment=TA_RIGHT)
        contact = paragraph(fonts, "\n".join(t for t in lines if t), contact_style)
        return names, left_width, contact, FRAME_WIDTH - left_width - 8 * mm

    def letterhead_bottom(self) -> float:
        """Return the distance from the page top to the letterhead's rule, in points."""
        names, left_width, contact, right_width = self._letterhead_blocks()
        left = sum(name.wrap(left_width, PAGE_HEIGHT)[1] + 1 for name in names)
        right = contact.wrap(right_width, PAGE_HEIGHT)[1]
        return float(LETTERHEAD_TOP + max(left, right) + 3 * mm)

    def first_page(self, canvas: Canvas, _doc: object) -> None:
        """Draw the full letterhead: names on the left, address and contact on the right."""
        names, left_width, contact, right_width = self._letterhead_blocks()
        top = PAGE_HEIGHT - LETTERHEAD_TOP
        height = 0.0
        for name in names:
            height += _draw(canvas, name, MARGIN_X, top - height, left_width) + 1
        _draw(canvas, contact, PAGE_WIDTH - MARGIN_X - right_width, top, right_width)
        _rule(canvas, PAGE_HEIGHT - self.letterhead_bottom(), 0.8)

    def later_page(self, canvas: Canvas, _doc: object) -> None:
        """Draw the running head of continuation pages: company name and reference line."""
        top, half, small = PAGE_HEIGHT - 12 * mm, FRAME_WIDTH / 2, self.styles.small
        name = paragraph(self.fonts, self.letterhead.name_for(self.language), small)
        height = _draw(canvas, name, MARGIN_X, top, half)
        reference = paragraph(self.fonts, self.reference_line, small.clone("r", alignment=TA_RIGHT))
        _draw(canvas, reference, PAGE_WIDTH / 2, top, half)
        _rule(canvas, top - height - 2 * mm, 0.4)

    def footer(self, canvas: Canvas, page: int, pages: int) -> None:
        """Draw "第 1 页 共 2 页" / "Page 1 of 2" centred at the foot of the page."""
        text = self.page_number.format(page=page, pages=pages)
        style = self.styles.small.clone("footer", alignment=TA_CENTER)
        _draw(canvas, paragraph(self.fonts, text, style), MARGIN_X, 14 * mm, FRAME_WIDTH)


class NumberedCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no type hints
    """A canvas that holds pages back until the end, so each footer knows the page count."""

    def __init__(
        self, *args: Any, footer: Callable[[Canvas, int, int], None], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802  # ReportLab API
        """Hold the finished page instead of writing it."""
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Write every held page with its footer, then the file."""
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, len(self._held_pages))
            super().showPage()
        super().save()

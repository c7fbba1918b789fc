"""What every page of a letter carries around the body: letterhead, running head, page numbers."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.reports.fonts import FontStack
from app.reports.images import LetterImage
from app.reports.letterhead import Letterhead
from app.reports.styles import (
    ACCENT,
    FRAME_WIDTH,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    LetterStyles,
    letter_styles,
    paragraph,
)
from app.reports.subsets import reserve_codes

LETTERHEAD_TOP = 14 * mm
LOGO_MAX_WIDTH = 40 * mm
LOGO_MAX_HEIGHT = 16 * mm


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
class LetterheadBlocks:
    """The first page's letterhead, laid out once per letterhead and language (points).

    Attributes:
        names: company name paragraphs, drawn from ``name_x`` at ``name_width``.
        contact: address and contact paragraph, right-aligned in ``contact_width``.
        logo: the logo and its drawn (width, height), or ``None``.
        bottom: distance from the page top to the letterhead's rule.
    """

    names: tuple[Any, ...]
    name_x: float
    name_width: float
    contact: Any
    contact_width: float
    logo: tuple[LetterImage, float, float] | None
    bottom: float


def _logo(letterhead: Letterhead) -> tuple[LetterImage, float, float] | None:
    image = letterhead.image("logo")
    return (image, *image.fit(LOGO_MAX_WIDTH, LOGO_MAX_HEIGHT)) if image else None


@functools.lru_cache(maxsize=32)
def letterhead_blocks(letterhead: Letterhead, language: str, fonts: FontStack) -> LetterheadBlocks:
    """Lay out the letterhead (cached: a batch of letters parses and wraps it once).

    The names take the width they need (at most 60 % of what the logo leaves) so that a
    company name is not broken; the contact block gets the rest.
    """
    styles = letter_styles("en" if language == "en" else "zh", fonts)
    logo = _logo(letterhead)
    name_x = MARGIN_X + (logo[1] + 4 * mm if logo else 0.0)
    available = PAGE_WIDTH - MARGIN_X - name_x
    names = [paragraph(fonts, letterhead.name_for(language), styles.heading, bold=True)]
    other = letterhead.other_name_for(language)
    names += [paragraph(fonts, other, styles.small)] if other else []
    name_width = max(_natural_width(name, available * 0.6) for name in names)
    lines = (letterhead.address_for(language), letterhead.privacy_contact, letterhead.website)
    contact = paragraph(
        fonts, "\n".join(t for t in lines if t), styles.small.clone("contact", alignment=TA_RIGHT)
    )
    contact_width = available - name_width - 8 * mm
    left = sum(name.wrap(name_width, PAGE_HEIGHT)[1] + 1 for name in names)
    right = contact.wrap(contact_width, PAGE_HEIGHT)[1]
    height = max(left, right, logo[2] if logo else 0.0)
    return LetterheadBlocks(
        names=tuple(names),
        name_x=name_x,
        name_width=name_width,
        contact=contact,
        contact_width=contact_width,
        logo=logo,
        bottom=float(LETTERHEAD_TOP + height + 3 * mm),
    )


@dataclass(frozen=True)
class PageDecorations:
    """Draws the letterhead, the running head and the footer of one letter.

    Attributes:
        letterhead: the sender. language: ``"zh"``, ``"en"`` or ``"zh+en"`` (bilingual).
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

    def letterhead_bottom(self) -> float:
        """Return the distance from the page top to the letterhead's rule, in points."""
        return letterhead_blocks(self.letterhead, self.language, self.fonts).bottom

    def first_page(self, canvas: Canvas, _doc: object) -> None:
        """Draw the full letterhead: logo, names on the left, address and contact on the right."""
        blocks = letterhead_blocks(self.letterhead, self.language, self.fonts)
        top = PAGE_HEIGHT - LETTERHEAD_TOP
        if blocks.logo:
            image, width, height = blocks.logo
            canvas.drawImage(image.reader(), MARGIN_X, top - height, width, height, mask="auto")
        height = 0.0
        for name in blocks.names:
            height += _draw(canvas, name, blocks.name_x, top - height, blocks.name_width) + 1
        contact_x = PAGE_WIDTH - MARGIN_X - blocks.contact_width
        _draw(canvas, blocks.contact, contact_x, top, blocks.contact_width)
        _rule(canvas, PAGE_HEIGHT - blocks.bottom, 0.8)

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
    """A canvas that holds pages back until the end, so each footer knows the page count.

    ``subset_order`` (with ``fonts``): characters whose font subset codes are given before
    anything is drawn (``subsets.reserve_codes``), so a batch's letters share subsets.
    """

    def __init__(
        self,
        *args: Any,
        footer: Callable[[Canvas, int, int], None],
        fonts: FontStack | None = None,
        subset_order: Sequence[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._held_pages: list[dict[str, Any]] = []
        if fonts is not None and subset_order:
            reserve_codes(self._doc, fonts, subset_order)

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

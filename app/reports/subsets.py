"""Font subsets that stay the same from letter to letter, so a batch builds and compresses each
subset once per process instead of once per letter.

ReportLab gives each character a code in a 256-code subset in the order the document first
draws it, and embeds every subset as a small TrueType font (``FontFile2``, deflated). In a
letter the requester's name comes early, so every letter's first Chinese subset differed, and
building it (a quarter of the glyphs of a page) and deflating it was about a quarter of a
letter's time. Here the characters the template itself prints are given their codes first, in
the template's order, and the letter's own words (names, reasons, dates) start a new subset:
letters from one template then share every subset but the last, small one, and
``memoise_subsets`` and :data:`MEMOISED_FLATE` hand the shared ones back ready-made.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDocument, PDFTrueTypeFont
from reportlab.pdfbase.ttfonts import TTFont

if TYPE_CHECKING:  # fonts imports this module
    from app.reports.fonts import FontStack

SUBSET_SIZE = 256


class _MemoisedFlate:
    """ReportLab's Flate stream filter, remembering the last streams it compressed.

    The output of ``zlib.compress`` depends only on its input, so handing back an earlier
    result is exact; embedded font subsets repeat across a batch of letters.
    """

    pdfname = "FlateDecode"

    @staticmethod
    @functools.lru_cache(maxsize=128)
    def encode(content: bytes | str) -> bytes:
        data = content.encode("utf8") if isinstance(content, str) else content
        return zlib.compress(data)

    @staticmethod
    def decode(encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


MEMOISED_FLATE = _MemoisedFlate()


def memoise_font_streams(doc: PDFDocument, filename: str, subset_name: str) -> None:
    """Let the font file and ToUnicode streams of one subset reuse an earlier compression of
    the same bytes.

    Args:
        doc: the PDF being built. filename: the font's file (ReportLab names the streams
            ``fontFile:<file>(<subset name>)`` and ``toUnicodeCMap:<subset name>``).
        subset_name: the subset's PDF font name.
    """
    if not doc.compression:
        return
    for name in (f"fontFile:{filename}({subset_name})", f"toUnicodeCMap:{subset_name}"):
        stream = doc.idToObject.get(name)
        if stream is not None:
            stream.filters = [MEMOISED_FLATE]


@functools.lru_cache(maxsize=256)
def _formatted_widths(widths: tuple[int, ...]) -> bytes:
    return bytes(PDFArray(list(widths)).format(None))


class _Widths(PDFArray):  # type: ignore[misc]  # ReportLab ships no type hints
    """A subset's ``/Widths`` array, formatted once per process for each distinct list (256
    numbers per subset, formatted one by one, were a tenth of writing a letter's PDF)."""

    def format(self, _document: PDFDocument) -> bytes:
        return _formatted_widths(tuple(self.sequence))


def memoise_widths(doc: PDFDocument) -> None:
    """Give every TrueType font subset of ``doc`` a ``/Widths`` array that formats from cache
    (call after the fonts have added their objects)."""
    for font in doc.idToObject["BasicFonts"].dict.values():
        widths: Any = getattr(font, "Widths", None)
        if isinstance(font, PDFTrueTypeFont) and type(widths) is PDFArray:
            font.Widths = _Widths(widths.sequence)


def template_first_order(tiers: Sequence[Iterable[str]], printed: Iterable[str]) -> tuple[str, ...]:
    """Return, tier by tier, the characters to reserve codes for: those of the template's own
    texts (in order, each once, in the first tier that has it) that the letter prints.

    Args:
        tiers: texts the template prints whatever the case, most stable first (its sentences,
            then its lists worded by the terms).
        printed: every text the letter prints.
    """
    printed_chars = set("".join(printed))
    seen: set[str] = set()
    order = []
    for tier in tiers:
        available = printed_chars - seen
        chars = [ch for ch in dict.fromkeys("".join(tier)) if ch in available]
        seen.update(chars)
        order.append("".join(ch for ch in chars if not ch.isspace()))
    return tuple(order)


def reserve_codes(doc: PDFDocument, fonts: FontStack, order: Sequence[str]) -> None:
    """Give the characters of each tier of ``order`` their subset codes now, face by face,
    each tier ending its subset, so that what the letter draws after (its own words) starts
    a new subset.

    Only the faces after the first (the Chinese ones) are reserved: the Latin face's first
    subset holds ASCII at fixed codes anyway, and its glyphs are few and small.

    Args:
        doc: the canvas's PDF document, before anything is drawn.
        fonts: the letter's font stack. order: from :func:`template_first_order`.
    """
    reserved = {face.name for face in (*fonts.regular[1:], *fonts.bold[1:])}
    for tier in order:
        by_face: dict[str, list[str]] = {}
        for ch in tier:
            name = fonts.face_name(ch)
            if name in reserved:
                by_face.setdefault(name, []).append(ch)
        for name, chars in by_face.items():
            font = pdfmetrics.getFont(name)
            font.splitString("".join(chars), doc)
            _close_subset(font.state[doc])


def _close_subset(state: object) -> None:
    """Fill the current subset's unused codes with .notdef (as ReportLab fills codes 0-31)
    so the next character drawn opens a new subset."""
    code: int = state.nextCode  # type: ignore[attr-defined]
    subsets: list[list[int]] = state.subsets  # type: ignore[attr-defined]
    if code % SUBSET_SIZE == 0 or code >> 8 >= len(subsets):
        return
    current = subsets[code >> 8]
    current.extend([0] * (SUBSET_SIZE - len(current)))
    state.nextCode = ((code >> 8) + 1) * SUBSET_SIZE  # type: ignore[attr-defined]


def memoise_subsets(font: TTFont) -> None:
    """Let the font reuse the subsets it has already built (a batch's letters share most).

    ReportLab embeds each run of up to 256 characters used by a document as a subset it builds
    from the font file every time; letters from one template repeat the same runs (the Latin
    text and digits above all, and the template's Chinese once ``reserve_codes`` has
    ordered them), and building a subset was a third of a letter's build time. The subset
    bytes depend only on the character list, so a cache is exact; so is reusing the deflated
    stream of the same bytes (``memoise_font_streams``).
    """
    build = font.face.makeSubset
    cached = functools.lru_cache(maxsize=256)(lambda subset: build(list(subset)))
    font.face.makeSubset = lambda subset: cached(tuple(subset))
    add_objects = font.face.addSubsetObjects

    def add_subset_objects(doc: PDFDocument, subset_name: str, subset: list[int]) -> object:
        reference = add_objects(doc, subset_name, subset)
        memoise_font_streams(doc, font.face.filename, subset_name)
        return reference

    font.face.addSubsetObjects = add_subset_objects
    add_font_objects = font.addObjects

    def add_objects_memoised(doc: PDFDocument) -> None:
        add_font_objects(doc)
        memoise_widths(doc)

    font.addObjects = add_objects_memoised

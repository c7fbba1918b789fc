"""Reading where a rendered letter's pages break: the body lines of each page (pypdfium2
character boxes, grouped by line) and the paragraphs and lists a page break cuts in two."""

import ctypes
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from app.reports.styles import BOTTOM, LATER_PAGE_TOP, PAGE_HEIGHT

# The body frame of every page: baselines in points from the foot of the page; the footer
# lies below, the running head above.
_BODY_FOOT = BOTTOM - 2
_BODY_HEAD = PAGE_HEIGHT - LATER_PAGE_TOP + 4


@dataclass(frozen=True)
class Cut:
    """A paragraph or list cut by a page break: its text (no white space), the page the cut
    follows (1-based), and how many of its lines stand on each side."""

    text: str
    page: int
    lines_before: int
    lines_after: int


def body_lines(pdf: bytes) -> list[list[str]]:
    """Return each page's body lines, top to bottom, without white space and bullets."""
    pages = []
    for page in pdfium.PdfDocument(pdf):
        text_page = page.get_textpage()
        rows: dict[int, list[tuple[float, str]]] = {}
        for index in range(text_page.count_chars()):
            character = text_page.get_text_range(index, 1)
            if not character.strip() or character == "•":
                continue
            left, baseline = _origin(text_page, index)  # one baseline per line, in any font
            if _BODY_FOOT < baseline < _BODY_HEAD:
                rows.setdefault(round(baseline), []).append((left, character))
        pages.append(["".join(c for _x, c in sorted(rows[y])) for y in sorted(rows, reverse=True)])
    return pages


def _origin(text_page: pdfium.PdfTextPage, index: int) -> tuple[float, float]:
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_c.FPDFText_GetCharOrigin(text_page.raw, index, ctypes.byref(x), ctypes.byref(y))
    return x.value, y.value


def cut_paragraphs(pages: Sequence[Sequence[str]], texts: Sequence[str]) -> list[Cut]:
    """Return the cuts of the paragraphs ``texts`` (printed texts, any white space)."""
    cuts = []
    for text in {"".join(t.split()) for t in texts}:
        for page, (foot, head) in enumerate(itertools.pairwise(pages), start=1):
            cut = _cut(text, foot, head)
            if cut is not None:
                cuts.append(Cut(text, page, *cut))
    return cuts


def _cut(text: str, foot: Sequence[str], head: Sequence[str]) -> tuple[int, int] | None:
    """The lines of ``text`` at the end of ``foot`` and at the start of ``head``, if it is cut."""
    before = max(
        (n for n in range(1, len(foot) + 1) if _starts(text, "".join(foot[-n:]))), default=0
    )
    if not before:
        return None
    rest, printed = text[len("".join(foot[-before:])) :], ""
    for after, line in enumerate(head, start=1):
        printed += line
        if printed == rest or (after == len(head) and rest.startswith(printed)):
            return before, after
        if not rest.startswith(printed):
            return None
    return None


def _starts(text: str, printed: str) -> bool:
    return text.startswith(printed) and text != printed


def cut_lists(pages: Sequence[Sequence[str]], lists: Sequence[Sequence[str]]) -> list[Cut]:
    """Return the cuts of bulleted lists (each a sequence of item texts): the lines of items of
    one list at the foot of a page and at the head of the next."""
    cuts = []
    for items in lists:
        squashed = ["".join(item.split()) for item in items]

        def of_list(line: str, squashed: list[str] = squashed) -> bool:
            return any(line in item for item in squashed)

        for page, (foot, head) in enumerate(itertools.pairwise(pages), start=1):
            before = next((n for n in range(len(foot)) if not of_list(foot[-1 - n])), len(foot))
            after = next((n for n in range(len(head)) if not of_list(head[n])), len(head))
            if before and after:
                cuts.append(Cut("".join(squashed), page, before, after))
    return cuts

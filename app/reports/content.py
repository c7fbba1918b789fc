"""A letter's filled-in text as plain data: paragraphs, headings, item lists and tables.

Everything here is plain text; the layout escapes it when printing, so nothing a requester or a
template editor typed is ever read as ReportLab markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A short bold heading inside the body or an annex (e.g. "一、处理目的")."""

    text: str


@dataclass(frozen=True)
class Items:
    """A list printed one item per line, each with a bullet (e.g. the grounds of a refusal)."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class TableBlock:
    """A table with a header row; cells are plain text and may be thousands of characters long.

    Attributes:
        columns: header texts. rows: cell texts, one tuple per row, as many cells as columns.
        widths: relative column widths (any positive numbers), or ``()`` for equal widths.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()


# A plain string is a body paragraph.
Block = str | Heading | Items | TableBlock


def block_texts(block: Block) -> list[str]:
    """Return every string a block prints (for the glyph check)."""
    if isinstance(block, str):
        return [block]
    if isinstance(block, Heading):
        return [block.text]
    if isinstance(block, Items):
        return list(block.items)
    return [*block.columns, *(cell for row in block.rows for cell in row)]


@dataclass(frozen=True)
class LetterContent:
    """A letter's text, already filled in, in reading order (all plain text).

    Attributes:
        language: ``"zh"`` or ``"en"`` (decides indents, sizes and line spacing).
        title, reference_line, date_line, salutation: single lines ("" to omit).
        facts: (label, value) rows printed as a table after the first paragraph.
        paragraphs: body blocks; a plain string is a paragraph.
        closing: (text, indent in character widths) lines, e.g. ("此致", 2), ("敬礼！", 0).
        signature: sender lines (right-aligned in Chinese, left in English).
        page_number: footer text with ``{page}`` and ``{pages}``.
        annex_title: heading of the annex, which starts on a new page ("" for no annex).
        annex: the annex's blocks (e.g. the copy of the personal information as a table).
        note: a small line under the title (e.g. which text of a bilingual letter prevails).
        fixed_text: what the template prints whatever the case's facts, in two tiers: its
            sentences with every placeholder empty, then also its lists and tables (grounds
            and categories, mostly worded by the terms); used to keep font subsets the same
            across a batch (``subsets``).
    """

    language: str
    title: str
    reference_line: str
    date_line: str
    salutation: str
    facts: tuple[tuple[str, str], ...]
    paragraphs: tuple[Block, ...]
    closing: tuple[tuple[str, float], ...]
    signature: tuple[str, ...]
    page_number: str
    annex_title: str = ""
    annex: tuple[Block, ...] = ()
    note: str = ""
    fixed_text: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def printed_texts(self) -> list[str]:
        """Return every string the letter prints (page numbers with sample digits)."""
        singles = [self.title, self.reference_line, self.date_line, self.salutation]
        facts = [text for row in self.facts for text in row]
        blocks = [text for block in self.paragraphs + self.annex for text in block_texts(block)]
        closing = [text for text, _indent in self.closing]
        pages = self.page_number.format(page=1234567890, pages=1234567890)
        return [
            *singles,
            *facts,
            *blocks,
            *closing,
            *self.signature,
            self.annex_title,
            self.note,
            pages,
        ]

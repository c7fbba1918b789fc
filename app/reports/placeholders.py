"""Records print every character: one no font can draw is shown as its code point.

A letter is refused when a character has no glyph (``FontStack.check_printable``): a name must
never be misprinted to the person it addresses. A record is different. The case file is what a
regulator, a court or the data subject gets (PIPL Art. 45, 50; GDPR Art. 15, 30), the
dashboard report and the retention certificates are the controller's own evidence (PIPL
Art. 54; GDPR Art. 5(2)): each must always be produced, whatever a requester typed into a
name, a subject or a file name, and must not silently lose a character either. So in a record
each character no font on this computer can draw (typically colour emoji, which no embeddable
font has: ``system_fonts``) prints as a visible placeholder, ``[U+1F469]``, and a note under
the title lists them once. Invisible characters (joiners, variation selectors: ``invisible``)
need no glyph and are kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from app.reports.content import Block, Heading, Items, LetterContent, TableBlock
from app.reports.fonts import FontStack
from app.reports.letterhead import Letterhead

_NOTE = {
    "zh": "本计算机上没有字体能显示的字符以方括号中的 Unicode 码位标出（如 [U+1F469]）：{codes}。",
    "en": "Characters no font on this computer can draw are shown as their Unicode code point in"
    " brackets (e.g. [U+1F469]): {codes}.",
}
_SEPARATOR = {"zh": "、", "en": ", "}


@dataclass(frozen=True)
class Placeholders:
    """The characters a record shows as placeholders.

    Attributes:
        code_points: the characters no font can draw, as sorted ``"U+XXXX"`` strings (at
            least four hex digits, as ``FontStack.missing_code_points`` gives them); empty
            when every character prints.
    """

    code_points: tuple[str, ...]

    def shown(self, text: str) -> str:
        """Return ``text`` with each character no font can draw written as ``[U+XXXX]``.

        Args:
            text: plain text of the record.
        """
        if not self.code_points:
            return text
        missing = frozenset(self.code_points)
        return "".join(
            f"[{code}]" if (code := f"U+{ord(ch):04X}") in missing else ch for ch in text
        )

    def note(self, language: str) -> str:
        """Return the note that lists the placeholders, in ``language`` (``"zh"`` or ``"en"``;
        any other is written in English); ``""`` when there are none."""
        if not self.code_points:
            return ""
        key = language if language in _NOTE else "en"
        return _NOTE[key].format(codes=_SEPARATOR[key].join(self.code_points))

    def record(
        self, content: LetterContent, letterhead: Letterhead
    ) -> tuple[LetterContent, Letterhead]:
        """Return ``content`` and ``letterhead`` with every printed string ``shown`` and the
        ``note`` added under the title (after a note the record already has); both
        unchanged when every character prints."""
        if not self.code_points:
            return content, letterhead
        note = "\n".join(
            part for part in (self.shown(content.note), self.note(content.language)) if part
        )
        shown_content = replace(
            content,
            title=self.shown(content.title),
            reference_line=self.shown(content.reference_line),
            date_line=self.shown(content.date_line),
            salutation=self.shown(content.salutation),
            facts=tuple((self.shown(a), self.shown(b)) for a, b in content.facts),
            paragraphs=tuple(self._block(block) for block in content.paragraphs),
            closing=tuple((self.shown(text), indent) for text, indent in content.closing),
            signature=tuple(self.shown(line) for line in content.signature),
            page_number=self.shown(content.page_number),
            annex_title=self.shown(content.annex_title),
            annex=tuple(self._block(block) for block in content.annex),
            note=note,
            fixed_text=tuple(self.shown(text) for text in content.fixed_text),
        )
        return shown_content, letterhead.with_texts(self.shown)

    def _block(self, block: Block) -> Block:
        if isinstance(block, str):
            return self.shown(block)
        if isinstance(block, Heading):
            return Heading(self.shown(block.text))
        if isinstance(block, Items):
            return Items(tuple(self.shown(item) for item in block.items))
        rows = tuple(tuple(self.shown(cell) for cell in row) for row in block.rows)
        return TableBlock(tuple(self.shown(c) for c in block.columns), rows, block.widths)


def placeholders_for(texts: Iterable[str], fonts: FontStack) -> Placeholders:
    """Find the characters of ``texts`` that no font can draw.

    Args:
        texts: every string the record prints. fonts: the record's font stack; faces of the
            computer are borrowed first (``FontStack.unprintable``), so only what no installed
            font has becomes a placeholder.

    Returns:
        The ``Placeholders`` of the record.

    Raises:
        FontLoadError: a shipped font file is missing or damaged.
    """
    return Placeholders(tuple(fonts.unprintable(list(texts))))


def record_with_placeholders(
    content: LetterContent, letterhead: Letterhead, fonts: FontStack
) -> tuple[LetterContent, Letterhead]:
    """Return a record's ``content`` and ``letterhead`` ready to print with ``fonts``: each
    character no font can draw shown as ``[U+XXXX]`` and listed in a note under the title
    (``Placeholders.record``).

    Raises:
        FontLoadError: a shipped font file is missing or damaged.
    """
    texts = [*content.printed_texts(), *letterhead.printed_texts()]
    return placeholders_for(texts, fonts).record(content, letterhead)

"""The benchmark's baseline letters: a filled-in letter written as a Word ``.docx`` file.

The same text, in the same order and fonts, as the PDF letter (letterhead, reference and date,
title, salutation, key-facts table, body, closing, signature, page numbers), so LibreOffice
lays out what Privacy Desk lays out. Uses python-docx (the benchmark's own dependency).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from app.reports.content import Heading, Items, LetterContent, TableBlock
from app.reports.letterhead import Letterhead

LATIN_FONT, CJK_FONT = "Noto Sans", "WenQuanYi Micro Hei"


def _fonts(document: DocxDocument) -> None:
    style = document.styles["Normal"]
    style.font.name, style.font.size = LATIN_FONT, Pt(11)
    # The PDF letter's measures (app.reports.styles): 11 pt on 20 pt, A4, 25 mm margins.
    style.paragraph_format.line_spacing = Pt(20)
    style.paragraph_format.space_after = Pt(9)
    fonts = style.element.rPr.rFonts  # the East Asian face is a separate attribute in Word
    fonts.set(qn("w:eastAsia"), CJK_FONT)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(24), Mm(22)


def _page_numbers(document: DocxDocument, template: str) -> None:
    """Footer "第 {page} 页 共 {pages} 页" with Word PAGE and NUMPAGES fields."""
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, rest = template.split("{page}", 1)
    middle, after = rest.split("{pages}", 1)
    footer.add_run(before)
    _field(footer, "PAGE")
    footer.add_run(middle)
    _field(footer, "NUMPAGES")
    footer.add_run(after)


def _field(paragraph: object, code: str) -> None:
    run = paragraph.add_run()  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, code), ("end", None)):
        element = OxmlElement("w:fldChar" if kind else "w:instrText")
        if kind:
            element.set(qn("w:fldCharType"), kind)
        else:
            element.text = text
        run._r.append(element)


def _table(document: DocxDocument, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=0, cols=len(header) or len(rows[0]))
    table.style = "Table Grid"
    for row in ([header] if header else []) + rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _block(document: DocxDocument, block: object) -> None:
    if isinstance(block, str):
        document.add_paragraph(block).paragraph_format.first_line_indent = Pt(21)
    elif isinstance(block, Heading):
        document.add_paragraph().add_run(block.text).bold = True
    elif isinstance(block, Items):
        for item in block.items:
            document.add_paragraph(f"• {item}")
    elif isinstance(block, TableBlock):
        _table(document, block.columns, list(block.rows))


def write_docx(content: LetterContent, letterhead: Letterhead, path: Path) -> Path:
    """Write ``content`` as a .docx letter at ``path``; return ``path``."""
    document = Document()
    _fonts(document)
    document.add_paragraph().add_run(letterhead.name_for(content.language)).bold = True
    document.add_paragraph(letterhead.address_for(content.language))
    for line in (content.reference_line, content.date_line):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title_run = title.add_run(content.title)
    title_run.bold, title_run.font.size = True, Pt(16)
    document.add_paragraph(content.salutation)
    for index, block in enumerate(content.paragraphs):
        _block(document, block)
        if index == 0 and content.facts:
            _table(document, (), list(content.facts))
    for text, _indent in content.closing:
        document.add_paragraph(text)
    for line in content.signature:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _page_numbers(document, content.page_number)
    document.save(str(path))
    return path

"""Right-to-left order (UAX #9) and HarfBuzz shaping of the lines of a letter.

Expected orders are worked out by hand from the Unicode Bidirectional Algorithm (UAX #9) for a
left-to-right paragraph; expected Arabic glyph forms from the Unicode Arabic Presentation
Forms-B names of the joined letters (e.g. U+FEE3 ARABIC LETTER MEEM INITIAL FORM). Fonts come
from ``tests/reports/fonts`` (Noto subsets), never from the machine.
"""

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus.paraparser import ParaFrag

from app.reports import AcknowledgementFacts, render_acknowledgement
from app.reports.fonts import LetterFont, default_font_stack, load_font, use_system_fonts
from app.reports.letter_paragraph import LetterParagraph
from app.reports.letterhead import default_letterhead
from app.reports.linebreak import _glyph
from app.reports.shaping import (
    needs_shaping,
    run_width,
    shaped_advances,
    shaped_words,
    visual_order,
    visual_text,
)
from app.reports.system_fonts import SystemFontFinder
from tests.reports.pdf_reading import read_pdf

TEST_FONTS = Path(__file__).parent / "fonts"


def _face(script: str) -> LetterFont:
    return load_font(f"PD-Test-{script}", TEST_FONTS / f"NotoSans{script}-TestSubset.ttf")


def _frag(font_name: str, size: float = 11.0) -> Any:
    return ParaFrag(fontName=font_name, fontSize=size, text="", rise=0)


def _glyph_names(text: str, font_name: str) -> list[str]:
    font = getFont(font_name)
    names = font.hbFont(11).glyph_to_string
    return [names(font.face.charToGlyph[ord(ch)]) for ch in text]


def test_only_scripts_that_need_it_are_shaped() -> None:
    for plain in "aÅЖΩԱ张，😀𠀀1 ":
        assert not needs_shaping(plain), plain
    for complex_ in ("م", "ד", "ส", "र", "٣", "ܐ", "ཀ"):  # Arabic-Indic digit: bidi class AN
        assert needs_shaping(complex_), complex_


def test_hebrew_in_a_latin_line_is_reversed_in_place() -> None:
    # a b _ א ב ג _ c d: the Hebrew letters get level 1, the spaces between L and R stay at
    # the paragraph level 0 (N1/N2), so only indices 3..5 are reversed (L2).
    assert visual_order("ab אבג cd") == [
        (0, 0), (1, 0), (2, 0), (5, 1), (4, 1), (3, 1), (6, 0), (7, 0), (8, 0),
    ]  # fmt: skip


def test_numbers_after_hebrew_keep_their_order_inside_the_reversed_run() -> None:
    # א ב _ 1 2: the digits (EN) get level 2 (I2), the space between R and EN level 1 (N1:
    # EN counts as R); reversing level >= 2 then >= 1 gives 3 4 2 1 0: "12 בא".
    assert visual_order("אב 12") == [(3, 2), (4, 2), (2, 1), (1, 1), (0, 1)]


def test_latin_and_chinese_lines_are_left_alone() -> None:
    frag = _frag(default_font_stack().base_font)
    assert shaped_words([_glyph(ch, frag) for ch in "Dear 张三 (PD-2026-000123)"]) is None


def test_an_arabic_name_is_joined_and_set_right_to_left() -> None:
    face = _face("Arabic")
    frag = _frag(face.name)
    words = shaped_words([_glyph(ch, frag) for ch in "محمد علي"])
    assert words is not None and len(words) == 1
    # Left to right on the page: علي (yeh final, lam medial, ain initial), a space, then
    # محمد (dal final, meem medial, hah medial, meem initial): read right to left, محمد علي.
    assert _glyph_names(words[0][1], face.name) == [
        "uniFEF2", "uniFEE0", "uniFECB", "space", "uniFEAA", "uniFEE4", "uniFEA4", "uniFEE3",
    ]  # fmt: skip
    assert run_width(words[0][1], frag) == pytest.approx(40.71 * 1.1, abs=0.01)


def test_a_conjunct_in_devanagari_is_formed() -> None:
    face = _face("Devanagari")
    frag = _frag(face.name)
    words = shaped_words([_glyph(ch, frag) for ch in "क्षमा"])  # KA VIRAMA SSA MA AA
    assert words is not None
    assert _glyph_names(words[0][1], face.name) == ["kassadeva", "madeva", "aavowelsigndeva"]


def test_mixed_faces_are_ordered_run_by_run() -> None:
    latin, hebrew = _frag(default_font_stack().base_font), _frag(_face("Hebrew").name)
    glyphs = [_glyph(ch, latin) for ch in "Dear "] + [_glyph(ch, hebrew) for ch in "דוד"]
    glyphs += [_glyph(ch, latin) for ch in ", ok"]
    words = shaped_words(glyphs)
    assert words is not None
    assert [(frag is hebrew, str(text)) for frag, text in words] == [
        (False, "Dear "),
        (True, "דוד"[::-1]),
        (False, ", ok"),
    ]


def test_a_letter_prints_an_arabic_name_joined(facts: AcknowledgementFacts) -> None:
    previous = use_system_fonts(SystemFontFinder(folders=(TEST_FONTS,), use_fontconfig=False))
    try:
        name = "محمد علي"
        pdf = render_acknowledgement(
            replace(facts, requester_name=name), "en", default_letterhead()
        )
        arabic = next(
            face for face in default_font_stack().system.faces if ord("م") in face.code_points
        )
    finally:
        use_system_fonts(previous)
    salutation = next(line for line in read_pdf(pdf)[0][0].splitlines() if "Dear" in line)
    # ReportLab maps the joined forms to private-use codes in the PDF's text layer.
    assert salutation.startswith("Dear ") and salutation.endswith(",")
    assert len(salutation) == len("Dear ") + len(name) + 1
    assert "NotoSansArabic-Regular" in {font.base_font.split("+")[-1] for font in read_pdf(pdf)[1]}
    assert arabic.path.name == "NotoSansArabic-TestSubset.ttf"


def test_a_chart_label_can_be_drawn_joined() -> None:
    face = _face("Arabic")
    label = visual_text("محمد", face.name, 7.5)
    assert _glyph_names(label, face.name) == ["uniFEAA", "uniFEE4", "uniFEA4", "uniFEE3"]
    assert visual_text("王芳", default_font_stack().base_font, 7.5) == "王芳"


def test_arabic_lines_are_measured_as_printed_and_fill_the_width() -> None:
    face = _face("Arabic")
    advances = shaped_advances("محمد علي", face.name, 11)
    frag = _frag(face.name)
    word = shaped_words([_glyph(ch, frag) for ch in "محمد علي"])
    assert word is not None and len(advances) == 8
    assert sum(advances) == pytest.approx(run_width(word[0][1], word[0][0]))
    style = ParagraphStyle("t", fontName=face.name, fontSize=11, leading=16, wordWrap="CJK")
    paragraph = LetterParagraph.from_runs(((face.name, "محمد علي " * 40),), style)
    paragraph.wrap(200, 1000)
    lines = paragraph.blPara.lines
    widest_word = sum(shaped_advances("محمد", face.name, 11)) + sum(advances[4:5])
    assert len(lines) > 3
    for line in lines[:-1]:  # every full line ends within a word's width of the margin
        assert 200 - widest_word - 0.01 <= line.currentWidth <= 200 + 1e-6
        printed = sum(run_width(w.text, w) for w in line.words)
        assert printed == pytest.approx(line.currentWidth)

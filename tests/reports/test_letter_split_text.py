"""Free text taller than a page (an address or a finding of many lines) split over pages: the
part on the next page keeps the line breaks typed in it and the order of right-to-left words,
and no page is left blank. Rendered for real and read back (pypdfium2 baselines,
``page_breaks.body_lines``); the split itself through ReportLab's ``Paragraph.split``.
"""

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from app.reports import default_letterhead, render_letter
from app.reports.fonts import default_font_stack, load_font, use_system_fonts
from app.reports.letter_paragraph import LetterParagraph
from app.reports.letter_rows import Correction
from app.reports.styles import FRAME_WIDTH, letter_styles
from app.reports.system_fonts import SystemFontFinder
from tests.reports import samples
from tests.reports.page_breaks import body_lines

TEST_FONTS = Path(__file__).parent / "fonts"
# 80 lines, each "第N行 Line N Road": far taller than one page in any letter.
TALL = "\n".join(f"第{i}行 Line {i} Road" for i in range(1, 81))
LINES = ["".join(f"第{i}行 Line {i} Road".split()) for i in range(1, 81)]


@pytest.fixture(autouse=True)
def test_fonts() -> Iterator[None]:
    previous = use_system_fonts(SystemFontFinder(folders=(TEST_FONTS,), use_fontconfig=False))
    yield
    use_system_fonts(previous)


def _printed(pdf: bytes) -> list[list[str]]:
    pages = body_lines(pdf)
    assert all(pages), "a page without a body line"
    return pages


@pytest.mark.parametrize("language", ["zh", "en", "zh+en"])
@pytest.mark.parametrize(
    ("key", "facts"),
    [
        ("identity_request", replace(samples.IDENTITY, proofs=(TALL,))),
        ("correction_done", replace(samples.CORRECTION, corrections=(Correction("地址", TALL),))),
        ("complaint_response", replace(samples.COMPLAINT, findings=(TALL,))),
    ],
)
def test_a_text_split_over_pages_keeps_each_of_its_lines(
    key: str, facts: object, language: str
) -> None:
    kind, _sample = samples.SAMPLES[key]
    pages = _printed(render_letter(kind, facts, language, default_letterhead()))
    printed = [line for page in pages for line in page]
    for line in LINES[1:]:  # the first shares its line with a bullet or the table's first cell
        assert any(row == line or row.endswith(line) for row in printed), line


def test_a_right_to_left_paragraph_split_over_pages_keeps_its_words_in_order() -> None:
    # The part after a page split is broken into lines again: it must be the text as written
    # (logical order), not the drawn words (visual order, reversed a second time).
    load_font("PD-Test-Arabic", TEST_FONTS / "NotoSansArabic-TestSubset.ttf")
    style = letter_styles("en", default_font_stack()).body
    text = "".join(f"محمد {i} علي " for i in range(40))
    runs = tuple(
        ("PD-Test-Arabic", part) if part[0] in "مع" else ("PD-NotoSans", part)
        for part in _script_runs(text)
    )
    paragraph = LetterParagraph.from_runs(runs, style)
    _width, height = paragraph.wrap(FRAME_WIDTH, 10_000)
    first, rest = paragraph.split(FRAME_WIDTH, height / 2)
    assert "".join(f.text for f in first.frags) + "".join(f.text for f in rest.frags) == text


def _script_runs(text: str) -> list[str]:
    """Split ``text`` into runs of Arabic letters (with their spaces) and of the rest."""
    runs: list[str] = []
    for ch in text:
        arabic = "\u0600" <= ch <= "\u06ff"
        if runs and (ch == " " or ("\u0600" <= runs[-1][0] <= "\u06ff") == arabic):
            runs[-1] += ch
        else:
            runs.append(ch)
    return runs

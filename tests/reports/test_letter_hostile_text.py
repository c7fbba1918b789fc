"""Hostile names and free text in letters: bidi controls and isolates, invisible format
characters, names pasted with line breaks, markup-like text, 200 characters without a space.
Rendered for real and read back (pypdf text; pypdfium2 character boxes); fonts are the bundled
ones plus the Noto test subsets of ``tests/reports/fonts``, never the machine's.

Expected orders are worked out from UAX #9 for a left-to-right paragraph: inside an override
(RLO, U+202E) every character is right to left, so "Ahmed" prints as "demhA"; the value's own
override ends with the value, so the letter's words after it print as written.
"""

import ctypes
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from app.models.enums import CaseKind, PartyRole
from app.reports import AcknowledgementFacts, default_letterhead, render_acknowledgement
from app.reports import render_letter as render
from app.reports.facts import Addressee
from app.reports.fonts import use_system_fonts
from app.reports.styles import MARGIN_X, PAGE_WIDTH
from app.reports.system_fonts import SystemFontFinder
from tests.reports import samples
from tests.reports.pdf_reading import read_pdf, squash

TEST_FONTS = Path(__file__).parent / "fonts"
LANGUAGES = ("zh", "en", "zh+en")
ARABIC = "محمد"  # in the Arabic test subset
# The agent sentence of the identity request, after the name (en template).
AFTER_NAME = "as their authorised agent, and we therefore reply to you."


@pytest.fixture(autouse=True)
def test_fonts() -> Iterator[None]:
    previous = use_system_fonts(SystemFontFinder(folders=(TEST_FONTS,), use_fontconfig=False))
    yield
    use_system_fonts(previous)


def _identity(name: str, language: str = "en") -> bytes:
    case = samples.case(
        CaseKind.ACCESS, addressee=Addressee(name, PartyRole.AUTHORISED_AGENT), subject_name=name
    )
    return render(
        samples.IDENTITY_REQUEST,
        replace(samples.IDENTITY, case=case),
        language,
        default_letterhead(),
    )


def _text(pdf: bytes) -> str:
    return "".join(read_pdf(pdf)[0])


def test_an_unclosed_override_in_a_name_does_not_reverse_the_letter_after_it() -> None:
    # RLO أحمد… with no PDF: the override must end with the name. Without that, everything
    # after it on the line (", as their authorised agent") would print reversed.
    text = squash(_text(_identity(f"\u202e{ARABIC} Ahmed")))
    assert squash(AFTER_NAME) in text
    assert "demhA" in text  # the override itself is honoured inside the name (UAX #9 X4)


def test_an_override_in_a_latin_name_is_applied_and_never_drawn() -> None:
    # A line of Latin letters only is put through the bidi algorithm too: the control orders
    # the name and is dropped (X9), not drawn as a glyph of its own.
    text = _text(_identity("\u202eAhmed Smith"))
    assert "\u202e" not in text
    assert "htimS demhA" in text
    assert squash(AFTER_NAME) in squash(text)


def test_an_override_goes_on_over_the_lines_of_a_wrapped_name() -> None:
    # UAX #9 resolves levels over the paragraph: an override broken over lines reverses
    # every line of it, not only the first ("abcdefgh" prints as "hgfedcba" throughout).
    text = squash(_text(_identity("\u202e" + "abcdefgh " * 30)))
    assert text.count("hgfedcba") == 2 * 30  # the salutation and the agent sentence
    assert "abcdefgh" not in text
    assert squash(AFTER_NAME) in text


def test_a_name_with_bidi_isolates_prints() -> None:
    # RLI محمد 12 PDI, then FSI abc (never closed): the isolate is right to left, so its
    # digits stand left of the Arabic word; python-bidi alone fails on isolates (AssertionError).
    text = squash(_text(_identity(f"Ali \u2067{ARABIC} 12\u2069 Bob \u2068abc")))
    assert "Ali12" in text and "Bobabc" in text
    assert squash(AFTER_NAME) in text


@pytest.mark.parametrize(
    "mark",
    [
        "\u061c",  # ARABIC LETTER MARK: no bundled face has it; it must not refuse the letter
        "\u200b",  # ZERO WIDTH SPACE
        "\u200d",  # ZERO WIDTH JOINER
        "\u2060",  # WORD JOINER
        "\u200e",  # LEFT-TO-RIGHT MARK
    ],
)
def test_invisible_format_characters_are_neither_required_nor_drawn(mark: str) -> None:
    text = _text(_identity(f"Zhang{mark}San"))
    assert "ZhangSan" in text
    assert mark not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_name_pasted_with_line_breaks_is_printed_on_one_line(language: str) -> None:
    lines = "\r\n".join(f"第{i}行 Line {i} Road" for i in range(1, 16)) + "\u2028End"
    text = _text(_identity(lines, language))
    rows = [squash(row) for row in text.splitlines()]
    # Every sentence naming the agent holds line 1 and line 2 on one printed line.
    assert any("Line1Road第2行Line2Road" in row for row in rows)
    assert not any(row.startswith(("第2行", "Dear第1行Line1Road,")) for row in rows)
    assert "\u2028" not in text


def test_an_acknowledgement_name_with_line_breaks_is_on_one_line() -> None:
    facts = AcknowledgementFacts(
        reference="PD-2026-000123",
        kind=CaseKind.ACCESS,
        requester_name="Zhang\nSan",
        received_date=samples.RECEIVED,
        due_date=None,
        due_provisional=False,
        issued_date=samples.ISSUED,
        jurisdiction="CN",
    )
    text = _text(render_acknowledgement(facts, "en", default_letterhead()))
    assert "Dear Zhang San," in text


MIXED = ("张三Zhang李四Li王五Wang赵六Zhao" * 8)[:200]
MARKUP = "<b>x</b> &amp; %s {0} {reference} <br/> <font name='Courier'>c</font> &lt;"


def _printed_inside_margins(pdf: bytes) -> list[tuple[int, str, float]]:
    """Return every printed character whose box passes a side margin (page, char, x)."""
    outside = []
    for number, page in enumerate(pdfium.PdfDocument(pdf), start=1):
        text_page = page.get_textpage()
        for index in range(text_page.count_chars()):
            left, right = _box(text_page, index)
            if left < MARGIN_X - 1 or right > PAGE_WIDTH - MARGIN_X + 1:
                outside.append((number, text_page.get_text_range(index, 1), right))
    return outside


def _box(text_page: Any, index: int) -> tuple[float, float]:
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    pdfium_c.FPDFText_GetCharBox(
        text_page.raw, index, *(ctypes.byref(v) for v in (left, right, bottom, top))
    )
    return left.value, right.value


@pytest.mark.parametrize("key", sorted(samples.SAMPLES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_letter_prints_a_long_mixed_name_and_markup_literally_inside_its_margins(
    key: str, language: str
) -> None:
    kind, sample = samples.SAMPLES[key]
    name = f"{MIXED}{MARKUP}"
    case = replace(
        sample.case, subject_name=name, addressee=Addressee(name, PartyRole.AUTHORISED_AGENT)
    )
    pdf = render(kind, replace(sample, case=case), language, default_letterhead())
    assert squash(name) in squash(_text(pdf))
    assert _printed_inside_margins(pdf) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_letterhead_address_in_a_right_to_left_script_over_several_lines_prints(
    language: str,
) -> None:
    # QA15 L2: an Arabic or Hebrew line in the letterhead's address (Settings accepts it) made
    # every letter fail with "ord() expected a character": a line break reached the shaping
    # of a right-to-left run as an empty character.
    letterhead = replace(
        default_letterhead(),
        address=f"浙江省杭州市\n{ARABIC} علي\nדוד 12",
        address_en=f"Hangzhou\n{ARABIC} علي\nדוד 12",
    )
    pdf = render(samples.IDENTITY_REQUEST, samples.IDENTITY, language, letterhead)
    text = squash(_text(pdf))
    # Hebrew needs no joining: read back as written; the shaped Arabic line reads back as its
    # glyphs, not its letters (pypdf maps no shaped glyph back).
    assert "דוד12" in text or "12דוד" in text

"""A requester whose recorded name carries emoji still gets every letter: the pictographs no
font can print are left out of the name (``app.reports.printable_names``), while a character
of the name itself that no font has (CJK Extension B) still stops the letter. The tests run on
the bundled fonts only (``tests.reports.system_font_isolation``), which have no emoji."""

from datetime import date

import pytest

from app.errors import MissingGlyphsError
from app.models.enums import CaseKind
from app.reports.case_letters import render_case_letter
from app.reports.printable_names import printable_name
from app.services.letters import LetterContext
from tests.reports.pdf_reading import read_pdf, squash


@pytest.mark.parametrize(
    ("name", "printed"),
    [
        ("evil Bob 🙂 O'Brien", "evil Bob O'Brien"),
        ("👨\u200d👩\u200d👧 Li Family", "Li Family"),  # a ZWJ family sequence, joiners and all
        ("Ana 👍🏽 Silva", "Ana Silva"),  # a skin-tone modifier (Sk)
        # a flag: the black flag and its tag characters (Wales)
        ("Ann 🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f Jones", "Ann Jones"),
        ("🙂", None),  # nothing left: the neutral salutation
        ("刘䶮𠀀", "刘䶮𠀀"),  # an ideograph is part of the name: kept, and refused later
        ("मनोज्\u200dकुमार", "मनोज्\u200dकुमार"),  # a joiner between letters is kept
        ("王芳", "王芳"),
        (None, None),
    ],
)
def test_only_unprintable_pictographs_are_left_out_of_a_name(
    name: str | None, printed: str | None
) -> None:
    assert printable_name(name) == printed


def _context(name: str) -> LetterContext:
    return LetterContext(
        reference="PD-2026-000011",
        kind=CaseKind.DELETION,
        jurisdiction="CN",
        requester_name=name,
        requester_email="bob@example.com",
        received_date=date(2026, 11, 2),
        due_date=date(2026, 11, 23),
        due_provisional=False,
        issued_date=date(2026, 11, 3),
    )


@pytest.mark.parametrize("template", ["acknowledgement", "identity_request"])
@pytest.mark.parametrize("language", ["en", "zh", "zh+en"])
def test_a_name_with_emoji_gets_its_letters_without_them(template: str, language: str) -> None:
    rendered = render_case_letter(template, language, _context("evil Bob 🙂 O'Brien"))
    text = squash("".join(read_pdf(rendered.pdf)[0]))
    assert squash("evil Bob O'Brien") in text


def test_an_ideograph_no_font_has_still_stops_the_letter() -> None:
    with pytest.raises(MissingGlyphsError, match="U\\+20000"):
        render_case_letter("acknowledgement", "zh", _context("刘䶮𠀀"))

"""The one stored form of a phone number (``contact_points.normalise_phone``) and the forms the
case search looks under (``phone_forms``): every way a mainland number is written, with or
without +86 / 0086 / 86, separators or full-width digits, is stored and found as one number;
other countries' numbers keep "+" and their country code (E.164, ITU-T E.164 §6)."""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case, IdentifierKind
from app.services.case_search import CaseQuery, search_cases
from app.services.contact_points import normalise_phone, phone_forms
from app.services.deadlines import load_rule_book
from app.services.importing import ImportOutcome, import_paths
from app.store import Database

QA_MAILS = Path(__file__).parent / "intake" / "qa_mails"

MOBILE = [
    "13800138000",
    "138 0013 8000",
    "138-0013-8000",
    "138.0013.8000",
    "(138) 0013 8000",
    "+8613800138000",
    "+86 138 0013 8000",
    "+86-138-0013-8000",
    "(+86) 138 0013 8000",
    "0086 138 0013 8000",
    "0086-13800138000",
    "86 138 0013 8000",
    "８６１３８００１３８０００",  # full-width digits
    "＋８６ １３８－００１３－８０００",
    "138\u20110013\u20138000",  # non-breaking hyphen, en dash
    "١٣٨٠٠١٣٨٠٠٠",  # Arabic-Indic digits
    "\u00a0138 0013 8000\u3000",
]


@pytest.mark.parametrize("written", MOBILE)
def test_a_mainland_mobile_number_has_one_stored_form(written: str) -> None:
    assert normalise_phone(written) == "13800138000"


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("010-1234 5678", "01012345678"),  # Beijing landline, national form
        ("+86 10 1234 5678", "01012345678"),
        ("0086 755 1234 5678", "075512345678"),  # Shenzhen
        ("+86 (0)755 1234 5678", "075512345678"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+44 (0)20 7946 0958", "+442079460958"),  # the "(0)" is not dialled
        ("0044 20 7946 0958", "+442079460958"),
        ("+49 30 1234567", "+49301234567"),
        ("+49 (0) 30 123 45 67", "+49301234567"),
        ("+1 (555) 123-4567", "+15551234567"),
        ("+852 9123 4567", "+85291234567"),  # Hong Kong keeps its own country code
        ("+886 912 345 678", "+886912345678"),
        ("02-2345-6789", "0223456789"),  # no country code: kept as written
    ],
)
def test_other_numbers_are_stored_e164_like(written: str, stored: str) -> None:
    assert normalise_phone(written) == stored


@pytest.mark.parametrize(
    "text", ["", "1234", "call me", "138 0013 8000 ext", "+", "123456789012345678901", "%s"]
)
def test_what_is_no_phone_number_gives_none(text: str) -> None:
    assert normalise_phone(text) is None


@pytest.mark.parametrize("written", MOBILE)
def test_every_form_of_a_mobile_number_searches_its_stored_form(written: str) -> None:
    typed = normalise_phone(written)
    assert typed is not None
    assert "13800138000" in phone_forms(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("+86 138", "13800138000"),  # a prefix, as typed into the search box
        ("0086 1380013", "13800138000"),
        ("138001", "13800138000"),
        ("+86 10 1234", "01012345678"),
        ("+86 10 1234 5678", "01012345678"),
        ("010 1234", "01012345678"),
    ],
)
def test_a_typed_prefix_finds_the_stored_number(typed: str, stored: str) -> None:
    normalised = normalise_phone(typed)
    assert normalised is not None
    assert any(stored.startswith(form) for form in phone_forms(normalised))


def test_search_forms_stay_within_three() -> None:
    # case_search_matching has three phone ranges (phone, phone1, phone2).
    for written in [*MOBILE, "+86 10 1234 5678", "+44 20 7946 0958", "+86 138"]:
        normalised = normalise_phone(written)
        assert normalised is not None
        assert len(phone_forms(normalised)) <= 3


@pytest.mark.parametrize(
    ("mail", "stored", "searches"),
    [
        ("s1.eml", "13800138000", ["13800138000", "+8613800138000", "138-0013-8000", "0086 138"]),
        ("s2.eml", "13900001111", ["13900001111", "+86 139-0000-1111", "139 0000"]),
        ("s3.eml", "+49301234567", ["+49 30 1234567", "0049 30 123"]),
        ("h10-marker.eml", "13912345678", ["+86 139 1234 5678", "13912345678"]),
    ],
)
def test_an_imported_number_is_found_by_every_written_form(
    database: Database, mail: str, stored: str, searches: list[str]
) -> None:
    report = import_paths(database.session, [QA_MAILS / mail], load_rule_book())
    assert report.count(ImportOutcome.IMPORTED) == 1
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        assert case.subject is not None
        assert case.subject.identifier(IdentifierKind.PHONE) == stored
        for typed in searches:
            page = search_cases(session, CaseQuery(date(2026, 11, 30), text=typed))
            assert [row.reference for row in page.rows] == [case.reference], typed

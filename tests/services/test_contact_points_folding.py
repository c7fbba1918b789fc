"""The folded form an identifier is searched by (``app.models.identifier_folding``): every kind
caseless (NFKC, case-folded), a phone number its national significant number (ITU-T E.164:
without country code and trunk prefix), and the national forms a typed number can start
(``contact_points.national_search_forms``), worked through for several countries."""

import pytest

from app.models.identifier_folding import (
    MAX_FOLDED_LENGTH,
    country_codes,
    fold_text,
    folded_identifier,
)
from app.services.contact_points import national_search_forms, normalise_phone


@pytest.mark.parametrize(
    ("kind", "value", "folded"),
    [
        ("account_id", "ＡＢＣ_User", "abcuser"),  # full-width letters, no separator
        ("account_id", "Li_Si_2020", "lisi2020"),
        ("account_id", "ACCT-778899", "acct778899"),
        # Account IDs lose every separator (dashes, minus signs, "_", dots, spaces).
        ("account_id", "xuyun-88231", "xuyun88231"),
        ("account_id", "ｘｕｙｕｎ－８８２３１", "xuyun88231"),  # full-width hyphen U+FF0D
        ("account_id", "XUYUN 88231", "xuyun88231"),
        ("account_id", "xuyun\u3000\u00a088231", "xuyun88231"),  # ideographic, no-break
        ("account_id", "xuyun\u201088231", "xuyun88231"),  # hyphen U+2010
        ("account_id", "xuyun\u201188231", "xuyun88231"),  # non-breaking hyphen U+2011
        ("account_id", "xuyun\u201288231", "xuyun88231"),  # figure dash U+2012
        ("account_id", "xuyun\u201388231", "xuyun88231"),  # en dash U+2013
        ("account_id", "xuyun\u201488231", "xuyun88231"),  # em dash U+2014
        ("account_id", "xuyun\u201588231", "xuyun88231"),  # horizontal bar U+2015
        ("account_id", "xuyun\u221288231", "xuyun88231"),  # minus sign U+2212
        ("account_id", "xuyun\u00ad88231", "xuyun88231"),  # soft hyphen, invisible
        ("account_id", "u_12345", "u12345"),
        ("account_id", "User.Name", "username"),
        ("account_id", "王·芳・88", "王芳88"),  # middle dot U+00B7, katakana U+30FB
        ("account_id", "wang。fang", "wangfang"),  # ideographic full stop (a Chinese IME's)
        ("account_id", "CN/2020+1", "cn/2020+1"),  # other punctuation is kept
        ("account_id", "a-\u0301", "\u00e1"),  # a mark after a separator joins its letter
        ("email", "li.na-x@example.com", "li.na-x@example.com"),  # an address keeps them
        ("account_id", "Straße", "strasse"),  # case folding, not lower-casing
        ("account_id", "ΣΊΣΥΦΟΣ", "σίσυφοσ"),  # final sigma folded like any sigma
        ("account_id", "ｱｶｳﾝﾄ", "アカウント"),  # half-width katakana: NFKC
        ("email", "Zhang.Wei@example.com", "zhang.wei@example.com"),
        # Phones: the national significant number.
        ("phone", "+819012345678", "9012345678"),  # Japan, mobile 090-1234-5678
        ("phone", "+447700900123", "7700900123"),  # UK, mobile 07700 900123
        ("phone", "+4915112345678", "15112345678"),  # Germany, mobile 0151 12345678
        ("phone", "+33612345678", "612345678"),  # France, mobile 06 12 34 56 78
        ("phone", "+14155550100", "4155550100"),  # US: no trunk prefix
        ("phone", "+390612345678", "0612345678"),  # Italy keeps its leading 0
        ("phone", "+8613800138000", "13800138000"),  # mainland mobile
        ("phone", "13800138000", "13800138000"),  # stored national (normalise_phone)
        ("phone", "01012345678", "1012345678"),  # Beijing landline: trunk 0 dropped
        ("phone", "+85221234567", "21234567"),  # Hong Kong: three-digit code
        ("phone", "+99912345", "99912345"),  # no such country code: all the digits
        ("phone", "not a number", "not a number"),  # a value older apps stored as written
    ],
)
def test_an_identifier_is_folded_for_the_search(kind: str, value: str, folded: str) -> None:
    assert folded_identifier(kind, value) == folded


def test_the_folded_form_keeps_to_the_stored_value_s_length() -> None:
    assert len(fold_text("ß" * 320)) == MAX_FOLDED_LENGTH
    # An account ID is cut after its separators are dropped: 320 letters of 640 characters.
    assert folded_identifier("account_id", "x-" * 320) == "x" * MAX_FOLDED_LENGTH


def test_the_country_codes_are_the_itu_s() -> None:
    # ITU-T E.164 assignments: +1 NANP, +7 Russia/Kazakhstan, +86 China, +852 Hong Kong...
    assert {1, 7, 44, 49, 81, 86, 852, 886} <= country_codes()
    assert not {0, 28, 80, 210, 999} & country_codes()  # spare or reserved codes


@pytest.mark.parametrize(
    ("typed", "stored", "found"),
    [
        # Typed in the national form, stored in the international one.
        ("090-1234-5678", "+81 90-1234-5678", True),
        ("090 1234", "+81 90-1234-5678", True),
        ("07700 900123", "+44 7700 900123", True),
        ("07700 900", "+44 7700 900123", True),
        ("0151 1234 5678", "+49 151 12345678", True),
        ("0151-123", "+49 151 12345678", True),
        ("06 12 34 56 78", "+33 6 12 34 56 78", True),
        ("(415) 555-0100", "+1 (415) 555-0100", True),
        ("415-555", "+1 415 555 0100", True),
        ("06 1234 5678", "+39 06 1234 5678", True),
        # Mainland numbers, as before.
        ("138 0013 8000", "+86 138 0013 8000", True),
        ("010 1234 5678", "+86 10 1234 5678", True),
        ("010-1234", "010 1234 5678", True),
        # Not found: another number.
        ("090-1234-5679", "+81 90-1234-5678", False),
        ("07700 900123", "+44 7700 900124", False),
    ],
)
def test_a_nationally_typed_number_starts_the_stored_number_s_folded_form(
    typed: str, stored: str, found: bool
) -> None:
    typed_phone, stored_phone = normalise_phone(typed), normalise_phone(stored)
    assert typed_phone is not None and stored_phone is not None
    folded = folded_identifier("phone", stored_phone)
    forms = national_search_forms(typed_phone)
    assert any(folded.startswith(form) for form in forms) is found


def test_a_number_typed_with_its_country_code_has_no_national_form() -> None:
    assert national_search_forms("+4477009") == ()
    assert national_search_forms("0901234") == ("0901234", "901234")
    assert national_search_forms("4155550") == ("4155550",)

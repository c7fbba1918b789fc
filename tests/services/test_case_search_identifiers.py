"""The case list's search finds a requester by account ID, e-mail address or phone number
however it is typed: in any letter case or width (one range per kind over the stored folded
form, ``app.models.identifier_folding``), an account ID with any separators or none (an
e-mail address keeps its own), a phone number stored in international form by its
national form ("090-1234-5678" finds +81 90-1234-5678) and the reverse, mainland numbers with
or without +86. Every way an identifier is written keeps its folded form in step: the ORM,
Core inserts (the benchmarks' bulk data) and an edit of the value."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, select

from app.models import DataSubject, IdentifierKind, SubjectIdentifier
from app.services.case_search import CaseQuery
from app.services.case_search_text import search_terms
from app.store import Database
from tests.services.case_search_requesters import Identified, named_case
from tests.services.test_case_search import TODAY, found

ACCOUNTS = Identified(
    IdentifierKind.ACCOUNT_ID,
    ["ＡＢＣ_User", "Li_Si_2020", "ACCT-778899", "Straße_9", "1001", "xuyun-88231", "Wang.Fang"],
)
EMAILS = Identified(
    IdentifierKind.EMAIL, ["Zhang.Wei@example.com", "li.si@example.cn", "li.na@example.com"]
)
# Stored as the app stores them (contact_points.normalise_phone).
PHONES = Identified(
    IdentifierKind.PHONE,
    [
        "+819012345678",  # Japan: 090-1234-5678
        "+447700900123",  # UK: 07700 900123
        "+4915112345678",  # Germany: 0151 12345678
        "+33612345678",  # France: 06 12 34 56 78
        "+14155550100",  # US: (415) 555-0100
        "+390612345678",  # Italy: 06 1234 5678
        "13800138000",  # mainland mobile
        "01012345678",  # Beijing landline
    ],
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("abc_user", ACCOUNTS.cases_of("ＡＢＣ_User")),
        ("ABC", ACCOUNTS.cases_of("ＡＢＣ_User")),
        ("ａｂｃ＿ｕｓｅｒ", ACCOUNTS.cases_of("ＡＢＣ_User")),
        ("LI_SI", ACCOUNTS.cases_of("Li_Si_2020")),
        ("li_si_2020", ACCOUNTS.cases_of("Li_Si_2020")),
        ("acct-778899", ACCOUNTS.cases_of("ACCT-778899")),
        ("  aCcT-7788 ", ACCOUNTS.cases_of("ACCT-778899")),
        ("STRASSE", ACCOUNTS.cases_of("Straße_9")),
        ("straße_", ACCOUNTS.cases_of("Straße_9")),
        ("li_si_2021", set()),
        ("%", set()),
        ("ac%", set()),  # "%" is a literal, not a wildcard
        # Separators typed otherwise, or not at all (QA defect L4): the stored "xuyun-88231".
        ("xuyun-88", ACCOUNTS.cases_of("xuyun-88231")),
        ("xuyun88231", ACCOUNTS.cases_of("xuyun-88231")),
        ("XUYUN 88231", ACCOUNTS.cases_of("xuyun-88231")),
        ("ｘｕｙｕｎ－８８２３１", ACCOUNTS.cases_of("xuyun-88231")),  # full-width
        ("xuyun—88231", ACCOUNTS.cases_of("xuyun-88231")),  # em dash U+2014
        ("xuyun\u221288231", ACCOUNTS.cases_of("xuyun-88231")),  # minus sign U+2212
        ("Xuyun·882", ACCOUNTS.cases_of("xuyun-88231")),  # middle dot U+00B7
        ("xuyun_88231", ACCOUNTS.cases_of("xuyun-88231")),
        ("xu yun 88", ACCOUNTS.cases_of("xuyun-88231")),
        ("xuyun 88232", set()),
        ("acct_", ACCOUNTS.cases_of("ACCT-778899")),  # "_" a separator as "-" is
        ("lisi 2020", ACCOUNTS.cases_of("Li_Si_2020")),
        ("wangfang", ACCOUNTS.cases_of("Wang.Fang")),
        ("wang-fang", ACCOUNTS.cases_of("Wang.Fang")),
        # Several words without a digit are a name, not an account ID read out in parts.
        ("wang fang", set()),
    ],
)
def test_an_account_id_is_found_in_any_case_and_width(
    database: Database, text: str, expected: set[str]
) -> None:
    ACCOUNTS.add_to(database)
    assert found(database, CaseQuery(TODAY, text=text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zhang.wei", EMAILS.cases_of("Zhang.Wei@example.com")),
        ("ZHANG.WEI@EXAMPLE", EMAILS.cases_of("Zhang.Wei@example.com")),
        ("Li.Si@", EMAILS.cases_of("li.si@example.cn")),
        ("example", set()),  # a prefix search: the address starts with the text
        # An address keeps its dots and hyphens: an exact prefix, unlike an account ID.
        ("li.na@", EMAILS.cases_of("li.na@example.com")),
        ("LI.NA@EXAMPLE.COM", EMAILS.cases_of("li.na@example.com")),
        ("lina@", set()),
        ("li-na@", set()),
    ],
)
def test_an_email_address_is_found_in_any_case(
    database: Database, text: str, expected: set[str]
) -> None:
    EMAILS.add_to(database)
    assert found(database, CaseQuery(TODAY, text=text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # National forms of numbers stored with their country code.
        ("090-1234-5678", PHONES.cases_of("+819012345678")),
        ("090 1234", PHONES.cases_of("+819012345678")),
        ("07700 900123", PHONES.cases_of("+447700900123")),
        ("0151 1234 5678", PHONES.cases_of("+4915112345678")),
        # The same digits dialled in France and in Italy (whose numbers keep their "0"):
        # without a country code typed, both are listed.
        ("06 12 34 56 78", PHONES.cases_of("+33612345678", "+390612345678")),
        ("06 12 34 56", PHONES.cases_of("+33612345678", "+390612345678")),
        ("(415) 555-0100", PHONES.cases_of("+14155550100")),
        ("+39 06 1234", PHONES.cases_of("+390612345678")),
        ("+33 6 12 34", PHONES.cases_of("+33612345678")),
        # International forms.
        ("+81 90 1234", PHONES.cases_of("+819012345678")),
        ("+44 7700 900123", PHONES.cases_of("+447700900123")),
        ("0049 151 1234", PHONES.cases_of("+4915112345678")),
        ("+44 90 1234", set()),  # the country code counts when typed
        # Mainland numbers, with or without +86 / 0086, as before.
        ("138 0013 8000", PHONES.cases_of("13800138000")),
        ("+86 138 0013", PHONES.cases_of("13800138000")),
        ("0086 138 0013 8000", PHONES.cases_of("13800138000")),
        ("010 1234 5678", PHONES.cases_of("01012345678")),
        ("+86 10 1234", PHONES.cases_of("01012345678")),
        # Another number; a short number is a reference number, not a phone's start.
        ("090-1234-5679", set()),
        ("14", set()),
        ("9012", set()),
    ],
)
def test_a_phone_number_is_found_in_national_or_international_form(
    database: Database, text: str, expected: set[str]
) -> None:
    PHONES.add_to(database)
    assert found(database, CaseQuery(TODAY, text=text)) == expected


def test_an_account_like_text_is_one_range_per_kind() -> None:
    ranges = search_terms("ZhangWei_0123456789").ranges
    assert [r.name for r in ranges] == ["word0", "email", "account"]


@pytest.mark.parametrize(
    ("text", "names", "account"),
    [
        # A name of several words has no account range; one of one word has it as before.
        ("Anna S", ["name", "word0", "word1", "email"], None),
        ("Li Na", ["name", "word0", "word1", "email"], None),
        ("王芳", ["word0", "email", "account"], "王芳"),
        ("王 芳", ["name", "word0", "word1", "email"], None),
        # An account ID read out in parts holds a digit: one range, without the spaces.
        ("XUYUN 88231", ["name", "word0", "word1", "email", "account"], "xuyun88231"),
        ("li.na@", ["word0", "email", "account"], "lina@"),
    ],
)
def test_a_text_is_an_account_id_unless_it_is_words_without_a_digit(
    text: str, names: list[str], account: str | None
) -> None:
    ranges = search_terms(text).ranges
    assert [r.name for r in ranges] == names
    assert next((r.low for r in ranges if r.name == "account"), None) == account


def _folded(database: Database) -> dict[str, str]:
    with database.session() as session:
        rows = session.execute(select(SubjectIdentifier.value, SubjectIdentifier.folded))
        return {value: folded for value, folded in rows}


def test_a_core_insert_writes_the_folded_form_too(database: Database) -> None:
    # As benchmarks/demo_cases.py writes its million requesters: Core, no ORM listeners.
    with database.session() as session:
        session.add(DataSubject(id=1, display_name="x"))
        session.flush()
        rows = [
            {"subject_id": 1, "kind": IdentifierKind.ACCOUNT_ID, "value": "ＡＢＣ_User"},
            {"subject_id": 1, "kind": IdentifierKind.PHONE, "value": "+819012345678"},
        ]
        session.execute(
            insert(SubjectIdentifier), [r | {"added_at": datetime.now(UTC)} for r in rows]
        )
    assert _folded(database) == {"ＡＢＣ_User": "abcuser", "+819012345678": "9012345678"}


def test_an_edited_value_gets_its_folded_form_again(database: Database) -> None:
    with database.session() as session:
        identifier = SubjectIdentifier(kind=IdentifierKind.ACCOUNT_ID, value="Old_ID")
        session.add(named_case(1, "x", identifier))
    with database.session() as session:
        held = session.scalars(select(SubjectIdentifier)).one()
        held.value = "ＮＥＷ_ID"
    assert _folded(database) == {"ＮＥＷ_ID": "newid"}
    assert found(database, CaseQuery(TODAY, text="new_id")) == {"PD-2026-000001"}
    assert found(database, CaseQuery(TODAY, text="old_id")) == set()

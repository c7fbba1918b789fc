"""The letterhead stored in settings: round trip with images, validation, permission, and
the letters that print it."""

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import LetterError, SettingsError, SettingsPermissionError
from app.models import Event, StaffMember
from app.models.enums import StaffRole
from app.reports.case_letters import render_case_letter
from app.reports.settings_letterhead import CONTACT_NOT_AN_EMAIL, letterhead_for
from app.services.deadlines import RuleBook, load_rule_book
from app.services.letters import generate_letter
from app.services.settings import may_change_settings, write_setting
from app.services.settings_letterhead import (
    BAD_PORT,
    HOLDS_USER_INFO,
    LETTERHEAD_KEY,
    NOT_A_WEB_ADDRESS,
    NOT_AN_EMAIL,
    LetterheadFields,
    reset_letterhead,
    save_letterhead,
    stored_letterhead,
)
from app.store import Database
from tests.services.settings_factory import TODAY, open_case, png

COMPANY = "Smith&Jones 数据科技有限公司"


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _fields(**changes: object) -> LetterheadFields:
    values: dict[str, object] = {
        "company_name": COMPANY,
        "address": "上海市浦东新区世纪大道 100 号 <A座>",
        "privacy_contact": "dpo@smith-jones.example",
        "company_name_en": "Smith&Jones Data Technology Co., Ltd.",
        "logo": png("blue"),
        "signature_image": png("red"),
    }
    values.update(changes)
    return LetterheadFields(**values)  # type: ignore[arg-type]


def _text(pdf: bytes) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_nothing_stored_means_the_shipped_default(database: Database) -> None:
    with database.session() as session:
        assert stored_letterhead(session) is None
        assert letterhead_for(None).company_name == "须云科技有限公司"


def test_letterhead_round_trip_keeps_text_and_image_bytes(database: Database) -> None:
    fields = _fields(website="https://smith-jones.example")
    with database.session() as session:
        save_letterhead(session, fields, actor="admin")
    with database.session() as session:
        assert stored_letterhead(session) == fields
        event = session.scalars(select(Event).where(Event.action == "settings.changed")).one()
        assert event.actor == "admin"
        assert COMPANY not in str(event.payload)  # no letterhead text in the trail
    printed = letterhead_for(fields)
    assert printed.logo == png("blue") and printed.signature_image == png("red")


def test_reset_goes_back_to_the_default(database: Database) -> None:
    with database.session() as session:
        save_letterhead(session, _fields(), actor="admin")
        reset_letterhead(session, actor="admin")
        assert stored_letterhead(session) is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"company_name": "  "}, "letterhead.company_name"),
        ({"privacy_contact": ""}, "letterhead.privacy_contact"),
        ({"address": "地" * 2001}, "letterhead.address"),
        ({"company_name": "须云\u202e科技"}, "letterhead.company_name"),
        ({"website": "https://x.example\x07"}, "letterhead.website"),
        # QA16 W4: the contact must be an address to write to, the website an http(s) one.
        ({"privacy_contact": "not an email"}, "letterhead.privacy_contact"),
        ({"privacy_contact": "dpo@localhost"}, "letterhead.privacy_contact"),
        ({"privacy_contact": "电话 400-800-8888"}, "letterhead.privacy_contact"),
        ({"website": "javascript:alert(1)"}, "letterhead.website"),
        ({"website": "ftp://x"}, "letterhead.website"),
        ({"website": "www.smith-jones.example"}, "letterhead.website"),
        ({"website": "https://"}, "letterhead.website"),
        ({"website": "https://smith jones.example"}, "letterhead.website"),
        ({"website": "http://[::1"}, "letterhead.website"),
        # QA17 F8: credentials would print on letters; 99999 is no port (RFC 6335: 0-65535).
        ({"website": "https://user:pw@evil.com"}, "letterhead.website"),
        ({"website": "https://xuyun.example@evil.com/"}, "letterhead.website"),
        ({"website": "https://xuyun.example:99999/"}, "letterhead.website"),
        ({"website": "https://xuyun.example:0/"}, "letterhead.website"),
        ({"logo": b"GIF89a...."}, "letterhead.logo"),
        ({"signature_image": b"%PDF-1.7"}, "letterhead.signature_image"),
    ],
)
def test_bad_letterhead_is_refused_naming_the_field(
    database: Database, changes: dict[str, object], field: str
) -> None:
    with database.session() as session:
        with pytest.raises(SettingsError) as caught:
            save_letterhead(session, _fields(**changes), actor="admin")
        assert caught.value.field == field
        assert stored_letterhead(session) is None


def test_only_managers_and_admins_may_change_once_staff_exist(database: Database) -> None:
    with database.session() as session:
        assert may_change_settings(session, "anyone")  # first setup: empty staff list
        session.add(StaffMember(username="li", display_name="李四", role=StaffRole.HANDLER))
        session.add(StaffMember(username="wang", display_name="王五", role=StaffRole.MANAGER))
        session.flush()
        assert not may_change_settings(session, "li")
        assert not may_change_settings(session, "stranger")
        assert may_change_settings(session, "wang")
        with pytest.raises(SettingsPermissionError):
            save_letterhead(session, _fields(), actor="li")


def test_letters_print_the_stored_company_name(database: Database, rule_book: RuleBook) -> None:
    with database.session() as session:
        open_case(session, rule_book)
        before = _acknowledgement(session, rule_book, "zh")
        save_letterhead(session, _fields(), actor="admin")
        after = _acknowledgement(session, rule_book, "zh")
    assert "须云科技有限公司" in _text(before)
    text = _text(after)
    assert "Smith&Jones数据科技有限公司" in text
    assert "须云科技有限公司" not in text
    assert "dpo@smith-jones.example" in text


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"privacy_contact": "not an email"}, NOT_AN_EMAIL),
        ({"website": "javascript:alert(1)"}, NOT_A_WEB_ADDRESS),
        ({"website": "https://user:secret-pw@evil.com"}, HOLDS_USER_INFO),
        ({"website": "https://xuyun.example:99999/"}, BAD_PORT),
    ],
)
def test_the_refusal_says_what_the_field_must_be_without_the_value(
    database: Database, changes: dict[str, str], problem: str
) -> None:
    with database.session() as session, pytest.raises(SettingsError) as caught:
        save_letterhead(session, _fields(**changes), actor="admin")
    assert caught.value.problem == problem
    assert next(iter(changes.values())) not in str(caught.value)


def test_good_contacts_and_websites_in_any_script_are_kept(database: Database) -> None:
    fields = _fields(
        privacy_contact="mailto:<DPO@Smith-Jones.EXAMPLE>",
        website="https://例子.测试:8443/隐私?lang=zh#联系@客服",
    )
    with database.session() as session:
        save_letterhead(session, fields, actor="admin")
        stored = stored_letterhead(session)
    assert stored is not None
    # Stored as letters print it: the prefix and brackets dropped, the domain lower-cased.
    assert stored.privacy_contact == "DPO@smith-jones.example"
    assert stored.website == "https://例子.测试:8443/隐私?lang=zh#联系@客服"


def _stored_before_the_check(session: Session, **changes: str) -> None:
    """Store a letterhead as a version without the contact and website checks did."""
    texts = {name: value for name, value in _fields(**changes).texts().items() if value}
    write_setting(session, LETTERHEAD_KEY, texts, actor="admin")


def _acknowledgement(session: Session, rule_book: RuleBook, language: str = "en") -> bytes:
    """The PDF of an acknowledgement in ``language`` to the open case PD-2026-000001."""
    letter = generate_letter(
        session,
        "PD-2026-000001",
        "acknowledgement",
        language,
        renderer=render_case_letter,
        rule_book=rule_book,
        issued_date=TODAY,
    )
    return letter.pdf


def _printed_after_storing_unchecked(
    database: Database, rule_book: RuleBook, **changes: str
) -> str:
    """The text of an acknowledgement to an open case, with the letterhead ``changes`` stored as
    a version without the contact and website checks did."""
    with database.session() as session:
        open_case(session, rule_book)
        _stored_before_the_check(session, **changes)
        return _text(_acknowledgement(session, rule_book))


def test_a_stored_website_that_is_not_http_is_left_out_of_letters(
    database: Database, rule_book: RuleBook
) -> None:
    text = _printed_after_storing_unchecked(database, rule_book, website="javascript:alert(1)")
    assert "javascript" not in text
    assert "dpo@smith-jones.example" in text  # the rest of the letterhead prints


def test_a_stored_website_with_credentials_is_left_out_of_letters(
    database: Database, rule_book: RuleBook
) -> None:
    text = _printed_after_storing_unchecked(
        database, rule_book, website="https://user:secret-pw@evil.com"
    )
    assert "secret-pw" not in text
    assert "evil.com" not in text
    assert "dpo@smith-jones.example" in text


def test_a_mailto_contact_is_stored_and_printed_without_the_scheme(
    database: Database, rule_book: RuleBook
) -> None:
    # QA17 F8: the scheme is case-insensitive (RFC 3986 s. 3.1), so MAILTO: is the same.
    with database.session() as session:
        open_case(session, rule_book)
        save_letterhead(
            session, _fields(privacy_contact="MAILTO:DPO@Smith-Jones.example"), actor="admin"
        )
        stored = stored_letterhead(session)
        text = _text(_acknowledgement(session, rule_book))
    assert stored is not None and stored.privacy_contact == "DPO@smith-jones.example"
    assert "DPO@smith-jones.example" in text
    assert "mailto" not in text.lower()


def test_a_stored_contact_that_is_no_address_refuses_letters_naming_settings(
    database: Database, rule_book: RuleBook
) -> None:
    with database.session() as session:
        open_case(session, rule_book)
        _stored_before_the_check(session, privacy_contact="not an email")
        with pytest.raises(LetterError) as caught:
            _acknowledgement(session, rule_book)
    assert str(caught.value) == CONTACT_NOT_AN_EMAIL
    assert "Settings › Letterhead" in str(caught.value)
    assert "not an email" not in str(caught.value)

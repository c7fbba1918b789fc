"""The CCPA's own names for its rights (QA18 F9): a "request to know" (Cal. Civ. Code
§§1798.110, 1798.115) is an access request, and a request to "limit the use of my sensitive
personal information" (§1798.121; 11 CCR §7027) is what the US-CA rule set counts as consent
withdrawal, 15 business days; left unrecognised they were kind "other", 45 days.

Every mail is dated Mon 30 Nov 2026 09:00 -0800 (Los Angeles): day 0 = Mon 30 Nov.
15 business days: 1-4 Dec (4), 7-11 (9), 14-18 (14), Mon 21 Dec (15).
45 days (11 CCR §7021(b)): 30 Nov + 1 = 1 Dec ... + 31 = 31 Dec, + 45 = Thu 14 Jan 2027.
"""

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import Case
from app.services.deadlines import RuleBook, load_rule_book
from app.services.importing import import_paths
from app.store import Database

RESIDENT = "I am a California resident. "
BUSINESS_DAYS_15 = date(2026, 12, 21)
DAYS_45 = date(2027, 1, 14)


@pytest.fixture(scope="module")
def rule_book() -> RuleBook:
    return load_rule_book()


def _case(database: Database, rule_book: RuleBook, folder: Path, body: str) -> Case:
    path = folder / "ccpa.eml"
    path.write_bytes(
        (
            "From: P5 <p5@example.com>\r\nTo: privacy@xuyun.example\r\n"
            "Subject: CCPA request\r\nDate: Mon, 30 Nov 2026 09:00:00 -0800\r\n"
            "Message-ID: <ccpa@example.com>\r\nMIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
        ).encode()
    )
    import_paths(database.session, [path], rule_book)
    with database.session() as session:
        case = session.scalars(select(Case)).one()
        session.expunge(case)
        return case


@pytest.mark.parametrize(
    "body",
    [
        RESIDENT + "Please limit the use of my sensitive personal information.",  # QA18 c5
        RESIDENT
        + "I ask you to limit the use and disclosure of my sensitive personal information.",
        # The link text §7027 and §1798.135 require, quoted back by a consumer.
        RESIDENT + 'I clicked your "Limit the Use of My Sensitive Personal Information" link.',
        "Pursuant to Cal. Civ. Code 1798.121, restrict what you do with my precise geolocation.",
        "Soy residente de California. Conforme a la CCPA, quiero limitar el uso de mi "
        "información personal confidencial.",
    ],
)
def test_limiting_sensitive_personal_information_is_due_in_15_business_days(
    database: Database, rule_book: RuleBook, tmp_path: Path, body: str
) -> None:
    case = _case(database, rule_book, tmp_path, body)
    assert (case.jurisdiction, case.kind) == ("US-CA", "consent_withdrawal")
    assert case.due_date == BUSINESS_DAYS_15


@pytest.mark.parametrize(
    "body",
    [
        # QA18 c1 and c2.
        RESIDENT + "Under the CCPA I request to know the personal information you collected "
        "about me.",
        RESIDENT + "Under the CCPA I request to know what personal information you have "
        "collected about me.",
        RESIDENT + "I am exercising my right to know under the CCPA.",
        "Verifiable consumer Request to Know (Cal. Civ. Code). Send me the specific pieces of "
        "personal information.",
        "Soy residente de California. Presento una solicitud para saber conforme a la CCPA.",
    ],
)
def test_a_request_to_know_is_an_access_request(
    database: Database, rule_book: RuleBook, tmp_path: Path, body: str
) -> None:
    case = _case(database, rule_book, tmp_path, body)
    assert (case.jurisdiction, case.kind) == ("US-CA", "access")
    assert case.due_date == DAYS_45


@pytest.mark.parametrize(
    "body",
    [
        "Hi, I'd like to know if my order shipped. Order 5521, thanks.",
        "Please let me know when the blue sofa is back in stock.",
        "Can you limit the use of my coupon to one per order?",
    ],
)
def test_wanting_to_know_something_else_is_no_access_request(
    database: Database, rule_book: RuleBook, tmp_path: Path, body: str
) -> None:
    assert _case(database, rule_book, tmp_path, body).kind not in ("access", "consent_withdrawal")

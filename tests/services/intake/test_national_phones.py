"""A phone number written the national way ("06 12 34 56 78", no +33) is recorded as the
requester's, in its international form when the message names the one country it is dialled
in: the sender's country-code domain, or a language written in one country (QA15 F4: a French
mobile after "Tél." was not recorded at all). Without such a country it is kept as written."""

import pytest

from app.services.intake import TriageProposal, triage
from app.services.intake.files import parse_incoming
from app.services.intake.forwarded_triage import triage_forward
from app.services.intake.phone_region import international_phone, phone_region
from app.services.intake.vocabulary import default_rules


def _mail(sender: str, body: str) -> bytes:
    return (
        f"From: {sender}\r\nTo: privacy@xuyun.example\r\nSubject: Request\r\n"
        "Date: Thu, 12 Nov 2026 09:00:00 +0100\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{body}\r\n"
    ).encode()


def _forwarded_by_li_lei(domain: str, body: str) -> TriageProposal:
    """Triage of ``body`` forwarded by Li Lei from the company's own mail ``domain``."""
    raw = _mail(f"Li Lei <li.lei@{domain}>", body)
    return triage_forward(parse_incoming(raw), default_rules(), frozenset({domain}))


@pytest.mark.parametrize(
    ("sender", "body", "phone"),
    [
        # The one country named (the sender's country-code domain, a language written in
        # one country): made international.
        # France (.fr): mobile 06 = +33 6…, the trunk "0" dropped (ARCEP numbering plan).
        (
            "Hélène Dubois <helene.dubois@example.fr>",
            "Bonjour, je vous demande d'effacer toutes mes données personnelles. "
            "Tél. 06 12 34 56 78.",
            "+33612345678",
        ),
        # Germany (.de): Berlin's area code 030 = +49 30….
        (
            "Jürgen Weber <j.weber@example.de>",
            "Bitte löschen Sie meine personenbezogenen Daten.\nTelefon: 030 1234567",
            "+49301234567",
        ),
        # United Kingdom (.co.uk): mobile 07400 = +44 7400….
        (
            "Pat Doe <pat@example.co.uk>",
            "Please delete all my personal data.\nMobile: 07400 123456",
            "+447400123456",
        ),
        # Korean written in one country only: 010 mobile = +82 10…, from a generic domain.
        (
            "Kim <kim@example.com>",
            "제 개인정보를 삭제해 주십시오.\n전화: 010-1234-5678",
            "+821012345678",
        ),
        # Without one country, or not that country's number: kept as written.
        # A mainland mobile stays in its national form, with or without a .cn domain.
        ("张伟 <zhang.wei@example.cn>", "请删除我的个人信息。\n手机：139 1234 5678", "13912345678"),
        ("张伟 <zhang.wei@qq.com>", "请删除我的个人信息。\n手机：13912345678", "13912345678"),
        # No country given (a .com address, English written everywhere): not +33, as written.
        ("Pat <pat@example.com>", "Please delete my data.\nPhone: 06 12 34 56 78", "0612345678"),
        # Two countries given (a .de address, Korean): neither is assumed.
        (
            "Kim <kim@example.de>",
            "제 개인정보를 삭제해 주십시오.\n전화: 010-1234-5678",
            "01012345678",
        ),
        # Not a French number (too short for the plan): kept as written, not made +33….
        ("H. Dubois <h@example.fr>", "Je souhaite effacer mes données. Tél. 12 34 56", "123456"),
        # A number with its country code keeps it, whatever the domain.
        (
            "J. Weber <j@example.fr>",
            "Je souhaite effacer mes données. Tél. +49 30 1234567",
            "+49301234567",
        ),
    ],
)
def test_a_national_number_is_international_only_in_the_one_country_named(
    sender: str, body: str, phone: str
) -> None:
    assert triage(parse_incoming(_mail(sender, body))).requester_phone == phone


def test_a_forwarded_french_mail_records_the_users_mobile() -> None:
    # QA15 b05: a colleague forwards Hélène Dubois' mail inline; her "Tél." is hers.
    body = (
        "Hi privacy team, please handle.\n--\nLi Lei, Customer Service\n"
        "Tel +86 571 8888 0000\nMobile 13700000001\n\n"
        "---------- Message transféré ---------\n"
        "De : Hélène Dubois <helene.dubois@example.fr>\n"
        "Date : mer. 11 nov. 2026 à 08:00\nObjet : Suppression\nÀ : <service@xuyun.example>\n\n"
        "Bonjour, je vous demande d'effacer toutes mes données personnelles (article 17 RGPD). "
        "Tél. 06 12 34 56 78.\nHélène Dubois\n"
    )
    proposal = _forwarded_by_li_lei("xuyun.example", body)
    assert proposal.requester_email == "helene.dubois@example.fr"
    # Recorded (it was not: "Tél." was no phone label). As written, for the forwarded words are
    # triaged under the forwarder's address (xuyun.example names no country), not Hélène's .fr.
    assert proposal.requester_phone == "0612345678"


def test_a_forwarders_country_is_not_the_forwarded_writers() -> None:
    # A colleague at a German company forwards a French user's mail: "06 12 34 56 78" is a
    # valid German number too (+49 6123…, Rheingau), so the .de domain must not decide.
    body = (
        "Bitte bearbeiten.\n\n---------- Forwarded message ---------\n"
        "From: Hélène Dubois <helene.dubois@example.com>\n"
        "Date: Wed, 11 Nov 2026 08:00\nSubject: Suppression\nTo: <service@xuyun.de>\n\n"
        "Bonjour, je vous demande d'effacer toutes mes données personnelles. "
        "Tél. 06 12 34 56 78.\n"
    )
    proposal = _forwarded_by_li_lei("xuyun.de", body)
    assert proposal.requester_email == "helene.dubois@example.com"
    assert proposal.requester_phone == "0612345678"


@pytest.mark.parametrize(
    ("address", "language", "region"),
    [
        ("a@example.fr", None, "FR"),
        ("a@example.co.uk", "en", "GB"),  # IANA's "uk" is ISO 3166's GB
        ("a@example.io", None, None),  # not listed as a country's domain: a vanity name
        ("a@example.eu", None, None),  # the EU is no dialling region
        ("a@example.com", "ja", "JP"),
        ("a@example.jp", "ja", "JP"),
        ("a@example.fr", "ja", None),  # two countries
        ("a@example.com", "nl", None),  # Dutch: the EU, not one country
        (None, None, None),
        ("not an address", None, None),
    ],
)
def test_phone_region(address: str | None, language: str | None, region: str | None) -> None:
    assert phone_region(address, language, default_rules()) == region


def test_international_phone_keeps_what_it_cannot_read() -> None:
    assert international_phone("0612345678", "FR") == "+33612345678"
    assert international_phone("0612345678", None) == "0612345678"
    assert international_phone("13912345678", "CN") == "13912345678"
    assert international_phone("+33612345678", "DE") == "+33612345678"
    assert international_phone("123456", "FR") == "123456"

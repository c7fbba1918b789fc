"""Triage of hand-built letters in several languages and under several laws."""

from email.message import EmailMessage

import pytest

from app.models.enums import CaseKind, ReviewFlag
from app.services.intake import TriageProposal, TriageReason, parse_message, triage


def _triage(
    body: str, subject: str = "", sender: str = "Jan Kowalski <jan@example.pl>"
) -> TriageProposal:
    message = EmailMessage()
    message["From"] = sender
    message["Subject"] = subject
    message["Date"] = "Mon, 02 Mar 2026 09:30:00 +0100"
    message.set_content(body)
    return triage(parse_message(message.as_bytes()))


@pytest.mark.parametrize(
    ("language", "body", "citation"),
    [
        (
            "de",
            "Sehr geehrte Damen und Herren, ich bitte Sie, alle mich betreffenden Daten gemäß "
            "Art. 17 DSGVO zu entfernen. Mit freundlichen Grüßen",
            "Art. 17 DSGVO",
        ),
        (
            "fr",
            "Madame, Monsieur, je vous demande de retirer toutes les informations me concernant, "
            "conformément à l'article 17 du RGPD. Je vous prie d'agréer mes salutations.",
            "article 17 du RGPD",
        ),
        (
            "pl",
            "Szanowni Państwo, na podstawie art. 17 ust. 1 RODO proszę o usunięcie moich danych "
            "osobowych, które przetwarzacie. Z poważaniem",
            "art. 17 ust. 1 RODO",
        ),
    ],
)
def test_article_17_letters_are_eu_deletions(language: str, body: str, citation: str) -> None:
    proposal = _triage(body)
    assert (proposal.kind, proposal.jurisdiction, proposal.language) == (
        CaseKind.DELETION,
        "EU",
        language,
    )
    assert TriageReason("kind", "statute_citation", citation) in proposal.reasons
    assert TriageReason("jurisdiction", "statute_citation", citation) in proposal.reasons


def test_english_letter_citing_pipl_is_cn() -> None:
    proposal = _triage(
        "Dear team, under Article 47 of the PIPL I ask you to erase all personal information "
        "you hold about me. Regards",
        subject="Please erase my data",
    )
    assert (proposal.kind, proposal.jurisdiction, proposal.language) == (
        CaseKind.DELETION,
        "CN",
        "en",
    )


@pytest.mark.parametrize(
    ("body", "kind", "jurisdiction"),
    [
        (
            "Under Cal. Civ. Code § 1798.105 please delete the personal information you collected.",
            CaseKind.DELETION,
            "US-CA",
        ),
        (
            "Nos termos do art. 18, inciso IX, da LGPD, revogo o consentimento dado.",
            CaseKind.CONSENT_WITHDRAWAL,
            "BR",
        ),
        ("I request a copy of my personal data under Article 15 UK GDPR.", CaseKind.ACCESS, "UK"),
        ("I withdraw my consent pursuant to Art. 7(3) GDPR.", CaseKind.CONSENT_WITHDRAWAL, "EU"),
        (
            "根据《个人信息保护法》第四十五条第三款，请将我的个人信息转移至其他平台。",
            CaseKind.COPY,
            "CN",
        ),
    ],
)
def test_statute_citations_decide(body: str, kind: CaseKind, jurisdiction: str) -> None:
    proposal = _triage(body)
    assert (proposal.kind, proposal.jurisdiction) == (kind, jurisdiction)


def test_chinese_reminder_without_citation() -> None:
    proposal = _triage(
        "我上月提交的删除申请至今未收到答复，请尽快处理。",
        subject="催办：删除申请",
        sender="张三 <zhang.san@example.com>",
    )
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (
        CaseKind.REMINDER,
        "zh",
        "CN",
    )
    assert ReviewFlag.UNLINKED_REMINDER in proposal.flags
    # Chinese is written under several laws: the default jurisdiction (CN shipped) decides.
    assert TriageReason("jurisdiction", "default", "CN") in proposal.reasons


def test_invoice_question_is_not_a_request() -> None:
    proposal = _triage(
        "Hello, where in the console can I download the VAT invoice for March? Thanks.",
        subject="Invoice question",
    )
    assert proposal.kind is CaseKind.NOT_A_REQUEST
    assert ReviewFlag.NOT_A_REQUEST in proposal.flags


def test_privacy_mail_without_known_request_needs_a_person() -> None:
    proposal = _triage("Hello, I have a question about my personal data and your privacy policy.")
    assert proposal.kind is CaseKind.OTHER
    assert ReviewFlag.UNKNOWN_KIND in proposal.flags


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("Solicito o apagamento dos meus dados pessoais, por favor, com a maior brevidade.", "pt"),
        (
            "Žádám o výmaz mých osobních údajů podle obecného nařízení, které se na vás vztahuje.",
            "cs",
        ),
        ("Molim vas za brisanje mojih osobnih podataka koje obrađujete.", "hr"),
        ("Παρακαλώ τη διαγραφή των προσωπικών δεδομένων μου από τα αρχεία σας.", "el"),
    ],
)
def test_more_languages_are_recognised(body: str, language: str) -> None:
    proposal = _triage(body)
    assert (proposal.language, proposal.kind, proposal.jurisdiction) == (
        language,
        CaseKind.DELETION,
        "EU",
    )


def test_sender_without_address_takes_labelled_address_or_is_flagged() -> None:
    labelled = _triage(
        "Please erase my data.\nName: Zhang San\nE-mail: Zhang.San@Example.COM\n",
        sender="Zhang San",
    )
    assert (labelled.requester_name, labelled.requester_email) == (
        "Zhang San",
        "Zhang.San@example.com",
    )
    unknown = _triage("Please erase my data.", sender="Zhang San")
    assert unknown.requester_email is None
    assert ReviewFlag.UNKNOWN_REQUESTER in unknown.flags


def test_raw_template_markup_is_flagged() -> None:
    proposal = _triage(
        "Bitte löschen Sie meine Daten gemäß Art. 17 DSGVO.\n{id_data}\n[runs>: {runs_list}]"
    )
    assert ReviewFlag.RAW_TEMPLATE_MARKUP in proposal.flags


def test_ten_megabyte_message_is_triaged_from_its_opening() -> None:
    """Only the first 20,000 characters are read; the request is in the first paragraph and
    the rest (here padding that would otherwise dominate the stopword count and hold a
    contradicting Chinese deletion request) cannot change the result."""
    opening = "Dear Sir or Madam,\nunder Article 15 GDPR I request access to my personal data.\n"
    padding = "padding line for a large message " * 3 + "\n"
    tail = "根据《个人信息保护法》第四十七条，请删除我的个人信息。\n" * 1000
    body = opening + padding * 105_000 + tail
    assert len(body) > 10_000_000
    message = EmailMessage()
    message["From"] = "Big Mail <big.mail@example.com>"
    message["Subject"] = "Access request"
    message.set_content(body, cte="8bit")
    parsed = parse_message(message.as_bytes())
    assert parsed.body_text.endswith("请删除我的个人信息。")  # the body itself is kept whole
    proposal = triage(parsed)
    assert (proposal.kind, proposal.language, proposal.jurisdiction) == (
        CaseKind.ACCESS,
        "en",
        "EU",
    )
    assert TriageReason("kind", "statute_citation", "Article 15 GDPR") in proposal.reasons


def test_sender_without_address_keeps_the_name_through_triage() -> None:
    raw = (
        b"From: Just A Name\r\nTo: privacy@company.example\r\nSubject: Access request\r\n"
        b"Date: Mon, 02 Mar 2026 09:30:00 +0800\r\n\r\n"
        b"Dear Sir or Madam,\r\nunder Article 15 GDPR I request access to my personal data.\r\n"
    )
    message = parse_message(raw)
    assert (message.from_name, message.from_address) == ("Just A Name", None)
    proposal = triage(message)
    assert (proposal.requester_name, proposal.requester_email) == ("Just A Name", None)
    assert (proposal.kind, proposal.jurisdiction) == (CaseKind.ACCESS, "EU")
    assert ReviewFlag.UNKNOWN_REQUESTER in proposal.flags

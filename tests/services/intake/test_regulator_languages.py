"""The language of short regulator letters: one to three sentences of administrative wording
in Italian, Dutch, Spanish, Portuguese, French, German, English and Chinese (QA15 R4: a
Garante line was read as French, an Autoriteit Persoonsgegevens line as Croatian). The
language picks the reply letter's language and the reason a person reads."""

import pytest

from app.models.enums import ReviewFlag
from app.services.intake import triage
from app.services.intake.files import parse_incoming
from app.services.intake.language import detect_language
from app.services.intake.vocabulary import default_rules

# fmt: off
_LINES = [
    # Garante per la protezione dei dati personali (QA15 a08, a13).
    ("Si invita a fornire riscontro entro venti giorni dalla ricezione della presente.", "it"),
    ("Si invita a fornire riscontro entro un mese.", "it"),
    ("Codesta Società è tenuta a comunicare all'Autorità le misure adottate entro quindici "
     "giorni.", "it"),
    # Autoriteit Persoonsgegevens (QA15 a09).
    ("Wij verzoeken u binnen vier weken te reageren.", "nl"),
    ("Graag ontvangen wij uw reactie uiterlijk 4 december 2026.", "nl"),
    ("De Autoriteit Persoonsgegevens verzoekt u de gevraagde informatie binnen twee weken toe "
     "te sturen.", "nl"),
    # Agencia Española de Protección de Datos.
    ("Le requerimos para que en el plazo de quince días remita la información.", "es"),
    ("Deberá remitir a esta Agencia la información requerida en el plazo de diez días.", "es"),
    # QA15 d09: read as Dutch on "de" twice.
    ("Deberá responder antes del 4 de diciembre de 2026.", "es"),
    # Comissão Nacional de Proteção de Dados; Autoridade Nacional de Proteção de Dados.
    ("Solicita-se que V. Exa. responda no prazo de dez dias úteis.", "pt"),
    ("Solicitamos o envio das informações no prazo de 10 dias.", "pt"),
    ("Queira informar esta Comissão das medidas adotadas.", "pt"),
    # CNIL.
    ("Nous vous prions de bien vouloir nous répondre dans un délai de quinze jours.", "fr"),
    ("Je vous serais obligé de me faire parvenir ces éléments sous un mois.", "fr"),
    ("Merci de me faire part de vos observations.", "fr"),
    ("Veuillez trouver ci-joint la plainte de Madame X.", "fr"),
    # A German Landesbeauftragte.
    ("Wir bitten um Stellungnahme binnen zwei Wochen.", "de"),
    ("Bitte antworten Sie innerhalb von zehn Werktagen.", "de"),
    # ICO; CAC.
    ("Please respond within 14 days of the date of this letter.", "en"),
    ("请于收到本函之日起十个工作日内书面答复。", "zh"),
]
# fmt: on


@pytest.mark.parametrize(("text", "code"), _LINES)
def test_a_short_regulator_line_is_read_in_its_language_and_certain(text: str, code: str) -> None:
    guess = detect_language(text, default_rules())
    assert (guess.code, guess.uncertain) == (code, False)


@pytest.mark.parametrize(
    ("text", "tied"),
    [
        # "le" and "la" are both common words of French and of Spanish: two each.
        ("le la", {"es", "fr"}),
        # "de" and "die" count for Dutch; "die" and "das" for German; "de" and "das" for
        # Portuguese: two each.
        ("de die das", {"de", "nl", "pt"}),
    ],
)
def test_languages_with_as_many_common_words_are_uncertain(text: str, tied: set[str]) -> None:
    guess = detect_language(text, default_rules())
    assert guess.code in tied
    assert guess.uncertain


def test_an_italian_inquiry_is_italian_and_not_flagged() -> None:
    raw = (
        b"From: Garante <protocollo@gpdp.it>\r\nTo: privacy@xuyun.example\r\n"
        b"Subject: Richiesta\r\nDate: Mon, 16 Nov 2026 10:00:00 +0100\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Si invita a fornire riscontro entro venti giorni dalla ricezione della presente.\r\n"
    )
    proposal = triage(parse_incoming(raw))
    assert proposal.language == "it"
    assert ReviewFlag.LANGUAGE_UNCERTAIN not in proposal.flags
    language = [(r.signal, r.evidence) for r in proposal.reasons if r.field == "language"]
    # Five common words once each (dalla, della, entro, presente, si): the first three named.
    assert language == [("stopwords", "dalla, della, entro")]
